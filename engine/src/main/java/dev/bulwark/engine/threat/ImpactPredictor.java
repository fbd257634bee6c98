package dev.bulwark.engine.threat;

import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * Predicts where and when a tracked ballistic threat lands, with the uncertainty of that
 * prediction, and the probability that it lands in each defended area.
 *
 * <p>Method: the mean state is flown to the ground with the flight model, which gives the
 * predicted path, the impact point and its time (its ground crossing located on the propagator's
 * cheaper height, centimetres from the exact crossing). The impact's 2×2 covariance in the scenario's
 * tangent plane is propagated to first order: S P Sᵀ, with S the sensitivity of the impact's
 * east and north coordinates to the track's state (and to ln β), computed along the mean path by
 * the adjoint of the flight's variational equations
 * ({@link BallisticPropagator#impactSensitivity}), and P the track's covariance. The probability
 * of impact in each area is computed from that mean and covariance by {@link AreaProbabilities}.
 *
 * <p>Validation: against the sample covariance of 2,000 impacts flown from states and ballistic
 * coefficients drawn from the track's distribution, the standard deviations agree within 7 % and
 * the correlation within 0.1 at every stage of a Qassam's and a Grad's flight, for a young and a
 * settled track (ImpactPredictorTest). The unscented transform this replaced (2·7 sigma points
 * flown to the ground at a 4 s step) was off by up to 16 % on the same cases (its points at
 * ±√7 σ overstate the curvature of the impact in ln β) and cost fifteen flights per track.
 *
 * <p>Drag: by default the coefficient is constant with speed; a predictor built with a drag shape
 * (the tracker settings' drag curve, {@code Simulation}) flies C_D(M) ∝ shape(M), every β then the
 * ballistic coefficient at the shape's first Mach number, and its sensitivities take the shape's
 * slope (DragShapeCoastTest, ImpactPredictorTest). The shape is one for every track: a round whose
 * own curve has another shape is predicted with that error.
 *
 * <p>Simplified: a track is flown with the doctrine's assumed ballistic coefficient, whose
 * uncertainty is a log-normal spread of {@link #LOG_BETA_SIGMA} (one standard deviation, a
 * factor of about 1.5), independent of the state, unless the caller gives its own β and spread to
 * {@link #assess(int, double, double[], double[], double, double)}. A track whose filter
 * estimates γ = 1/β as a seventh state is better given whole to
 * {@link #assessEstimatedDrag(int, double, double[], double[])}: its 7×7 covariance is propagated
 * with the sensitivity to γ, which keeps the estimate's correlation with position and velocity.
 * The impact distribution is taken as Gaussian, and first order: a spread so wide that the
 * impact moves nonlinearly across it (a track just started, seconds after launch) is described
 * by its local slope. Powered threats are not predicted.
 *
 * <p>Not thread-safe (owns a propagator with scratch arrays); {@link #copy} gives another for
 * another thread. An assessment depends on its arguments alone (no state is kept between
 * calls), so the copies give the same results as the original.
 */
public final class ImpactPredictor {

    /** Standard deviation of ln β assumed for an unidentified track. */
    public static final double LOG_BETA_SIGMA = 0.4;
    private static final int N = 7;

    private final BallisticPropagator propagator;
    private final DefendedAreas areas;
    private final LocalFrame plane;
    private final double beta;
    private final DragTable shape;
    private final double ground;
    private final double maxFlightTime;

    private final double[] l = new double[49];
    private final double[] enu = new double[3];
    private final double[] sensitivity = new double[14];
    // ECEF rows of the tangent plane's east and north coordinates
    private final double[] east = new double[3];
    private final double[] north = new double[3];

    /**
     * @param propagator     flight model (owned by this predictor)
     * @param areas          the defended areas
     * @param beta           assumed ballistic coefficient (kg/m²)
     * @param groundAltitude ground height (m)
     * @param maxFlightTimeS longest remaining flight considered (s)
     */
    public ImpactPredictor(BallisticPropagator propagator, DefendedAreas areas, double beta, double groundAltitude,
            double maxFlightTimeS) {
        this(propagator, areas, beta, null, groundAltitude, maxFlightTimeS);
    }

    /**
     * A predictor whose flights' drag coefficient follows a shape against Mach number
     * ({@link BallisticPropagator#propagate(double, double[], double, DragTable, double, double, boolean)}):
     * every β, the assumed one and a track's own, is then the ballistic coefficient where the shape is
     * 1 (its first Mach number, for a shape normalised there).
     *
     * @param shape the drag coefficient's shape against Mach number, or null for a constant coefficient
     */
    public ImpactPredictor(BallisticPropagator propagator, DefendedAreas areas, double beta, DragTable shape,
            double groundAltitude, double maxFlightTimeS) {
        this.propagator = propagator;
        this.shape = shape;
        this.areas = areas;
        this.plane = areas.regions().frame();
        this.beta = beta;
        this.ground = groundAltitude;
        this.maxFlightTime = maxFlightTimeS;
        plane.rotateToEcef(1, 0, 0, east);
        plane.rotateToEcef(0, 1, 0, north);
    }

    /**
     * A predictor with the same settings (flight model and its step, areas, β, ground, longest
     * flight) and its own scratch arrays: it gives the same assessments to the bit, and may run
     * in another thread alongside this one (the areas are only read).
     */
    public ImpactPredictor copy() {
        return new ImpactPredictor(new BallisticPropagator(propagator.earth(), propagator.step()), areas, beta, shape,
                ground, maxFlightTime);
    }

    /**
     * Assesses a track with the assumed ballistic coefficient given at construction and the
     * spread {@link #LOG_BETA_SIGMA} of its logarithm.
     *
     * @param trackId    the track
     * @param time       time of its estimate (s)
     * @param state      ECEF position and velocity estimate
     * @param covariance its 6×6 covariance, row-major
     * @return the assessment, or null if the mean state does not reach the ground in time
     *         (an object climbing away, or a false track)
     */
    public Assessment assess(int trackId, double time, double[] state, double[] covariance) {
        return assess(trackId, time, state, covariance, beta, LOG_BETA_SIGMA);
    }

    /**
     * Assesses a track with its own estimate of the ballistic coefficient.
     *
     * @param trackId      the track
     * @param time         time of its estimate (s)
     * @param state        ECEF position and velocity estimate
     * @param covariance   its 6×6 covariance, row-major
     * @param betaKgM2     estimate of the track's ballistic coefficient (kg/m²)
     * @param logBetaSigma standard deviation of the estimate's natural logarithm (0 for a β known exactly)
     * @return the assessment, or null if the mean state does not reach the ground in time
     *         (an object climbing away, or a false track)
     */
    public Assessment assess(int trackId, double time, double[] state, double[] covariance, double betaKgM2,
            double logBetaSigma) {
        if (!(betaKgM2 > 0) || !(logBetaSigma >= 0)) {
            throw new IllegalArgumentException("ballistic coefficient must be positive and its log-sigma at least 0");
        }
        return assess(trackId, time, state, covariance, 6, betaKgM2, logBetaSigma);
    }

    /**
     * Assesses a track whose filter estimates the inverse ballistic coefficient γ = 1/β as a
     * seventh state: the joint 7-D covariance is propagated with the impact's sensitivity to γ
     * (−β times its sensitivity to ln β), so that the estimate's correlation with position and
     * velocity shapes the impact spread. The mean state is flown with β = 1/γ̂.
     *
     * @param trackId    the track
     * @param time       time of its estimate (s)
     * @param state      ECEF position (m), velocity (m/s) and γ (m²/kg), 7 values
     * @param covariance their 7×7 covariance, row-major
     * @return the assessment, or null if the mean state does not reach the ground in time
     * @throws IllegalArgumentException if the state does not have 7 values or the covariance 49,
     *                                  or if γ̂ ≤ 0 (nothing a ballistic prediction can use)
     */
    public Assessment assessEstimatedDrag(int trackId, double time, double[] state, double[] covariance) {
        if (state.length != N || covariance.length != N * N) {
            throw new IllegalArgumentException("a 7-D state (position, velocity, 1/beta) and its 7x7 covariance expected");
        }
        if (!(state[6] > 0)) {
            throw new IllegalArgumentException("the inverse ballistic coefficient must be positive: " + state[6]);
        }
        return assess(trackId, time, state, covariance, N, 1 / state[6], 0);
    }

    /**
     * The mean state flown with β to the ground, then the first-order spread of its first
     * {@code n} dimensions (6 with ln β spread by {@code logBetaSigma}, or 7 with γ) about it.
     */
    private Assessment assess(int trackId, double time, double[] state, double[] covariance, int n, double beta,
            double logBetaSigma) {
        Trajectory path;
        try {
            path = propagator.propagate(time, state, beta, shape, ground, maxFlightTime, false);
        } catch (IllegalStateException e) {
            return null;
        }
        GeodeticPoint impactPoint = path.impactPoint();
        double[] ecef = propagator.earth().ellipsoid().toEcef(impactPoint);
        plane.ecefToEnu(ecef[0], ecef[1], ecef[2], enu);
        double me = enu[0];
        double mn = enu[1];
        double[] c = linearSpread(path, covariance, n, beta, logBetaSigma);
        return AreaProbabilities.assessment(trackId, time, path, impactPoint, path.impactTime(), me, mn, c[0], c[1], c[2],
                areas);
    }

    /**
     * The impact covariance (ee, en, nn) to first order along the mean path: for a 6-D state and
     * an independent ln β spread S P Sᵀ + s_β s_βᵀ σ²(ln β), for a 7-D state with γ S₇ P S₇ᵀ, with
     * S and s_β the sensitivities of the impact's east and north coordinates to the state and to
     * ln β ({@link BallisticPropagator#impactSensitivity}); zeros if the covariance is not
     * positive definite.
     */
    private double[] linearSpread(Trajectory path, double[] covariance, int n, double beta, double logBetaSigma) {
        if (!cholesky(covariance, n)) {
            return new double[] {0, 0, 0};
        }
        propagator.impactSensitivity(path, beta, shape, east, north, sensitivity);
        if (n == N) {
            // γ = 1/β: ∂/∂γ = −β ∂/∂ln β, its variance and covariances in the state's own matrix
            sensitivity[6] *= -beta;
            sensitivity[13] *= -beta;
        }
        // S P Sᵀ over the first n dimensions
        double cee = 0;
        double cen = 0;
        double cnn = 0;
        for (int i = 0; i < n; i++) {
            double pe = 0;
            double pn = 0;
            for (int j = 0; j < n; j++) {
                double p = 0.5 * (covariance[i * n + j] + covariance[j * n + i]);
                pe += sensitivity[j] * p;
                pn += sensitivity[7 + j] * p;
            }
            cee += pe * sensitivity[i];
            cen += pe * sensitivity[7 + i];
            cnn += pn * sensitivity[7 + i];
        }
        if (n == N) {
            return new double[] {cee, cen, cnn};
        }
        double v = logBetaSigma * logBetaSigma;
        cee += sensitivity[6] * sensitivity[6] * v;
        cen += sensitivity[6] * sensitivity[13] * v;
        cnn += sensitivity[13] * sensitivity[13] * v;
        return new double[] {cee, cen, cnn};
    }

    /**
     * Cholesky factor of the n×n matrix p into the lower triangle of l (n×n, row-major; every entry
     * read is written earlier in the same call); false if not positive definite.
     */
    private boolean cholesky(double[] p, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0.5 * (p[i * n + j] + p[j * n + i]);
                for (int k = 0; k < j; k++) {
                    acc -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(acc > 0)) {
                        return false;
                    }
                    l[i * n + i] = Math.sqrt(acc);
                } else {
                    l[i * n + j] = acc / l[j * n + j];
                }
            }
        }
        return true;
    }
}
