package dev.bulwark.engine.track;

import java.util.Arrays;

/**
 * Nearly-constant-velocity motion in a Cartesian frame, without gravity: state
 * (x, y, z, vx, vy, vz) (m, m/s) in any frame the plots share.
 *
 * <p>Model: the white-noise-acceleration ("continuous Wiener process acceleration") model of
 * Bar-Shalom, Li &amp; Kirubarajan (2001) §6.2.2: F = [[I, dt I], [0, I]] and, per axis,
 * Q = q [[dt³/3, dt²/2], [dt²/2, dt]]. The model of the Stone Soup benchmarks
 * ({@code ConstantVelocity} there). Simplified: no known acceleration; for threats under
 * gravity use {@link GravityConstantVelocity}.
 */
public final class ConstantVelocity implements MotionModel {

    private final double q;

    /** @param processNoise white-acceleration spectral density q (m²/s³), ≥ 0 */
    public ConstantVelocity(double processNoise) {
        if (!(processNoise >= 0) || Double.isInfinite(processNoise)) {
            throw new IllegalArgumentException("process noise must be finite and >= 0, got " + processNoise);
        }
        this.q = processNoise;
    }

    @Override
    public int dimension() {
        return 6;
    }

    /** False: F and Q depend on dt only. */
    @Override
    public boolean dependsOnState() {
        return false;
    }

    @Override
    public void propagate(double[] x, double dt, double[] out) {
        for (int i = 0; i < 3; i++) {
            out[i] = x[i] + dt * x[i + 3];
            out[i + 3] = x[i + 3];
        }
    }

    @Override
    public void transition(double[] x, double dt, double[] f, double[] b, double[] qm) {
        Arrays.fill(f, 0, 36, 0);
        Arrays.fill(qm, 0, 36, 0);
        Arrays.fill(b, 0, 6, 0);
        for (int i = 0; i < 6; i++) {
            f[i * 6 + i] = 1;
        }
        for (int i = 0; i < 3; i++) {
            f[i * 6 + i + 3] = dt;
        }
        whiteAcceleration(q, dt, qm);
    }

    /**
     * Adds the process noise of white acceleration of spectral density q (m²/s³) on each of the
     * three axes over a step dt (s) to a 6×6 covariance of (position, velocity): per axis
     * q [[dt³/3, dt²/2], [dt²/2, dt]] (the continuous white-noise acceleration model,
     * Bar-Shalom, Li &amp; Kirubarajan 2001, §6.2.2). Shared by every 6-state motion model here.
     */
    static void whiteAcceleration(double q, double dt, double[] qm) {
        whiteAcceleration(q, dt, qm, 6);
    }

    /**
     * The same noise added to the leading (position, velocity) 6×6 block of an n×n covariance
     * (row-major, n ≥ 6), for the 7-state models.
     */
    static void whiteAcceleration(double q, double dt, double[] qm, int n) {
        double q11 = q * dt * dt * dt / 3;
        double q12 = q * dt * dt / 2;
        double q22 = q * dt;
        for (int i = 0; i < 3; i++) {
            qm[i * n + i] += q11;
            qm[i * n + i + 3] += q12;
            qm[(i + 3) * n + i] += q12;
            qm[(i + 3) * n + i + 3] += q22;
        }
    }
}
