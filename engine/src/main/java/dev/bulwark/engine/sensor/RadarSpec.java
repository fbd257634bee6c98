package dev.bulwark.engine.sensor;

import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * A surveillance radar's parameters.
 *
 * <p>Detection follows the radar equation for a Swerling I target: the signal-to-noise ratio
 * falls as R⁻⁴ and grows with the radar cross-section, and P_d = P_fa^(1/(1+SNR))
 * (Skolnik, <i>Introduction to Radar Systems</i>, 3rd ed., 2001, §2.8 and §10.3). The radar
 * is characterised by the range at which a 1 m² target is detected with probability 0.9.
 *
 * @param name                  unique name
 * @param site                  antenna position
 * @param minRangeM             minimum instrumented range (m)
 * @param maxRangeM             maximum instrumented range (m)
 * @param minElevationRad       lowest elevation searched (rad); also stands in for the horizon mask
 * @param maxElevationRad       highest elevation searched (rad)
 * @param revisitS              time between looks at the same volume (s)
 * @param referenceRangeM       range (m) at which a 1 m² Swerling I target has P_d = 0.9
 * @param falseAlarmsPerScan    mean number of false plots per scan, spread uniformly over the coverage
 * @param sigmaRangeM           range measurement noise, one standard deviation (m)
 * @param sigmaAzimuthRad       azimuth measurement noise (rad)
 * @param sigmaElevationRad     elevation measurement noise (rad)
 */
public record RadarSpec(
        String name,
        GeodeticPoint site,
        double minRangeM,
        double maxRangeM,
        double minElevationRad,
        double maxElevationRad,
        double revisitS,
        double referenceRangeM,
        double falseAlarmsPerScan,
        double sigmaRangeM,
        double sigmaAzimuthRad,
        double sigmaElevationRad) {

    /** Probability of false alarm per resolution cell assumed by the detection model. */
    public static final double FALSE_ALARM_PROBABILITY = 1e-6;

    public RadarSpec {
        if (!(minRangeM >= 0 && maxRangeM > minRangeM) || !(revisitS > 0) || !(referenceRangeM > 0)
                || !(minElevationRad < maxElevationRad) || !(falseAlarmsPerScan >= 0)
                || !(sigmaRangeM > 0) || !(sigmaAzimuthRad > 0) || !(sigmaElevationRad > 0)) {
            throw new IllegalArgumentException("invalid parameters for radar " + name);
        }
    }
}
