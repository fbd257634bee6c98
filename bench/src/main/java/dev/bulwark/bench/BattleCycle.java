package dev.bulwark.bench;

import dev.bulwark.engine.assign.Decision;
import dev.bulwark.engine.assign.EngagementState;
import dev.bulwark.engine.assign.GreedyAssigner;
import dev.bulwark.engine.assign.Reason;
import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.parallel.Workers;
import dev.bulwark.engine.sensor.Radar;
import dev.bulwark.engine.sensor.SensorTarget;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.RandomStream;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.threat.Assessment;
import dev.bulwark.engine.threat.CoursePredictor;
import dev.bulwark.engine.threat.DefendedAreas;
import dev.bulwark.engine.threat.ImpactPredictor;
import dev.bulwark.engine.threat.ThreatEvaluator;
import dev.bulwark.engine.track.GnnTracker;
import dev.bulwark.engine.track.Track;
import dev.bulwark.engine.track.TrackModel;
import dev.bulwark.engine.track.Tracker;
import dev.bulwark.engine.track.TrackerSettings;
import dev.bulwark.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The battle-management cycle scale benchmark (issue 5: one cycle with 1,000 threats in the air
 * and 20 batteries in at most 10 ms; docs/benchmarks.md, "Battle-management cycle").
 *
 * <p>Workload: the southern-front scenario's defended areas, doctrine, radars and tracker
 * settings, with its unguided raids (the catalogue's Qassam-, 107 mm- and Grad-class rockets,
 * from the raids' launch areas at points drawn in the raids' aim areas or towns) fired as a
 * steady stream, so that about N rockets are in the air at every timed cycle, each flown by the
 * engine's truth model ({@link Aiming}, {@link Simulation#TRUTH_STEP_S}); and 20 copies of the
 * scenario's first battery on a 5 × 4 grid over the defended country. Both radars scan every
 * second and the real tracker ({@link GnnTracker}, the scenario's motion model) turns their
 * plots into tracks, so the states and covariances are the tracker's own. Tracking runs
 * untimed from the first launch; then each second, after both scans, one cycle is timed as the
 * simulation runs it: {@link ThreatEvaluator#assess} for every confirmed track (ballistic impact
 * prediction, area probabilities, the powered-flight test) and {@link GreedyAssigner#assign}
 * over the assessed tracks, the 20 batteries and no laser. The decisions are not carried out
 * (no interceptor is fired; every threat is in state NONE), so every threat above the engagement
 * threshold is planned against every battery each cycle: the assigner's worst case.
 *
 * <p>The split: a second, independent {@link ImpactPredictor} is run over the same tracks in
 * each cycle, outside the timed cycle, and timed alone (all splits in thread CPU time; "prediction": flights to the ground and
 * area probabilities); the evaluator's time less that is "evaluation" (the history of
 * predicted impact times and the powered-flight test).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.bulwark.bench.BattleCycle}
 * [{@code --threats 1000}] [{@code --batteries 20}] [{@code --cycles 200}] [{@code --seed 1}]
 * [{@code --scenario scenarios/southern-front.yaml}] [{@code --threads 1}]
 * [{@code --warmup-passes 300}]. With {@code --threads N}
 * (N &gt; 1) the evaluation runs as {@link ThreatEvaluator#assessAll}, its ballistic predictions
 * shared among N threads (the same assessments to the bit); the wall figure then counts them all,
 * the CPU figures the calling thread only. Prints wall-clock and thread CPU time per
 * cycle (median, 90th percentile, fastest, slowest) and the split. Not counted (JIT warm-up):
 * {@value #WARMUP_PASSES} untimed repetitions of the first cycle's evaluation and assignment,
 * then the first {@value #WARMUP_CYCLES} cycles. The JIT still compiles for several seconds after
 * that, so runs of 30 cycles gave medians 1 to 4 ms above runs of 200 (docs/benchmarks.md).
 */
public final class BattleCycle {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final int WARMUP_CYCLES = 10;
    /** Untimed repetitions of the first cycle's evaluation and assignment before the cycles (JIT warm-up). */
    static final int WARMUP_PASSES = 300;
    private static final double MAX_FLIGHT_S = 900;
    private static final double DRAG_UNCERTAINTY = 0.5;

    private BattleCycle() {
    }

    /** A rocket's truth, as a radar sees it. */
    private record Rocket(int id, Trajectory path, double rcs) implements SensorTarget {
        @Override
        public boolean airborne(double t) {
            return path.covers(t);
        }

        @Override
        public void stateAt(double t, double[] out) {
            path.stateAt(t, out);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args options, see the class comment
     * @throws Exception if the scenario cannot be read
     */
    public static void main(String[] args) throws Exception {
        int threats = 1000;
        int nBatteries = 20;
        int cycles = 200;
        long seed = 1;
        int threads = 1;
        int passes = WARMUP_PASSES;
        Path scenario = Path.of("scenarios/southern-front.yaml");
        String option = null;
        try {
            for (int i = 0; i < args.length; i++) {
                option = args[i];
                switch (option) {
                    case "--threats" -> threats = Integer.parseInt(args[++i]);
                    case "--batteries" -> nBatteries = Integer.parseInt(args[++i]);
                    case "--cycles" -> cycles = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--warmup-passes" -> passes = Integer.parseInt(args[++i]);
                    case "--scenario" -> scenario = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option");
                }
            }
            if (threats < 1 || nBatteries < 1 || cycles < 1 || threads < 1 || passes < 0) {
                option = null;
                throw new IllegalArgumentException("--threats, --batteries, --cycles and --threads must be at least 1,"
                        + " --warmup-passes at least 0");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            String what = e instanceof ArrayIndexOutOfBoundsException ? "a value is missing"
                    : e instanceof NumberFormatException ? "not a whole number: " + e.getMessage() : e.getMessage();
            System.err.println("BattleCycle: " + (option == null ? "" : option + ": ") + what
                    + " (options: see the class comment of dev.bulwark.bench.BattleCycle)");
            System.exit(2);
            return;
        }
        World world = ScenarioLoader.load(scenario).world();
        Ellipsoid ellipsoid = world.earth().ellipsoid();
        double ground = world.origin().altitude();
        DefendedAreas areas = new DefendedAreas(ellipsoid, new LocalFrame(ellipsoid, world.origin().withAltitude(0.0)),
                world.areas());
        List<RaidSpec> raids = new ArrayList<>();
        for (RaidSpec r : world.raids()) {
            if (r.threatType() instanceof ThreatType) {
                raids.add(r);
            }
        }
        RandomStream rnd = new RandomStream(seed);
        Aiming aiming = new Aiming(new BallisticPropagator(world.earth(), Simulation.TRUTH_STEP_S), MAX_FLIGHT_S);

        // the flight times of the raids, to size a steady stream
        double meanFlight = 0;
        double maxFlight = 0;
        for (RaidSpec r : raids) {
            double f = aiming.solve((ThreatType) r.threatType(), 0, centre(r.launchArea(), ground),
                    centre(r.aimArea(), ground)).trajectory().flightTime();
            meanFlight += f / raids.size();
            maxFlight = Math.max(maxFlight, f);
        }
        double t0 = maxFlight + 5;
        double window = maxFlight + cycles + 5;
        int launches = (int) Math.round(threats * window / meanFlight);
        List<Rocket> rockets = new ArrayList<>();
        long flyStart = System.nanoTime();
        for (int i = 0; i < launches; i++) {
            RaidSpec r = raids.get(i % raids.size());
            double launchTime = t0 - maxFlight - 5 + window * rnd.nextDouble();
            GeodeticPoint launch = inBox(r.launchArea(), ground, rnd);
            GeodeticPoint aim = inBox(r.aimArea(), ground, rnd);
            Trajectory path = aiming.solve((ThreatType) r.threatType(), launchTime, launch, aim).trajectory();
            rockets.add(new Rocket(i + 1, path, ((ThreatType) r.threatType()).rcsM2()));
        }
        double flySeconds = (System.nanoTime() - flyStart) * 1e-9;

        List<Battery> batteries = new ArrayList<>();
        BatterySpec proto = world.batteries().get(0);
        for (int i = 0; i < nBatteries; i++) {
            double lat = 31.40 + 0.30 * ((i / 5) + 0.5) / Math.max(1, (nBatteries + 4) / 5);
            double lon = 34.56 + 0.16 * ((i % 5) + 0.5) / 5;
            BatterySpec s = new BatterySpec("B" + i, new GeodeticPoint(Math.toRadians(lat), Math.toRadians(lon), ground),
                    proto.launchers(), proto.roundsPerLauncher(), proto.reserveRounds(), proto.reloadTimeS(),
                    proto.minRangeM(), proto.maxRangeM(), proto.minAltitudeM(), proto.maxAltitudeM(),
                    proto.interceptor(), proto.launchDelayS(), proto.probabilityOfKill(),
                    proto.costPerInterceptorUsd(), proto.divertRadiusM());
            batteries.add(new Battery(s, i, ellipsoid));
        }

        List<Radar> radars = new ArrayList<>();
        for (int i = 0; i < world.radars().size(); i++) {
            radars.add(new Radar(world.radars().get(i), i, ellipsoid, seed * 31 + i, new RandomStream(seed * 17 + i)));
        }
        TrackerSettings ts = world.tracker();
        TrackModel motion = TrackModel.of(ts, world.earth().mu(), world.earth().j2(), ellipsoid,
                world.earth().rotationRate(), world.doctrine().assumedBallisticCoefficientKgM2(), DRAG_UNCERTAINTY,
                StandardAtmosphere::density, StandardAtmosphere::speedOfSound);
        ThreatEvaluator[] evaluatorHolder = new ThreatEvaluator[1];
        Tracker tracker = new GnnTracker(ts, motion, ellipsoid, ground, new Tracker.Listener() {
            @Override
            public void dropped(Track track, String reason) {
                evaluatorHolder[0].forget(track.id());
            }
        });
        double beta = world.doctrine().assumedBallisticCoefficientKgM2();
        Workers workers = threads == 1 ? Workers.CALLING_THREAD : new Workers(threads);
        ThreatEvaluator evaluator = new ThreatEvaluator(new ImpactPredictor(
                new BallisticPropagator(world.earth(), Simulation.PREDICTION_STEP_S), areas, beta, ground, MAX_FLIGHT_S),
                new CoursePredictor(areas, ellipsoid), workers);
        evaluatorHolder[0] = evaluator;
        ImpactPredictor alone = new ImpactPredictor(new BallisticPropagator(world.earth(), Simulation.PREDICTION_STEP_S),
                areas, beta, ground, MAX_FLIGHT_S);
        GreedyAssigner assigner = new GreedyAssigner(world.doctrine(), workers);

        // untimed tracking from the first launch to the first cycle
        double first = Math.floor(t0 - maxFlight - 5);
        for (double t = first; t < t0; t += 1) {
            for (Radar radar : radars) {
                tracker.update(radar.scan(t, rockets));
            }
        }
        // JIT warm-up: the first cycle's evaluation and assignment, repeated untimed, with an evaluator of its
        // own (the timed one's track histories are left as they were)
        List<Track> warm = new ArrayList<>();
        for (Track track : tracker.tracks()) {
            if (track.confirmed()) {
                warm.add(track);
            }
        }
        ThreatEvaluator scratch = new ThreatEvaluator(new ImpactPredictor(
                new BallisticPropagator(world.earth(), Simulation.PREDICTION_STEP_S), areas, beta, ground, MAX_FLIGHT_S),
                new CoursePredictor(areas, ellipsoid), workers);
        long warmStart = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            assigner.assign(t0 - WARMUP_CYCLES - 1, evaluate(scratch, warm), id -> EngagementState.NONE, batteries,
                    List.of());
        }
        double warmSeconds = (System.nanoTime() - warmStart) * 1e-9;
        int total = cycles + WARMUP_CYCLES;
        double[] wall = new double[cycles];
        double[] cpu = new double[cycles];
        double[] evalMs = new double[cycles];
        double[] assignMs = new double[cycles];
        double[] predictMs = new double[cycles];
        double airborneSum = 0;
        double confirmedSum = 0;
        double aboveSum = 0;
        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        int c = 0;
        for (int k = 0; k < total; k++) {
            double now = t0 + k - WARMUP_CYCLES;
            for (Radar radar : radars) {
                tracker.update(radar.scan(now, rockets));
            }
            List<Track> confirmed = new ArrayList<>();
            for (Track track : tracker.tracks()) {
                if (track.confirmed()) {
                    confirmed.add(track);
                }
            }
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            List<Assessment> assessed = evaluate(evaluator, confirmed);
            long w1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            List<Decision> decisions = assigner.assign(now, assessed, id -> EngagementState.NONE, batteries, List.of());
            long w2 = System.nanoTime();
            long c2 = THREADS.getCurrentThreadCpuTime();
            long p0 = THREADS.getCurrentThreadCpuTime();
            for (Track track : confirmed) {
                alone.assess(track.id(), track.time(), track.state(), track.covariance());
            }
            long p1 = THREADS.getCurrentThreadCpuTime();
            if (k >= WARMUP_CYCLES) {
                wall[c] = (w2 - w0) * 1e-6;
                cpu[c] = (c2 - c0) * 1e-6;
                evalMs[c] = (c1 - c0) * 1e-6;
                assignMs[c] = (c2 - c1) * 1e-6;
                predictMs[c] = (p1 - p0) * 1e-6;
                int airborne = 0;
                for (Rocket r : rockets) {
                    if (r.airborne(now)) {
                        airborne++;
                    }
                }
                airborneSum += airborne;
                confirmedSum += confirmed.size();
                for (Assessment a : assessed) {
                    if (a.probabilityDefended() >= world.doctrine().engageThreshold()) {
                        aboveSum++;
                    }
                }
                for (Decision d : decisions) {
                    reasons.merge(d.reason(), 1, Integer::sum);
                }
                c++;
            }
        }
        System.out.printf(Locale.ROOT, "workload: %d rockets flown in %.1f s; %.0f in the air, %.0f confirmed tracks,"
                + " %.0f above the engagement threshold per cycle (means); %d batteries; %d cycles timed after %d"
                + " warm-up passes (%.1f s) and %d cycles%n", launches, flySeconds, airborneSum / cycles,
                confirmedSum / cycles, aboveSum / cycles, nBatteries, cycles, passes, warmSeconds, WARMUP_CYCLES);
        if (threads > 1) {
            System.out.printf(Locale.ROOT, "evaluation: the ballistic predictions shared among %d threads"
                    + " (ThreatEvaluator.assessAll); the CPU figures count the calling thread only%n", threads);
        }
        System.out.printf(Locale.ROOT, "decisions per cycle: %s%n", perCycle(reasons, cycles));
        System.out.printf(Locale.ROOT, "cycle wall ms: median %.2f (90th percentile %.2f, min %.2f, max %.2f); CPU ms:"
                + " median %.2f (min %.2f, max %.2f)%n", median(wall), percentile(wall, 0.9), min(wall), max(wall),
                median(cpu), min(cpu), max(cpu));
        System.out.printf(Locale.ROOT, "split (thread CPU ms, medians): evaluation incl. prediction %.2f, assignment %.2f;"
                + " prediction alone (ImpactPredictor, timed apart) %.2f%n", median(evalMs), median(assignMs),
                median(predictMs));
    }

    // The assessments of the confirmed tracks as the cycle makes them: one by one, or as a batch on the workers.
    private static List<Assessment> evaluate(ThreatEvaluator evaluator, List<Track> confirmed) {
        List<Assessment> assessed = new ArrayList<>(confirmed.size());
        if (evaluator.threads() == 1) {
            for (Track track : confirmed) {
                Assessment a = evaluator.assess(track.id(), track.time(), track.state(), track.covariance());
                if (a != null) {
                    assessed.add(a);
                }
            }
            return assessed;
        }
        int m = confirmed.size();
        int[] ids = new int[m];
        double[] times = new double[m];
        double[][] states = new double[m][];
        double[][] covariances = new double[m][];
        for (int i = 0; i < m; i++) {
            Track track = confirmed.get(i);
            ids[i] = track.id();
            times[i] = track.time();
            states[i] = track.state();
            covariances[i] = track.covariance();
        }
        for (Assessment a : evaluator.assessAll(ids, times, states, covariances)) {
            if (a != null) {
                assessed.add(a);
            }
        }
        return assessed;
    }

    private static String perCycle(Map<Reason, Integer> reasons, int cycles) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Reason, Integer> e : reasons.entrySet()) {
            b.append(String.format(Locale.ROOT, "%s %.1f ", e.getKey().name().toLowerCase(Locale.ROOT),
                    e.getValue() / (double) cycles));
        }
        return b.toString().trim();
    }

    private static GeodeticPoint centre(GeoPolygon p, double ground) {
        return p.centroid().withAltitude(ground);
    }

    private static GeodeticPoint inBox(GeoPolygon p, double ground, RandomStream rnd) {
        double latLo = Double.POSITIVE_INFINITY;
        double latHi = Double.NEGATIVE_INFINITY;
        double lonLo = Double.POSITIVE_INFINITY;
        double lonHi = Double.NEGATIVE_INFINITY;
        for (GeodeticPoint v : p.vertices()) {
            latLo = Math.min(latLo, v.latitude());
            latHi = Math.max(latHi, v.latitude());
            lonLo = Math.min(lonLo, v.longitude());
            lonHi = Math.max(lonHi, v.longitude());
        }
        return new GeodeticPoint(latLo + (latHi - latLo) * rnd.nextDouble(), lonLo + (lonHi - lonLo) * rnd.nextDouble(),
                ground);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** The nearest-rank percentile: the smallest value at or above a share q of the values. */
    static double percentile(double[] xs, double q) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(Double.NaN);
    }

    static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(Double.NaN);
    }
}
