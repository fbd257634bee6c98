package dev.bulwark.engine.threat;

import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * Predicts where and when a tracked ballistic threat lands, with the uncertainty of that
 * prediction, and the probability that it lands in each defended area.
 *
 * <p>Method: the unscented transform (Julier &amp; Uhlmann, Proc. IEEE 92(3), 2004) of the
 * track's 6-D state, augmented with the logarithm of the ballistic coefficient, through the
 * flight model to the ground: the 2n = 14 sigma points x ± √n·Lᵢ (L the Cholesky factor of
 * the covariance, κ = 0, equal weights 1/2n) are each flown to impact, and the spread of their impact points in the scenario's tangent plane
 * gives the 2×2 impact covariance; the mean state is flown too and gives the predicted path
 * and the impact point. The probability of impact in each area is computed from that mean and
 * covariance by {@link AreaProbabilities}.
 *
 * <p>Simplified: a track is flown with the doctrine's assumed ballistic coefficient, whose
 * uncertainty is represented by a log-normal spread of {@link #LOG_BETA_SIGMA} (one standard
 * deviation, a factor of about 1.5) in the sigma points, unless the caller gives its own β and
 * spread to {@link #assess(int, double, double[], double[], double, double)} (the sigma points of
 * ln β then move ln β alone). A track whose filter estimates γ = 1/β as a seventh state is
 * better given whole to {@link #assessEstimatedDrag(int, double, double[], double[])}: the
 * unscented transform of the joint 7-D state (2·7 sigma points, each flown with its own β = 1/γ),
 * which keeps the estimate's correlation with position and velocity. The impact distribution is
 * taken as Gaussian. Powered threats are not predicted.
 *
 * <p>Speed: the mean state is flown at the propagator's step (the path and the impact point);
 * the sigma points are flown at a coarser step ({@link #SIGMA_STEP_S} by default), and their
 * spread is taken about the mean state flown at that same coarse step, so that the integration
 * error, nearly the same for neighbouring states, cancels in the differences: the impact
 * covariance's standard deviations stay within 1 % (and its correlation within 0.01) of sigma
 * points flown at the fine step (tested in ImpactPredictorTest on the catalogue's rockets), at a
 * third of the cost. Their ground crossings are located on the propagator's cheaper height
 * ({@link BallisticPropagator#impact(double, double[], double, double, double, double[], boolean)},
 * centimetres from the exact crossing).
 *
 * <p>Not thread-safe (owns a propagator with scratch arrays); {@link #copy} gives another for
 * another thread. An assessment depends on its arguments alone (no state is kept between
 * calls), so the copies give the same results as the original.
 */
public final class ImpactPredictor {

    /** Standard deviation of ln β assumed for an unidentified track. */
    public static final double LOG_BETA_SIGMA = 0.4;
    /** Default integration step of the sigma points' flights (s). */
    public static final double SIGMA_STEP_S = 4.0;
    /**
     * Least inverse ballistic coefficient γ (m²/kg) a sigma point of a joint 7-D state is flown
     * with ({@link #assessEstimatedDrag}): β = 10⁷ kg/m², drag-free for practical purposes.
     */
    public static final double MIN_GAMMA = 1e-7;
    private static final int N = 7;

    private final BallisticPropagator propagator;
    private final BallisticPropagator coarse;
    private final DefendedAreas areas;
    private final LocalFrame plane;
    private final double beta;
    private final double ground;
    private final double maxFlightTime;

    private final double[] l = new double[49];
    private final double[] sigma = new double[N];
    private final double[] impact = new double[6];
    private final double[] enu = new double[3];
    private final double[] pe = new double[2 * N];
    private final double[] pn = new double[2 * N];

    /**
     * @param propagator     flight model (owned by this predictor)
     * @param areas          the defended areas
     * @param beta           assumed ballistic coefficient (kg/m²)
     * @param groundAltitude ground height (m)
     * @param maxFlightTimeS longest remaining flight considered (s)
     */
    public ImpactPredictor(BallisticPropagator propagator, DefendedAreas areas, double beta, double groundAltitude,
            double maxFlightTimeS) {
        this(propagator, areas, beta, groundAltitude, maxFlightTimeS, SIGMA_STEP_S);
    }

    /**
     * @param propagator     flight model of the mean state (owned by this predictor)
     * @param areas          the defended areas
     * @param beta           assumed ballistic coefficient (kg/m²)
     * @param groundAltitude ground height (m)
     * @param maxFlightTimeS longest remaining flight considered (s)
     * @param sigmaStepS     integration step of the sigma points' flights (s); the propagator's
     *                       own step if that is longer
     */
    public ImpactPredictor(BallisticPropagator propagator, DefendedAreas areas, double beta, double groundAltitude,
            double maxFlightTimeS, double sigmaStepS) {
        this.propagator = propagator;
        this.coarse = new BallisticPropagator(propagator.earth(), Math.max(sigmaStepS, propagator.step()));
        this.areas = areas;
        this.plane = areas.regions().frame();
        this.beta = beta;
        this.ground = groundAltitude;
        this.maxFlightTime = maxFlightTimeS;
    }

    /**
     * A predictor with the same settings (flight model and its steps, areas, β, ground, longest
     * flight) and its own scratch arrays: it gives the same assessments to the bit, and may run
     * in another thread alongside this one (the areas are only read).
     */
    public ImpactPredictor copy() {
        return new ImpactPredictor(new BallisticPropagator(propagator.earth(), propagator.step()), areas, beta, ground,
                maxFlightTime, coarse.step());
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
     * seventh state: the unscented transform of the joint 7-D state, so that the estimate's
     * correlation with position and velocity shapes the impact spread. The 2·7 sigma points
     * x ± √7·Lᵢ of the joint state are each flown with their own β = 1/γ; the mean state is flown
     * with β = 1/γ̂. A sigma point with γ ≤ {@link #MIN_GAMMA} (no drag, or a thrust: what a wide γ
     * spread reaches on its far side) is flown with γ = {@link #MIN_GAMMA}, nearly drag-free, the
     * ballistic limit of its side of the spread, rather than dropped (which would leave the
     * spread one-sided).
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
     * The mean state flown with β to the ground, then the spread of the sigma points of its first
     * {@code n} dimensions (6 with ln β spread by {@code logBetaSigma}, or 7 with γ) about it.
     */
    private Assessment assess(int trackId, double time, double[] state, double[] covariance, int n, double beta,
            double logBetaSigma) {
        Trajectory path;
        try {
            path = propagator.propagate(time, state, beta, ground, maxFlightTime);
        } catch (IllegalStateException e) {
            return null;
        }
        GeodeticPoint impactPoint = path.impactPoint();
        double[] ecef = propagator.earth().ellipsoid().toEcef(impactPoint);
        plane.ecefToEnu(ecef[0], ecef[1], ecef[2], enu);
        double me = enu[0];
        double mn = enu[1];
        double[] c = spread(time, state, covariance, n, beta, logBetaSigma, me, mn);
        return AreaProbabilities.assessment(trackId, time, path, impactPoint, path.impactTime(), me, mn, c[0], c[1], c[2],
                areas);
    }

    /**
     * The impact covariance (ee, en, nn) of the sigma points of an n-D state (n = 6: ln β moved
     * alone by logBetaSigma as a seventh direction; n = 7: the state's own γ), about the mean
     * state flown at their step; zeros if the covariance is not positive definite.
     */
    private double[] spread(double time, double[] state, double[] covariance, int n, double beta, double logBetaSigma,
            double me, double mn) {
        double cee = 0;
        double cen = 0;
        double cnn = 0;
        if (cholesky(covariance, n)) {
            // the reference of the sigma points' spread: the mean state flown at their step
            double ce = me;
            double cn = mn;
            if (coarse.step() != propagator.step()) {
                double tc = coarse.impact(time, state, beta, ground, maxFlightTime, impact, false);
                if (!Double.isNaN(tc)) {
                    plane.ecefToEnu(impact[0], impact[1], impact[2], enu);
                    ce = enu[0];
                    cn = enu[1];
                }
            }
            double scale = Math.sqrt(N);
            int used = 0;
            for (int k = 0; k < 2 * N; k++) {
                int col = k % N;
                double sign = k < N ? 1 : -1;
                double b = beta;
                if (n == N) {
                    for (int i = 0; i < N; i++) {
                        sigma[i] = state[i] + sign * scale * l[i * N + col];
                    }
                    b = 1 / Math.max(sigma[6], MIN_GAMMA);
                } else if (col < 6) {
                    for (int i = 0; i < 6; i++) {
                        sigma[i] = state[i] + sign * scale * l[i * 6 + col];
                    }
                } else {
                    System.arraycopy(state, 0, sigma, 0, 6);
                    b = beta * Math.exp(sign * scale * logBetaSigma);
                }
                double t = coarse.impact(time, sigma, b, ground, maxFlightTime, impact, false);
                if (Double.isNaN(t)) {
                    continue;
                }
                plane.ecefToEnu(impact[0], impact[1], impact[2], enu);
                pe[used] = enu[0];
                pn[used] = enu[1];
                used++;
            }
            if (used > 0) {
                for (int k = 0; k < used; k++) {
                    double de = pe[k] - ce;
                    double dn = pn[k] - cn;
                    cee += de * de;
                    cen += de * dn;
                    cnn += dn * dn;
                }
                cee /= used;
                cen /= used;
                cnn /= used;
            }
        }
        return new double[] {cee, cen, cnn};
    }

    /** Cholesky factor of the n×n matrix p into l (n×n, row-major); false if not positive definite. */
    private boolean cholesky(double[] p, int n) {
        java.util.Arrays.fill(l, 0);
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
