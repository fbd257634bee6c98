package dev.bulwark.cli;

import dev.bulwark.engine.assign.wta.BranchAndBoundWtaSolver;
import dev.bulwark.engine.assign.wta.GreedyWtaSolver;
import dev.bulwark.engine.assign.wta.LocalSearchWtaSolver;
import dev.bulwark.engine.assign.wta.WtaProblem;
import dev.bulwark.engine.assign.wta.WtaSolution;
import dev.bulwark.engine.assign.wta.WtaSolver;
import dev.bulwark.scenario.Problem;
import dev.bulwark.scenario.ScenarioException;
import dev.bulwark.scenario.wta.WtaInstance;
import dev.bulwark.scenario.wta.WtaReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark wta INSTANCE [--solver greedy|lns|exact] [--time-limit-s S] [--json]}: solves one
 * standalone static weapon-target assignment instance (docs/wta.md) and prints the objective,
 * the solver, the time, what is proven, and the assignment per target.
 */
@Command(name = "wta", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Solves a static weapon-target assignment instance (JSON, or the text format of Andersen,"
            + " Pavlikov and Toffolo 2022) and prints the objective and the assignment."},
        footer = {"", "Exit status: 0 done; 1 internal error; 2 bad command line or invalid instance.",
            "The formats and the solvers are described in docs/wta.md."})
final class WtaCommand implements Callable<Integer> {

    /** The solvers by command-line name. */
    enum SolverName {
        greedy, lns, exact
    }

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance file (.json or the text format).")
    private Path file;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "lns",
            description = "greedy (maximum marginal return), lns (large neighbourhood search, default) or exact"
                + " (branch and bound, small instances).")
    private SolverName solver;

    @Option(names = "--time-limit-s", paramLabel = "S",
            description = "Wall-time limit in seconds (default 1 for lns, 60 for exact; greedy has none).")
    private Double timeLimitS;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeLimitS != null && !(timeLimitS > 0)) {
            err.println("bulwark: --time-limit-s must be greater than 0, got " + timeLimitS);
            return 2;
        }
        WtaInstance instance;
        try {
            instance = WtaReader.read(file);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
            }
            int n = e.problems().size();
            err.println("bulwark: " + n + (n == 1 ? " problem" : " problems") + " in " + file
                    + ", nothing was solved; the formats are described in docs/wta.md");
            return 2;
        }
        WtaSolver s = switch (solver) {
            case greedy -> new GreedyWtaSolver();
            case lns -> new LocalSearchWtaSolver(1, Long.MAX_VALUE, timeLimitS == null ? 1.0 : timeLimitS);
            case exact -> new BranchAndBoundWtaSolver(Long.MAX_VALUE, timeLimitS == null ? 60 : timeLimitS);
        };
        long start = System.nanoTime();
        WtaSolution solution;
        try {
            solution = s.solve(instance.problem());
        } catch (IllegalArgumentException e) {
            err.println("bulwark: " + e.getMessage());
            return 2;
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        out.print(json ? json(instance, solution, seconds) : text(instance, solution, seconds));
        out.flush();
        return 0;
    }

    private String text(WtaInstance in, WtaSolution s, double seconds) {
        WtaProblem p = in.problem();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Instance     %s (%d weapon types, %d units, %d targets)%n", file,
                p.weaponTypes(), p.totalUnits(), p.targets()));
        sb.append(String.format(Locale.ROOT, "Solver       %s%n", s.solver()));
        sb.append(String.format(Locale.ROOT, "Objective    %.6f (expected surviving value, of %.6f)%n", s.objective(),
                p.totalValue()));
        sb.append(String.format(Locale.ROOT, "Time         %.3f s%n", seconds));
        sb.append("Optimal      ").append(s.provenOptimal() ? "proven" : "not proven").append('\n');
        if (!Double.isNaN(s.lowerBound())) {
            sb.append(String.format(Locale.ROOT, "Lower bound  %.6f%n", s.lowerBound()));
        }
        sb.append("Assignment (target: weapon units)\n");
        for (int t = 0; t < p.targets(); t++) {
            List<String> units = new ArrayList<>();
            for (int w = 0; w < p.weaponTypes(); w++) {
                int k = s.units(w, t);
                if (k > 0) {
                    units.add(in.weaponNames().get(w) + (k > 1 ? " x" + k : ""));
                }
            }
            sb.append(String.format(Locale.ROOT, "  %s (value %s): %s%n", in.targetNames().get(t),
                    number(p.value(t)), units.isEmpty() ? "-" : String.join(", ", units)));
        }
        return sb.toString();
    }

    private String json(WtaInstance in, WtaSolution s, double seconds) {
        WtaProblem p = in.problem();
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"instance\": ").append(quote(file.toString()));
        sb.append(", \"solver\": ").append(quote(s.solver()));
        sb.append(", \"objective\": ").append(number(s.objective()));
        sb.append(", \"time_s\": ").append(number(seconds));
        sb.append(", \"proven_optimal\": ").append(s.provenOptimal());
        sb.append(", \"lower_bound\": ").append(Double.isNaN(s.lowerBound()) ? "null" : number(s.lowerBound()));
        sb.append(", \"assignment\": [");
        for (int t = 0; t < p.targets(); t++) {
            sb.append(t == 0 ? "" : ", ").append("{\"target\": ").append(quote(in.targetNames().get(t)))
                    .append(", \"units\": {");
            boolean first = true;
            for (int w = 0; w < p.weaponTypes(); w++) {
                int k = s.units(w, t);
                if (k > 0) {
                    sb.append(first ? "" : ", ").append(quote(in.weaponNames().get(w))).append(": ").append(k);
                    first = false;
                }
            }
            sb.append("}}");
        }
        return sb.append("]}\n").toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
