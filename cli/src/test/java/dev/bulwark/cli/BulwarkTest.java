package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.results.ResultsStore;
import dev.bulwark.results.RunDirectory;
import dev.bulwark.scenario.Problem;
import dev.bulwark.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's behaviour, in-process, with a fake engine (and the real scenario loader where it matters). */
class BulwarkTest {

    @TempDir
    Path dir;

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- command line ----

    @Test
    void helpListsTheRunCommand() {
        Fakes.Result r = Fakes.run(null, "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: bulwark").contains("run").contains("--version");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        // picocli reports unescaped '%' in a description on the process's standard error
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"run", "montecarlo", "compare", "wta", "track"}) {
                Fakes.Result r = Fakes.run(null, command, "--help");
                assertThat(r.status()).as(command).isZero();
                assertThat(r.out()).as(command).contains("Usage: bulwark " + command);
            }
            assertThat(Fakes.run(null, "--help").out()).contains("montecarlo").contains("compare").contains("wta")
                    .contains("track");
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void runHelpDescribesItsOptions() {
        Fakes.Result r = Fakes.run(null, "run", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: bulwark run").contains("FILE").contains("--seed=N").contains("--out=DIR")
                .contains("--quiet").contains("Exit status");
    }

    @Test
    void versionNamesTheBuild() {
        Fakes.Result r = Fakes.run(null, "--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("bulwark " + Version.number());
        assertThat(Version.number()).isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    void noCommandOrAnUnknownOptionIsAUsageError() {
        Fakes.Result none = Fakes.run(null);
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("a command is needed").contains("Try 'bulwark --help'");
        Fakes.Result unknown = Fakes.run(null, "run", "x.yaml", "--sed", "3");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option").contains("--seed").contains("Try 'bulwark run --help'");
        Fakes.Result badSeed = Fakes.run(null, "run", "x.yaml", "--seed", "seven");
        assertThat(badSeed.status()).isEqualTo(2);
        assertThat(badSeed.err()).contains("seven");
        assertThat(none.err() + unknown.err() + badSeed.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    // ---- bad input ----

    @Test
    void aMalformedScenarioGivesItsProblemLinesAndStatus2() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), """
                bulwark: 1
                name: Broken
                seed: 1
                duration_s: [60
                """);
        Fakes.Result r = Fakes.run(Fakes.realLoader(Fakes.ENGINE), "run", broken.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().toList()).anyMatch(l -> l.matches(".*broken\\.yaml:\\d+:\\d+: .+"));
        assertThat(r.err().lines().reduce((a, b) -> b).orElseThrow()).contains("nothing was run")
                .contains("docs/scenario-reference.md");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("at dev.bulwark").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aScenarioWithAnUnknownKeyIsRejectedByTheRealLoader() throws IOException {
        Path broken = Files.writeString(dir.resolve("typo.yaml"), """
                bulwark: 1
                name: Typo
                seed: 1
                duraton_s: 60
                """);
        Fakes.Result r = Fakes.run(Fakes.realLoader(Fakes.ENGINE), "run", broken.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("typo.yaml:4:").contains("duraton_s");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("at dev.bulwark");
    }

    @Test
    void everyProblemIsPrintedOnItsOwnLineThenOneHint() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Bulwark.Scenarios failing = f -> {
            throw new ScenarioException(List.of(
                    new Problem("fake.yaml", 3, 5, "seed", "must be an integer"),
                    new Problem("fake.yaml", 9, 7, "raids[0].count", "must be at least 1, was 0")));
        };
        Bulwark.Environment env = new Bulwark.Environment(failing, Fakes.ENGINE, false, false, System::nanoTime);
        Fakes.Result r = Fakes.run(env, "run", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "fake.yaml:3:5: seed: must be an integer",
                "fake.yaml:9:7: raids[0].count: must be at least 1, was 0",
                "bulwark: 2 problems in " + file + ", nothing was run; the format is described in"
                        + " docs/scenario-reference.md");
    }

    @Test
    void aMissingFileIsNamedAndItsNeighboursSuggested() throws IOException {
        Files.writeString(dir.resolve("tiny.yaml"), "");
        Fakes.Result r = Fakes.run(Fakes.realLoader(Fakes.ENGINE), "run", dir.resolve("tinny.yaml").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("bulwark: scenario file not found: " + dir.resolve("tinny.yaml"))
                .contains("holds: tiny.yaml");
        assertThat(r.err().lines().count()).isEqualTo(1);
        Fakes.Result nowhere = Fakes.run(null, "run", "no/such/dir/x.yaml");
        assertThat(nowhere.status()).isEqualTo(2);
        assertThat(nowhere.err()).isEqualTo("bulwark: scenario file not found: no/such/dir/x.yaml\n");
    }

    // ---- a run ----

    @Test
    void aRunPrintsTheTableOnStdoutAndAFewLinesOnARedirectedStderr() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Fakes.Result r = Fakes.run(Fakes.env(Fakes.ENGINE, false, false), "run", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(SummaryTable.render(Fakes.summary(11)));
        assertThat(r.err()).doesNotContain("\r");
        assertThat(r.err().lines().count()).isBetween(1L, 3L);
        assertThat(r.err()).contains("running Fake front (fake.yaml, seed 11, 01:00:00 of simulated time)");
    }

    @Test
    void onATerminalTheProgressBarIsDrawnInPlaceAndErased() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Fakes.Result r = Fakes.run(Fakes.env(Fakes.ENGINE, true, false), "run", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("\r[").contains("sim 00:00:40 / 01:00:00");
        // Erased before the final message, so the bar leaves no line of its own.
        assertThat(r.err().lines().filter(l -> !l.isBlank()).count()).isLessThanOrEqualTo(2);
        assertThat(r.out()).isEqualTo(SummaryTable.render(Fakes.summary(11)));
    }

    @Test
    void quietPrintsOnlyTheTable() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        for (boolean terminal : new boolean[] {false, true}) {
            Fakes.Result r = Fakes.run(Fakes.env(Fakes.ENGINE, terminal, false), "run", file.toString(), "--quiet",
                    "--out", dir.resolve("q").toString());
            assertThat(r.status()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo(SummaryTable.render(Fakes.summary(11)));
        }
    }

    @Test
    void theSeedOptionOverridesTheScenarioSeed() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Fakes.Result r = Fakes.run(Fakes.env(Fakes.ENGINE, false, false), "run", file.toString(), "--seed", "7", "-q");
        assertThat(r.out()).startsWith("Scenario Fake front, seed 7\n");
    }

    @Test
    void outWritesTheFilesAtomicallyAndIdenticallyForOneSeed() throws Exception {
        Path file = Fakes.scenarioFile(dir);
        Path a = dir.resolve("runs/a");
        Path b = dir.resolve("runs/b");
        Path c = dir.resolve("runs/c");
        assertThat(Fakes.run(Fakes.env(Fakes.ENGINE, false, false), "run", file.toString(), "--seed", "7", "--out",
                a.toString()).status()).isZero();
        assertThat(Fakes.run(Fakes.env(Fakes.ENGINE, false, false), "run", file.toString(), "--seed", "7", "--out",
                b.toString()).status()).isZero();
        assertThat(Fakes.run(Fakes.env(Fakes.ENGINE, false, false), "run", file.toString(), "--seed", "8", "--out",
                c.toString()).status()).isZero();
        assertThat(names(dir.resolve("runs"))).containsExactly("a", "b", "c");
        assertThat(names(a)).containsExactly(RunDirectory.MARKER, "events.jsonl", "report.html", "results.duckdb", "summary.csv",
                "summary.json");
        for (String f : names(a)) {
            if (f.equals(ResultsStore.FILE)) {
                // DuckDB's file is not byte-stable (its header carries a random identifier): compare contents
                assertThat(Databases.dump(b.resolve(f))).as(f).isEqualTo(Databases.dump(a.resolve(f)));
            } else {
                assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
            }
        }
        assertThat(Databases.dump(c.resolve(ResultsStore.FILE))).isNotEqualTo(Databases.dump(a.resolve(ResultsStore.FILE)));
        assertThat(Files.readString(a.resolve("events.jsonl")).lines()).hasSize(2);
        assertThat(Files.readString(a.resolve("summary.json"))).contains("\"scenario_file\": \"fake.yaml\"")
                .contains("\"seed\": 7").contains("\"bulwark_version\": \"" + Version.number() + "\"");
        assertThat(Files.readString(c.resolve("events.jsonl"))).isNotEqualTo(Files.readString(a.resolve("events.jsonl")));
    }

    @Test
    void anOutputDirectoryOfOtherFilesIsRefusedBeforeTheRun() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Path thesis = Files.createDirectory(dir.resolve("thesis"));
        Files.writeString(thesis.resolve("notes.txt"), "keep me");
        boolean[] ran = {false};
        Bulwark.Engine engine = (w, rec, p) -> {
            ran[0] = true;
            return Fakes.summary(w.seed());
        };
        Fakes.Result r = Fakes.run(Fakes.env(engine, false, false), "run", file.toString(), "--out", thesis.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(ran[0]).isFalse();
        assertThat(r.err()).contains("not a Bulwark run directory").contains("thesis");
        assertThat(names(thesis)).containsExactly("notes.txt");
        assertThat(r.out()).isEmpty();
    }

    // ---- failures ----

    @Test
    void anInternalErrorIsOneLineWithStatus1AndLeavesNoOutputDirectory() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Bulwark.Engine broken = (w, rec, p) -> {
            rec.on(new dev.bulwark.engine.sim.SimEvent.TrackDropped(1, 1, "x"));
            throw new IllegalStateException("the queue ran backwards");
        };
        Path out = dir.resolve("out");
        Fakes.Result r = Fakes.run(Fakes.env(broken, false, false), "run", file.toString(), "--out", out.toString(), "-q");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(
                "bulwark: internal error: the queue ran backwards (run with BULWARK_DEBUG=1 for the stack trace)\n");
        assertThat(r.out()).isEmpty();
        assertThat(names(dir)).containsExactly("fake.yaml");
    }

    @Test
    void theResultsStoreIsWrittenOnlyInsideThePartialDirectoryUntilTheCommit() throws Exception {
        Path file = Fakes.scenarioFile(dir);
        Path out = dir.resolve("out");
        List<String> seenMidRun = new java.util.ArrayList<>();
        boolean[] fail = {false};
        Bulwark.Engine looking = (w, rec, p) -> {
            rec.on(new dev.bulwark.engine.sim.SimEvent.TrackDropped(1, 1, "x"));
            // what a kill at this moment would leave behind: no DIR, only the hidden partial sibling
            try {
                List<String> here = names(dir);
                seenMidRun.addAll(here);
                for (String n : here) {
                    if (n.startsWith(".out.partial-")) {
                        seenMidRun.addAll(names(dir.resolve(n)).stream().map(f -> n + "/" + f).toList());
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (fail[0]) {
                throw new IllegalStateException("killed");
            }
            return Fakes.summary(w.seed());
        };
        fail[0] = true;
        assertThat(Fakes.run(Fakes.env(looking, false, false), "run", file.toString(), "--out", out.toString(), "-q")
                .status()).isEqualTo(1);
        assertThat(seenMidRun).doesNotContain("out").anySatisfy(n -> assertThat(n).matches(
                "\\.out\\.partial-[0-9a-f]+/" + java.util.regex.Pattern.quote(ResultsStore.FILE)));
        assertThat(seenMidRun).noneSatisfy(n -> assertThat(n).endsWith("/" + RunDirectory.MARKER));
        assertThat(names(dir)).containsExactly("fake.yaml");

        fail[0] = false;
        seenMidRun.clear();
        assertThat(Fakes.run(Fakes.env(looking, false, false), "run", file.toString(), "--out", out.toString(), "-q")
                .status()).isZero();
        assertThat(seenMidRun).doesNotContain("out");
        assertThat(names(dir)).containsExactly("fake.yaml", "out");
        assertThat(Files.readString(out.resolve(RunDirectory.MARKER))).contains("\"" + ResultsStore.FILE + "\"");
        try (java.sql.Connection c = Databases.connect(out.resolve(ResultsStore.FILE))) {
            assertThat(Databases.scalar(c, "SELECT count(*) FROM track_dropped")).isEqualTo(1);
            assertThat(Databases.scalar(c, "SELECT seed FROM run")).isEqualTo(11);
        }
    }

    @Test
    void parquetNeedsAnOutputDirectory() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Fakes.Result r = Fakes.run(Fakes.env(Fakes.ENGINE, false, false), "run", file.toString(), "--parquet");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("bulwark: --parquet needs --out DIR: the Parquet files are written into the"
                + " run directory\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withDebugTheStackTraceIsShown() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Bulwark.Engine broken = (w, rec, p) -> {
            throw new IllegalStateException("the queue ran backwards");
        };
        Fakes.Result r = Fakes.run(Fakes.env(broken, false, true), "run", file.toString(), "-q");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("java.lang.IllegalStateException: the queue ran backwards")
                .contains("\tat dev.bulwark.cli.").endsWith("(run with BULWARK_DEBUG=1 for the stack trace)\n");
    }

    @Test
    void aFailedRunKeepsThePreviousRunDirectoryAsItWas() throws IOException {
        Path file = Fakes.scenarioFile(dir);
        Path out = dir.resolve("out");
        assertThat(Fakes.run(Fakes.env(Fakes.ENGINE, false, false), "run", file.toString(), "--out", out.toString())
                .status()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("summary.json"));
        Bulwark.Engine broken = (w, rec, p) -> {
            throw new IllegalStateException("boom");
        };
        assertThat(Fakes.run(Fakes.env(broken, false, false), "run", file.toString(), "--seed", "99", "--out",
                out.toString()).status()).isEqualTo(1);
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(before);
        assertThat(names(dir)).containsExactly("fake.yaml", "out");
    }
}
