package dev.bulwark.cli;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.World;
import dev.bulwark.results.Estimate;
import dev.bulwark.results.Measures;
import dev.bulwark.results.MonteCarloWriter;
import dev.bulwark.results.RunDirectory;
import dev.bulwark.results.RunDirectoryException;
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
 * {@code bulwark compare A B --runs N [--seed S] [--threads T] [--out DIR] [--quiet]}: runs two
 * scenarios on common random numbers (replication i of both on the same seed, so both face the
 * same raid: see {@link Replications}) and reports, for every measure, the mean paired
 * difference B − A with its 95% confidence interval ({@link Estimate#ofDifferences}). Pairing
 * removes the variation the two share, so a real difference shows with far fewer replications
 * than two separate studies would need (Law, <i>Simulation Modeling and Analysis</i>, 5th ed.,
 * 2015, §11.2 on common random numbers).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs two scenarios N times each on the same seeds and prints, for every measure, the mean"
            + " difference (second minus first) with its 95%% confidence interval."},
        footer = {"", "The base seed is the first scenario's (or --seed). A comparison of a scenario with itself"
            + " gives exactly zero.",
            "Exit status: 0 done; 1 I/O or internal error; 2 bad command line, invalid scenario or output directory"
            + " that may not be replaced."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "The first scenario file (the baseline).")
    private Path first;

    @Parameters(index = "1", paramLabel = "B", description = "The second scenario file (the change).")
    private Path second;




    @Option(names = "--out", paramLabel = "DIR",
            description = "Write " + MonteCarloWriter.COMPARISON_FILE + " into DIR, which appears only when every replication is done.")
    private Path out;

    @Mixin
    private ReplicationOptions options = new ReplicationOptions();

    @Spec
    private CommandSpec spec;

    private final Bulwark.Environment env;

    CompareCommand(Bulwark.Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        options.validate(spec);
        LoadedScenario a = RunCommand.load(env, first, stderr);
        LoadedScenario b = RunCommand.load(env, second, stderr);
        if (a == null || b == null) {
            return 2;
        }
        long base = options.baseSeed(a.world().seed());
        long[] seeds = Replications.seeds(base, options.runs);
        int t = options.threadCount();
        int[] status = new int[1];
        RunDirectory directory = out == null ? null : RunCommand.begin(out, stderr, status);
        if (status[0] != 0) {
            return status[0];
        }
        long started = env.nanoTime().getAsLong();
        ProgressBar progress = new ProgressBar(stderr, env.nanoTime(), !options.quiet && env.stderrIsTerminal(), true);
        Map<String, double[]> colsA;
        Map<String, double[]> colsB;
        Map<String, Estimate> differences;
        try (RunDirectory run = directory) {
            RunSummary[][] results;
            try {
                results = Replications.run(env.engine(), List.of(a.world(), b.world()), seeds, t, progress);
            } finally {
                progress.finish();
            }
            colsA = columns(results[0]);
            colsB = columns(results[1]);
            if (run != null) {
                differences = MonteCarloWriter.writeComparison(colsA, colsB, run.path());
                run.commit();
            } else {
                differences = MonteCarloWriter.differences(colsA, colsB);
            }
        } catch (RunDirectoryException | IOException e) {
            return RunCommand.writeFailed(e, out, stderr);
        }
        stdout.print(EstimateTable.render(b.world().name() + " minus " + a.world().name() + ", " + options.runs
                + " paired replications, base seed " + base, differences));
        stdout.flush();
        if (!options.quiet) {
            double seconds = (env.nanoTime().getAsLong() - started) * 1e-9;
            stderr.println(String.format(Locale.ROOT, "bulwark: %d paired replications in %.1f s", options.runs, seconds)
                    + (out == null ? "" : "; wrote " + MonteCarloWriter.COMPARISON_FILE + " to " + out));
        }
        return 0;
    }

    private static Map<String, double[]> columns(RunSummary[] results) {
        List<Map<String, Double>> measures = new ArrayList<>();
        for (RunSummary s : results) {
            measures.add(Measures.numeric(s));
        }
        return MonteCarloWriter.columns(measures);
    }
}
