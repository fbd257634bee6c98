package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.Ellipsoid;
import java.util.function.DoubleUnaryOperator;

/**
 * Ballistic motion with drag in the Earth-fixed frame, for an extended Kalman filter: state
 * (x, y, z, vx, vy, vz) in ECEF (m, m/s), acceleration
 * <pre>
 *   a = g(r) − 2 ω × v − ω × (ω × r) − ρ(h) |v| v / (2 β)
 * </pre>
 * with gravity point mass plus J2 (Vallado 2013, §8.6), the Earth's rotation ω, the air density
 * ρ at the geodetic height h (supplied by the caller, so that tracking does not depend on the
 * flight models) and an assumed ballistic coefficient β = m/(C_D A).
 *
 * <p>Prediction: the state is flown by the classical fourth-order Runge–Kutta method in steps
 * of at most {@link #MAX_SUBSTEP_S}; the transition matrix is F ≈ I + A dt + A² dt²/2 with A the
 * Jacobian of the dynamics at the start of the step (gravity gradient, centrifugal and Coriolis
 * terms, the drag's dependence on the velocity and, through ρ, on the height), and the known
 * input b = f(x) − F x, so that the filter's F x + b is the flown state exactly (the usual EKF
 * prediction; Bar-Shalom, Li &amp; Kirubarajan, <i>Estimation with Applications to Tracking and
 * Navigation</i>, 2001, §10.3).
 *
 * <p>Process noise: white acceleration of spectral density q on every axis, as in
 * {@link GravityConstantVelocity}, plus the error of the drag from an uncertain β: an
 * acceleration along the velocity with standard deviation {@code betaRelativeSigma} times the
 * drag deceleration, constant over the step (Q = σ² [[dt⁴/4, dt³/2], [dt³/2, dt²]] ⊗ u uᵀ, u the
 * unit velocity). Because drag is modelled, q can be much smaller than the gravity-only model
 * needs.
 *
 * <p>Simplified: β is assumed, not estimated (its uncertainty is carried by the process noise);
 * the Jacobian's density term uses a finite difference of ρ over 50 m; no thrust (a rocket in
 * boost or a drone in level flight is an unmodelled acceleration).
 */
public final class BallisticDrag implements MotionModel {

    /** Longest Runge–Kutta step of the prediction (s). */
    public static final double MAX_SUBSTEP_S = 0.5;

    private final double q;
    private final double mu;
    private final double j2ReSq;
    private final double omega;
    private final double beta;
    private final double betaSigma;
    private final Ellipsoid ellipsoid;
    private final DoubleUnaryOperator density;

    private final double[] k1 = new double[6];
    private final double[] k2 = new double[6];
    private final double[] k3 = new double[6];
    private final double[] k4 = new double[6];
    private final double[] y = new double[6];
    private final double[] tmp = new double[6];
    private final double[] a = new double[36];
    private final double[] a2 = new double[36];

    /**
     * @param processNoise      q (m²/s³)
     * @param mu                gravitational parameter (m³/s²)
     * @param j2                second zonal harmonic
     * @param ellipsoid         the Earth's shape (J2 reference radius and geodetic heights)
     * @param rotationRate      Earth rotation rate (rad/s)
     * @param beta              assumed ballistic coefficient (kg/m²)
     * @param betaRelativeSigma relative standard deviation of the drag from the uncertainty of β
     * @param density           air density (kg/m³) at a geodetic height (m)
     */
    public BallisticDrag(double processNoise, double mu, double j2, Ellipsoid ellipsoid, double rotationRate,
            double beta, double betaRelativeSigma, DoubleUnaryOperator density) {
        if (!(processNoise > 0) || !(beta > 0) || !(betaRelativeSigma >= 0) || density == null) {
            throw new IllegalArgumentException("need a positive process noise and ballistic coefficient");
        }
        this.q = processNoise;
        this.mu = mu;
        this.j2ReSq = j2 * ellipsoid.equatorialRadius() * ellipsoid.equatorialRadius();
        this.omega = rotationRate;
        this.beta = beta;
        this.betaSigma = betaRelativeSigma;
        this.ellipsoid = ellipsoid;
        this.density = density;
    }

    @Override
    public int dimension() {
        return 6;
    }

