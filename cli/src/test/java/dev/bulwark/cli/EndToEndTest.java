package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.results.ResultsStore;
import dev.bulwark.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real thing: the example scenario through the real loader, engine and writers, in-process. */
class EndToEndTest {

    @TempDir
    Path dir;

    private static final List<String> FILES = List.of(RunDirectory.MARKER, "events.jsonl", "report.html", "results.duckdb",
            "summary.csv", "summary.json");

    /** scenarios/tiny.yaml, found from the module directory Maven runs the tests in. */
    static Path tinyScenario() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isRegularFile(here.resolve("mvnw"))) {
            here = here.getParent();
        }
        assertThat(here).as("repository root (holding mvnw) above " + Path.of("").toAbsolutePath()).isNotNull();
        return here.resolve("scenarios/tiny.yaml");
    }

    private Fakes.Result run(String out, long seed) {
        return Fakes.run(null, "run", tinyScenario().toString(), "--out", dir.resolve(out).toString(), "--seed",
                Long.toString(seed));
    }

    @Test
    void tinyRunsPrintsTheTableAndWritesTheFiles() throws IOException {
        Fakes.Result r = run("a", 7);
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Scenario ").contains(", seed 7\n").contains("Threats launched")
                .contains("Intercepted").contains("Sderot").contains("Cost exchange ratio");
        for (String f : FILES) {
            assertThat(dir.resolve("a").resolve(f)).isRegularFile();
        }
        assertThat(Files.readString(dir.resolve("a/events.jsonl"))).contains("\"kind\":\"threat_launched\"");
        assertThat(Files.readString(dir.resolve("a/summary.json"))).contains("\"scenario_file\": \"tiny.yaml\"")
                .contains("\"seed\": 7");
        assertThat(Files.readString(dir.resolve("a/summary.csv"))).startsWith("measure,value\n");
    }

    @Test
    void oneSeedGivesIdenticalFilesAndAnotherSeedOtherEvents() throws Exception {
        assertThat(run("a", 7).status()).isZero();
        assertThat(run("b", 7).status()).isZero();
        assertThat(run("c", 8).status()).isZero();
        for (String f : FILES) {
            if (f.equals(ResultsStore.FILE)) {
                // DuckDB's file is not byte-stable (its header carries a random identifier): compare contents
                assertThat(Databases.dump(dir.resolve("b").resolve(f))).as(f)
                        .isEqualTo(Databases.dump(dir.resolve("a").resolve(f)));
            } else {
                assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f)
                        .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
            }
        }
        assertThat(Files.readString(dir.resolve("c/events.jsonl")))
                .isNotEqualTo(Files.readString(dir.resolve("a/events.jsonl")));
    }

    @Test
    void theStoreHasOneRowPerEventAndParquetFilesReadBackWithTheSameCounts() throws Exception {
        Fakes.Result r = Fakes.run(null, "run", tinyScenario().toString(), "--out", dir.resolve("p").toString(),
                "--seed", "7", "--parquet", "-q");
        assertThat(r.status()).as(r.err()).isZero();
        Path run = dir.resolve("p");
        Map<String, Long> byKind = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
            Matcher m = KIND.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            byKind.merge(m.group(1), 1L, Long::sum);
        }
        Map<String, Long> counts = Databases.counts(run.resolve(ResultsStore.FILE));
        assertThat(byKind).containsKeys("threat_launched", "impact", "decision");
        byKind.forEach((kind, n) -> assertThat(counts.get(kind)).as(kind).isEqualTo(n));
        long events = byKind.values().stream().mapToLong(Long::longValue).sum();
        try (Connection c = Databases.connect(run.resolve(ResultsStore.FILE))) {
            assertThat(Databases.scalar(c, "SELECT events FROM run")).isEqualTo(events);
            assertThat(Databases.scalar(c, "SELECT seed FROM run")).isEqualTo(7);
            assertThat(Databases.scalar(c, "SELECT count(*) FROM run WHERE scenario_file = 'tiny.yaml'")).isEqualTo(1);
            String summary = Files.readString(run.resolve("summary.csv"));
            for (String measure : List.of("threats_launched", "intercepted", "leaked", "engaged")) {
                Matcher m = Pattern.compile("(?m)^" + measure + ",(\\d+)$").matcher(summary);
                assertThat(m.find()).as(measure).isTrue();
                assertThat(Databases.scalar(c, "SELECT value FROM summary WHERE measure = '" + measure + "'"))
                        .as(measure).isEqualTo(Long.parseLong(m.group(1)));
            }
        }
        assertThat(Files.readString(run.resolve(RunDirectory.MARKER))).contains("\"parquet\"");
        try (Connection mem = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                Path parquet = run.resolve("parquet").resolve(e.getKey() + ".parquet");
                assertThat(parquet).isRegularFile();
                assertThat(Databases.scalar(mem, "SELECT count(*) FROM read_parquet('" + parquet + "')"))
                        .as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    private static final Pattern KIND = Pattern.compile("\"kind\":\"([a-z_]+)\"");

    @Test
    void theThreatsViewCountsLaserAndGunKillsAndEngagementsLikeTheSummary() throws Exception {
        // mixed-night has lasers and a gun: their kills and shots must count in the threats view
        Path scenario = tinyScenario().resolveSibling("mixed-night.yaml");
        Path out = dir.resolve("mixed");
        Fakes.Result r = Fakes.run(null, "run", scenario.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        try (Connection c = Databases.connect(out.resolve(ResultsStore.FILE))) {
            long laserKills = Databases.scalar(c, "SELECT count(*) FROM laser_outcome WHERE kill");
            assertThat(laserKills).as("the example should have laser kills").isPositive();
            assertThat(Databases.scalar(c, "SELECT count(*) FROM threats WHERE outcome = 'intercepted'"))
                    .isEqualTo(Databases.scalar(c, "SELECT value FROM summary WHERE measure = 'intercepted'"));
            assertThat(Databases.scalar(c, "SELECT count(*) FROM threats WHERE engaged"))
                    .isEqualTo(Databases.scalar(c, "SELECT value FROM summary WHERE measure = 'engaged'"));
            assertThat(Databases.scalar(c, "SELECT count(*) FROM threats WHERE outcome = 'intercepted'"
                    + " AND intercepted_by IN (SELECT DISTINCT laser FROM laser_outcome)")).isEqualTo(laserKills);
        }
    }
}
