package dev.bulwark.cli;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.EventBus;
import dev.bulwark.engine.sim.World;
import dev.bulwark.scenario.LoadedScenario;
import dev.bulwark.scenario.Problem;
import dev.bulwark.scenario.ScenarioException;
import dev.bulwark.results.EventRecorder;
import dev.bulwark.results.ResultsStore;
import dev.bulwark.results.RunDirectory;
import dev.bulwark.results.RunDirectoryException;
import dev.bulwark.results.RunParameters;
import dev.bulwark.results.SummaryWriter;
import dev.bulwark.results.report.ReportCollector;
import dev.bulwark.results.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark run FILE [--seed N] [--no-sharing] [--out DIR [--parquet]] [--quiet]}: one
 * replication of a scenario (of a coalition scenario, with one command node per nation, sharing
 * under its policies unless {@code --no-sharing}), with a progress bar on a terminal and the
 * summary table at the end; with
 * {@code --out}, the event log, the results store ({@value ResultsStore#FILE}), the summary
 * files and the HTML report, and with {@code --parquet} the store's tables as Parquet files,
 * all written atomically through {@link RunDirectory}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs a scenario once and prints what happened: threats launched, engaged, intercepted,"
            + " leaked into each defended area, interceptors fired and their cost."},
        footer = {"", "Exit status: 0 done; 1 I/O or internal error; 2 bad command line, invalid scenario or"
            + " output directory that may not be replaced.",
            "The scenario format is described in docs/scenario-reference.md."})
final class RunCommand implements Callable<Integer> {

    /** File name of the event log in a run directory. */
    static final String EVENTS_FILE = "events.jsonl";

    /** Directory of the Parquet files in a run directory. */
    static final String PARQUET_DIR = "parquet";

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    private Path file;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for this run, instead of the scenario's. The same seed gives the same run, bit for bit.")
    private Long seed;

    @Option(names = "--no-sharing",
            description = "In a scenario with several nations: each nation defends itself on its own tracks; nothing is"
                + " sent over the links.")
    private boolean noSharing;

    @Option(names = "--out", paramLabel = "DIR",
            description = {"Write " + EVENTS_FILE + ", " + ResultsStore.FILE + " (a DuckDB database), " + SummaryWriter.JSON_FILE + ", " + SummaryWriter.CSV_FILE
                + " and " + ReportWriter.FILE + " (a self-contained HTML report) into DIR. DIR appears only when the run is complete; a previous Bulwark run in DIR is"
                + " replaced, anything else there is left alone and the run refused."})
    private Path out;

    @Option(names = "--parquet",
            description = {"With --out: also write every table and view of " + ResultsStore.FILE + " as a Parquet file in"
                + " DIR/" + PARQUET_DIR + "/ (for Python, R and Spark)."})
    private boolean parquet;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary table: no progress bar, no messages.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    private final Bulwark.Environment env;

