package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.Ellipsoid;
import java.util.function.DoubleUnaryOperator;

/**
 * The ballistic equations of motion shared by {@link BallisticDrag} (assumed ballistic
 * coefficient) and {@link BallisticEstimatedDrag} (estimated): in ECEF,
 * <pre>
 *   a = g(r) − 2 ω × v − ω × (ω × r) − ρ(h) |v| v / (2 β)
 * </pre>
 * with gravity point mass plus J2 (Vallado 2013, §8.6), the Earth's rotation ω about ECEF z and
 * the density ρ at the geodetic height h from the caller (so that tracking does not depend on the
 * flight models). Flown by the classical fourth-order Runge–Kutta method in steps of at most
 * {@link BallisticDrag#MAX_SUBSTEP_S}; the transition matrix integrates the variational
 * equation along the same substeps.
 *
 * <p>With a {@link DragCurve} (and the speed of sound a(h) from the caller) the drag is
 * −ρ(h) |v| v s(M) / (2 β), M = |v| / a(h), β then the ballistic coefficient at the curve's first
 * Mach number; without one, s ≡ 1 (a drag coefficient constant with speed).
 *
 * <p>Not thread-safe: scratch arrays are kept, one instance per model.
 */
final class BallisticDynamics {

    private final double mu;
    private final double j2ReSq;
    private final double omega;
    private final Ellipsoid ellipsoid;
    private final DoubleUnaryOperator density;
    private final DragCurve curve;
    private final DoubleUnaryOperator speedOfSound;

    private final double[] k1 = new double[6];
    private final double[] k2 = new double[6];
    private final double[] k3 = new double[6];
    private final double[] k4 = new double[6];
    private final double[] tmp = new double[6];
    private final double[] a = new double[49];
    private final double[] st = new double[6];
    private final double[] phi = new double[49];
    private final double[] phiTmp = new double[49];
    private final double[] d1 = new double[49];
    private final double[] d2 = new double[49];
    private final double[] d3 = new double[49];
    private final double[] d4 = new double[49];

    BallisticDynamics(double mu, double j2, Ellipsoid ellipsoid, double rotationRate, DoubleUnaryOperator density) {
        this(mu, j2, ellipsoid, rotationRate, density, null, null);
    }

    /**
     * @param curve        the drag curve's shape, or null for a drag coefficient constant with speed
     * @param speedOfSound speed of sound (m/s) at a geodetic height (m); needed with a curve
     */
    BallisticDynamics(double mu, double j2, Ellipsoid ellipsoid, double rotationRate, DoubleUnaryOperator density,
            DragCurve curve, DoubleUnaryOperator speedOfSound) {
        if (curve != null && speedOfSound == null) {
            throw new IllegalArgumentException("a drag curve needs the speed of sound");
        }
        this.mu = mu;
        this.j2ReSq = j2 * ellipsoid.equatorialRadius() * ellipsoid.equatorialRadius();
        this.omega = rotationRate;
        this.ellipsoid = ellipsoid;
        this.density = density;
        this.curve = curve;
        this.speedOfSound = speedOfSound;
    }

