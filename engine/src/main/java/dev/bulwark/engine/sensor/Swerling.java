package dev.bulwark.engine.sensor;

/**
 * How a target's radar cross-section fluctuates from look to look (Swerling's cases), and the
 * single-look probability of detection that follows for a square-law detector with a fixed
 * threshold.
 *
 * <p>Each case gives P_d as a function of the mean signal-to-noise ratio S̄ (power ratio) and the
 * false-alarm probability P_fa, with the normalised threshold T = −ln P_fa (noise power 1):
 * <ul>
 *   <li>{@link #SWERLING_1}: many comparable scatterers, the cross-section exponential (χ² with
 *       2 degrees of freedom): P_d = exp(−T/(1+S̄)) = P_fa^(1/(1+S̄)).</li>
 *   <li>{@link #SWERLING_3}: one dominant scatterer and many small ones (χ² with 4 degrees of
 *       freedom): P_d = (1 + 2 S̄ T/(2+S̄)²) · exp(−2T/(2+S̄)).</li>
 * </ul>
 * Source: Skolnik, <i>Introduction to Radar Systems</i>, 3rd ed., 2001, §2.8 (Swerling models);
 * Richards, <i>Fundamentals of Radar Signal Processing</i>, 2005, §6.3 (single-pulse closed
 * forms). With one look per scan and independent draws from scan to scan, Swerling II and IV
 * are the same as I and III here, so they are not separate cases. The non-fluctuating case 0
 * (Marcum's Q function) is not modelled.
 */
public enum Swerling {

    /** Exponential cross-section (χ², 2 degrees of freedom): small rockets, drones, aircraft. */
    SWERLING_1 {
        @Override
        public double detectionProbability(double snr, double falseAlarmProbability) {
            return Math.pow(falseAlarmProbability, 1.0 / (1.0 + snr));
        }
    },

    /** One dominant scatterer (χ², 4 degrees of freedom): compact bodies such as re-entry vehicles. */
    SWERLING_3 {
        @Override
        public double detectionProbability(double snr, double falseAlarmProbability) {
            double t = -Math.log(falseAlarmProbability);
            double d = 2.0 + snr;
            return (1.0 + 2.0 * snr * t / (d * d)) * Math.exp(-2.0 * t / d);
        }
    };

    /**
     * Single-look probability of detection.
     *
     * @param snr                   mean signal-to-noise power ratio (linear, not dB), ≥ 0
     * @param falseAlarmProbability probability of false alarm per resolution cell, in (0, 1)
     * @return P_d in [P_fa, 1]
     */
    public abstract double detectionProbability(double snr, double falseAlarmProbability);
}
