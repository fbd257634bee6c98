package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark sweep} end to end on small sweeps of the tiny scenario and on the example
 * {@code scenarios/southern-front-sweep.yaml}: the files and their rows, common random numbers
 * (a grid point equal to the scenario gives exactly {@code bulwark montecarlo}'s numbers),
 * mistakes reported without a stack trace, and nothing left behind by a failed sweep.
 */
class SweepCommandTest {

    private static final Path TINY = EndToEndTest.tinyScenario();

    @TempDir
    Path dir;

    /** The tiny scenario with a sweep section appended. */
    private Path tinyWith(String sweep) throws IOException {
        return Files.writeString(dir.resolve("tiny-sweep.yaml"), Files.readString(TINY) + "\n" + sweep);
    }

    @Test
    void theGridIsRunAndWrittenRowByRow() throws IOException {
        Path file = tinyWith("""
                sweep:
                  - {parameter: rounds_per_launcher, values: [1, 20]}
                  - {parameter: raid_count, values: [3, 6]}
                """);
        Path out = dir.resolve("out");
        Fakes.Result r = Fakes.run(null, "sweep", file.toString(), "--runs", "2", "--out", out.toString(), "-q");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();

        List<String> table = r.out().lines().toList();
        assertThat(table.get(0)).isEqualTo("Tiny - six rockets at Sderot, 4 grid points x 2 replications, base seed 1");
        assertThat(table.get(2)).contains("rounds_per_launcher").contains("raid_count").contains("leaked (95% CI)");
        assertThat(table.subList(3, table.size())).hasSize(4);
        assertThat(table.get(3)).matches("\\s+1\\s+3\\s+.*");
        assertThat(table.get(6)).matches("\\s+20\\s+6\\s+.*");

        assertThat(out.resolve("sweep.html")).isRegularFile();
        assertThat(out.resolve("bulwark-run.json")).content().contains("\"sweep.csv\", \"sweep.html\"");
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo(
                "point,rounds_per_launcher,raid_count,measure,n,mean,standard_deviation,ci95_low,ci95_high");
        List<String> launched = csv.stream().filter(l -> l.contains(",threats_launched,")).toList();
        assertThat(launched).containsExactly("0,1,3,threats_launched,2,3,0,3,3", "1,1,6,threats_launched,2,6,0,6,6",
                "2,20,3,threats_launched,2,3,0,3,3", "3,20,6,threats_launched,2,6,0,6,6");
        long measures = csv.stream().filter(l -> l.startsWith("0,")).count();
        assertThat(measures).isGreaterThan(20);
        assertThat(csv).hasSize(1 + 4 * (int) measures);
        assertThat(Files.readString(out.resolve("sweep.html"))).contains("id=\"sweep-leaked\"")
                .contains("id=\"sweep-interceptors-fired\"");
    }

    /** Every row of estimates.csv or of one grid point of sweep.csv, as measure to the rest of the row. */
    private static Map<String, String> rows(List<String> lines, int skip, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            String[] c = line.split(",", skip + 2);
            out.put(c[skip], c[skip + 1]);
        }
        return out;
    }

    @Test
    void aGridPointEqualToTheScenarioGivesExactlyTheMonteCarloNumbers() throws IOException {
        // tiny.yaml's battery has 20 rounds per launcher: point 1 is the scenario itself
        Path file = tinyWith("""
                sweep:
                  - {parameter: rounds_per_launcher, battery: Battery-Sderot, values: [1, 20]}
                """);
        Fakes.Result sweep = Fakes.run(null, "sweep", file.toString(), "--runs", "3", "--out",
                dir.resolve("sweep").toString(), "-q", "--seed", "5");
        assertThat(sweep.status()).as(sweep.err()).isZero();
        Fakes.Result mc = Fakes.run(null, "montecarlo", TINY.toString(), "--runs", "3", "--out",
                dir.resolve("mc").toString(), "-q", "--seed", "5");
        assertThat(mc.status()).as(mc.err()).isZero();

        Map<String, String> estimates = rows(Files.readAllLines(dir.resolve("mc/estimates.csv")), 0, "");
        List<String> csv = Files.readAllLines(dir.resolve("sweep/sweep.csv"));
        Map<String, String> same = rows(csv, 2, "1,20,");
        assertThat(same).isEqualTo(estimates);
        // and the other point differs: one round per launcher runs out
        assertThat(rows(csv, 2, "0,1,").get("interceptors_fired")).isNotEqualTo(estimates.get("interceptors_fired"));
    }

    @Test
    void aMistakeInTheSweepIsReportedWithItsLineAndNoStackTrace() throws IOException {
        Path file = tinyWith("""
                sweep:
                  - {parameter: reserve_rounds, battery: Battery-Sdrot, values: [0, 10]}
                """);
        int line = (int) Files.readString(file).lines().count();
        Path out = dir.resolve("out");
        Fakes.Result r = Fakes.run(null, "sweep", file.toString(), "--runs", "2", "--out", out.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith(file + ":" + line + ":42: sweep[0].battery: unknown battery 'Battery-Sdrot';"
                + " did you mean 'Battery-Sderot'?")
                .contains("1 problem in").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aScenarioWithoutASweepIsRefused() {
        Fakes.Result r = Fakes.run(null, "sweep", TINY.toString(), "--runs", "2");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("has no sweep section").doesNotContain("Exception");
    }

    @Test
    void aFailedSweepLeavesNothingBehind() throws IOException {
        Path file = tinyWith("""
                sweep:
                  - {parameter: raid_count, values: [1, 2]}
                """);
        Bulwark.Engine failing = (w, rec, p) -> {
            throw new IllegalStateException("killed");
        };
        Path out = dir.resolve("out");
        Fakes.Result r = Fakes.run(Fakes.realLoader(failing), "sweep", file.toString(), "--runs", "2", "--out",
                out.toString(), "-q");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("internal error: killed");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("tiny-sweep.yaml");
        }
    }

    @Test
    void theExampleSweepRuns() throws IOException {
        Path example = TINY.resolveSibling("southern-front-sweep.yaml");
        Path out = dir.resolve("example");
        Fakes.Result r = Fakes.run(null, "sweep", example.toString(), "--runs", "2", "--out", out.toString(), "-q");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(3)).hasSize(8);
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).startsWith("point,raid_scale,batteries,laser,measure,");
        assertThat(csv).anyMatch(l -> l.startsWith("7,1,2,on,leaked,2,"));
        // the raid scale really halves the raids: 8 + 6 rockets, then 16 + 12
        assertThat(csv).contains("0,0.5,1,off,threats_launched,2,14,0,14,14", "7,1,2,on,threats_launched,2,28,0,28,28");
    }
}
