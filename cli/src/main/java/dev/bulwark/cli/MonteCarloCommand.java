package dev.bulwark.cli;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.World;
import dev.bulwark.results.Estimate;
import dev.bulwark.results.Measures;
import dev.bulwark.results.MonteCarloWriter;
import dev.bulwark.results.RunDirectory;
import dev.bulwark.results.RunDirectoryException;
import dev.bulwark.results.RunParameters;
import dev.bulwark.results.report.MonteCarloReport;
import dev.bulwark.scenario.LoadedScenario;
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
 * {@code bulwark montecarlo FILE --runs N [--seed S] [--threads T] [--out DIR] [--quiet]}:
 * N replications of a scenario in parallel, each deterministic for its seed
 * ({@link Replications}), and every measure's mean with its 95% confidence interval
 * ({@link Estimate}); with {@code --out}, {@code replications.csv}, {@code estimates.csv} and
 * {@code montecarlo.html} (the distributions, {@link MonteCarloReport}) written atomically through
 * {@link RunDirectory}.
 */
@Command(name = "montecarlo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs a scenario N times on different seeds, in parallel, and prints every measure's mean"
            + " with its 95%% confidence interval."},
        footer = {"", "Replication 0 runs on the scenario's seed (or --seed), so it is the run 'bulwark run' makes;"
            + " the others on seeds mixed from it. The results do not depend on --threads.",
            "Exit status: 0 done; 1 I/O or internal error; 2 bad command line, invalid scenario or output directory"
            + " that may not be replaced."})
final class MonteCarloCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = {"Write " + MonteCarloWriter.REPLICATIONS_FILE + ", " + MonteCarloWriter.ESTIMATES_FILE
                + " and " + MonteCarloReport.FILE + " into DIR, which appears only when every replication is done."})
    private Path out;

    @Mixin
    private ReplicationOptions options = new ReplicationOptions();

    @Spec
    private CommandSpec spec;

    private final Bulwark.Environment env;

    MonteCarloCommand(Bulwark.Environment env) {
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
        World world = loaded.world();
        long base = options.baseSeed(world.seed());
        long[] seeds = Replications.seeds(base, options.runs);
        int t = options.threadCount();

        int[] status = new int[1];
        RunDirectory directory = out == null ? null : RunCommand.begin(out, stderr, status);
        if (status[0] != 0) {
            return status[0];
        }
        if (!options.quiet && !env.stderrIsTerminal()) {
            stderr.println("bulwark: " + options.runs + " replications of " + world.name() + " (" + file.getFileName()
                    + ", base seed " + base + ") on " + t + (t == 1 ? " thread" : " threads"));
        }
        long started = env.nanoTime().getAsLong();
        ProgressBar progress = new ProgressBar(stderr, env.nanoTime(), !options.quiet && env.stderrIsTerminal(), true);
        Map<String, double[]> columns;
        try (RunDirectory run = directory) {
            RunSummary[][] results;
            try {
                results = Replications.run(env.engine(), List.of(world), seeds, t, progress);
            } finally {
                progress.finish();
            }
            List<Map<String, Double>> measures = new ArrayList<>();
            for (RunSummary s : results[0]) {
                measures.add(Measures.numeric(s));
            }
            columns = MonteCarloWriter.columns(measures);
            if (run != null) {
                MonteCarloWriter.write(seeds, columns, run.path());
                MonteCarloReport.write(world.name(), new RunParameters(file.getFileName().toString(), base,
                        Version.number()), columns, run.path());
                run.commit();
            }
        } catch (RunDirectoryException | IOException e) {
            return RunCommand.writeFailed(e, out, stderr);
        }
        stdout.print(EstimateTable.render(world.name() + ", " + options.runs + " replications, base seed " + base,
                MonteCarloWriter.estimates(columns)));
        stdout.flush();
        if (!options.quiet) {
            double seconds = (env.nanoTime().getAsLong() - started) * 1e-9;
            stderr.println(String.format(Locale.ROOT, "bulwark: %d replications in %.1f s (%.2f s each on %d %s)",
                    options.runs, seconds, seconds * t / options.runs, t, t == 1 ? "thread" : "threads")
                    + (out == null ? "" : "; wrote " + MonteCarloWriter.REPLICATIONS_FILE + ", "
                            + MonteCarloWriter.ESTIMATES_FILE + " and " + MonteCarloReport.FILE + " to " + out));
        }
        return 0;
    }
}
