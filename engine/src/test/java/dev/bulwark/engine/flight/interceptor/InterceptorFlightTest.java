package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.flight.DragTable;
import static dev.bulwark.engine.flight.interceptor.Engagements.BATTERY;
import static dev.bulwark.engine.flight.interceptor.Engagements.BATTERY_FRAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link InterceptorFlight}: proportional navigation against the closed-form solution of guidance
 * theory, against 122 mm rockets inside and outside the computed envelope, and the end conditions.
 */
class InterceptorFlightTest {

    private static final InterceptorType TAMIR = InterceptorType.TAMIR_CLASS;
    /** An Earth with no gravity to speak of (GM = 1e-3 m³/s²) and no rotation: guidance theory's setting. */
    private static final EarthModel NO_GRAVITY = new EarthModel(Ellipsoid.WGS84, 1e-3, 0, 0);

    /**
     * An ideal interceptor for the theory tests: no drag, no aerodynamic limit on the lateral
     * acceleration (1,000 m/s², never reached), N = 4, and a given autopilot lag; flown after burn-out.
     */
    private static InterceptorType ideal(double tau) {
        return new InterceptorType("ideal", 90, 28, 2.5, 24_000, 0.02, DragTable.constant(0), 1_000, 0, 4, tau,
                0.4, 0.3, 0, 60, 1, 0);
    }