    RunCommand(Bulwark.Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (parquet && out == null) {
            stderr.println("bulwark: --parquet needs --out DIR: the Parquet files are written into the run directory");
            return 2;
        }
        LoadedScenario loaded = load(env, file, stderr);
        if (loaded == null) {
            return 2;
        }
        World world = seed == null ? loaded.world() : loaded.world().withSeed(seed);
        String fileName = file.getFileName().toString();
        RunParameters parameters = new RunParameters(fileName, world.seed(), Version.number());

        int[] status = new int[1];
        RunDirectory directory = out == null ? null : begin(out, stderr, status);
        if (status[0] != 0) {
            return status[0];
        }
        if (!quiet && !env.stderrIsTerminal()) {
            stderr.println("bulwark: running " + world.name() + " (" + fileName + ", seed " + world.seed() + ", "
                    + ProgressBar.clock(world.durationS()) + " of simulated time)");
        }
        long started = env.nanoTime().getAsLong();
        ProgressBar progress = new ProgressBar(stderr, env.nanoTime(), !quiet && env.stderrIsTerminal());
        long events = 0;
        RunSummary summary;
        try (RunDirectory run = directory) {
            ReportCollector report = run == null ? null : new ReportCollector(world);
            try (EventRecorder recorder = run == null ? null : EventRecorder.open(run.resolve(EVENTS_FILE));
                    ResultsStore store = run == null ? null : ResultsStore.open(run.resolve(ResultsStore.FILE))) {
                EventBus.Listener listener = recorder == null ? null : event -> {
                    recorder.on(event);
                    store.on(event);
                    report.on(event);
                };
                try {
                    summary = env.engine().run(world, loaded.coalition(), !noSharing, listener, progress);
                } finally {
                    progress.finish();
                }
                events = recorder == null ? 0 : recorder.count();
                if (store != null) {
                    store.finish(summary, parameters);
                }
            }
            if (run != null) {
                SummaryWriter.write(summary, parameters, run.path());
                ReportWriter.write(world, report, summary, parameters, run.path());
                if (parquet) {
                    ResultsStore.exportParquet(run.resolve(ResultsStore.FILE), run.resolve(PARQUET_DIR));
                }
                run.commit();
            }
        } catch (RunDirectoryException | IOException e) {
            return writeFailed(e, out, stderr);
        }

        stdout.print(SummaryTable.render(summary));
        stdout.flush();
        if (!quiet) {
            double seconds = (env.nanoTime().getAsLong() - started) * 1e-9;
            stderr.println(String.format(Locale.ROOT, "bulwark: simulated %s in %.1f s",
                    ProgressBar.clock(world.durationS()), seconds)
                    + (out == null ? "" : "; wrote " + events + " events (" + EVENTS_FILE + ", " + ResultsStore.FILE
                            + (parquet ? ", " + PARQUET_DIR + "/" : "") + "), the summary and " + ReportWriter.FILE
                            + " to " + out));
        }
        return 0;
    }

    /**
     * Reports why an output directory could not be written and returns the exit status: 2 for a
     * directory that may not be replaced ({@link RunDirectoryException}), 1 for an I/O error.
     */
    static int writeFailed(Exception e, Path out, PrintWriter stderr) {
        if (e instanceof IOException io) {
            stderr.println("bulwark: cannot write the results to " + out + ": " + describe(io));
            return 1;
        }
        stderr.println("bulwark: " + e.getMessage());
        return 2;
    }

    /**
     * Begins an output directory ({@link RunDirectory#begin}), or reports why it cannot and sets
     * {@code status[0]} to the exit status (2 for a directory that may not be replaced, 1 for an
     * I/O error) and returns null.
     */
    static RunDirectory begin(Path out, PrintWriter stderr, int[] status) {
        try {
            return RunDirectory.begin(out);
        } catch (RunDirectoryException e) {
            stderr.println("bulwark: " + e.getMessage());
            status[0] = 2;
        } catch (IOException e) {
            stderr.println("bulwark: cannot create the output directory " + out + ": " + describe(e));
            status[0] = 1;
        }
        return null;
    }

    /**
     * Loads a scenario file, or reports why it cannot (a missing file, with the scenarios next to
     * it; every problem of an invalid file, then a count) and returns null: the command then
     * exits with status 2.
     */
    static LoadedScenario load(Bulwark.Environment env, Path file, PrintWriter stderr) {
        if (!Files.exists(file)) {
            stderr.println("bulwark: scenario file not found: " + file + nearby(file));
            return null;
        }
        try {
            return env.scenarios().load(file);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                stderr.println(p.format());
            }
            int n = e.problems().size();
            stderr.println("bulwark: " + n + (n == 1 ? " problem" : " problems") + " in " + file
                    + ", nothing was run; the format is described in docs/scenario-reference.md");
            return null;
        }
    }

    /** " (dir/ holds: a.yaml, b.yaml)" when the directory of a missing file exists and holds scenarios. */
    private static String nearby(Path missing) {
        Path dir = missing.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> yaml = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).sorted().limit(8).toList();
            if (yaml.isEmpty()) {
                return "";
            }
            Path shown = missing.getParent() == null ? Path.of(".") : missing.getParent();
            return " (" + shown + "/ holds: " + String.join(", ", yaml) + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** An I/O exception in words: NIO's messages are often just the path. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : f.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                            .toLowerCase(Locale.ROOT);
            return f.getFile() + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
