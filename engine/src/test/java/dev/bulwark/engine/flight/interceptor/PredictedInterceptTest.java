package dev.bulwark.engine.flight.interceptor;

import static dev.bulwark.engine.flight.interceptor.Engagements.BATTERY;
import static dev.bulwark.engine.flight.interceptor.Engagements.BATTERY_FRAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PredictedIntercept}: the earliest intercept time, against a brute-force scan of the same condition. */
class PredictedInterceptTest {

    private static final InterceptorPerformance PERF = InterceptorPerformance.of(InterceptorType.TAMIR_CLASS);

    /** The condition solved for: inside the envelope and launch + TOF ≤ t. */
    private static boolean feasible(Trajectory path, double t, double launch) {
        double[] s = new double[6];
        path.stateAt(t, s);
        double[] enu = new double[3];
        BATTERY_FRAME.ecefToEnu(s[0], s[1], s[2], enu);
        double range = Math.hypot(enu[0], enu[1]);
        double height = Ellipsoid.WGS84.height(s[0], s[1], s[2]) - BATTERY.altitude();
        return PERF.envelope().contains(range, height)
                && launch + PERF.timeOfFlight().timeOfFlight(range, height) <= t;
    }

    private static boolean insideEnvelope(Trajectory path, double t) {
        double[] s = new double[6];
        path.stateAt(t, s);
        double[] enu = new double[3];
        BATTERY_FRAME.ecefToEnu(s[0], s[1], s[2], enu);
        return PERF.envelope().contains(Math.hypot(enu[0], enu[1]),
                Ellipsoid.WGS84.height(s[0], s[1], s[2]) - BATTERY.altitude());
    }

    @ParameterizedTest(name = "rocket from ({0}, {1}) m onto ({2}, {3}) m, decided at {4} s")
    @CsvSource({
        "-2000, -15000, 1000, 2000, 105",
        "0, -15000, 0, 3000, 100",
        "4000, -12000, -3000, 3000, 110",
        "-14000, -6000, 3000, 1500, 120",
        // decided late: the path is already inside the envelope, the intercept comes after the TOF alone
        "0, -15000, 0, 3000, 125"
    })
    void findsTheEarliestInterceptTimeToAMillisecond(double le, double ln, double ae, double an, double now) {
        // Reference: the first millisecond on a 1 ms scan of the same condition from the launch time.
        // The solver's time must satisfy the condition and lie within its 1 ms tolerance (plus the scan's
        // own 1 ms grid: 1.5 ms) of the scan's; the interceptor must be there in time, and if it is
        // there early the point must be where the path enters the envelope.
        Trajectory rocket = Engagements.rocket(le, ln, ae, an);
        double delay = 1.0;
        PredictedIntercept.Solution s = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, delay).solve(rocket, now);
        assertThat(s).isNotNull();
        double launch = now + delay;
        assertThat(s.launchTime()).isEqualTo(launch);

