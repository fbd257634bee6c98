package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real thing: the example scenario through the real loader, engine and writers, in-process. */
class EndToEndTest {

    @TempDir
    Path dir;

    private static final List<String> FILES = List.of(RunDirectory.MARKER, "events.jsonl", "report.html",
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
    void oneSeedGivesByteIdenticalFilesAndAnotherSeedOtherEvents() throws IOException {
        assertThat(run("a", 7).status()).isZero();
        assertThat(run("b", 7).status()).isZero();
        assertThat(run("c", 8).status()).isZero();
        for (String f : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
        assertThat(Files.readString(dir.resolve("c/events.jsonl")))
                .isNotEqualTo(Files.readString(dir.resolve("a/events.jsonl")));
    }
}
