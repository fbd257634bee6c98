package dev.bulwark.cli;

import dev.bulwark.engine.fusion.Alert;
import dev.bulwark.engine.sim.Coalition;
import dev.bulwark.engine.sim.CoalitionPicture;
import dev.bulwark.engine.sim.World;
import dev.bulwark.scenario.LoadedScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * {@code bulwark coalition FILE [--seed N] [--out DIR] [--quiet]}: the air picture each nation of
 * a coalition scenario sees ({@link CoalitionPicture}), with and without sharing, as a table per
 * nation; with {@code --out}, the same as {@value #CSV_FILE}, written atomically.
 */
@Command(name = "coalition", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Builds each nation's air picture of a coalition scenario (its own radars and tracker, plus"
            + " what partners share over the network) and prints, per nation, early warning, picture accuracy"
            + " (GOSPA), messages and alerts, with and without sharing."},
        footer = {"", "Exit status: 0 done; 1 I/O or internal error; 2 bad command line or invalid scenario.",
            "The coalition sections (nations, links, sharing) are described in docs/scenario-reference.md;"
            + " the model in docs/models/coalition.md."})
final class CoalitionCommand implements Callable<Integer> {

    /** File name of the per-nation table in the output directory. */
    static final String CSV_FILE = "coalition.csv";

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    private Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for this run, instead of the scenario's.")
    private Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write " + CSV_FILE + " (one row per nation) into DIR, created if needed.")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print only the table: no progress bar, no messages.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    private final Bulwark.Environment env;

    CoalitionCommand(Bulwark.Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        LoadedScenario loaded = RunCommand.load(env, file, stderr);
        if (loaded == null) {
            return 2;
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
        if (out != null) {
            try {
                write(out, result);
            } catch (IOException e) {
                stderr.println("bulwark: cannot write " + CSV_FILE + " to " + out + ": " + RunCommand.describe(e));
                return 1;
            }
            if (!quiet) {
                stderr.println("bulwark: wrote " + out.resolve(CSV_FILE));
            }
        }
        return 0;
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
        int[] width = new int[head.length];
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
        Path temporary = Files.createTempFile(dir, "." + CSV_FILE + ".", ".partial");
        try {
            Files.writeString(temporary, sb.toString(), StandardCharsets.UTF_8);
            Files.move(temporary, dir.resolve(CSV_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
