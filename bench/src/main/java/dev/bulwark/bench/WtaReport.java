package dev.bulwark.bench;

import dev.bulwark.engine.assign.wta.GreedyWtaSolver;
import dev.bulwark.engine.assign.wta.LocalSearchWtaSolver;
import dev.bulwark.engine.assign.wta.WtaProblem;
import dev.bulwark.engine.assign.wta.WtaSolution;
import dev.bulwark.engine.assign.wta.WtaSolver;
import dev.bulwark.scenario.ScenarioException;
import dev.bulwark.scenario.wta.WtaReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Quality and time of the WTA heuristics: on every public instance of Andersen, Pavlikov and
 * Toffolo found in a folder, the objective, the gap to the best known value and the time; and on
 * 200 x 200 random instances (see {@link WtaBenchmark}), the gap after a fixed number of rounds to
 * the best of a 10 s run, since no exact optimum is known for them.
 *
 * <p>Run from the repository root, after {@code ./mvnw -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar dev.bulwark.bench.WtaReport ../shared/reference/wta-andersen-2022}
 * (the folder is an argument; one JVM, after one warm-up solve of each instance). Times: wall clock
 * and the solving thread's CPU time (ThreadMXBean), which differ when the machine is shared; the
 * solver's limit is wall clock, so on a loaded machine it completes fewer rounds.
 */
public final class WtaReport {

    /**
     * Best known objective values, from the README of the instance folder, which quotes the
     * authors' published log (CPLEX 12.10, best upper bound over all their runs).
     */
    static final Map<String, Double> BEST_KNOWN = new LinkedHashMap<>();

    static {
        BEST_KNOWN.put("wta_50x100x1", 1734.302257);
        BEST_KNOWN.put("wta_50x100x2", 123.838359);
        BEST_KNOWN.put("wta_50x100x3", 20.589861);
        BEST_KNOWN.put("wta_100x200x1", 2862.302609);
        BEST_KNOWN.put("wta_100x200x2", 116.057161);
        BEST_KNOWN.put("wta_100x200x3", 14.579133);
        BEST_KNOWN.put("wta_200x400x1", 4970.363244);
        BEST_KNOWN.put("wta_200x400x2", 115.447021);
        BEST_KNOWN.put("wta_200x400x3", 10.577367);
    }

    private WtaReport() {
    }

    /**
     * @param args the folder holding the {@code wta_*.txt} instances; optional second argument: the
     *             heuristic's time limit in seconds (default 1); optional third: its round limit
     *             (default none), to measure a fixed, deterministic budget on a loaded machine;
     *             optional fourth: {@code cpu} to count the time limit in the solving thread's CPU
     *             time ({@link LocalSearchWtaSolver#cpuTimeLimited}) instead of wall time (anything
     *             else: wall time); optional fifth: seeds 1 to N per instance (default 1); optional
     *             sixth: {@code public} to skip the 200 x 200 part
     */
    public static void main(String[] args) throws ScenarioException {
        if (args.length < 1) {
            System.err.println("usage: WtaReport FOLDER [TIME_LIMIT_S [MAX_ROUNDS|- [cpu|wall [SEEDS [public]]]]]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        double limit = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        long maxRounds = args.length > 2 && !args[2].equals("-") ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        boolean cpuLimit = args.length > 3 && args[3].equals("cpu");
        long seeds = args.length > 4 ? Long.parseLong(args[4]) : 1;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("| instance | seed | best known | greedy (gap) | lns objective | gap | wall (s) | CPU (s) | rounds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Double> e : BEST_KNOWN.entrySet()) {
            Path f = folder.resolve(e.getKey() + ".txt");
            if (!Files.isRegularFile(f)) {
                System.out.println("| " + e.getKey() + " | | not found in " + folder + " | | | | | | |");
                continue;
            }
            WtaProblem p = WtaReader.read(f).problem();
            WtaSolution g = new GreedyWtaSolver().solve(p);
            for (long seed = 1; seed <= seeds; seed++) {
                WtaSolver lns = cpuLimit ? LocalSearchWtaSolver.cpuTimeLimited(seed, maxRounds, limit)
                        : new LocalSearchWtaSolver(seed, maxRounds, limit);
                if (seed == 1) {
                    lns.solve(p); // warm-up
                }
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                WtaSolution s = lns.solve(p);
                double seconds = (System.nanoTime() - t0) * 1e-9;
                double cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
                double best = e.getValue();
                System.out.printf(Locale.ROOT,
                        "| %s | %d | %.6f | %.4f (%.2f %%) | %.6f | %.3f %% | %.3f | %.3f | %d |%n", e.getKey(), seed,
                        best, g.objective(), 100 * (g.objective() / best - 1), s.objective(),
                        100 * (s.objective() / best - 1), seconds, cpu, s.nodes());
            }
        }
        if (args.length > 5 && args[5].equals("public")) {
            return;
        }
        System.out.println();
        System.out.println("| 200x200 seed | rounds | objective | gap to 10 s run | wall (ms) | CPU (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        for (long seed = 1; seed <= 5; seed++) {
            WtaProblem p = WtaBenchmark.ahuja(200, 200, seed);
            double reference = new LocalSearchWtaSolver(1, Long.MAX_VALUE, 10).solve(p).objective();
            for (int rounds : new int[] {1, 2, 4}) {
                WtaSolver lns = new LocalSearchWtaSolver(1, rounds, 60);
                lns.solve(p);
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                WtaSolution s = lns.solve(p);
                double ms = (System.nanoTime() - t0) * 1e-6;
                double cpuMs = (mx.getCurrentThreadCpuTime() - c0) * 1e-6;
                System.out.printf(Locale.ROOT, "| %d | %d | %.4f | %.3f %% | %.1f | %.1f |%n", seed, rounds,
                        s.objective(), 100 * (s.objective() / reference - 1), ms, cpuMs);
            }
        }
    }
}
