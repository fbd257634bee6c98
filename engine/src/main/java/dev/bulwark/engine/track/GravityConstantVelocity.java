package dev.bulwark.engine.track;

/**
 * Nearly-constant-velocity motion in the Earth-fixed frame with gravity as a known input:
 * state (x, y, z, vx, vy, vz) in ECEF (m, m/s).
 *
 * <p>Model: the white-noise-acceleration ("continuous Wiener process") model of Bar-Shalom,
 * Li &amp; Kirubarajan (2001) §6.2.2, Q = q [[dt³/3, dt²/2], [dt²/2, dt]] per axis, plus the
 * deterministic acceleration of point-mass gravity, centrifugal and Coriolis terms evaluated
 * at the start of the step. Drag is not modelled: the process noise q must absorb it (a
 * rocket's drag deceleration is some 5–15 m/s² at low altitude). The ballistic model with
 * an estimated ballistic coefficient arrives with the tracking work.
 */
public final class GravityConstantVelocity implements MotionModel {

    private final double q;
    private final double mu;
    private final double omega;

    /**
     * @param processNoise q (m²/s³)
     * @param mu           gravitational parameter (m³/s²)
     * @param rotationRate Earth rotation rate (rad/s)
     */
    public GravityConstantVelocity(double processNoise, double mu, double rotationRate) {
        this.q = processNoise;
        this.mu = mu;
        this.omega = rotationRate;
    }

    @Override
    public int dimension() {
        return 6;
    }

    @Override
    public void transition(double[] x, double dt, double[] f, double[] b, double[] qm) {
        java.util.Arrays.fill(f, 0);
        java.util.Arrays.fill(qm, 0);
        for (int i = 0; i < 6; i++) {
            f[i * 6 + i] = 1;
        }
        for (int i = 0; i < 3; i++) {
            f[i * 6 + i + 3] = dt;
        }
        double r2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        double r3 = r2 * Math.sqrt(r2);
        double ax = -mu * x[0] / r3 + omega * omega * x[0] + 2 * omega * x[4];
        double ay = -mu * x[1] / r3 + omega * omega * x[1] - 2 * omega * x[3];
        double az = -mu * x[2] / r3;
        double h = 0.5 * dt * dt;
        b[0] = ax * h;
        b[1] = ay * h;
        b[2] = az * h;
        b[3] = ax * dt;
        b[4] = ay * dt;
        b[5] = az * dt;
        double q11 = q * dt * dt * dt / 3;
        double q12 = q * dt * dt / 2;
        double q22 = q * dt;
        for (int i = 0; i < 3; i++) {
            qm[i * 6 + i] = q11;
            qm[i * 6 + i + 3] = q12;
            qm[(i + 3) * 6 + i] = q12;
            qm[(i + 3) * 6 + i + 3] = q22;
        }
    }
}
