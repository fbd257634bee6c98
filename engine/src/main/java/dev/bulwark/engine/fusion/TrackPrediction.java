package dev.bulwark.engine.fusion;

import dev.bulwark.engine.network.TrackReport;
import dev.bulwark.engine.track.ConstantVelocity;

/**
 * Brings a track report to another time with the nearly-constant-velocity model of
 * {@link ConstantVelocity} (Bar-Shalom, Li &amp; Kirubarajan 2001, §6.2.2): x' = F x,
 * P' = F P Fᵀ + Q(|Δt|). Backwards in time (a report newer than the fusion time) the state is
 * retrodicted with F(Δt) and the process noise of |Δt| still added, which keeps the covariance
 * conservative. Neglects gravity and drag: over the seconds of network delay a ballistic
 * threat falls by ½ g Δt², which the process noise must cover (q of a few hundred m²/s³).
 */
final class TrackPrediction {

    private final ConstantVelocity model;
    private final double[] f = new double[36];
    private final double[] b = new double[6];
    private final double[] q = new double[36];
    private final double[] fq = new double[36];
    private final double[] qAbs = new double[36];

    /** @param processNoise white-acceleration spectral density q (m²/s³) */
    TrackPrediction(double processNoise) {
        model = new ConstantVelocity(processNoise);
    }

    /** The report's state and covariance at time t, into x (6) and p (36). */
    void predict(TrackReport r, double t, double[] x, double[] p) {
        predict(r.state(), r.covariance(), t - r.time(), x, p);
    }

    /** State and covariance moved by dt (s), into x and p (which may not alias the inputs). */
    void predict(double[] x0, double[] p0, double dt, double[] x, double[] p) {
        if (dt == 0) {
            System.arraycopy(x0, 0, x, 0, 6);
            System.arraycopy(p0, 0, p, 0, 36);
            return;
        }
        model.transition(x0, dt, f, b, q);
        model.transition(x0, Math.abs(dt), fq, b, qAbs);
        for (int i = 0; i < 6; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                s += f[6 * i + j] * x0[j];
            }
            x[i] = s;
        }
        // P' = F P Fᵀ + Q
        double[] fp = fq; // reuse: the |dt| transition is no longer needed
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int k = 0; k < 6; k++) {
                    s += f[6 * i + k] * p0[6 * k + j];
                }
                fp[6 * i + j] = s;
            }
        }
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int k = 0; k < 6; k++) {
                    s += fp[6 * i + k] * f[6 * j + k];
                }
                p[6 * i + j] = s + qAbs[6 * i + j];
            }
        }
        Dense.symmetrise(6, p);
    }
}
