package dev.bulwark.cli;

import dev.bulwark.engine.fusion.Alert;
import dev.bulwark.engine.sim.Coalition;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.CoalitionPicture;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.engine.sim.World;
import dev.bulwark.results.Estimate;
import dev.bulwark.results.MonteCarloWriter;
import dev.bulwark.results.RunDirectory;
import dev.bulwark.results.RunDirectoryException;
import dev.bulwark.scenario.LoadedScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark coalition FILE [--seed N] [--out DIR] [--picture-only] [--quiet]}: the air picture
 * each nation of a coalition scenario sees ({@link CoalitionPicture}), with and without sharing, as
 * a table per nation; then the battle ({@link Simulation} with one command node per nation) run
 * twice, with sharing and with each nation alone, as a table of leaks and interceptors spent per
 * nation. With {@code --out}, the same as {@value #CSV_FILE} and {@value #BATTLE_CSV_FILE}, written
 * atomically.
 *
 * <p>With {@code --runs N} (N &ge; 2), the battle only, with sharing and alone on the same N seeds
 * (common random numbers, seeds as {@link Replications} makes them), and per measure the mean of
 * each arm and the mean paired difference sharing − alone with its 95% confidence interval
 * ({@link Estimate#ofDifferences}); with {@code --out}, {@value #PAIRED_CSV_FILE} written through
 * {@link RunDirectory}.
 */
@Command(name = "coalition", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Builds each nation's air picture of a coalition scenario (its own radars and tracker, plus"
            + " what partners share over the network) and prints, per nation, early warning, picture accuracy"
            + " (GOSPA), messages and alerts, with and without sharing; then runs the battle with sharing and"
            + " with each nation alone and prints leaks and interceptors spent per nation.",
            "With --runs N, runs the battle only, with sharing and alone on the same N seeds, and prints per measure"
            + " both means and the paired difference (sharing minus alone) with its 95%% confidence interval."},
        footer = {"", "Exit status: 0 done; 1 I/O or internal error; 2 bad command line, invalid scenario or (with"
            + " --runs) output directory that may not be replaced.",
            "The coalition sections (nations, links, sharing) are described in docs/scenario-reference.md;"
            + " the model in docs/models/coalition.md."})
final class CoalitionCommand implements Callable<Integer> {

    /** File name of the per-nation table in the output directory. */
    static final String CSV_FILE = "coalition.csv";
    /** File name of the battle table in the output directory. */
    static final String BATTLE_CSV_FILE = "coalition-battle.csv";
    /** File name of the paired table ({@code --runs}) in the output directory. */
    static final String PAIRED_CSV_FILE = "coalition-paired.csv";

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    private Path file;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for this run (with --runs, the base seed), instead of the scenario's.")
    private Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = {"Write " + CSV_FILE + " (one row per nation) and " + BATTLE_CSV_FILE + " into DIR, created"
                + " if needed; with --runs, " + PAIRED_CSV_FILE + ", DIR appearing only when every run is done."})
    private Path out;

    @Option(names = "--runs", paramLabel = "N",
            description = "Run the battle with sharing and alone on N seeds (at least 2) and print paired differences.")
    private Integer runs;

    @Option(names = "--threads", paramLabel = "T",
            description = "With --runs: battles run at once (default: the number of processors).")
    private Integer threads;

    @Option(names = "--picture-only", description = "Build the air pictures only; do not run the battle.")
    private boolean pictureOnly;

    @Option(names = {"-q", "--quiet"}, description = "Print only the table: no progress bar, no messages.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    private final Bulwark.Environment env;

    CoalitionCommand(Bulwark.Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (runs != null) {
            ReplicationOptions.validate(spec, runs, threads);
            if (pictureOnly) {
                throw new ParameterException(spec.commandLine(), "--picture-only and --runs exclude each other"
                        + " (--runs runs the battle only)");
            }
        } else if (threads != null) {
            throw new ParameterException(spec.commandLine(), "--threads needs --runs");
        }
        LoadedScenario loaded = RunCommand.load(env, file, stderr);
        if (loaded == null) {
            return 2;
        }
        if (runs != null) {
            return paired(loaded, stdout, stderr);
        }
        World world = seed == null ? loaded.world() : loaded.world().withSeed(seed);
        Coalition coalition = loaded.coalition();
        if (!quiet && !env.stderrIsTerminal()) {
            stderr.println("bulwark: coalition picture of " + world.name() + " (" + coalition.nations().size()
                    + " nations, " + coalition.links().size() + " directed links, seed " + world.seed() + ")");
        }
        ProgressBar progress = new ProgressBar(stderr, env.nanoTime(), !quiet && env.stderrIsTerminal());
        CoalitionPicture.Result result;
        try {
            result = new CoalitionPicture(world, coalition).run(progress);
        } finally {
            progress.finish();
        }
        stdout.print(table(world.name(), result));
        stdout.flush();
        if (!quiet) {
            for (Alert a : result.alerts()) {
                stderr.println("bulwark: alert: " + describe(a, coalition));
            }
        }
        Battle battle = null;
        if (!pictureOnly) {
            ProgressBar bar = new ProgressBar(stderr, env.nanoTime(), !quiet && env.stderrIsTerminal());
            try {
                battle = battle(world, coalition, bar);
            } finally {
                bar.finish();
            }
            stdout.print(battleTable(battle));
            stdout.flush();
            if (!quiet) {
                for (Alert a : battle.sharedAlerts()) {
                    stderr.println("bulwark: battle alert: " + describe(a, coalition));
                }
            }
        }
        if (out != null) {
            try {
                write(out, result);
                if (battle != null) {
                    writeBattle(out, battle);
                }
            } catch (IOException e) {
                stderr.println("bulwark: cannot write " + CSV_FILE + " to " + out + ": " + RunCommand.describe(e));
                return 1;
            }
            if (!quiet) {
                stderr.println("bulwark: wrote " + out.resolve(CSV_FILE)
                        + (battle == null ? "" : " and " + out.resolve(BATTLE_CSV_FILE)));
            }
        }
        return 0;
    }

    /** {@code --runs}: the battle with sharing and alone on the same seeds, and the paired table. */
    private int paired(LoadedScenario loaded, PrintWriter stdout, PrintWriter stderr) throws InterruptedException {
        World world = loaded.world();
        Coalition coalition = loaded.coalition();
        long base = seed == null ? world.seed() : seed;
        long[] seeds = Replications.seeds(base, runs);
        int t = ReplicationOptions.threadCount(threads);
        int[] status = new int[1];
        RunDirectory directory = out == null ? null : RunCommand.begin(out, stderr, status);
        if (status[0] != 0) {
            return status[0];
        }
        if (!quiet && !env.stderrIsTerminal()) {
            stderr.println("bulwark: coalition battle of " + world.name() + " with sharing and alone on " + runs
                    + " seeds (base seed " + base + ") on " + t + (t == 1 ? " thread" : " threads"));
        }
        long started = env.nanoTime().getAsLong();
        ProgressBar progress = new ProgressBar(stderr, env.nanoTime(), !quiet && env.stderrIsTerminal(), true);
        Map<String, double[]> alone;
        Map<String, double[]> sharing;
        Map<String, Estimate> differences;
        try (RunDirectory run = directory) {
            List<List<Map<String, Double>>> results;
            try {
                results = Replications.run(2, seeds, t, progress,
                        (arm, s) -> battleMeasures(world.withSeed(s), coalition, arm == 0));
            } finally {
                progress.finish();
            }
            sharing = MonteCarloWriter.columns(results.get(0));
            alone = MonteCarloWriter.columns(results.get(1));
            if (run != null) {
                differences = MonteCarloWriter.writeComparison(alone, sharing, run.path(), PAIRED_CSV_FILE, "alone",
                        "sharing");
                run.commit();
            } else {
                differences = MonteCarloWriter.differences(alone, sharing);
            }
        } catch (RunDirectoryException | IOException e) {
            return RunCommand.writeFailed(e, out, stderr);
        }
        stdout.print(EstimateTable.renderPaired(world.name() + ": coalition battle with sharing and with each nation"
                + " alone, " + runs + " paired replications, base seed " + base + "; difference = sharing minus alone",
                "sharing", sharing, "alone", alone, differences));
        stdout.flush();
        if (!quiet) {
            double secs = (env.nanoTime().getAsLong() - started) * 1e-9;
            stderr.println(String.format(Locale.ROOT, "bulwark: %d paired replications in %.1f s", runs, secs)
                    + (out == null ? "" : "; wrote " + PAIRED_CSV_FILE + " to " + out));
        }
        return 0;
    }

    /**
     * The measures of one battle: the coalition's outcome, interceptors fired (in total and per
     * nation, counted by the nation whose battery fired them), interceptors at false tracks (in
     * total and per ordering nation) and alerts.
     */
    static Map<String, Double> battleMeasures(World world, Coalition coalition, boolean sharing) {
        Simulation simulation = new Simulation(world, coalition, sharing);
        RunSummary s = simulation.run(ProgressListener.NONE);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("leaked", (double) s.leaked());
        m.put("intercepted", (double) s.intercepted());
        m.put("engaged", (double) s.engaged());
        m.put("interceptors_fired", (double) s.interceptorsFired());
        m.put("interceptor_cost_usd", s.interceptorCostUsd());
        long atFalse = 0;
        int alerts = 0;
        for (Simulation.NationBattle n : simulation.nations()) {
            atFalse += n.firedAtFalse();
            alerts += n.alerts();
        }
        m.put("fired_at_false_tracks", (double) atFalse);
        m.put("alerts", (double) alerts);
        for (Simulation.NationBattle n : simulation.nations()) {
            m.put("interceptors_fired[" + n.name() + "]", (double) n.interceptors());
        }
        for (Simulation.NationBattle n : simulation.nations()) {
            m.put("fired_at_false_tracks[" + n.name() + "]", (double) n.firedAtFalse());
        }
        return m;
    }

    /**
     * The battle run both ways on the same seed.
     *
     * @param shared       with sharing
     * @param alone        each nation alone
     * @param sharedNations per nation, with sharing
     * @param aloneNations  per nation, alone
     * @param sharedAlerts alerts raised in the shared run
     */
    record Battle(RunSummary shared, RunSummary alone, List<Simulation.NationBattle> sharedNations,
            List<Simulation.NationBattle> aloneNations, List<Alert> sharedAlerts) {
    }

    /** Runs the battle with sharing, then with each nation alone. */
    static Battle battle(World world, Coalition coalition, ProgressListener progress) {
        Simulation shared = new Simulation(world, coalition, true);
        RunSummary a = shared.run((now, end) -> progress.onProgress(now / 2, end));
        Simulation alone = new Simulation(world, coalition, false);
        RunSummary b = alone.run((now, end) -> progress.onProgress(end / 2 + now / 2, end));
        return new Battle(a, b, shared.nations(), alone.nations(), shared.alerts());
    }

    /** The battle table: the coalition's outcome both ways, then what each nation spent. */
    static String battleTable(Battle b) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nBattle, with sharing and with each nation alone:%n"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", "launched", "engaged", "intercepted", "leaked", "interceptors", "cost USD"});
        for (int k = 0; k < 2; k++) {
            RunSummary s = k == 0 ? b.shared() : b.alone();
            rows.add(new String[] {k == 0 ? "sharing" : "alone", Integer.toString(s.launched()),
                Integer.toString(s.engaged()), Integer.toString(s.intercepted()), Integer.toString(s.leaked()),
                Integer.toString(s.interceptorsFired()), String.format(Locale.ROOT, "%.0f", s.interceptorCostUsd())});
        }
        align(sb, rows);
        sb.append(System.lineSeparator());
        rows = new ArrayList<>();
        rows.add(new String[] {"nation", "interceptors sharing", "interceptors alone", "lasers/guns sharing",
            "lasers/guns alone", "at false tracks", "after alert", "held for partner", "alerts"});
        for (int i = 0; i < b.sharedNations().size(); i++) {
            Simulation.NationBattle s = b.sharedNations().get(i);
            Simulation.NationBattle a = b.aloneNations().get(i);
            rows.add(new String[] {s.name(), Integer.toString(s.interceptors()), Integer.toString(a.interceptors()),
                (s.laserShots() + s.gunBursts()) + "", (a.laserShots() + a.gunBursts()) + "",
                Long.toString(s.firedAtFalse()), Long.toString(s.firedAtFalseAfterAlert()),
                Integer.toString(s.heldForPartner()), Integer.toString(s.alerts())});
        }
        align(sb, rows);
        sb.append(String.format(Locale.ROOT, "interceptors are counted by the nation whose battery fired them;"
                + " 'at false tracks' (with sharing) by the nation that ordered them%n"));
        return sb.toString();
    }

    private static void align(StringBuilder sb, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? String.format("%-" + width[i] + "s", row[i])
                        : String.format("%" + width[i] + "s", row[i]);
                sb.append(i == 0 ? "" : "  ").append(cell);
            }
            sb.append(System.lineSeparator());
        }
    }

    /** Writes the battle CSV (one row per nation and run) through a temporary file. */
    static void writeBattle(Path dir, Battle b) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder("run,nation,launched,engaged,intercepted,leaked,interceptors,"
                + "interceptor_cost_usd,laser_shots,gun_bursts,fired_at_false,fired_at_false_after_alert,"
                + "held_for_partner,alerts\n");
        for (int k = 0; k < 2; k++) {
            RunSummary s = k == 0 ? b.shared() : b.alone();
            List<Simulation.NationBattle> ns = k == 0 ? b.sharedNations() : b.aloneNations();
            for (Simulation.NationBattle n : ns) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d,%.0f,%d,%d,%d,%d,%d,%d%n",
                        k == 0 ? "sharing" : "alone", csv(n.name()), s.launched(), s.engaged(), s.intercepted(),
                        s.leaked(), n.interceptors(), n.interceptorCost(), n.laserShots(), n.gunBursts(),
                        n.firedAtFalse(), n.firedAtFalseAfterAlert(), n.heldForPartner(), n.alerts()));
            }
        }
        writeAtomically(dir, BATTLE_CSV_FILE, sb.toString());
    }

    /** An alert with nation names instead of node numbers. */
    static String describe(Alert a, Coalition c) {
        return String.format(Locale.ROOT,
                "t=%.1f s: %s isolated %s: %d of its %d tracks inside own coverage not confirmed by own sensors"
                        + " (CUSUM %.1f)", a.time(), c.nations().get(a.node()).name(),
                c.nations().get(a.partner()).name(), a.unconfirmed(), a.observations(), a.statistic());
    }

    /** The per-nation table. */
    static String table(String name, CoalitionPicture.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d threats; coalition picture until %.0f s%n", name, r.threats(),
                r.endS()));
        String[] head = {"nation", "radars", "seen own", "seen shared", "warning own s", "warning shared s",
            "gained s", "GOSPA own m", "GOSPA shared m", "sent", "accepted", "rejected", "lost", "alerts", "isolated"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (CoalitionPicture.NationMeasures n : r.nations()) {
            rows.add(new String[] {n.name(), Integer.toString(n.radars()), Integer.toString(n.seenOwn()),
                Integer.toString(n.seenShared()), f1(n.warningDelayOwnS()), f1(n.warningDelaySharedS()),
                f1(n.warningDelayOwnS() - n.warningDelaySharedS()), f1(n.gospaOwn()), f1(n.gospaShared()),
                Long.toString(n.sent()), Long.toString(n.accepted()), Long.toString(n.rejectedTotal()),
                Long.toString(n.lost()), Integer.toString(n.alerts()),
                n.isolated().isEmpty() ? "-" : String.join(" ", n.isolated())});
        }
        align(sb, rows);
        sb.append(String.format(Locale.ROOT, "warning: mean delay from launch to first in the nation's picture, a"
                + " threat never seen counting its whole flight; GOSPA c = %.0f m against the threats in any"
                + " coalition radar's coverage%n", CoalitionPicture.GOSPA_CUTOFF_M));
        return sb.toString();
    }

    /** Writes the CSV through a temporary file, moved into place only when complete. */
    static void write(Path dir, CoalitionPicture.Result r) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder("nation,radars,threats,seen_own,seen_shared,warning_own_s,"
                + "warning_shared_s,gospa_own_m,gospa_shared_m,sent,accepted,rejected,lost,alerts,isolated\n");
        for (CoalitionPicture.NationMeasures n : r.nations()) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%d,%d,%d,%d,%d,%s%n",
                    csv(n.name()), n.radars(), r.threats(), n.seenOwn(), n.seenShared(), n.warningDelayOwnS(),
                    n.warningDelaySharedS(), n.gospaOwn(), n.gospaShared(), n.sent(), n.accepted(),
                    n.rejectedTotal(), n.lost(), n.alerts(), csv(String.join(" ", n.isolated()))));
        }
        writeAtomically(dir, CSV_FILE, sb.toString());
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Writes a file of {@code dir} whole or not at all: into a hidden temporary file beside it, then
     * renamed over it atomically (the temporary file is removed if anything fails).
     */
    private static void writeAtomically(Path dir, String name, String text) throws IOException {
        Path temporary = Files.createTempFile(dir, "." + name + ".", ".partial");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