    @Override
    public void transition(double[] x, double dt, double[] f, double[] b, double[] qm) {
        // the flown state
        System.arraycopy(x, 0, y, 0, 6);
        int n = Math.max(1, (int) Math.ceil(Math.abs(dt) / MAX_SUBSTEP_S));
        double h = dt / n;
        for (int s = 0; s < n; s++) {
            rk4(y, h);
        }
        // F = I + A dt + A² dt² / 2
        jacobian(x, a);
        multiply(a, a, a2);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                f[i * 6 + j] = (i == j ? 1 : 0) + a[i * 6 + j] * dt + a2[i * 6 + j] * dt * dt / 2;
            }
        }
        for (int i = 0; i < 6; i++) {
            double fx = 0;
            for (int j = 0; j < 6; j++) {
                fx += f[i * 6 + j] * x[j];
            }
            b[i] = y[i] - fx;
        }
        // process noise: white acceleration on every axis, and the drag's error along the velocity
        java.util.Arrays.fill(qm, 0);
        ConstantVelocity.whiteAcceleration(q, dt, qm);
        double v = Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]);
        if (v > 0 && betaSigma > 0) {
            double drag = density.applyAsDouble(ellipsoid.height(x[0], x[1], x[2])) * v * v / (2 * beta);
            double s2 = (betaSigma * drag) * (betaSigma * drag);
            double pp = s2 * dt * dt * dt * dt / 4;
            double pv = s2 * dt * dt * dt / 2;
            double vv = s2 * dt * dt;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double uu = x[3 + i] * x[3 + j] / (v * v);
                    qm[i * 6 + j] += pp * uu;
                    qm[i * 6 + 3 + j] += pv * uu;
                    qm[(3 + i) * 6 + j] += pv * uu;
                    qm[(3 + i) * 6 + 3 + j] += vv * uu;
                }
            }
        }
    }

    /** Acceleration of the state s into out[3..5] and its velocity into out[0..2]. */
    void derivative(double[] s, double[] out) {
        double r2 = s[0] * s[0] + s[1] * s[1] + s[2] * s[2];
        double r3 = r2 * Math.sqrt(r2);
        double zr2 = s[2] * s[2] / r2;
        double c = 1.5 * j2ReSq / r2;
        double gxy = -mu / r3 * (1 + c * (1 - 5 * zr2));
        double gz = -mu / r3 * (1 + c * (3 - 5 * zr2));
        double v = Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]);
        double k = density.applyAsDouble(ellipsoid.height(s[0], s[1], s[2])) * v / (2 * beta);
        out[0] = s[3];
        out[1] = s[4];
        out[2] = s[5];
        out[3] = gxy * s[0] + omega * omega * s[0] + 2 * omega * s[4] - k * s[3];
        out[4] = gxy * s[1] + omega * omega * s[1] - 2 * omega * s[3] - k * s[4];
        out[5] = gz * s[2] - k * s[5];
    }

    private void rk4(double[] s, double h) {
        derivative(s, k1);
        for (int i = 0; i < 6; i++) {
            tmp[i] = s[i] + 0.5 * h * k1[i];
        }
        derivative(tmp, k2);
        for (int i = 0; i < 6; i++) {
            tmp[i] = s[i] + 0.5 * h * k2[i];
        }
        derivative(tmp, k3);
        for (int i = 0; i < 6; i++) {
            tmp[i] = s[i] + h * k3[i];
        }
        derivative(tmp, k4);
        for (int i = 0; i < 6; i++) {
            s[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /**
     * Jacobian of the dynamics at s: [[0, I], [∂a/∂r, ∂a/∂v]]. Gravity's gradient is that of the
     * point mass (J2 changes it by 0.1%); the centrifugal and Coriolis terms are exact; the drag's
     * velocity derivative is −(ρ/2β)(|v| I + v vᵀ/|v|), its position derivative −(∂ρ/∂h)|v| v
     * ûᵀ/(2β) along the local vertical û (geocentric, within 0.2° of the geodetic).
     */
    private void jacobian(double[] s, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < 3; i++) {
            out[i * 6 + 3 + i] = 1;
        }
        double r2 = s[0] * s[0] + s[1] * s[1] + s[2] * s[2];
        double r = Math.sqrt(r2);
        double r3 = r2 * r;
        double r5 = r3 * r2;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[(3 + i) * 6 + j] = 3 * mu * s[i] * s[j] / r5 - (i == j ? mu / r3 : 0);
            }
        }
        out[3 * 6] += omega * omega;
        out[4 * 6 + 1] += omega * omega;
        out[3 * 6 + 4] += 2 * omega;
        out[4 * 6 + 3] -= 2 * omega;
        double v = Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]);
        if (v > 0) {
            double height = ellipsoid.height(s[0], s[1], s[2]);
            double rho = density.applyAsDouble(height);
            double dRho = (density.applyAsDouble(height + 25) - density.applyAsDouble(height - 25)) / 50;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    out[(3 + i) * 6 + 3 + j] -= rho / (2 * beta) * ((i == j ? v : 0) + s[3 + i] * s[3 + j] / v);
                    out[(3 + i) * 6 + j] -= dRho * v * s[3 + i] * (s[j] / r) / (2 * beta);
                }
            }
        }
    }

    private static void multiply(double[] m, double[] n, double[] out) {
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double acc = 0;
                for (int k = 0; k < 6; k++) {
                    acc += m[i * 6 + k] * n[k * 6 + j];
                }
                out[i * 6 + j] = acc;
            }
        }
    }
}
