package dev.bulwark.bench;

import dev.bulwark.engine.metrics.Gospa;
import dev.bulwark.engine.metrics.SetDistance;
import dev.bulwark.engine.track.ConstantVelocity;
import dev.bulwark.engine.track.GnnTracker;
import dev.bulwark.engine.track.JpdaTracker;
import dev.bulwark.engine.track.Track;
import dev.bulwark.engine.track.Tracker;
import dev.bulwark.engine.track.TrackerSettings;
import dev.bulwark.engine.track.associate.Associator;
import dev.bulwark.engine.track.associate.GreedyAssociator;
import dev.bulwark.engine.track.associate.JpdaAssociator;
import dev.bulwark.engine.track.associate.OptimalAssociator;
import dev.bulwark.engine.geo.Ellipsoid;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The multi-target tracking scale benchmark on the workload behind the Stone Soup figures
 * (docs/benchmarks.md, "Multi-target tracking"): N targets on 3-D nearly-constant-velocity
 * paths, position plots with σ = 25 m Cartesian noise per axis, P_d = 0.9, as many uniformly
 * distributed false plots as targets per scan, a 1 s revisit. Tracked by {@link GnnTracker}
 * (Kalman filter, {@link ConstantVelocity} model, Mahalanobis gate behind a grid, GNN by exact
 * 2-D assignment) through its Cartesian entry point, or by {@link JpdaTracker} (same filter and
 * gate, JPDA probabilities and the PDAF update, told the workload's P_D = 0.9 and clutter density
 * of 10⁻¹² m⁻³); timed per scan, only the tracker's update,
 * after warm-up; scored by GOSPA (α = 2, c = 100 m, p = 1) of the confirmed tracks against truth.
 *
 * <p>Volume: one target per 100 km² in a 10 km layer, i.e. a box √N × 10 km on a side and
 * 10 km high (100 × 100 km at 100 targets, 1,000 × 1,000 km at 10,000); false plots uniform in
 * the same box. Targets start uniform in the box at 100–300 m/s on a random horizontal heading,
 * with truth process noise q = 0.5 m²/s³ (the filter assumes the same).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.bulwark.bench.TrackingScale}
 * [{@code --associator optimal|greedy|jpda}] [{@code --scans 40}] [{@code --seed 1}] [target counts, default 100 300 1000 10000].
 * Prints one table row per target count: wall-clock ms per scan (median run, fastest and
 * slowest run), the median run's thread CPU time per scan (less sensitive to other work on a
 * shared machine), and the accuracy of the run on the given seed.
 */
public final class TrackingScale {

    static final double SIGMA = 25.0;
    static final double PD = 0.9;
    static final double REVISIT = 1.0;
    static final double Q = 0.5;
    static final double LAYER = 10_000.0;
    static final double AREA_PER_TARGET = 100e6;
    static final int INITIATION_SCANS = 10;
    static final double GOSPA_C = 100.0;
    static final double GOSPA_P = 1.0;
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TrackingScale() {
    }

    /** Figures of one run. */
    record Run(double msPerScan, double cpuMsPerScan, double gospa, double localisationPerPair, double missed, double falseTracks,
            double liveTracks, double exactClusters, double approximateClusters) {
    }

    /** The Cartesian entry point shared by the trackers. */
    interface CartesianUpdate {
        void update(double t, int sensor, int count, double[] z, double[] r);
    }

