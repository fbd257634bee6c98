package dev.bulwark.engine.track;

import java.util.Arrays;

/**
 * Nearly-coordinated-turn motion in the Earth-fixed frame: state (x, y, z, vx, vy, vz, ω) in
 * ECEF (m, m/s) and the turn rate ω (rad/s, positive anticlockwise seen from above, i.e. a left
 * turn) about the local vertical û = r/|r| at the position. For aircraft-like targets (drones,
 * cruise missiles) that fly straight and turn at a nearly constant rate.
 *
 * <p>Model: the coordinated turn of Bar-Shalom, Li &amp; Kirubarajan (2001) §11.7.1 and Li &amp;
 * Jilkov, "Survey of maneuvering target tracking, Part I", IEEE Trans. AES 39(4), 2003, §4.2,
 * written in 3-D about û with W = [û]× (W v = û × v, W² = ûûᵀ − I), s = sin ωT, c = cos ωT:
 * <pre>
 *   v' = (I + s W + (1 − c) W²) v                        (Rodrigues: the horizontal velocity turns by ωT)
 *   p' = p + (T I + (T − s/ω) W² + ((1 − c)/ω) W) v       (the vertical speed is kept)
 *   ω' = ω
 * </pre>
 * with û held at the start of the step, and the limits s/ω → T, (1 − c)/ω → 0 by series for
 * |ωT| &lt; 10⁻⁴. The EKF's F is the exact Jacobian of this map with û held fixed (∂û/∂p, of
 * order 1/|r| ≈ 1.6·10⁻⁷ per metre, is neglected) and b = f(x) − F x, so that F x + b is the
 * flown state. Process noise: white acceleration of density q on every axis, as in
 * {@link ConstantVelocity}, and a random walk of ω with density q_ω (Q_ωω = q_ω T).
 *
 * <p>Simplified: no gravity (lift balances it in level flight), no Coriolis or centrifugal
 * term (about 0.04 m/s² at 250 m/s, left to q); û is geocentric, within 0.2° of the geodetic
 * vertical.
 */
public final class CoordinatedTurn implements MotionModel {

    /** |ωT| below which the series forms of s/ω and (1 − c)/ω are used. */
    private static final double SMALL_TURN = 1e-4;

    private final double q;
    private final double qOmega;
    private final double[] w = new double[9];
    private final double[] w2 = new double[9];
    private final double[] u = new double[3];
    private final double[] k = new double[6];

    /**
     * @param accelerationNoise white-acceleration density q (m²/s³), ≥ 0
     * @param turnRateNoise     turn-rate random-walk density q_ω (rad²/s³), ≥ 0
     */
    public CoordinatedTurn(double accelerationNoise, double turnRateNoise) {
        if (!(accelerationNoise >= 0) || !(turnRateNoise >= 0) || Double.isInfinite(accelerationNoise)
                || Double.isInfinite(turnRateNoise)) {
            throw new IllegalArgumentException("process noise densities must be finite and >= 0, got "
                    + accelerationNoise + " and " + turnRateNoise);
        }
        this.q = accelerationNoise;
        this.qOmega = turnRateNoise;
    }

    @Override
    public int dimension() {
        return 7;
    }

    @Override
    public void propagate(double[] x, double dt, double[] out) {
        crossMatrices(x);
        coefficients(x[6], dt, k);
        double a = k[0];
        double bb = k[1];
        double s = k[2];
        double c1 = k[3];
        for (int i = 0; i < 3; i++) {
            double pv = dt * x[3 + i];
            double vv = x[3 + i];
            for (int j = 0; j < 3; j++) {
                pv += (a * w2[i * 3 + j] + bb * w[i * 3 + j]) * x[3 + j];
                vv += (s * w[i * 3 + j] + c1 * w2[i * 3 + j]) * x[3 + j];
            }
            out[i] = x[i] + pv;
            out[3 + i] = vv;
        }
        out[6] = x[6];
    }

    @Override
    public void transition(double[] x, double dt, double[] f, double[] b, double[] qm) {
        Arrays.fill(f, 0, 49, 0);
        Arrays.fill(qm, 0, 49, 0);
        crossMatrices(x);
        double omega = x[6];
        coefficients(omega, dt, k);
        double a = k[0];
        double bb = k[1];
        double s = k[2];
        double c1 = k[3];
        double da = k[4];
        double db = k[5];
        double c = 1 - c1;
        for (int i = 0; i < 7; i++) {
            f[i * 7 + i] = 1;
        }
        for (int i = 0; i < 3; i++) {
            double dpw = 0;
            double dvw = 0;
            for (int j = 0; j < 3; j++) {
                f[i * 7 + 3 + j] = (i == j ? dt : 0) + a * w2[i * 3 + j] + bb * w[i * 3 + j];
                f[(3 + i) * 7 + 3 + j] = (i == j ? 1 : 0) + s * w[i * 3 + j] + c1 * w2[i * 3 + j];
                dpw += (da * w2[i * 3 + j] + db * w[i * 3 + j]) * x[3 + j];
                dvw += dt * (c * w[i * 3 + j] + s * w2[i * 3 + j]) * x[3 + j];
            }
            f[i * 7 + 6] = dpw;
            f[(3 + i) * 7 + 6] = dvw;
        }
        // b = f(x) − F x (only ω's column is not exact-linear)
        propagate(x, dt, b);
        for (int i = 0; i < 7; i++) {
            double fx = 0;
            for (int j = 0; j < 7; j++) {
                fx += f[i * 7 + j] * x[j];
            }
            b[i] -= fx;
        }
        ConstantVelocity.whiteAcceleration(q, dt, qm, 7);
        qm[48] = qOmega * Math.abs(dt);
    }

    // W = [û]× and W² = ûûᵀ − I at the position
    private void crossMatrices(double[] x) {
        double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
        double ux = x[0] / r;
        double uy = x[1] / r;
        double uz = x[2] / r;
        w[0] = 0;
        w[1] = -uz;
        w[2] = uy;
        w[3] = uz;
        w[4] = 0;
        w[5] = -ux;
        w[6] = -uy;
        w[7] = ux;
        w[8] = 0;
        u[0] = ux;
        u[1] = uy;
        u[2] = uz;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                w2[i * 3 + j] = u[i] * u[j] - (i == j ? 1 : 0);
            }
        }
    }

    /**
     * Writes {T − s/ω, (1 − c)/ω, s, 1 − c, d(T − s/ω)/dω, d((1 − c)/ω)/dω} into out, by series
     * for small ωT.
     */
    private static void coefficients(double omega, double dt, double[] out) {
        double wt = omega * dt;
        double s = Math.sin(wt);
        double c1 = 1 - Math.cos(wt);
        double a;
        double b;
        double da;
        double db;
        if (Math.abs(wt) < SMALL_TURN) {
            double t2 = dt * dt;
            double t3 = t2 * dt;
            a = omega * omega * t3 / 6;
            b = omega * t2 / 2;
            da = omega * t3 / 3;
            db = t2 / 2 - omega * omega * t2 * t2 / 8;
            c1 = wt * wt / 2;
        } else {
            a = dt - s / omega;
            b = c1 / omega;
            da = -(dt * Math.cos(wt) * omega - s) / (omega * omega);
            db = (dt * s * omega - c1) / (omega * omega);
        }
        out[0] = a;
        out[1] = b;
        out[2] = s;
        out[3] = c1;
        out[4] = da;
        out[5] = db;
    }
}