        double scan = Double.NaN;
        for (double t = launch; t <= rocket.impactTime(); t += 1e-3) {
            if (feasible(rocket, t, launch)) {
                scan = t;
                break;
            }
        }
        assertThat(scan).isFinite();
        assertThat(feasible(rocket, s.interceptTime(), launch)).isTrue();
        assertThat(s.interceptTime()).isCloseTo(scan, within(1.5e-3));
        double gap = s.interceptTime() - (s.launchTime() + s.timeOfFlightS());
        assertThat(gap).as("the interceptor is there in time").isGreaterThanOrEqualTo(-1e-9);
        if (gap > 1e-3) {
            // not on the root of the TOF equation: then it must be where the path enters the envelope
            assertThat(insideEnvelope(rocket, s.interceptTime() - 2e-3)).isFalse();
        }
        // the point is the path's point at that time, and its range and height are those of the point
        double[] p = new double[6];
        rocket.stateAt(s.interceptTime(), p);
        assertThat(s.point()).containsExactly(p[0], p[1], p[2]);
        double[] enu = new double[3];
        BATTERY_FRAME.ecefToEnu(p[0], p[1], p[2], enu);
        assertThat(s.groundRangeM()).isCloseTo(Math.hypot(enu[0], enu[1]), within(1e-6));
        assertThat(s.arrivalSpeedMps()).isGreaterThanOrEqualTo(InterceptorType.TAMIR_CLASS.minInterceptSpeedMps() - 1);
    }

    @Test
    void aPathThatEntersTheEnvelopeIsMetWhereItEnters() {
        // Decided 22 s before the rocket's launch (a path known in advance), the rocket coming from 15 km
        // is first interceptable where it crosses the envelope's maximum range (about 105.8 s), where the
        // interceptor, launched at once, is early and waits; not where the TOF equation closes. The
        // solver must find the crossing by bisection, to within the 5 m the path moves in a few
        // milliseconds.
        Trajectory rocket = Engagements.rocket(0, -15000, 0, 3000);
        PredictedIntercept early = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 0.0);
        PredictedIntercept.Solution s = early.solve(rocket, 78);
        assertThat(s).isNotNull();
        assertThat(s.groundRangeM()).isCloseTo(PERF.envelope().maxRangeM(s.heightM()), within(5.0));
        assertThat(s.launchTime() + s.timeOfFlightS()).isLessThan(s.interceptTime());
        assertThat(s.interceptTime() - s.launchTime()).isLessThanOrEqualTo(InterceptorType.TAMIR_CLASS.maxFlightTimeS());
        // decided 40 s before it, the interceptor would have to wait out there past its self-destruct time
        assertThat(early.solve(rocket, 60)).isNull();
    }

    /**
     * A drone's course: constant ECEF velocity at {@code speed} m/s from a point {@code range} m north
     * of the battery at {@code height} m, straight over the battery, from t = 0 s to t = end s.
     */
    private record Drone(double[] x0, double[] v, double end) implements dev.bulwark.engine.flight.FlightPath {
        static Drone inbound(double range, double height, double speed) {
            double[] a = Engagements.at(range, 0, height);
            double[] b = Engagements.at(0, 0, height);
            double d = Math.sqrt(Math.pow(b[0] - a[0], 2) + Math.pow(b[1] - a[1], 2) + Math.pow(b[2] - a[2], 2));
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                v[k] = (b[k] - a[k]) / d * speed;
            }
            return new Drone(a, v, d / speed);
        }

        @Override
        public double startTime() {
            return 0;
        }

        @Override
        public double impactTime() {
            return end;
        }

        @Override
        public dev.bulwark.engine.geo.GeodeticPoint impactPoint() {
            return BATTERY;
        }

        @Override
        public double apogeeAltitude() {
            return Ellipsoid.WGS84.height(x0[0], x0[1], x0[2]);
        }

        @Override
        public double apogeeTime() {
            return 0;
        }

        @Override
        public void stateAt(double t, double[] out) {
            for (int k = 0; k < 3; k++) {
                out[k] = x0[k] + v[k] * t;
                out[3 + k] = v[k];
            }
        }
    }

    @Test
    void aSlowDroneFarOutsideTheEnvelopeIsNotPlannedBeyondTheSelfDestructTime() {
        // A 50 m/s drone at 1 km, 30 km out, flying over the battery: it enters the envelope minutes
        // later. An interceptor launched now would be there early and have to wait out there past its
        // self-destruct time; its own fly-out against the drone ends without a hit. No plan now.
        Drone drone = Drone.inbound(30_000, 1_000, 50);
        double self = InterceptorType.TAMIR_CLASS.maxFlightTimeS();
        PredictedIntercept planner = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0);
        PredictedIntercept plainPass = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0, true);
        InterceptorFlight flight = new InterceptorFlight(InterceptorType.TAMIR_CLASS, dev.bulwark.engine.flight.EarthModel.WGS84);
        assertThat(planner.solve(drone, 0)).isNull();
        assertThat(plainPass.solve(drone, 0)).isNull();

        // Deciding every second as the drone comes in, the first plan is one the interceptor flies in
        // time, and its fly-out against the drone's true motion kills it.
        PredictedIntercept.Solution first = null;
        for (double now = 0; now < drone.impactTime() && first == null; now += 1) {
            PredictedIntercept.Solution s = planner.solve(drone, now);
            PredictedIntercept.Solution plain = plainPass.solve(drone, now);
            assertThat(plain == null).as("plain pass at %s s", now).isEqualTo(s == null);
            if (s != null) {
                assertThat(s.interceptTime()).isEqualTo(plain.interceptTime());
            }
            first = s;
        }
        assertThat(first).isNotNull();
        assertThat(first.interceptTime() - first.launchTime()).isLessThanOrEqualTo(self);
        InterceptResult r = flight.fly(first.launchTime(), BATTERY, flight.launchDirection(BATTERY, first.point()),
                drone::stateAt);
        assertThat(r.hit()).as("%s", r).isTrue();
    }

    /** The same path without a speed bound: nothing skipped for being out of reach. */
    private record Unbounded(Trajectory path) implements dev.bulwark.engine.flight.FlightPath {
        @Override
        public double startTime() {
            return path.startTime();
        }

        @Override
        public double impactTime() {
            return path.impactTime();
        }

        @Override
        public dev.bulwark.engine.geo.GeodeticPoint impactPoint() {
            return path.impactPoint();
        }

        @Override
        public double apogeeAltitude() {
            return path.apogeeAltitude();
        }

        @Override
        public double apogeeTime() {
            return path.apogeeTime();
        }

        @Override
        public void stateAt(double t, double[] out) {
            path.stateAt(t, out);
        }
    }

    @Test
    void skippingWhatIsOutOfReachChangesNoAnswer() {
        // Rockets launched 15-45 km from the battery at aim points all around it, decided at many times:
        // the search that skips the stretches out of reach gives the plain coarse pass's answer, to the bit.
        PredictedIntercept planner = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0);
        PredictedIntercept plainPass = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0, true);
        assertThat(planner.reachM()).isGreaterThan(PERF.envelope().maxRangeM());
        int solutions = 0;
        int cases = 0;
        for (int i = 0; i < 24; i++) {
            double bearing = Math.toRadians(15 * i);
            double distance = 15_000 + 30_000 * ((i * 7) % 11) / 10.0;
            double le = distance * Math.sin(bearing);
            double ln = distance * Math.cos(bearing);
            double miss = 1_000 + 8_000 * ((i * 5) % 7) / 6.0;
            double ae = miss * Math.cos(bearing);
            double an = -miss * Math.sin(bearing);
            Trajectory rocket;
            try {
                rocket = Engagements.rocket(le, ln, ae, an);
            } catch (IllegalArgumentException outOfReach) {
                continue;
            }
            for (double now = rocket.startTime() - 20; now < rocket.impactTime(); now += 3.7) {
                PredictedIntercept.Solution fast = planner.solve(rocket, now);
                PredictedIntercept.Solution plain = plainPass.solve(rocket, now);
                assertThat(planner.solve(new Unbounded(rocket), now)).as("without a speed bound")
                        .usingRecursiveComparison().isEqualTo(plain);
                cases++;
                if (plain == null) {
                    assertThat(fast).isNull();
                } else {
                    solutions++;
                    assertThat(fast).isNotNull();
                    assertThat(fast.interceptTime()).isEqualTo(plain.interceptTime());
                    assertThat(fast.point()).containsExactly(plain.point());
                    assertThat(fast.timeOfFlightS()).isEqualTo(plain.timeOfFlightS());
                }
            }
        }
        assertThat(solutions).as("cases with an intercept, of %d", cases).isGreaterThan(20);
        assertThat(cases - solutions).as("cases without").isGreaterThan(20);
    }

    @Test
    void skippingChangesNoAnswerOnRandomPredictedPaths() {
        // Random rockets around the battery, their predicted paths flown from a state along them at the
        // prediction's 1 s step (as impact prediction does), decided at random times: every skip (out of
        // reach, or too soon for the interceptor to arrive) must give the plain coarse pass's answer to
        // the bit, never reject a feasible pair.
        PredictedIntercept planner = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0);
        PredictedIntercept plainPass = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0, true);
        dev.bulwark.engine.flight.BallisticPropagator predictor = new dev.bulwark.engine.flight.BallisticPropagator(
                dev.bulwark.engine.flight.EarthModel.WGS84, 1.0);
        java.util.Random rnd = new java.util.Random(11);
        int solutions = 0;
        int cases = 0;
        double[] x = new double[6];
        for (int i = 0; i < 80; i++) {
            Trajectory rocket = randomRocket(rnd, 30_000, 12_000);
            if (rocket == null) {
                continue;
            }
            for (int k = 0; k < 6; k++) {
                double t0 = rocket.startTime() + 3 + (rocket.flightTime() - 4) * rnd.nextDouble();
                rocket.stateAt(t0, x);
                Trajectory predicted = predictor.propagate(t0, x, GRAD_BETA, 0.0, 600);
                for (int d = 0; d < 4; d++) {
                    double now = t0 + (predicted.impactTime() - t0) * rnd.nextDouble() * 0.8;
                    PredictedIntercept.Solution fast = planner.solve(predicted, now);
                    PredictedIntercept.Solution plain = plainPass.solve(predicted, now);
                    cases++;
                    if (plain == null) {
                        assertThat(fast).isNull();
                    } else {
                        solutions++;
                        assertThat(fast).as("case %d", cases).isNotNull();
                        assertThat(fast.interceptTime()).isEqualTo(plain.interceptTime());
                        assertThat(fast.point()).containsExactly(plain.point());
                        assertThat(fast.timeOfFlightS()).isEqualTo(plain.timeOfFlightS());
                    }
                }
            }
        }
        assertThat(solutions).as("cases with an intercept, of %d", cases).isGreaterThan(100);
        assertThat(cases - solutions).as("cases without").isGreaterThan(100);
    }

    @Test
    void onePlannerSharedByTwoThreadsGivesTheAnswersOfOne() throws Exception {
        // the battle manager plans several threats at once against the same battery
        PredictedIntercept planner = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0);
        dev.bulwark.engine.flight.BallisticPropagator predictor = new dev.bulwark.engine.flight.BallisticPropagator(
                dev.bulwark.engine.flight.EarthModel.WGS84, 2.0);
        java.util.Random rnd = new java.util.Random(5);
        java.util.List<Trajectory> paths = new java.util.ArrayList<>();
        java.util.List<Double> nows = new java.util.ArrayList<>();
        double[] x = new double[6];
        while (paths.size() < 200) {
            Trajectory rocket = randomRocket(rnd, 25_000, 8_000);
            if (rocket == null) {
                continue;
            }
            double t0 = rocket.startTime() + 3 + (rocket.flightTime() - 4) * rnd.nextDouble();
            rocket.stateAt(t0, x);
            Trajectory predicted = predictor.propagate(t0, x, GRAD_BETA, 0.0, 600);
            paths.add(predicted);
            nows.add(t0 + (predicted.impactTime() - t0) * 0.5 * rnd.nextDouble());
        }
        PredictedIntercept.Solution[] alone = new PredictedIntercept.Solution[paths.size()];
        for (int i = 0; i < alone.length; i++) {
            alone[i] = planner.solve(paths.get(i), nows.get(i));
        }
        assertThat(java.util.Arrays.stream(alone).filter(java.util.Objects::nonNull).count()).isBetween(20L, 180L);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                PredictedIntercept.Solution[] shared = new PredictedIntercept.Solution[paths.size()];
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                Runnable work = () -> {
                    for (int i = next.getAndIncrement(); i < shared.length; i = next.getAndIncrement()) {
                        shared[i] = planner.solve(paths.get(i), nows.get(i));
                    }
                };
                java.util.concurrent.Future<?> a = pool.submit(work);
                java.util.concurrent.Future<?> b = pool.submit(work);
                a.get();
                b.get();
                for (int i = 0; i < shared.length; i++) {
                    if (alone[i] == null) {
                        assertThat(shared[i]).isNull();
                    } else {
                        assertThat(shared[i]).usingRecursiveComparison().isEqualTo(alone[i]);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTooSoonBoundFoundByBisectionIsTheColumnWalks() {
        // the walk inwards over the columns (as the planner first did it) against the bisection, on
        // random monotone column minima (some infinite: columns with no finite node), ranges inside
        // and beyond the table, decision times and speed bounds, including an unbounded speed
        java.util.Random rnd = new java.util.Random(3);
        int positive = 0;
        for (int c = 0; c < 20_000; c++) {
            int columns = 1 + rnd.nextInt(120);
            double[] minTof = new double[columns];
            double least = Double.POSITIVE_INFINITY;
            int finite = rnd.nextInt(columns + 1);
            for (int i = columns - 1; i >= 0; i--) {
                if (i < finite) {
                    least = Math.min(least, 60 * rnd.nextDouble() * (i + 1) / columns + (rnd.nextInt(4) == 0 ? 0 : 1));
                }
                minTof[i] = least;
            }
            double step = 250;
            double r = step * columns * 1.5 * rnd.nextDouble();
            double t = 1000 * rnd.nextDouble();
            double launch = t + 10 * rnd.nextDouble() - 3;
            double speed = rnd.nextInt(10) == 0 ? Double.POSITIVE_INFINITY : 100 + 1500 * rnd.nextDouble();
            double walked = walk(minTof, step, r, t, speed, launch);
            assertThat(PredictedIntercept.tooSoonTau(minTof, step, r, t, speed, launch)).as("case %d", c)
                    .isEqualTo(walked);
            if (walked > 0 && walked < Double.POSITIVE_INFINITY) {
                positive++;
            }
        }
        assertThat(positive).isGreaterThan(5_000);
    }

    // the column walk of the first version of the planner, kept as the reference
    private static double walk(double[] minTof, double rangeStep, double r, double t, double speed, double launch) {
        int i = (int) Math.min(r / rangeStep, minTof.length - 1);
        double lo = 0;
        for (;;) {
            double limit = launch + minTof[i] - t;
            if (!(limit > lo)) {
                return lo;
            }
            double columnEnd = i == 0 ? Double.POSITIVE_INFINITY : (r - i * rangeStep) / speed;
            if (limit <= columnEnd) {
                return limit;
            }
            lo = columnEnd;
            i--;
        }
    }

    /** The ballistic coefficient of {@link Engagements#GRAD} (kg/m²). */
    private static final double GRAD_BETA = 45.5 / (0.3 * 0.0117);

    @Test
    void noSolutionOutsideTheEnvelopeOrAfterTheEnd() {
        PredictedIntercept planner = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0);
        Trajectory far = Engagements.rocket(25_000, -15_000, 25_000, 3_000);
        assertThat(planner.solve(far, 100)).isNull();
        Trajectory near = Engagements.rocket(0, -15000, 0, 3000);
        assertThat(planner.solve(near, near.impactTime() - 2)).as("too late to launch").isNull();
        assertThat(planner.solve(near, near.impactTime() + 10)).as("already landed").isNull();
        assertThatThrownBy(() -> new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void solvingAllocatesOnlyItsResult() {
        // The search itself (coarse pass and refinement, ~150 table lookups and path evaluations) must
        // not allocate per step: 100 solves may allocate their 100 results (~100 bytes each) and nothing
        // more; 50 kB of slack covers results and measurement.
        Trajectory rocket = Engagements.rocket(-2000, -15000, 1000, 2000);
        PredictedIntercept planner = new PredictedIntercept(PERF, Ellipsoid.WGS84, BATTERY, 1.0);
        planner.solve(rocket, 105);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        double sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += planner.solve(rocket, 105 + i * 0.01).interceptTime();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 100 solves").isLessThan(50_000);
        assertThat(sum).isPositive();
    }

    /**
     * A rocket launched 8 km plus up to {@code distanceSpread} from the battery in a random bearing,
     * aimed up to {@code missMax} from it; null when the aiming finds no solution (out of reach).
     */
    private static Trajectory randomRocket(java.util.Random rnd, double distanceSpread, double missMax) {
        double bearing = 2 * Math.PI * rnd.nextDouble();
        double distance = 8_000 + distanceSpread * rnd.nextDouble();
        double aimBearing = 2 * Math.PI * rnd.nextDouble();
        double miss = missMax * rnd.nextDouble();
        try {
            return Engagements.rocket(distance * Math.sin(bearing), distance * Math.cos(bearing),
                    miss * Math.sin(aimBearing), miss * Math.cos(aimBearing));
        } catch (IllegalArgumentException | IllegalStateException outOfReach) {
            return null;
        }
    }
}