    /** ρ s(M) at the state s (position and velocity): the density times the curve's relative drag (kg/m³). */
    double dragDensityAt(double[] s) {
        double h = ellipsoid.height(s[0], s[1], s[2]);
        return dragDensity(h, Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]));
    }

    /** ρ(h) s(|v| / a(h)); ρ(h) alone without a curve. */
    private double dragDensity(double h, double v) {
        double rho = density.applyAsDouble(h);
        return curve == null ? rho : rho * curve.at(v / speedOfSound.applyAsDouble(h));
    }

    /** Flies the position and velocity x[0..5] over dt (s) with ballistic coefficient β (kg/m²) into out[0..5]. */
    void fly(double[] x, double beta, double dt, double[] out) {
        System.arraycopy(x, 0, out, 0, 6);
        int n = Math.max(1, (int) Math.ceil(Math.abs(dt) / BallisticDrag.MAX_SUBSTEP_S));
        double h = dt / n;
        for (int s = 0; s < n; s++) {
            rk4(out, h, beta);
        }
    }

    /**
     * The transition matrix F = ∂x(t + dt)/∂x(t) (n×n, n = 6 or 7) of the flight from x: the
     * variational equation Φ' = A(x(τ)) Φ, Φ(t) = I, integrated by the same Runge–Kutta substeps
     * as {@link #fly}, with A the Jacobian along the flown path (Vallado 2013, §10.7.3, the
     * state-transition matrix by integration). With n = 7 the seventh state is the inverse
     * ballistic coefficient γ = 1/β and A's seventh column holds ∂a/∂γ = −ρ |v| v / 2; its seventh
     * row is zero (γ constant).
     *
     * <p>The expansion I + A dt + A² dt²/2 with A frozen at the start of the step, used before, was
     * not enough in dense air: at 2 km and 640 m/s the drag's ∂a/∂v is ~0.3 /s and changes along
     * the step, and the truncated F made the estimated-γ EKF 9% optimistic (NEES 7.60 against 7 in
     * {@code NonlinearConsistencyTest}; a finite-difference F of the flight gave 7.27, as the UKF).
     */
    void transitionMatrix(double[] x, double beta, double dt, double[] f, int n) {
        int nn = n * n;
        System.arraycopy(x, 0, st, 0, 6);
        java.util.Arrays.fill(phi, 0, nn, 0);
        for (int i = 0; i < n; i++) {
            phi[i * n + i] = 1;
        }
        int steps = Math.max(1, (int) Math.ceil(Math.abs(dt) / BallisticDrag.MAX_SUBSTEP_S));
        double h = dt / steps;
        for (int s = 0; s < steps; s++) {
            stage(st, phi, beta, n, k1, d1);
            shift(st, phi, k1, d1, h / 2, n);
            stage(tmp, phiTmp, beta, n, k2, d2);
            shift(st, phi, k2, d2, h / 2, n);
            stage(tmp, phiTmp, beta, n, k3, d3);
            shift(st, phi, k3, d3, h, n);
            stage(tmp, phiTmp, beta, n, k4, d4);
            for (int i = 0; i < 6; i++) {
                st[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            for (int i = 0; i < nn; i++) {
                phi[i] += h / 6 * (d1[i] + 2 * d2[i] + 2 * d3[i] + d4[i]);
            }
        }
        System.arraycopy(phi, 0, f, 0, nn);
    }

    /** One Runge–Kutta stage: the state's derivative into k, A(s) p into d. */
    private void stage(double[] s, double[] p, double beta, int n, double[] k, double[] d) {
        derivative(s, beta, k);
        jacobian(s, beta, a, n);
        multiply(a, p, d, n);
    }

    /** tmp = s + c k, phiTmp = p + c d. */
    private void shift(double[] s, double[] p, double[] k, double[] d, double c, int n) {
        for (int i = 0; i < 6; i++) {
            tmp[i] = s[i] + c * k[i];
        }
        for (int i = 0; i < n * n; i++) {
            phiTmp[i] = p[i] + c * d[i];
        }
    }

    /** Acceleration of the state s into out[3..5] and its velocity into out[0..2]. */
    void derivative(double[] s, double beta, double[] out) {
        double r2 = s[0] * s[0] + s[1] * s[1] + s[2] * s[2];
        double r3 = r2 * Math.sqrt(r2);
        double zr2 = s[2] * s[2] / r2;
        double c = 1.5 * j2ReSq / r2;
        double gxy = -mu / r3 * (1 + c * (1 - 5 * zr2));
        double gz = -mu / r3 * (1 + c * (3 - 5 * zr2));
        double v = Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]);
        double k = dragDensity(ellipsoid.height(s[0], s[1], s[2]), v) * v / (2 * beta);
        out[0] = s[3];
        out[1] = s[4];
        out[2] = s[5];
        out[3] = gxy * s[0] + omega * omega * s[0] + 2 * omega * s[4] - k * s[3];
        out[4] = gxy * s[1] + omega * omega * s[1] - 2 * omega * s[3] - k * s[4];
        out[5] = gz * s[2] - k * s[5];
    }

    private void rk4(double[] s, double h, double beta) {
        derivative(s, beta, k1);
        for (int i = 0; i < 6; i++) {
            tmp[i] = s[i] + 0.5 * h * k1[i];
        }
        derivative(tmp, beta, k2);
        for (int i = 0; i < 6; i++) {
            tmp[i] = s[i] + 0.5 * h * k2[i];
        }
        derivative(tmp, beta, k3);
        for (int i = 0; i < 6; i++) {
            tmp[i] = s[i] + h * k3[i];
        }
        derivative(tmp, beta, k4);
        for (int i = 0; i < 6; i++) {
            s[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /**
     * Jacobian of the dynamics at s (n×n): [[0, I], [∂a/∂r, ∂a/∂v]]. Gravity's gradient is that of
     * the point mass (J2 changes it by 0.1%); the centrifugal and Coriolis terms are exact; the
     * drag's velocity derivative is −(ρ/2β)(|v| I + v vᵀ/|v|), its position derivative
     * −(∂ρ/∂h)|v| v ûᵀ/(2β) along the local vertical û (geocentric, within 0.2° of the geodetic),
     * ∂ρ/∂h a central difference over 50 m.
     */
    private void jacobian(double[] s, double beta, double[] out, int n) {
        java.util.Arrays.fill(out, 0, n * n, 0);
        for (int i = 0; i < 3; i++) {
            out[i * n + 3 + i] = 1;
        }
        double r2 = s[0] * s[0] + s[1] * s[1] + s[2] * s[2];
        double r = Math.sqrt(r2);
        double r3 = r2 * r;
        double r5 = r3 * r2;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[(3 + i) * n + j] = 3 * mu * s[i] * s[j] / r5 - (i == j ? mu / r3 : 0);
            }
        }
        out[3 * n] += omega * omega;
        out[4 * n + 1] += omega * omega;
        out[3 * n + 4] += 2 * omega;
        out[4 * n + 3] -= 2 * omega;
        double v = Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]);
        if (v > 0) {
            double height = ellipsoid.height(s[0], s[1], s[2]);
            // ρ s(M), and (ρ/2β)(s + M s'(M)) for the drag's change along the velocity: with a curve the
            // drag ρ |v|² s(|v|/a) / 2β grows along v by (ρ/2β)|v|(2s + M s') instead of 2(ρ/2β)|v| s
            double rho = dragDensity(height, v);
            double along = rho;
            if (curve != null) {
                double mach = v / speedOfSound.applyAsDouble(height);
                along = density.applyAsDouble(height) * (curve.at(mach) + mach * curve.slope(mach));
            }
            double dRho = (dragDensity(height + 25, v) - dragDensity(height - 25, v)) / 50;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    out[(3 + i) * n + 3 + j] -= curve == null
                            ? rho / (2 * beta) * ((i == j ? v : 0) + s[3 + i] * s[3 + j] / v)
                            : (rho * (i == j ? v : 0) + along * s[3 + i] * s[3 + j] / v) / (2 * beta);
                    out[(3 + i) * n + j] -= dRho * v * s[3 + i] * (s[j] / r) / (2 * beta);
                }
                if (n > 6) {
                    out[(3 + i) * n + 6] = -rho * v * s[3 + i] / 2;
                }
            }
        }
    }

    private static void multiply(double[] m, double[] p, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int k = 0; k < n; k++) {
                    acc += m[i * n + k] * p[k * n + j];
                }
                out[i * n + j] = acc;
            }
        }
    }
}
