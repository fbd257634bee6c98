package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sim.RandomStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo consistency (NEES and NIS over 100 runs, Bar-Shalom, Li &amp; Kirubarajan 2001,
 * §5.4.2) of the extended and unscented filters with the radar's {@link SphericalMeasurement},
 * for each motion model, and of the IMM on a target that turns (hard switches of the turn rate,
 * and a truth drawn from the IMM's own jump Markov model). The acceptance rules are those
 * of {@link FilterConsistencyTest}: at least 90% of the steps after settling with the run-average
 * NEES (n degrees of freedom) and NIS (m) inside the two-sided 95% interval of
 * chi-square(dof·100)/100, and the grand means within 5% of n and m.
 *
 * <p>Truth: each model's own discrete dynamics, {@link MotionModel#propagate} plus a Gaussian
 * draw of its process noise Q (so the models describe their truths exactly, and what is tested
 * is the filters' handling of the nonlinearity: the radar's spherical measurement, the
 * Runge–Kutta drag flight, the turn). The initial truth is drawn from N(x̄₀, P₀) and the filter
 * started at (x̄₀, P₀). Radar: σ_r 15 m, σ_az = σ_el 2 mrad (and σ_ṙ 1 m/s where stated), one
 * plot per second, at 31.45° N 34.62° E. Settling: the first {@value #SETTLE} steps are left out.
 *
 * <p>Measured grand means (NEES, NIS) and steps inside on this seed are in each test's comment.
 */
class NonlinearConsistencyTest {

    private static final int RUNS = 100;
    private static final int SETTLE = 5;
    /** The first run's seed in {@link #run}; run i has SEED + i. */
    private static final long SEED = 0xF11 * 1_000L;
    private static final EarthModel EARTH = EarthModel.WGS84;
    private static final LocalFrame RADAR = new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(31.45, 34.62, 0));
    private static final SphericalMeasurement RAE = new SphericalMeasurement(RADAR, 15, 0.002, 0.002);
    private static final SphericalMeasurement RAE_DOPPLER = new SphericalMeasurement(RADAR, 15, 0.002, 0.002, 1.0);
    /** The estimated-β case's launch state: 2 km up, 640 m/s climbing at 45°, γ = 1/2,000 m²/kg. */
    private static final double[] ESTIMATED_X0 = append(enuState(-8_000, 2_000, 2_000, 450, 50, 450), 1 / 2_000.0);
    private static final double[] ESTIMATED_P0 = diag(400, 400, 400, 400, 400, 400, Math.pow(0.2 / 2_000.0, 2));
    /** Seed families in the opt-in study of the estimated-β case. */
    private static final int FAMILIES = 100;

    // ------------------------------------------------------------------ the cases

    @Test
    void constantVelocity() {
        ConstantVelocity cv = new ConstantVelocity(1.0);
        double[] x0 = enuState(20_000, 15_000, 3_000, -150, 60, 5);
        double[] p0 = diag(400, 400, 400, 100, 100, 100);
        check(run("CV EKF r-az-el-rdot", cv, cv, () -> new ExtendedKalmanFilter(6, 4), RAE_DOPPLER, x0, p0, 80));
        check(run("CV UKF r-az-el", cv, cv, () -> new UnscentedKalmanFilter(6, 3), RAE, x0, p0, 80));
    }

    @Test
    void gravity() {
        GravityConstantVelocity g = new GravityConstantVelocity(1.0, EARTH.mu(), EARTH.j2(),
                EARTH.ellipsoid().equatorialRadius(), EARTH.rotationRate());
        double[] x0 = enuState(-10_000, 0, 5_000, 500, 100, 400);
        double[] p0 = diag(400, 400, 400, 400, 400, 400);
        check(run("gravity EKF", g, g, () -> new ExtendedKalmanFilter(6, 3), RAE, x0, p0, 80));
        check(run("gravity UKF", g, g, () -> new UnscentedKalmanFilter(6, 3), RAE, x0, p0, 80));
    }

    @Test
    void ballisticDragWithAnAssumedCoefficient() {
        BallisticDrag drag = ballisticDrag();
        double[] x0 = enuState(-8_000, 2_000, 2_000, 450, 50, 450);
        double[] p0 = diag(400, 400, 400, 400, 400, 400);
        check(run("drag EKF", drag, drag, () -> new ExtendedKalmanFilter(6, 3), RAE, x0, p0, 60));
        check(run("drag UKF", drag, drag, () -> new UnscentedKalmanFilter(6, 3), RAE, x0, p0, 60));
    }

    /**
     * β = 2,000 kg/m² known to 20%, climbing from 2 km to ~4.7 km at 30 s, slowed hard by the drag, then
     * falling to ~0.1 km at 60 s. Truth: the model's own flight and Q (white acceleration q = 1 and
     * γ's random walk q_γ = 10⁻¹⁴), the initial state with γ drawn from N(x̄₀, P₀), the measurement
     * z = h(x) + N(0, R) with the R the filter uses: the filter's assumptions exactly.
     *
     * <p>Measured on this seed: EKF NEES 7.267 (50 of 55 steps inside), NIS 3.009 (48 of 55); UKF
     * NEES 7.227 (50 of 55), NIS 3.009 (48 of 55). The NIS per-step count misses the rule's 50 by
     * two. Outside: steps 10 (3.69), 12 (3.54), 48 (3.60), 59 (3.61) above, 13 (2.48), 40 (2.50),
     * 41 (2.51) below the band [2.54, 3.50]: scattered, above and below, early and late.
     *
     * <p>Why, measured (see {@link #ballisticDragWithAnEstimatedCoefficientOverManySeedFamilies}):
     * nothing is wrong with the filters or the model; the seed's 100 runs fall in the rule's own
     * false-alarm tail. Over 100 independent families of 100 runs (run seeds SEED + 10⁶ f + i), the
     * pooled step averages of 10,000 runs lie within 0.062 of 3 at every step, and their squared
     * z-scores sum to 65.2 (EKF) and 64.3 (UKF) over 55 steps (chi-square(55): p = 0.16 and
     * 0.18), so any step-dependent bias is below ~0.02, far inside the 100-run band (± 0.48). The
     * 90% rule fails for 7 of the 100 families with γ estimated (EKF and UKF alike) and for 7 of
     * 100 with β assumed ({@link #ballisticDragWithAnAssumedCoefficient}'s model); a filter whose
     * NIS is exactly chi-square(3) at every step, independent from step to step (lag-one correlation −0.004 over 1,000 runs),
     * fails it with probability P(Binomial(55, 0.05) ≥ 6) = 5.6%, and 7 or more outside, as here,
     * has probability 1.9%. The earlier 1,000-run figure (seeds SEED … SEED + 999: 7 of 55 outside
     * the 1,000-run band, z² sum 83.4, p = 0.008) is one batch that contains this seed's 100 runs;
     * the study's 10,000, which share only those 100 with it, show no such excess.
     *
     * <p>Eliminated: (1) a truth that differs from the filter's model (same {@link MotionModel}
     * object, Runge–Kutta substeps, gravity, density, Q drawn each step, γ drawn from the prior);
     * (2) an early-step or late-step pattern (above); (3) a measurement-noise mismatch (the
     * spherical R added to the true h(x), no converted measurement); the Jacobian (the UKF has none
     * and agrees with the EKF to 0.01) and γ's random walk (with q_γ = 0 the count stays 48). The
     * per-component innovations over 10,000 runs: the azimuth's is biased by about −0.015 σ over
     * steps 7 to 46, too small to matter. The EKF's NEES is 1% optimistic (7.073 over 10,000 runs,
     * 7.19 at step 6 falling to 7.0 by step 56; UKF 7.018), inside the 5% rule.
     *
     * <p>So: both NEES held to the full rule, both NIS grand means to 5%; the NIS per-step count to
     * this seed's 48 as a regression bound; the seed is not changed to a luckier one. The claim of
     * consistency rests on the 100-family study, which runs by default.
     */
    @Test
    void ballisticDragWithAnEstimatedCoefficient() {
        BallisticEstimatedDrag drag = estimatedDrag();
        Result e = run("estimated-beta EKF", drag, drag, () -> new ExtendedKalmanFilter(7, 3), RAE,
                ESTIMATED_X0, ESTIMATED_P0, 60);
        Result u = run("estimated-beta UKF", drag, drag, () -> new UnscentedKalmanFilter(7, 3), RAE,
                ESTIMATED_X0, ESTIMATED_P0, 60);
        System.out.println(e.summary());
        System.out.println(u.summary());
        for (Result r : List.of(e, u)) {
            assertThat(r.grandMean(r.nees())).as(r.summary()).isBetween(7 * 0.95, 7 * 1.05);
            assertThat(r.inside(r.nees(), 7)).as(r.summary()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * r.settled()));
            assertThat(r.grandMean(r.nis())).as(r.summary()).isBetween(3 * 0.95, 3 * 1.05);
            assertThat(r.inside(r.nis(), 3)).as(r.summary()).isGreaterThanOrEqualTo(48);
        }
    }

    /**
     * The case above over {@value #FAMILIES} independent families of {@value #RUNS} runs (family f
     * seeded SEED + 10⁶ f + i; family 0 is the case above): whether its NIS has a step-dependent
     * bias, and how often the 90% rule fails. This, not the single family above, is the case's
     * consistency check: 10,000 runs (about a minute), run by default. Asserts, for EKF and UKF: the squared z-scores of the
     * pooled step averages ((NIS̄ − 3) / √(6 / 10,000)) sum below chi-square(55)'s 99% point; the
     * pooled NIS and NEES grand means within 2% of 3 and 7; the rule fails for no more families than
     * the 99% point of Binomial({@value #FAMILIES}, P(Binomial(55, 0.05) ≥ 6)), what a filter whose
     * NIS is chi-square at every step would give. Measured: z² sums 65.2 (EKF) and 64.3 (UKF),
     * grand means NIS 3.008 and 3.008, NEES 7.073 and 7.018, failures 7 and 7 of 100 (bound 12).
     * It can fail: with the filter's q set 20% low (0.8 against the truth's 1) the EKF gives a z²
     * sum of 636.9 and 13 failing families, while its NIS grand mean (3.078) is inside the 5% rule.
     */
    @Test
    void ballisticDragWithAnEstimatedCoefficientOverManySeedFamilies() {
        manyFamilies(estimatedDrag(), "estimated-beta", 0.02);
    }

    /**
     * The many-families check above for the estimated-β model whose drag coefficient follows the
     * catalogue's generic rocket curve against Mach number ({@link DragCurve}; the flight starts near
     * Mach 1.9 and crosses the transonic rise, where the curve's slope enters the transition matrix),
     * same acceptance except the NEES grand mean, held within 3 % of 7: the curve's corners (a
     * piecewise-linear C_D) are a nonlinearity the EKF's linearisation does not see. Measured: NIS
     * z² sums 68.8 (EKF) and 66.6 (UKF), NIS grand means 3.009 and 3.008, NEES 7.150 and 7.020,
     * failures 6 and 6 of 100 (bound 12). On one family of 100 runs the EKF's NEES is inside its
     * interval at 46 of 55 steps (the plain model's 50), which is why only the pooled check is made.
     */
    @Test
    void ballisticDragWithAnEstimatedCoefficientAndADragCurveOverManySeedFamilies() {
        manyFamilies(curvedEstimatedDrag(), "estimated-beta with drag curve", 0.03);
    }

    private static void manyFamilies(BallisticEstimatedDrag drag, String label, double neesTolerance) {
        int steps = 60;
        int settled = steps - SETTLE;
        int need = (int) Math.ceil(0.9 * settled);
        double ruleFails = 1 - new BinomialDistribution(settled, 0.05).cumulativeProbability(settled - need);
        int maxFails = new BinomialDistribution(FAMILIES, ruleFails).inverseCumulativeProbability(0.99);
        double maxZ2 = new ChiSquaredDistribution(settled).inverseCumulativeProbability(0.99);
        for (boolean unscented : new boolean[] {false, true}) {
            String name = label + (unscented ? " UKF" : " EKF");
            Supplier<StateFilter> filters = unscented ? () -> new UnscentedKalmanFilter(7, 3)
                    : () -> new ExtendedKalmanFilter(7, 3);
            double[] nis = new double[steps];
            double[] nees = new double[steps];
            int fails = 0;
            for (int family = 0; family < FAMILIES; family++) {
                Result r = run(name, drag, drag, filters, RAE, ESTIMATED_X0, ESTIMATED_P0, steps,
                        SEED + 1_000_000L * family);
                for (int k = 0; k < steps; k++) {
                    nis[k] += r.nis()[k] / FAMILIES;
                    nees[k] += r.nees()[k] / FAMILIES;
                }
                if (r.inside(r.nis(), 3) < need) {
                    fails++;
                }
            }
            Result pooled = new Result(name + " pooled", 7, 3, nees, nis);
            double z2 = 0;
            for (int k = SETTLE; k < steps; k++) {
                double z = (nis[k] - 3) / Math.sqrt(2.0 * 3 / (FAMILIES * RUNS));
                z2 += z * z;
            }
            String summary = String.format(Locale.ROOT, "%s over %d runs: NIS %.3f, NEES %.3f, NIS z² sum %.1f "
                    + "(99%%: %.1f), 90%% rule failed by %d of %d families (99%%: %d)", name, FAMILIES * RUNS,
                    pooled.grandMean(nis), pooled.grandMean(nees), z2, maxZ2, fails, FAMILIES, maxFails);
            System.out.println(summary);
            assertThat(z2).as(summary).isLessThan(maxZ2);
            assertThat(pooled.grandMean(nis)).as(summary).isBetween(3 * 0.98, 3 * 1.02);
            assertThat(pooled.grandMean(nees)).as(summary).isBetween(7 * (1 - neesTolerance), 7 * (1 + neesTolerance));
            assertThat(fails).as(summary).isLessThanOrEqualTo(maxFails);
        }
    }

    @Test
    void coordinatedTurn() {
        CoordinatedTurn ct = new CoordinatedTurn(0.5, 1e-6);
        double[] x0 = append(enuState(15_000, 10_000, 1_000, -180, 80, 0), 0.03);
        double[] p0 = diag(400, 400, 400, 100, 100, 100, 0.01 * 0.01);
        check(run("CT EKF", ct, ct, () -> new ExtendedKalmanFilter(7, 3), RAE, x0, p0, 80));
        check(run("CT UKF", ct, ct, () -> new UnscentedKalmanFilter(7, 3), RAE, x0, p0, 80));
    }

    @Test
    void interactingMultipleModelOnATargetThatTurns() {
        // Measured on this seed: NIS grand mean 3.037 (63 of 75 steps inside); NEES 8.907 with only 8 of
        // 75 steps inside. The per-step NEES rule cannot hold here, for two reasons the numbers show:
        // (1) at the manoeuvre's start and end the truth's ω jumps by 0.06 rad/s, which neither mode
        // models (the turn mode's ω is a slow random walk), so the NEES spikes (88.7 at step 25, 20.1 at
        // step 50) and decays over ~10 scans (7.9 ten scans on) while P(turn) climbs from 0.23 to 0.96 in 4 scans; (2) away
        // from the switches the mixture is conservative (NEES 4.7 to 6.3 against 7): the turn mode,
        // kept at ~25% in straight flight by the switching matrix, spreads ω and the velocity. So we
        // assert what does hold: the NIS grand mean within 5% of 3; no optimism once settled (every
        // step more than 10 scans after a switch has NEES below the upper 95% bound); the mode
        // probability follows the turn. With a truth that switches as the IMM assumes (the next test) the
        // NEES grand mean is 6.955.
        Result r = runImm(true);
        System.out.println(r.summary());
        assertThat(r.grandMean(r.nis())).as(r.summary()).isBetween(3 * 0.95, 3 * 1.05);
        double upper = bounds(7, 0.95)[1];
        for (int k = SETTLE; k < r.nees().length; k++) {
            boolean nearSwitch = (k >= 24 && k < 35) || (k >= 49 && k < 60);
            if (!nearSwitch) {
                assertThat(r.nees()[k]).as("NEES at step %d of %s", k + 1, r.summary()).isLessThan(upper);
            }
        }
    }

    @Test
    void interactingMultipleModelOnATargetThatSwitchesAsItAssumes() {
        // The IMM's own generative model as the truth (see runImmMarkov): what is tested is the IMM's
        // approximation of the mode-conditioned mixture by one Gaussian per mode, not unmodelled jumps.
        // Measured on this seed: NEES 6.955 (61 of 75 steps inside), NIS 2.958 (73 of 75 inside). Against
        // the hard-switch target below (NEES 8.907, 8 of 75) the NEES grand mean is now within 1% of 7, and
        // the NIS meets the full rule. The NEES per-step rule (68 of 75) is missed: the step average wanders
        // (5.98 to 7.87) because the per-run NEES is not chi-square(7): its variance is 24.4 against 14
        // (the error of a moment-matched mixture has heavier tails than a Gaussian's), so the band of
        // chi-square(700)/100 is too narrow for it. So: the grand means and the NIS per-step count are held
        // to the full rule, the NEES per-step count to its measured 61 as a regression bound, not a claim.
        Result r = runImmMarkov();
        System.out.println(r.summary());
        assertThat(r.grandMean(r.nees())).as(r.summary()).isBetween(7 * 0.95, 7 * 1.05);
        assertThat(r.grandMean(r.nis())).as(r.summary()).isBetween(3 * 0.95, 3 * 1.05);
        assertThat(r.inside(r.nis(), 3)).as(r.summary()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * r.settled()));
        assertThat(r.inside(r.nees(), 7)).as(r.summary()).isGreaterThanOrEqualTo(61);
    }

    // ------------------------------------------------------------------ the harness

    /** The estimated-β case's model: q = 1 m²/s³, q_γ = 10⁻¹⁴ (m²/kg)²/s, the standard atmosphere. */
    static BallisticEstimatedDrag estimatedDrag() {
        return new BallisticEstimatedDrag(1.0, 1e-14, EARTH.mu(), EARTH.j2(), Ellipsoid.WGS84, EARTH.rotationRate(),
                StandardAtmosphere::density);
    }

    /** {@link #estimatedDrag()} with the catalogue's generic rocket drag curve (grad-122's table). */
    static BallisticEstimatedDrag curvedEstimatedDrag() {
        DragCurve curve = DragCurve.of(new double[] {0.0, 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0},
                new double[] {0.32, 0.32, 0.33, 0.38, 0.49, 0.54, 0.53, 0.48, 0.41, 0.36, 0.32, 0.28});
        return new BallisticEstimatedDrag(1.0, 1e-14, EARTH.mu(), EARTH.j2(), Ellipsoid.WGS84, EARTH.rotationRate(),
                StandardAtmosphere::density, curve, StandardAtmosphere::speedOfSound);
    }

    static BallisticDrag ballisticDrag() {
        return new BallisticDrag(1.0, EARTH.mu(), EARTH.j2(), Ellipsoid.WGS84, EARTH.rotationRate(), 2_000, 0,
                StandardAtmosphere::density);
    }

    /** Per-step run averages. */
    record Result(String name, int dofState, int dofMeasurement, double[] nees, double[] nis) {

        double grandMean(double[] v) {
            double acc = 0;
            for (int k = SETTLE; k < v.length; k++) {
                acc += v[k];
            }
            return acc / (v.length - SETTLE);
        }

        int inside(double[] v, int dof) {
            double[] b = bounds(dof, 0.95);
            int in = 0;
            for (int k = SETTLE; k < v.length; k++) {
                if (v[k] >= b[0] && v[k] <= b[1]) {
                    in++;
                }
            }
            return in;
        }

        int settled() {
            return nees.length - SETTLE;
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: NEES %.3f (%d of %d inside), NIS %.3f (%d of %d inside)", name,
                    grandMean(nees), inside(nees, dofState), settled(), grandMean(nis), inside(nis, dofMeasurement),
                    settled());
        }
    }

    static void check(Result r) {
        System.out.println(r.summary());
        int need = (int) Math.ceil(0.9 * r.settled());
        assertThat(r.inside(r.nees(), r.dofState())).as("%s: steps with the average NEES inside", r.summary())
                .isGreaterThanOrEqualTo(need);
        assertThat(r.inside(r.nis(), r.dofMeasurement())).as("%s: steps with the average NIS inside", r.summary())
                .isGreaterThanOrEqualTo(need);
        assertThat(r.grandMean(r.nees())).as("%s: grand mean NEES", r.summary())
                .isBetween(r.dofState() * 0.95, r.dofState() * 1.05);
        assertThat(r.grandMean(r.nis())).as("%s: grand mean NIS", r.summary())
                .isBetween(r.dofMeasurement() * 0.95, r.dofMeasurement() * 1.05);
    }

    static double[] bounds(int dof, double coverage) {
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(dof * RUNS);
        double tail = (1 - coverage) / 2;
        return new double[] {chi2.inverseCumulativeProbability(tail) / RUNS,
            chi2.inverseCumulativeProbability(1 - tail) / RUNS};
    }

    /**
     * Monte Carlo of a filter on the truth model's own dynamics.
     *
     * @param truthModel the truth's dynamics and process noise
     * @param model      the filter's model (null for an IMM)
     */
    static Result run(String name, MotionModel truthModel, MotionModel model, Supplier<StateFilter> filters,
            SphericalMeasurement meas, double[] x0, double[] p0, int steps) {
        return run(name, truthModel, model, filters, meas, x0, p0, steps, SEED);
    }

    /**
     * {@link #run(String, MotionModel, MotionModel, Supplier, SphericalMeasurement, double[], double[], int)}
     * with the runs seeded seedBase, seedBase + 1, …, seedBase + {@value #RUNS} − 1 (the cases use {@link #SEED}).
     */
    static Result run(String name, MotionModel truthModel, MotionModel model, Supplier<StateFilter> filters,
            SphericalMeasurement meas, double[] x0, double[] p0, int steps, long seedBase) {
        int n = x0.length;
        int m = meas.dimension();
        double[] nees = new double[steps + 1];
        double[] nis = new double[steps + 1];
        double[] x = new double[n];
        double[] next = new double[n];
        double[] f = new double[n * n];
        double[] b = new double[n];
        double[] q = new double[n * n];
        double[] l = new double[n * n];
        double[] l0 = new double[n * n];
        double[] z = new double[m];
        double[] sigma = new double[m];
        meas.noise(q);
        for (int i = 0; i < m; i++) {
            sigma[i] = Math.sqrt(q[i * m + i]);
        }
        assertThat(Filters.cholesky(p0, n, l0)).isTrue();
        for (int run = 0; run < RUNS; run++) {
            RandomStream rnd = new RandomStream(seedBase + run);
            draw(rnd, x0, l0, n, x);
            StateFilter filter = filters.get();
            filter.initialise(x0, p0);
            nees[0] += nees(filter, x) / RUNS;
            for (int k = 1; k <= steps; k++) {
                truthModel.transition(x, 1.0, f, b, q);
                assertThat(Filters.cholesky(q, n, l)).as("truth Q positive definite").isTrue();
                truthModel.propagate(x, 1.0, next);
                draw(rnd, next, l, n, x);
                meas.measure(x, n, z);
                for (int i = 0; i < m; i++) {
                    z[i] += sigma[i] * rnd.nextGaussian();
                }
                filter.predict(model, 1.0);
                nis[k] += filter.update(meas, z) / RUNS;
                nees[k] += nees(filter, x) / RUNS;
            }
        }
        return new Result(name, n, m, java.util.Arrays.copyOfRange(nees, 1, steps + 1),
                java.util.Arrays.copyOfRange(nis, 1, steps + 1));
    }

    /**
     * The IMM (EKF modes: constant velocity with ω pinned, {@link ZeroTurnRate}, and the
     * coordinated turn, q = 0.5 m²/s³ each, q_ω = 10⁻⁴ rad²/s³, switching 0.05 per second) on a
     * 200 m/s target flying straight for 25 s, turning at 0.06 rad/s (3.4°/s, 12 m/s²)
     * for 25 s, then straight for 30 s, with white acceleration q = 0.5 on the truth.
     */
    static Result runImm(boolean print) {
        int steps = 80;
        double[] x0 = append(enuState(15_000, 10_000, 1_000, -180, 80, 0), 0);
        double[] p0 = diag(400, 400, 400, 100, 100, 100, 0.02 * 0.02);
        CoordinatedTurn truthTurn = new CoordinatedTurn(0.5, 0);
        double[] nees = new double[steps];
        double[] nis = new double[steps];
        double[] mu = new double[steps];
        double[] x = new double[7];
        double[] next = new double[7];
        double[] f = new double[49];
        double[] b = new double[7];
        double[] q = new double[49];
        double[] l = new double[49];
        double[] l6 = new double[36];
        double[] q6 = new double[36];
        double[] l0 = new double[49];
        double[] z = new double[3];
        Filters.cholesky(p0, 7, l0);
        for (int run = 0; run < RUNS; run++) {
            RandomStream rnd = new RandomStream(0x1AA * 1_000L + run);
            draw(rnd, x0, l0, 7, x);
            x[6] = 0;
            ImmFilter imm = new ImmFilter(List.of(new ExtendedKalmanFilter(7, 3), new ExtendedKalmanFilter(7, 3)),
                    List.of(new ZeroTurnRate(new ConstantVelocity(0.5), 1e-4), new CoordinatedTurn(0.5, 1e-4)),
                    new double[] {0.95, 0.05, 0.05, 0.95}, new double[] {0.5, 0.5}, 3);
            imm.initialise(x0, p0);
            for (int k = 0; k < steps; k++) {
                x[6] = k >= 25 && k < 50 ? 0.06 : 0;
                truthTurn.transition(x, 1.0, f, b, q);
                for (int i = 0; i < 6; i++) {
                    System.arraycopy(q, i * 7, q6, i * 6, 6);
                }
                Filters.cholesky(q6, 6, l6);
                java.util.Arrays.fill(l, 0);
                for (int i = 0; i < 6; i++) {
                    System.arraycopy(l6, i * 6, l, i * 7, 6);
                }
                truthTurn.propagate(x, 1.0, next);
                draw(rnd, next, l, 7, x);
                x[6] = k + 1 >= 25 && k + 1 < 50 ? 0.06 : 0;
                RAE.measure(x, 7, z);
                z[0] += 15 * rnd.nextGaussian();
                z[1] += 0.002 * rnd.nextGaussian();
                z[2] += 0.002 * rnd.nextGaussian();
                imm.predict(null, 1.0);
                nis[k] += imm.update(RAE, z) / RUNS;
                nees[k] += nees(imm, x) / RUNS;
                mu[k] += imm.modeProbability(1) / RUNS;
            }
        }
        if (print) {
            System.out.println("IMM NEES " + java.util.Arrays.toString(nees));
            System.out.println("IMM P(turn) " + java.util.Arrays.toString(mu));
        }
        assertThat(mu[40]).as("P(turn) mid-turn").isGreaterThan(0.8);
        assertThat(mu[15]).as("P(turn) straight").isLessThan(0.35);
        assertThat(mu[75]).as("P(turn) straight again").isLessThan(0.35);
        return new Result("IMM CV+CT EKF", 7, 3, nees, nis);
    }

    /**
     * The IMM of {@link #runImm} on a truth drawn from the IMM's own assumptions (a jump Markov
     * system): the mode starts from the initial probabilities (0.5, 0.5) and switches each second
     * with the IMM's matrix (0.05); each step the truth flies the current mode's model
     * ({@link ZeroTurnRate}: straight, ω' drawn with σ_ω = 10⁻⁴ rad/s; {@link CoordinatedTurn}: the
     * turn at the current ω, ω a random walk with q_ω = 10⁻⁴ rad²/s³) and adds a draw of that mode's
     * own Q from its {@link MotionModel#transition}. So the turn rate wanders (σ 0.01 rad/s per
     * second) while turning and is reset to ~0 in straight flight, rather than the hard 0.06 rad/s
     * steps of {@link #runImm}.
     */
    static Result runImmMarkov() {
        int steps = 80;
        double[] x0 = append(enuState(15_000, 10_000, 1_000, -180, 80, 0), 0);
        double[] p0 = diag(400, 400, 400, 100, 100, 100, 0.02 * 0.02);
        double[] switching = {0.95, 0.05, 0.05, 0.95};
        List<MotionModel> truthModels = List.of(new ZeroTurnRate(new ConstantVelocity(0.5), 1e-4),
                new CoordinatedTurn(0.5, 1e-4));
        double[] nees = new double[steps];
        double[] nis = new double[steps];
        double[] x = new double[7];
        double[] next = new double[7];
        double[] f = new double[49];
        double[] b = new double[7];
        double[] q = new double[49];
        double[] l = new double[49];
        double[] l0 = new double[49];
        double[] z = new double[3];
        Filters.cholesky(p0, 7, l0);
        for (int run = 0; run < RUNS; run++) {
            RandomStream rnd = new RandomStream(0x1AB * 1_000L + run);
            draw(rnd, x0, l0, 7, x);
            int mode = rnd.nextDouble() < 0.5 ? 0 : 1;
            ImmFilter imm = new ImmFilter(List.of(new ExtendedKalmanFilter(7, 3), new ExtendedKalmanFilter(7, 3)),
                    List.of(new ZeroTurnRate(new ConstantVelocity(0.5), 1e-4), new CoordinatedTurn(0.5, 1e-4)),
                    switching, new double[] {0.5, 0.5}, 3);
            imm.initialise(x0, p0);
            for (int k = 0; k < steps; k++) {
                if (rnd.nextDouble() < switching[mode * 2 + 1 - mode]) {
                    mode = 1 - mode;
                }
                MotionModel truth = truthModels.get(mode);
                truth.transition(x, 1.0, f, b, q);
                assertThat(Filters.cholesky(q, 7, l)).as("truth Q positive definite").isTrue();
                truth.propagate(x, 1.0, next);
                draw(rnd, next, l, 7, x);
                RAE.measure(x, 7, z);
                z[0] += 15 * rnd.nextGaussian();
                z[1] += 0.002 * rnd.nextGaussian();
                z[2] += 0.002 * rnd.nextGaussian();
                imm.predict(null, 1.0);
                nis[k] += imm.update(RAE, z) / RUNS;
                nees[k] += nees(imm, x) / RUNS;
            }
        }
        return new Result("IMM CV+CT EKF, Markov truth", 7, 3, nees, nis);
    }

    /** out = mean + L w, w standard normal. */
    static void draw(RandomStream rnd, double[] mean, double[] l, int n, double[] out) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double acc = mean[i];
            for (int j = 0; j <= i; j++) {
                acc += l[i * n + j] * w[j];
            }
            out[i] = acc;
        }
    }

    static double nees(StateFilter f, double[] truth) {
        int n = f.dimension();
        double[] l = new double[n * n];
        assertThat(Filters.cholesky(f.covariance(), n, l)).as("P positive definite").isTrue();
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = f.state()[i] - truth[i];
        }
        double[] w = e.clone();
        Filters.choleskySolve(l, n, w);
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += e[i] * w[i];
        }
        return acc;
    }

    static double[] enuState(double e, double nn, double u, double ve, double vn, double vu) {
        double[] p = new double[3];
        RADAR.enuToEcef(e, nn, u, p);
        double[] v = new double[3];
        RADAR.rotateToEcef(ve, vn, vu, v);
        return new double[] {p[0], p[1], p[2], v[0], v[1], v[2]};
    }

    static double[] append(double[] x, double v) {
        double[] out = java.util.Arrays.copyOf(x, x.length + 1);
        out[x.length] = v;
        return out;
    }

    static double[] diag(double... d) {
        double[] p = new double[d.length * d.length];
        for (int i = 0; i < d.length; i++) {
            p[i * d.length + i] = d[i];
        }
        return p;
    }

}
