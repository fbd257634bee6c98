package dev.bulwark.engine.track;

/**
 * Nearly-constant-velocity motion in the Earth-fixed frame with gravity as a known input:
 * state (x, y, z, vx, vy, vz) in ECEF (m, m/s).
 *
 * <p>Model: the white-noise-acceleration ("continuous Wiener process") model of Bar-Shalom,
 * Li &amp; Kirubarajan (2001) §6.2.2, Q = q [[dt³/3, dt²/2], [dt²/2, dt]] per axis, plus the
 * deterministic acceleration of gravity (point mass plus J2, as the flight model), centrifugal
 * and Coriolis terms evaluated at the start of the step. Drag is not modelled: the process
 * noise q must absorb it (a rocket's drag deceleration reaches some 30 m/s² just after burn-out). The ballistic model with
 * an estimated ballistic coefficient arrives with the tracking work.
 */
public final class GravityConstantVelocity implements MotionModel {

    private final double q;
    private final double mu;
    private final double j2ReSq;
    private final double omega;

    /**
     * Point-mass gravity (no J2).
     *
     * @param processNoise q (m²/s³)
     * @param mu           gravitational parameter (m³/s²)
     * @param rotationRate Earth rotation rate (rad/s)
     */
    public GravityConstantVelocity(double processNoise, double mu, double rotationRate) {
        this(processNoise, mu, 0.0, 0.0, rotationRate);
    }

    /**
     * Gravity with the J2 zonal term.
     *
     * @param processNoise     q (m²/s³)
     * @param mu               gravitational parameter (m³/s²)
     * @param j2               second zonal harmonic
     * @param equatorialRadius reference radius of J2 (m)
     * @param rotationRate     Earth rotation rate (rad/s)
     */
    public GravityConstantVelocity(double processNoise, double mu, double j2, double equatorialRadius,
            double rotationRate) {
        this.q = processNoise;
        this.mu = mu;
        this.j2ReSq = j2 * equatorialRadius * equatorialRadius;
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
        acceleration(x, b);
        double ax = b[0];
        double ay = b[1];
        double az = b[2];
        double h = 0.5 * dt * dt;
        b[0] = ax * h;
        b[1] = ay * h;
        b[2] = az * h;
        b[3] = ax * dt;
        b[4] = ay * dt;
        b[5] = az * dt;
        ConstantVelocity.whiteAcceleration(q, dt, qm);
    }

    @Override
    public void propagate(double[] x, double dt, double[] out) {
        acceleration(x, out);
        double ax = out[0];
        double ay = out[1];
        double az = out[2];
        double h = 0.5 * dt * dt;
        out[0] = x[0] + dt * x[3] + ax * h;
        out[1] = x[1] + dt * x[4] + ay * h;
        out[2] = x[2] + dt * x[5] + az * h;
        out[3] = x[3] + ax * dt;
        out[4] = x[4] + ay * dt;
        out[5] = x[5] + az * dt;
    }

    /** Gravity, centrifugal and Coriolis acceleration (m/s²) at the state x into out[0..2]. */
    private void acceleration(double[] x, double[] out) {
        double r2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        double r3 = r2 * Math.sqrt(r2);
        // point mass + J2 (Vallado 2013, §8.6), then the rotating-frame terms
        double zr2 = x[2] * x[2] / r2;
        double c = 1.5 * j2ReSq / r2;
        double gxy = -mu / r3 * (1 + c * (1 - 5 * zr2));
        double gz = -mu / r3 * (1 + c * (3 - 5 * zr2));
        out[0] = gxy * x[0] + omega * omega * x[0] + 2 * omega * x[4];
        out[1] = gxy * x[1] + omega * omega * x[1] - 2 * omega * x[3];
        out[2] = gz * x[2];
    }
}