    /** One run of the workload: returns the means over the scans after initiation. */
    static Run run(int n, int scans, long seed, String association) {
        Random rnd = new Random(seed);
        double side = Math.sqrt(n * AREA_PER_TARGET);
        double[] truth = new double[6 * n];
        for (int i = 0; i < n; i++) {
            double speed = 100 + 200 * rnd.nextDouble();
            double heading = 2 * Math.PI * rnd.nextDouble();
            truth[6 * i] = side * rnd.nextDouble();
            truth[6 * i + 1] = side * rnd.nextDouble();
            truth[6 * i + 2] = LAYER * rnd.nextDouble();
            truth[6 * i + 3] = speed * Math.sin(heading);
            truth[6 * i + 4] = speed * Math.cos(heading);
        }
        TrackerSettings settings = new TrackerSettings(3, 4, 3, Q, 200.0, 16.27);
        Tracker tracker;
        CartesianUpdate step;
        JpdaAssociator probabilities = null;
        if (association.equals("jpda")) {
            JpdaTracker jpda = new JpdaTracker(settings, new ConstantVelocity(Q), Ellipsoid.WGS84,
                    Double.NEGATIVE_INFINITY, new Tracker.Listener() { },
                    new JpdaAssociator(PD, n / (side * side * LAYER), JpdaAssociator.DEFAULT_MAX_HYPOTHESES),
                    JpdaTracker.DEFAULT_INITIATION_THRESHOLD);
            tracker = jpda;
            step = jpda::update;
            probabilities = jpda.associator();
        } else {
            Associator associator = association.equals("greedy") ? new GreedyAssociator() : new OptimalAssociator();
            GnnTracker gnn = new GnnTracker(settings, new ConstantVelocity(Q), Ellipsoid.WGS84,
                    Double.NEGATIVE_INFINITY, new Tracker.Listener() { }, associator);
            tracker = gnn;
            step = gnn::update;
        }
        Gospa gospa = new Gospa(GOSPA_C, GOSPA_P);
        int capacity = 2 * n;
        double[] z = new double[3 * capacity];
        double[] r = new double[9 * capacity];
        for (int k = 0; k < capacity; k++) {
            r[9 * k] = SIGMA * SIGMA;
            r[9 * k + 4] = SIGMA * SIGMA;
            r[9 * k + 8] = SIGMA * SIGMA;
        }
        double[] positions = new double[3 * n];
        double[] estimates = new double[3 * 4 * n];
        // per-axis Cholesky factor of the truth's process noise over one revisit
        double l11 = Math.sqrt(Q * REVISIT * REVISIT * REVISIT / 3);
        double l21 = Q * REVISIT * REVISIT / 2 / l11;
        double l22 = Math.sqrt(Q * REVISIT - l21 * l21);
        long timed = 0;
        long timedCpu = 0;
        double sumGospa = 0;
        double sumLocalisation = 0;
        double sumPairs = 0;
        double sumMissed = 0;
        double sumFalse = 0;
        double sumTracks = 0;
        double sumExact = 0;
        double sumApproximate = 0;
        int counted = 0;
        for (int s = 0; s < scans; s++) {
            double t = s * REVISIT;
            if (s > 0) {
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < 3; a++) {
                        double w1 = rnd.nextGaussian();
                        double w2 = rnd.nextGaussian();
                        truth[6 * i + a] += REVISIT * truth[6 * i + 3 + a] + l11 * w1;
                        truth[6 * i + 3 + a] += l21 * w1 + l22 * w2;
                    }
                }
            }
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < PD) {
                    for (int a = 0; a < 3; a++) {
                        z[3 * count + a] = truth[6 * i + a] + SIGMA * rnd.nextGaussian();
                    }
                    count++;
                }
            }
            for (int k = 0; k < n; k++) {
                z[3 * count] = side * rnd.nextDouble();
                z[3 * count + 1] = side * rnd.nextDouble();
                z[3 * count + 2] = LAYER * rnd.nextDouble();
                count++;
            }
            // shuffle, so that plot order tells nothing
            for (int k = count - 1; k > 0; k--) {
                int o = rnd.nextInt(k + 1);
                for (int a = 0; a < 3; a++) {
                    double tmp = z[3 * k + a];
                    z[3 * k + a] = z[3 * o + a];
                    z[3 * o + a] = tmp;
                }
            }
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            step.update(t, 0, count, z, r);
            long elapsed = System.nanoTime() - t0;
            long cpu = THREADS.getCurrentThreadCpuTime() - c0;
            if (s < INITIATION_SCANS) {
                continue;
            }
            timed += elapsed;
            timedCpu += cpu;
            if (probabilities != null) {
                sumExact += probabilities.exactClusters();
                sumApproximate += probabilities.approximateClusters();
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(truth, 6 * i, positions, 3 * i, 3);
            }
            int m = 0;
            List<Track> tracks = tracker.tracks();
            for (int k = 0; k < tracks.size(); k++) {
                Track track = tracks.get(k);
                if (track.confirmed()) {
                    if (3 * m + 3 > estimates.length) {
                        estimates = Arrays.copyOf(estimates, 2 * estimates.length);
                    }
                    System.arraycopy(track.state(), 0, estimates, 3 * m, 3);
                    m++;
                }
            }
            SetDistance d = gospa.distance(n, positions, m, estimates, 3);
            sumGospa += d.distance();
            sumLocalisation += d.localisation();
            sumPairs += d.pairs();
            sumMissed += d.missedCount();
            sumFalse += d.falseCount();
            sumTracks += tracks.size();
            counted++;
        }
        return new Run(timed / 1e6 / counted, timedCpu / 1e6 / counted, sumGospa / counted, sumLocalisation / sumPairs, sumMissed / counted,
                sumFalse / counted, sumTracks / counted, sumExact / counted, sumApproximate / counted);
    }

    /**
     * Runs the benchmark and prints the table.
     *
     * @param args options and target counts (see the class comment)
     */
    public static void main(String[] args) {
        String association = "optimal";
        int scans = 40;
        long seed = 1;
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--associator" -> association = args[++k];
                case "--scans" -> scans = Integer.parseInt(args[++k]);
                case "--seed" -> seed = Long.parseLong(args[++k]);
                default -> sizes.add(Integer.parseInt(args[k]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 300, 1_000, 10_000);
        }
        if (!List.of("optimal", "greedy", "jpda").contains(association)) {
            throw new IllegalArgumentException("--associator must be optimal, greedy or jpda, got " + association);
        }
        if (scans <= INITIATION_SCANS) {
            throw new IllegalArgumentException("--scans must exceed " + INITIATION_SCANS);
        }
        System.out.printf(Locale.ROOT, "%s, %d scans (first %d not timed or scored), seed %d%n",
                association.equals("jpda") ? "JPDA" : "GNN (" + association + " association)", scans, INITIATION_SCANS,
                seed);
        System.out.printf(Locale.ROOT, "%7s %9s %9s %9s %9s %6s %11s %7s %9s %10s %8s %8s %8s%n", "targets", "ms/scan",
                "min", "max", "cpu ms", "runs", "targets/s", "tracks", "GOSPA", "GOSPA/N", "loc (m)", "missed", "false");
        for (int n : sizes) {
            // warm-up: at least 3 s and 2 runs on other seeds
            long warmEnd = System.nanoTime() + 3_000_000_000L;
            int w = 0;
            while (w < 2 || System.nanoTime() < warmEnd) {
                run(n, scans, seed + 1_000 + w, association);
                w++;
            }
            // measured: at least 3 s and 3 runs; the table gives the median run and the range
            List<Run> runs = new ArrayList<>();
            long end = System.nanoTime() + 3_000_000_000L;
            while (runs.size() < 3 || System.nanoTime() < end) {
                runs.add(run(n, scans, seed + runs.size(), association));
            }
            double[] ms = runs.stream().mapToDouble(Run::msPerScan).sorted().toArray();
            double[] cpu = runs.stream().mapToDouble(Run::cpuMsPerScan).sorted().toArray();
            Run first = runs.get(0); // accuracy of the run on the given seed
            double median = ms[ms.length / 2];
            System.out.printf(Locale.ROOT, "%7d %9.3f %9.3f %9.3f %9.3f %6d %11.0f %7.0f %9.1f %10.2f %8.1f %8.1f %8.1f%n", n,
                    median, ms[0], ms[ms.length - 1], cpu[cpu.length / 2], runs.size(), n / (median / 1e3), first.liveTracks(),
                    first.gospa(), first.gospa() / n, first.localisationPerPair(), first.missed(),
                    first.falseTracks());
            if (association.equals("jpda")) {
                System.out.printf(Locale.ROOT, "        JPDA clusters of two or more tracks per scan: %.2f exact, %.2f by the cheap"
                        + " approximation%n", first.exactClusters(), first.approximateClusters());
            }
        }
    }
}
