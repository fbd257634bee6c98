package dev.bulwark.cli;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.World;
import dev.bulwark.results.Estimate;
import dev.bulwark.results.Measures;
import dev.bulwark.results.MonteCarloWriter;
import dev.bulwark.results.RunDirectory;
import dev.bulwark.results.RunDirectoryException;
import dev.bulwark.results.RunParameters;
import dev.bulwark.results.SweepWriter;
import dev.bulwark.results.report.SweepReport;
import dev.bulwark.scenario.LoadedScenario;
import dev.bulwark.scenario.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark sweep FILE --runs N [--seed S] [--threads T] [--out DIR] [--quiet]}: runs every
 * point of the grid a scenario's {@code sweep} section declares ({@link Sweep}), N replications
 * each, and prints one row per grid point with the key measures' means and 95% confidence
 * intervals; with {@code --out}, {@code sweep.csv} and {@code sweep.html} written atomically
 * through {@link RunDirectory}.
 *
 * <p>Common random numbers: replication i runs on the same seed at every grid point
 * ({@link Replications}), so the differences between points are not drowned in the raid's
 * randomness, and a grid point equal to the scenario gives exactly {@code bulwark montecarlo}'s
 * numbers.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs every point of the grid a scenario's sweep section declares, N replications each on"
            + " the same seeds, and prints each key measure's mean with its 95%% confidence interval per point."},
        footer = {"", "Replication i runs on the same seed at every grid point (common random numbers); replication 0"
            + " on the scenario's seed (or --seed). The results do not depend on --threads.",
            "Exit status: 0 done; 1 I/O or internal error; 2 bad command line, invalid scenario, no sweep section or"
            + " output directory that may not be replaced."})
final class SweepCommand implements Callable<Integer> {

    /** The measures of the printed table; the files hold every measure. */
    static final List<String> TABLE = List.of("leaked", "intercepted", "interceptors_fired", "cost_exchange_ratio");

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML), with a sweep section.")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = {"Write " + SweepWriter.FILE + " and " + SweepReport.FILE
                + " into DIR, which appears only when every run is done."})
    private Path out;

    @Mixin
    private ReplicationOptions options = new ReplicationOptions();

    @Spec
    private CommandSpec spec;

    private final Bulwark.Environment env;

    SweepCommand(Bulwark.Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        options.validate(spec);
        LoadedScenario loaded = RunCommand.load(env, file, stderr);
        if (loaded == null) {
            return 2;
        }
        Sweep sweep = loaded.sweep();
        if (sweep.isEmpty()) {
            stderr.println("bulwark: " + file + " has no sweep section, so there is nothing to sweep; declare the"
                    + " parameters to vary under 'sweep:' (docs/scenario-reference.md), or use 'bulwark montecarlo'");
            return 2;
        }
        World world = loaded.world();
        List<Sweep.Point> grid = loaded.sweepPoints();
        List<String> labels = sweep.parameters().stream().map(Sweep.Parameter::label).toList();
        long base = options.baseSeed(world.seed());
        long[] seeds = Replications.seeds(base, options.runs);
        int t = options.threadCount();

        int[] status = new int[1];
        RunDirectory directory = out == null ? null : RunCommand.begin(out, stderr, status);
        if (status[0] != 0) {
            return status[0];
        }
        if (!options.quiet && !env.stderrIsTerminal()) {
            stderr.println("bulwark: " + grid.size() + " grid points x " + options.runs + " replications of "
                    + world.name() + " (" + file.getFileName() + ", base seed " + base + ") on " + t
                    + (t == 1 ? " thread" : " threads"));
        }
        long started = env.nanoTime().getAsLong();
        ProgressBar progress = new ProgressBar(stderr, env.nanoTime(), !options.quiet && env.stderrIsTerminal(), true);
        List<SweepWriter.Point> points = new ArrayList<>();
        try (RunDirectory run = directory) {
            RunSummary[][] results;
            try {
                results = Replications.run(env.engine(), grid.stream().map(Sweep.Point::world).toList(), seeds, t,
                        progress);
            } finally {
                progress.finish();
            }
            for (Sweep.Point p : grid) {
                List<Map<String, Double>> measures = new ArrayList<>();
                for (RunSummary s : results[p.index()]) {
                    measures.add(Measures.numeric(s));
                }
                points.add(new SweepWriter.Point(p.index(), p.values().stream().map(Sweep.Value::text).toList(),
                        p.values().stream().mapToDouble(Sweep.Value::number).toArray(),
                        MonteCarloWriter.columns(measures)));
            }
            if (run != null) {
                SweepWriter.write(labels, points, run.path());
                SweepReport.write(world.name(), new RunParameters(file.getFileName().toString(), base,
                        Version.number()), labels, points, run.path());
                run.commit();
            }
        } catch (RunDirectoryException | IOException e) {
            return RunCommand.writeFailed(e, out, stderr);
        }
        stdout.print(table(world.name() + ", " + grid.size() + " grid points x " + options.runs
                + " replications, base seed " + base, labels, points));
        stdout.flush();
        if (!options.quiet) {
            double seconds = (env.nanoTime().getAsLong() - started) * 1e-9;
            int total = grid.size() * options.runs;
            stderr.println(String.format(Locale.ROOT, "bulwark: %d runs in %.1f s (%.2f s each on %d %s)", total,
                    seconds, seconds * t / total, t, t == 1 ? "thread" : "threads")
                    + (out == null ? "" : "; wrote " + SweepWriter.FILE + " and " + SweepReport.FILE + " to " + out));
        }
        return 0;
    }

    /** One row per grid point: its parameter values, then each table measure's mean and 95% interval. */
    static String table(String title, List<String> labels, List<SweepWriter.Point> points) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(labels);
        TABLE.forEach(m -> header.add(m + " (95% CI)"));
        rows.add(header);
        for (SweepWriter.Point p : points) {
            List<String> row = new ArrayList<>(p.values());
            Map<String, Estimate> e = p.estimates();
            for (String m : TABLE) {
                Estimate est = e.get(m);
                row.add(est == null || est.n() == 0 ? "-" : EstimateTable.number(est.mean())
                        + (Double.isNaN(est.halfWidth()) ? "" : " [" + EstimateTable.number(est.low()) + ", "
                                + EstimateTable.number(est.high()) + "]"));
            }
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder(title).append('\n').append('\n');
        for (List<String> row : rows) {
            b.append(' ');
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                // parameter values left-aligned, measures right-aligned
                b.append(' ').append(c < labels.size() ? pad(cell, width[c], false) : pad(cell, width[c], true));
                b.append(c < row.size() - 1 ? " " : "");
            }
            b.append('\n');
        }
        return b.toString().replaceAll(" +\n", "\n");
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