    /** Head-on geometry 20 km up: interceptor at 600 m/s with a heading error, target 6 km east at 300 m/s towards it. */
    private record HeadOn(double[] interceptor, TargetMotion target) {
        static HeadOn withHeadingError(double headingErrorRad) {
            LocalFrame frame = new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(31.5, 34.5, 20_000));
            double[] p = frame.originEcef();
            double[] v = new double[3];
            frame.rotateToEcef(600 * Math.cos(headingErrorRad), 600 * Math.sin(headingErrorRad), 0, v);
            double[] tp = new double[3];
            frame.enuToEcef(6_000, 0, 0, tp);
            double[] tv = new double[3];
            frame.rotateToEcef(-300, 0, 0, tv);
            return new HeadOn(new double[] {p[0], p[1], p[2], v[0], v[1], v[2]}, TargetMotion.straightLine(0, tp, tv));
        }
    }

    @Test
    void proportionalNavigationFollowsZarchansHeadingErrorSolution() {
        // Linearised PN with no lag against a non-manoeuvring target, heading error HE, flight time t_F
        // (Zarchan 2012, ch. 2): n_c(t) = N·V_M·HE/t_F · (1 − t/t_F)^(N−2), and zero miss. Here the
        // engagement is the full nonlinear one (5° of heading error, so the linearisation is good to
        // HE² ≈ 0.8%), the command is true PN realised normal to the velocity, and the flight ends at the
        // root of the range rate. Tolerance: 2% of the initial command over the first 90% of the flight
        // (mostly the O(HE²) terms and the step); miss under 1 cm (measured ~1e-5 m). Every step is
        // checked: 0.05 s ones, then 0.01 s ones in the last second.
        double he = Math.toRadians(5);
        HeadOn g = HeadOn.withHeadingError(he);
        List<double[]> history = new ArrayList<>();
        InterceptResult r = new InterceptorFlight(ideal(0), NO_GRAVITY).flyFrom(0, 10, g.interceptor(), g.target(), -1e7,
                70, (t, y, lateral, target) -> history.add(new double[] {t, Engagements.norm(lateral, 0)}));

        assertThat(r.reason()).isEqualTo(InterceptResult.Reason.HIT);
        assertThat(r.missDistanceM()).isLessThan(0.01);
        double tF = r.timeOfClosestApproach();
        assertThat(tF).as("6 km closed at 900 m/s").isCloseTo(6.667, within(0.01));
        double a0 = 4 * 600 * he / tF;
        int checked = 0;
        for (double[] h : history) {
            if (h[0] / tF < 0.9) {
                assertThat(h[1]).as("lateral acceleration at %.2f s", h[0])
                        .isCloseTo(a0 * Math.pow(1 - h[0] / tF, 2), within(0.02 * a0));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void zeroEffortMissShrinksToNothingAgainstAStraightLineTarget() {
        // The zero-effort miss (the miss if neither side accelerates from now on) is |R + V·t_go| with
        // t_go = −R·V/|V|². PN with N = 4 and the default type's 0.1 s lag removes it steadily: it never
        // grows by more than 1 mm from one step to the next (the end game's rounding), starts above
        // 300 m (15° of heading error would give ~1 km; 5° gives ~350 m) and ends under 1 cm.
        HeadOn g = HeadOn.withHeadingError(Math.toRadians(5));
        List<Double> zem = new ArrayList<>();
        InterceptResult r = new InterceptorFlight(ideal(0.1), NO_GRAVITY).flyFrom(0, 10, g.interceptor(), g.target(),
                -1e7, 70, (t, y, lateral, tg) -> zem.add(zeroEffortMiss(y, tg)));

        assertThat(zem.get(0)).isGreaterThan(300);
        for (int i = 1; i < zem.size(); i++) {
            assertThat(zem.get(i)).as("zero-effort miss at step %d", i).isLessThanOrEqualTo(zem.get(i - 1) + 1e-3);
        }
        assertThat(zem.get(zem.size() / 2)).as("half-way").isLessThan(0.1 * zem.get(0));
        assertThat(r.missDistanceM()).isLessThan(0.01);
        assertThat(r.hit()).isTrue();
    }

    private static double zeroEffortMiss(double[] y, double[] tg) {
        double rx = tg[0] - y[0];
        double ry = tg[1] - y[1];
        double rz = tg[2] - y[2];
        double wx = tg[3] - y[3];
        double wy = tg[4] - y[4];
        double wz = tg[5] - y[5];
        double tgo = -(rx * wx + ry * wy + rz * wz) / (wx * wx + wy * wy + wz * wz);
        return Math.sqrt(Math.pow(rx + wx * tgo, 2) + Math.pow(ry + wy * tgo, 2) + Math.pow(rz + wz * tgo, 2));
    }

    @ParameterizedTest(name = "rocket from ({0}, {1}) m onto ({2}, {3}) m")
    @CsvSource({
        // launch east, launch north, aim east, aim north (m from the battery)
        "-2000, -15000, 1000, 2000",
        "0, -15000, 0, 3000",
        "4000, -12000, -3000, 3000",
        "-14000, -6000, 3000, 1500"
    })
    void hitsA122mmRocketLaunchedInsideTheEnvelope(double le, double ln, double ae, double an) {
        // The whole chain: a 122 mm rocket fired from 13-15 km at the battery's surroundings, flown by the
        // engine's aiming and propagator; the predicted intercept from the computed tables (perfect
        // prediction: the rocket's own trajectory, 1 s launch delay); the launch towards that point; the
        // fly-out under PN against the rocket's true motion. With the true state and no noise, PN leaves
        // almost no miss (measured 1e-6 to 2e-5 m in the four cases, at closing speeds of 880-970 m/s):
        // the bound is the type's 6 m lethal radius, the brief's criterion. The flight time must match the
        // table's prediction to 1% (the table flies to a fixed point, the rocket moves on during the end
        // game; measured 0.15-0.23%), and the meeting point the predicted one to 50 m (measured 8-10 m).
        Trajectory rocket = Engagements.rocket(le, ln, ae, an);
        InterceptorPerformance perf = InterceptorPerformance.of(TAMIR);
        PredictedIntercept.Solution plan = new PredictedIntercept(perf, Ellipsoid.WGS84, BATTERY, 1.0).solve(rocket, 105);
        assertThat(plan).as("an intercept is planned").isNotNull();
        assertThat(perf.envelope().contains(plan.groundRangeM(), plan.heightM())).isTrue();

        InterceptorFlight flight = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        InterceptResult r = flight.fly(plan.launchTime(), BATTERY, flight.launchDirection(BATTERY, plan.point()),
                TargetMotion.of(rocket));

        assertThat(r.reason()).isEqualTo(InterceptResult.Reason.HIT);
        assertThat(r.hit()).isTrue();
        assertThat(r.missDistanceM()).isLessThan(TAMIR.lethalRadiusM());
        assertThat(r.flightTimeS()).isCloseTo(plan.timeOfFlightS(), within(0.01 * plan.timeOfFlightS()));
        assertThat(r.flightTimeS()).isBetween(TAMIR.minFlightTimeS(), TAMIR.maxFlightTimeS());
        double[] planned = plan.point();
        double[] met = r.interceptPoint();
        double apart = Math.sqrt(Math.pow(planned[0] - met[0], 2) + Math.pow(planned[1] - met[1], 2)
                + Math.pow(planned[2] - met[2], 2));
        assertThat(apart).as("met near the predicted point (m)").isLessThan(50);
    }

    @Test
    void aRocketPassingBeyondMaxRangeIsNeitherPlannedNorHit() {
        // The same rocket flying 25 km east of the battery, twice the envelope's maximum range: no
        // intercept is planned, and no launch, at any time across its flight and at any lead, hits it.
        Trajectory rocket = Engagements.rocket(25_000, -15_000, 25_000, 3_000);
        InterceptorPerformance perf = InterceptorPerformance.of(TAMIR);
        assertThat(perf.envelope().maxRangeM()).isLessThan(20_000);
        assertThat(new PredictedIntercept(perf, Ellipsoid.WGS84, BATTERY, 1.0).solve(rocket, 100)).isNull();

        InterceptorFlight flight = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        int flown = 0;
        double closest = Double.POSITIVE_INFINITY;
        for (double launch = 100; launch < rocket.impactTime() - 5; launch += 2) {
            for (double lead : new double[] {5, 10, 20}) {
                double[] aim = new double[6];
                rocket.stateAt(launch + lead, aim);
                InterceptResult r = flight.fly(launch, BATTERY, flight.launchDirection(BATTERY, aim),
                        TargetMotion.of(rocket));
                assertThat(r.hit()).as("launch at %.0f s, lead %.0f s: %s", launch, lead, r).isFalse();
                closest = Math.min(closest, r.missDistanceM());
                flown++;
            }
        }
        assertThat(flown).isGreaterThan(30);
        assertThat(closest).as("closest any interceptor came (m)").isGreaterThan(1_000);
    }

    @ParameterizedTest(name = "level target at {0} × ceiling, passing at {1} × max range: hit = {2}")
    @CsvSource({
        "1.3, 0.0, false",  // over the battery, 30% above the ceiling
        "0.25, 1.3, false", // low, 30% beyond the maximum range
        "0.8, 0.0, true",   // the same passes inside: some launch hits
        "0.25, 0.7, true"
    })
    void straightLineTargetsAreHitOnlyInsideTheEnvelope(double heightFactor, double rangeFactor, boolean hittable) {
        // A level target at 300 m/s passes the battery at a height and closest ground range set by the
        // computed envelope. Interceptors are launched every second over a 60 s pass, each towards where
        // the target will be 5, 10, 15, 20 or 25 s later. Outside the envelope none may hit; inside, some
        // must (which shows that the outside cases could fail). Straight-line motion in ECEF differs from
        // level flight by the Earth's curvature, 70 m at 30 km: immaterial to the margins of 30%.
        EngagementEnvelope env = InterceptorPerformance.of(TAMIR).envelope();
        double height = heightFactor * env.ceilingM();
        double offset = rangeFactor * env.maxRangeM();
        double[] start = Engagements.at(Math.hypot(offset, 9_000), Math.atan2(offset, -9_000), height);
        double[] velocity = new double[3];
        BATTERY_FRAME.rotateToEcef(0, 300, 0, velocity); // northbound, passing east of the battery
        TargetMotion target = TargetMotion.straightLine(0, start, velocity);

        InterceptorFlight flight = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        int hits = 0;
        double[] aim = new double[6];
        for (double launch = 0; launch <= 60; launch += 1) {
            for (double lead = 5; lead <= 25; lead += 5) {
                target.stateAt(launch + lead, aim);
                InterceptResult r = flight.fly(launch, BATTERY, flight.launchDirection(BATTERY, aim), target);
                if (r.hit()) {
                    hits++;
                }
            }
        }
        if (hittable) {
            assertThat(hits).as("hits inside the envelope").isGreaterThan(0);
        } else {
            assertThat(hits).as("hits outside the envelope").isZero();
        }
    }

    @Test
    void missGrowsAsTheLateralAccelerationIsCut() {
        // Launched at the rocket's position at launch time instead of the predicted intercept point, the
        // interceptor starts with a large heading error that PN must fly out. With the full 30 g it does;
        // cut the airframe's lateral acceleration and the miss grows, to hundreds of metres at 0.2 g.
        // Measured: under 1e-5 m at 30, 10 and 2 g; 144 m at 1 g; 432 m at 0.5 g; 604 m at 0.2 g.
        Trajectory rocket = Engagements.rocket(-2000, -15000, 1000, 2000);
        PredictedIntercept.Solution plan = new PredictedIntercept(InterceptorPerformance.of(TAMIR), Ellipsoid.WGS84,
                BATTERY, 1.0).solve(rocket, 105);
        double[] now = new double[6];
        rocket.stateAt(plan.launchTime(), now);
        double previous = 0;
        List<Double> misses = new ArrayList<>();
        for (double g : new double[] {30, 10, 2, 1, 0.5, 0.2}) {
            InterceptorFlight flight = new InterceptorFlight(TAMIR.withMaxLateralAcceleration(g * InterceptorType.G0),
                    EarthModel.WGS84);
            InterceptResult r = flight.fly(plan.launchTime(), BATTERY, flight.launchDirection(BATTERY, now),
                    TargetMotion.of(rocket));
            // allow 1 cm of non-monotonic noise among misses that are all essentially zero
            assertThat(r.missDistanceM()).as("miss at %s g", g).isGreaterThanOrEqualTo(previous - 0.01);
            previous = r.missDistanceM();
            misses.add(r.missDistanceM());
        }
        assertThat(misses.get(0)).as("full manoeuvrability").isLessThan(TAMIR.lethalRadiusM());
        assertThat(misses.get(misses.size() - 1)).as("0.2 g").isGreaterThan(50 * TAMIR.lethalRadiusM());
    }

    @Test
    void fuzeArmingAndSelfDestructBoundTheKill() {
        InterceptorFlight flight = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        // 150 m away at 100 m up: reached in about a second, before the 1.5 s fuze arming
        double[] near = Engagements.at(150, 1.0, 100);
        InterceptResult tooClose = flight.fly(0, BATTERY, flight.launchDirection(BATTERY, near), TargetMotion.fixed(near));
        assertThat(tooClose.reason()).isEqualTo(InterceptResult.Reason.FUZE_NOT_ARMED);
        assertThat(tooClose.missDistanceM()).isLessThan(TAMIR.lethalRadiusM());
        assertThat(tooClose.flightTimeS()).isLessThan(TAMIR.minFlightTimeS());
        assertThat(tooClose.hit()).isFalse();
        // 14 km away at 8 km: not reached in 30 s
        double[] far = Engagements.at(14_000, 1.0, 8_000);
        InterceptResult tooFar = flight.fly(0, BATTERY, flight.launchDirection(BATTERY, far), TargetMotion.fixed(far));
        assertThat(tooFar.reason()).isEqualTo(InterceptResult.Reason.FLIGHT_TIME_EXCEEDED);
        assertThat(tooFar.flightTimeS()).isCloseTo(TAMIR.maxFlightTimeS(), within(1e-6));
        assertThat(tooFar.missDistanceM()).isGreaterThan(1_000);
        assertThat(tooFar.hit()).isFalse();
        // given more time, the same flight does reach it, but after self-destruct: no kill
        InterceptResult late = flight.fly(0, BATTERY, flight.launchDirection(BATTERY, far), TargetMotion.fixed(far), 60,
                null);
        assertThat(late.reason()).isEqualTo(InterceptResult.Reason.FLIGHT_TIME_EXCEEDED);
        assertThat(late.missDistanceM()).isLessThan(TAMIR.lethalRadiusM());
        assertThat(late.flightTimeS()).isBetween(TAMIR.maxFlightTimeS(), 60.0);
        assertThat(late.hit()).isFalse();
    }

    @Test
    void flightsEndWhenTheInterceptorReachesTheGroundOrTheTargetDoes() {
        InterceptorFlight flight = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        // a point on the ground 13 km away: the flight sinks into the ground on the way
        double[] groundPoint = Engagements.at(13_000, 2.0, 0);
        InterceptResult ground = flight.fly(0, BATTERY, flight.launchDirection(BATTERY, groundPoint),
                TargetMotion.fixed(groundPoint));
        assertThat(ground.reason()).isEqualTo(InterceptResult.Reason.GROUND);
        assertThat(Ellipsoid.WGS84.toGeodetic(ground.interceptPoint()).altitude()).isLessThan(BATTERY.altitude());
        // a rocket 3 s before impact, 8 km away: it lands before any interceptor could arrive
        Trajectory rocket = Engagements.rocket(-2000, -15000, 1000, 8000);
        double launch = rocket.impactTime() - 3;
        double[] aim = new double[6];
        rocket.stateAt(rocket.impactTime(), aim);
        InterceptResult ended = flight.fly(launch, BATTERY, flight.launchDirection(BATTERY, aim), TargetMotion.of(rocket));
        assertThat(ended.reason()).isEqualTo(InterceptResult.Reason.TARGET_ENDED);
        assertThat(ended.timeOfClosestApproach()).isCloseTo(rocket.impactTime(), within(1e-6));
        assertThat(ended.hit()).isFalse();
    }

    @Test
    void peakSpeedIsMachTwoPointTwo() {
        // The public figure (PUBLIC-FIGURES.md, Iron Dome: "speed Mach ~2.2" [unverified]) that the
        // notional motor was chosen to fly: peak speed over the sea-level speed of sound (340.3 m/s),
        // within 5% of 2.2, on a low, long flight and on a steep one.
        InterceptorFlight flight = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        for (double[] point : new double[][] {Engagements.at(10_000, 0.5, 1_000), Engagements.at(500, 0.5, 8_000)}) {
            double[] peak = {0};
            flight.fly(0, BATTERY, flight.launchDirection(BATTERY, point), TargetMotion.fixed(point), 30,
                    (t, y, l, tg) -> peak[0] = Math.max(peak[0], Engagements.norm(y, 3)));
            assertThat(peak[0] / 340.3).isCloseTo(2.2, within(0.05 * 2.2));
        }
    }

    @Test
    void halvingTheStepsChangesTheFlightByLittle() {
        // Step convergence of the default steps (0.05 s, 0.01 s in the last second): flight time to a
        // fixed point within 1 ms and arrival speed within 0.05 m/s of steps a fifth and a quarter as
        // long (the steps end on the burn-out and guidance start, so RK4 keeps its order), and the miss
        // against a rocket within 1 cm (measured against 0.01 s and 0.0025 s on four rockets, three aim
        // points each: misses within 1.5e-4 m and closest-approach times within 8e-6 s; with 0.02 s in
        // the end game 1.2 mm).
        InterceptorFlight coarse = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        InterceptorFlight fine = new InterceptorFlight(TAMIR, EarthModel.WGS84, 0.01, 0.0025);
        double[] point = Engagements.at(8_000, 0.3, 4_000);
        InterceptResult a = coarse.fly(0, BATTERY, coarse.launchDirection(BATTERY, point), TargetMotion.fixed(point));
        InterceptResult b = fine.fly(0, BATTERY, fine.launchDirection(BATTERY, point), TargetMotion.fixed(point));
        assertThat(a.flightTimeS()).isCloseTo(b.flightTimeS(), within(1e-3));
        assertThat(a.interceptorSpeedMps()).isCloseTo(b.interceptorSpeedMps(), within(0.05));

        Trajectory rocket = Engagements.rocket(0, -15000, 0, 3000);
        PredictedIntercept.Solution plan = new PredictedIntercept(InterceptorPerformance.of(TAMIR), Ellipsoid.WGS84,
                BATTERY, 1.0).solve(rocket, 105);
        InterceptResult c = coarse.fly(plan.launchTime(), BATTERY, coarse.launchDirection(BATTERY, plan.point()),
                TargetMotion.of(rocket));
        InterceptResult d = fine.fly(plan.launchTime(), BATTERY, fine.launchDirection(BATTERY, plan.point()),
                TargetMotion.of(rocket));
        assertThat(c.missDistanceM()).isCloseTo(d.missDistanceM(), within(0.01));
        assertThat(c.timeOfClosestApproach()).isCloseTo(d.timeOfClosestApproach(), within(1e-3));
    }

    @Test
    void flightsAreDeterministicAndAnObserverChangesNothing() {
        Trajectory rocket = Engagements.rocket(4000, -12000, -3000, 3000);
        double[] aim = new double[6];
        rocket.stateAt(115, aim);
        InterceptorFlight one = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        InterceptorFlight two = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        InterceptResult a = one.fly(106, BATTERY, one.launchDirection(BATTERY, aim), TargetMotion.of(rocket));
        InterceptResult b = two.fly(106, BATTERY, two.launchDirection(BATTERY, aim), TargetMotion.of(rocket), 30,
                (t, y, l, tg) -> { });
        InterceptResult c = one.fly(106, BATTERY, one.launchDirection(BATTERY, aim), TargetMotion.of(rocket));
        for (InterceptResult other : List.of(b, c)) {
            assertThat(other.missDistanceM()).isEqualTo(a.missDistanceM());
            assertThat(other.timeOfClosestApproach()).isEqualTo(a.timeOfClosestApproach());
            assertThat(other.interceptPoint()).containsExactly(a.interceptPoint());
            assertThat(other.reason()).isEqualTo(a.reason());
        }
    }

    @Test
    void badArgumentsAreRejected() {
        InterceptorFlight flight = new InterceptorFlight(TAMIR, EarthModel.WGS84);
        TargetMotion still = TargetMotion.fixed(Engagements.at(5_000, 0, 2_000));
        assertThatThrownBy(() -> flight.fly(0, BATTERY, new double[3], still))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("launch direction");
        assertThatThrownBy(() -> flight.flyFrom(0, 5, new double[6], still, 0, 30, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed");
        assertThatThrownBy(() -> new InterceptorFlight(TAMIR, EarthModel.WGS84, 0.01, 0.02))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> flight.fly(0, BATTERY, new double[] {0, 0, 1}, still, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
}
