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
 * of at most {@link #MAX_SUBSTEP_S}; the transition matrix F integrates the variational
 * equation Φ' = A Φ along the same substeps, A the Jacobian of the dynamics along the flown path
 * (gravity gradient, centrifugal and Coriolis terms, the drag's dependence on the velocity and, through ρ, on the height), and the known
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
 * <p>The equations and their Runge–Kutta flight are shared with {@link BallisticEstimatedDrag}
 * (in {@link BallisticDynamics}); {@link #propagate} is the flown state.
 *
 * <p>Simplified: β is assumed, not estimated (its uncertainty is carried by the process noise;
 * {@link BallisticEstimatedDrag} estimates it);
 * the Jacobian's density term uses a finite difference of ρ over 50 m; no thrust (a rocket in
 * boost or a drone in level flight is an unmodelled acceleration).
 */
public final class BallisticDrag implements MotionModel {

    /** Longest Runge–Kutta step of the prediction (s). */
    public static final double MAX_SUBSTEP_S = 0.5;

    private final double q;
    private final double beta;
    private final double betaSigma;
    private final BallisticDynamics dynamics;

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
        this(processNoise, mu, j2, ellipsoid, rotationRate, beta, betaRelativeSigma, density, null, null);
    }

    /**
     * As {@link #BallisticDrag(double, double, double, Ellipsoid, double, double, double,
     * DoubleUnaryOperator)}, with the drag coefficient following a curve against Mach number
     * ({@link BallisticDynamics}): β is then the ballistic coefficient at the curve's first Mach number.
     *
     * @param curve        the drag curve's shape, or null for a drag coefficient constant with speed
     * @param speedOfSound speed of sound (m/s) at a geodetic height (m); needed with a curve
     */
    public BallisticDrag(double processNoise, double mu, double j2, Ellipsoid ellipsoid, double rotationRate,
            double beta, double betaRelativeSigma, DoubleUnaryOperator density, DragCurve curve,
            DoubleUnaryOperator speedOfSound) {
        if (!(processNoise > 0) || !(beta > 0) || !(betaRelativeSigma >= 0) || density == null) {
            throw new IllegalArgumentException("need a positive process noise and ballistic coefficient");
        }
        this.q = processNoise;
        this.beta = beta;
        this.betaSigma = betaRelativeSigma;
        this.dynamics = new BallisticDynamics(mu, j2, ellipsoid, rotationRate, density, curve, speedOfSound);
    }

    @Override
    public int dimension() {
        return 6;
    }

    @Override
    public void propagate(double[] x, double dt, double[] out) {
        dynamics.fly(x, beta, dt, out);
    }

    @Override
    public void transition(double[] x, double dt, double[] f, double[] b, double[] qm) {
        // the flown state, in b for now
        dynamics.fly(x, beta, dt, b);
        dynamics.transitionMatrix(x, beta, dt, f, 6);
        for (int i = 0; i < 6; i++) {
            double fx = 0;
            for (int j = 0; j < 6; j++) {
                fx += f[i * 6 + j] * x[j];
            }
            b[i] = b[i] - fx;
        }
        // process noise: white acceleration on every axis, and the drag's error along the velocity
        java.util.Arrays.fill(qm, 0);
        ConstantVelocity.whiteAcceleration(q, dt, qm);
        double v = Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]);
        if (v > 0 && betaSigma > 0) {
            double drag = dynamics.dragDensityAt(x) * v * v / (2 * beta);
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
}
