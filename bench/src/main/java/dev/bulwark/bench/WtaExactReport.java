package dev.bulwark.bench;

import dev.bulwark.engine.assign.wta.BranchAndBoundWtaSolver;
import dev.bulwark.engine.assign.wta.GreedyWtaSolver;
import dev.bulwark.engine.assign.wta.LocalSearchWtaSolver;
import dev.bulwark.engine.assign.wta.WtaProblem;
import dev.bulwark.engine.assign.wta.WtaSolution;
import dev.bulwark.scenario.ScenarioException;
import dev.bulwark.scenario.wta.WtaReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Time of the exact solver ({@link BranchAndBoundWtaSolver}, default limits: 100 million nodes,
 * 60 s) to prove optimality on random instances of the Ahuja, Kumar, Jha and Orlin (2007)
 * generator (values uniform on the integers 25 to 100, kill probabilities uniform on (0.6, 0.9)),
 * with its root bound's gap below the optimum (the lower bound it reports with a node limit of
 * 1) and the heuristics' gaps; optionally the same on the public instances of Andersen, Pavlikov
 * and Toffolo (2022) in a folder, against their best known values.
 *
 * <p>Run from the repository root, after {@code ./mvnw -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar dev.bulwark.bench.WtaExactReport [FOLDER]}. Times are
 * wall-clock in one JVM after one warm-up solve, and include the solver's own {@code lns} start.
 */
public final class WtaExactReport {

    private WtaExactReport() {
    }

    /**
     * @param args optional folder of the public instances
     * @throws Exception if an instance cannot be read
     */
    public static void main(String[] args) throws Exception {
        new BranchAndBoundWtaSolver().solve(ahuja(20, 20, 1, 999));
        int[][] sizes = {{20, 20, 1, 10}, {10, 20, 2, 10}, {10, 20, 3, 5}, {20, 30, 2, 5}, {40, 40, 1, 5}};
        System.out.println("| instances | proven | time to prove (s): median, max | nodes: max | root bound below the "
                + "optimum: median, max | greedy gap: max | lns gap: max |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int[] s : sizes) {
            int k = s[3];
            double[] time = new double[k];
            double[] root = new double[k];
            long maxNodes = 0;
            int proven = 0;
            double greedyMax = 0;
            double lnsMax = 0;
            for (int i = 0; i < k; i++) {
                WtaProblem pr = ahuja(s[0], s[1], s[2], i + 1);
                long t0 = System.nanoTime();
                WtaSolution exact = new BranchAndBoundWtaSolver().solve(pr);
                time[i] = (System.nanoTime() - t0) * 1e-9;
                maxNodes = Math.max(maxNodes, exact.nodes());
                proven += exact.provenOptimal() ? 1 : 0;
                double opt = exact.objective();
                root[i] = 1 - new BranchAndBoundWtaSolver(1, 60).solve(pr).lowerBound() / opt;
                greedyMax = Math.max(greedyMax, new GreedyWtaSolver().solve(pr).objective() / opt - 1);
                lnsMax = Math.max(lnsMax, new LocalSearchWtaSolver().solve(pr).objective() / opt - 1);
            }
            java.util.Arrays.sort(time);
            java.util.Arrays.sort(root);
            System.out.printf(Locale.ROOT, "| %d seeds of %d types x %d units x %d targets | %d of %d | %.2f, %.2f | %d "
                    + "| %.3f %%, %.3f %% | %.2f %% | %.3f %% |%n", k, s[0], s[2], s[1], proven, k, time[k / 2],
                    time[k - 1], maxNodes, 100 * root[k / 2], 100 * root[k - 1], 100 * greedyMax, 100 * lnsMax);
        }
        if (args.length > 0) {
            publicInstances(Path.of(args[0]));
        }
    }

    private static void publicInstances(Path folder) throws java.io.IOException, ScenarioException {
        System.out.println();
        System.out.println("| instance | best known | exact objective | proven | lower bound | time (s) | nodes |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String name : WtaReport.BEST_KNOWN.keySet()) {
            Path f = folder.resolve(name + ".txt");
            if (!Files.isRegularFile(f)) {
                continue;
            }
            WtaProblem pr = WtaReader.read(f).problem();
            long t0 = System.nanoTime();
            WtaSolution s;
            try {
                s = new BranchAndBoundWtaSolver(100_000_000L, 60).solve(pr);
            } catch (IllegalArgumentException e) {
                System.out.printf(Locale.ROOT, "| %s | %.6f | refused: %s | | | | |%n", name,
                        WtaReport.BEST_KNOWN.get(name), e.getMessage());
                continue;
            }
            double t = (System.nanoTime() - t0) * 1e-9;
            System.out.printf(Locale.ROOT, "| %s | %.6f | %.6f | %s | %.6f | %.1f | %d |%n", name,
                    WtaReport.BEST_KNOWN.get(name), s.objective(), s.provenOptimal() ? "yes" : "no", s.lowerBound(), t,
                    s.nodes());
        }
    }

    /** The Ahuja et al. generator, as in the engine's tests: {@code unitsPerType} units of each type. */
    static WtaProblem ahuja(int weaponTypes, int targets, int unitsPerType, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[targets];
        for (int t = 0; t < targets; t++) {
            v[t] = 25 + rnd.nextInt(76);
        }
        int[] c = new int[weaponTypes];
        double[][] p = new double[weaponTypes][targets];
        for (int w = 0; w < weaponTypes; w++) {
            c[w] = unitsPerType;
            for (int t = 0; t < targets; t++) {
                p[w][t] = 0.6 + 0.3 * rnd.nextDouble();
            }
        }
        return new WtaProblem(v, c, p);
    }
}
