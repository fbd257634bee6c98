package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.Coalition;
import dev.bulwark.engine.sim.EventBus;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark coalition}: the per-nation table, the CSV, scenario errors without a stack trace, and
 * the paired table of {@code --runs}.
 */
class CoalitionCommandTest {

    private static final String COALITION = """

            nations:
              - {name: Home, lead: true, radars: [MMR-Sderot], batteries: [Battery-Sderot]}
              - {name: Partner}
            links:
              - {from: Home, to: Partner, latency_ms: 20}
            sharing:
              - {from: Home, to: Partner, data: [tracks]}
            """;

    @TempDir
    Path dir;

    private Path scenario(String extra) throws IOException {
        Path file = dir.resolve("coalition.yaml");
        Files.writeString(file, Files.readString(EndToEndTest.tinyScenario()) + extra);
        return file;
    }

    private static Bulwark.Environment env() {
        return Fakes.realLoader((world, recorder, progress) -> {
            throw new AssertionError("the coalition command does not run the battle simulation");
        });
    }

    @Test
    void printsOneRowPerNationAndWritesTheCsv() throws IOException {
        Path out = dir.resolve("out");
        Fakes.Result r = Fakes.run(env(), "coalition", scenario(COALITION).toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("nation").contains("warning own s").contains("GOSPA shared m");
        String home = r.out().lines().filter(l -> l.startsWith("Home ")).findFirst().orElseThrow();
        String partner = r.out().lines().filter(l -> l.startsWith("Partner ")).findFirst().orElseThrow();
        assertThat(home.split("\\s+")[1]).isEqualTo("1");
        // the partner has no radar: its own picture is empty, its shared one holds what Home sends
        assertThat(partner.split("\\s+")[2]).isEqualTo("0");
        assertThat(Integer.parseInt(partner.split("\\s+")[3])).isPositive();
        assertThat(Files.readAllLines(out.resolve(CoalitionCommand.CSV_FILE))).hasSize(3)
                .first().asString().startsWith("nation,radars,threats,seen_own,seen_shared,warning_own_s");
        assertThat(Files.list(out).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                CoalitionCommand.CSV_FILE, CoalitionCommand.BATTLE_CSV_FILE);
        // the battle, with sharing and each nation alone: a row per run, then one per nation
        assertThat(r.out()).contains("Battle, with sharing and with each nation alone");
        assertThat(r.out().lines().filter(l -> l.startsWith("sharing ") || l.startsWith("alone "))).hasSize(2);
        assertThat(Files.readAllLines(out.resolve(CoalitionCommand.BATTLE_CSV_FILE))).hasSize(5)
                .first().asString().startsWith("run,nation,launched,engaged,intercepted,leaked,interceptors");
    }

    @Test
    void runPassesTheCoalitionAndNoSharingToTheEngine() throws IOException {
        List<String> seen = new ArrayList<>();
        Bulwark.Engine engine = new Bulwark.Engine() {
            @Override
            public RunSummary run(World world, EventBus.Listener recorder, ProgressListener progress) {
                throw new AssertionError("a coalition scenario runs with its coalition");
            }

            @Override
            public RunSummary run(World world, Coalition coalition, boolean sharing, EventBus.Listener recorder,
                    ProgressListener progress) {
                seen.add(coalition.nations().size() + " " + sharing);
                return Fakes.summary(world.seed());
            }
        };
        Path file = scenario(COALITION);
        assertThat(Fakes.run(Fakes.realLoader(engine), "run", file.toString(), "-q").status()).isZero();
        assertThat(Fakes.run(Fakes.realLoader(engine), "run", file.toString(), "-q", "--no-sharing").status())
                .isZero();
        assertThat(seen).containsExactly("2 true", "2 false");
    }

    @Test
    void theSameSeedPrintsTheSameTable() throws IOException {
        Path file = scenario(COALITION);
        Fakes.Result a = Fakes.run(env(), "coalition", file.toString(), "--quiet", "--seed", "5");
        Fakes.Result b = Fakes.run(env(), "coalition", file.toString(), "--quiet", "--seed", "5");
        assertThat(a.status()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
    }

    @Test
    void aScenarioErrorIsReportedWithoutAStackTrace() throws IOException {
        Path file = scenario(COALITION.replace("radars: [MMR-Sderot]", "radars: [MMR-Sderrot]"));
        Fakes.Result r = Fakes.run(env(), "coalition", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("coalition.yaml:").contains("nations[0].radars[0]: unknown radar 'MMR-Sderrot'")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    /** The two-nation scenario of the scenario module's tests: East fires, West's radar sees first. */
    private static String forwardRadar() throws IOException {
        Path root = EndToEndTest.tinyScenario().getParent().getParent();
        return Files.readString(root.resolve("scenario/src/test/resources/coalition/forward-radar.yaml"));
    }

    /** The rows of the paired CSV by measure: n, mean alone, mean sharing, difference, CI low, CI high. */
    private static Map<String, double[]> pairedCsv(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve(CoalitionCommand.PAIRED_CSV_FILE));
        assertThat(lines.get(0)).isEqualTo("measure,n,mean_alone,mean_sharing,mean_difference,ci95_low,ci95_high");
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] v = new double[6];
            for (int k = 0; k < 6; k++) {
                v[k] = Double.parseDouble(f[k + 1]);
            }
            rows.put(f[0], v);
        }
        return rows;
    }

    @Test
    void runsGivesThePairedDifferenceOfSharingAndAloneOnTheSameSeeds() throws IOException {
        Path file = dir.resolve("forward-radar.yaml");
        Files.writeString(file, forwardRadar());
        Path out = dir.resolve("paired");
        Fakes.Result r = Fakes.run(env(), "coalition", file.toString(), "--runs", "3", "--threads", "2",
                "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 paired replications, base seed 11").contains("mean sharing")
                .contains("mean alone").contains("difference").doesNotContain("GOSPA");
        Map<String, double[]> rows = pairedCsv(out);
        List<String> measures = List.of("leaked", "intercepted", "engaged", "interceptors_fired",
                "fired_at_false_tracks", "alerts", "interceptors_fired[West]", "interceptors_fired[East]");
        assertThat(rows).containsKeys(measures.toArray(new String[0]));
        for (String m : measures) {
            assertThat(r.out().lines().filter(l -> l.trim().startsWith(m + " "))).as(m).hasSize(1);
        }
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double[] v = e.getValue();
            assertThat(v[0]).as(e.getKey()).isEqualTo(3);
            assertThat(v[3]).as(e.getKey()).isCloseTo(v[2] - v[1], org.assertj.core.data.Offset.offset(1e-5));
            assertThat(v[4]).as(e.getKey()).isLessThanOrEqualTo(v[3]);
            assertThat(v[5]).as(e.getKey()).isGreaterThanOrEqualTo(v[3]);
        }
        // West holds no effector; with sharing East engages on West's tracks, so sharing is seen at all
        assertThat(rows.get("interceptors_fired[West]")[2]).isZero();
        assertThat(rows.get("engaged")[3]).isPositive();
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")))
                .containsExactly(CoalitionCommand.PAIRED_CSV_FILE);
    }

    /*
     * With sharing on and no policy, every system track of a node holds only its own track, and the
     * node decides on that track's own estimate (CommandNode.targets, Simulation.assess), as alone:
     * every paired difference is exactly zero. (Before it decided on the picture's copy of the
     * estimate, assessed without the tracker's drag estimate, and on forward-radar.yaml, seeds 11 and
     * the next two, one engagement differed: leaked 4.000 with "sharing" against 4.333 alone.)
     */
    @Test
    void withPoliciesThatShareNothingThePairedDifferenceIsExactlyZero() throws IOException {
        String text = forwardRadar();
        Path file = dir.resolve("share-nothing.yaml");
        Files.writeString(file, text.substring(0, text.indexOf("\nsharing:")) + "\n");
        Path out = dir.resolve("nothing");
        Fakes.Result r = Fakes.run(env(), "coalition", file.toString(), "--runs", "3", "-q", "--out",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Map<String, double[]> rows = pairedCsv(out);
        assertThat(rows).containsKey("engaged");
        assertThat(rows.get("engaged")[1]).isPositive();
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            assertThat(e.getValue()[3]).as(e.getKey()).isZero();
            assertThat(e.getValue()[4]).as(e.getKey()).isZero();
            assertThat(e.getValue()[5]).as(e.getKey()).isZero();
        }
    }

    @Test
    void runsBelowTwoOrThreadsWithoutRunsAreBadCommandLines() throws IOException {
        Path file = scenario(COALITION);
        Fakes.Result one = Fakes.run(env(), "coalition", file.toString(), "--runs", "1");
        assertThat(one.status()).isEqualTo(2);
        assertThat(one.err()).contains("--runs must be at least 2");
        assertThat(one.out()).isEmpty();
        Fakes.Result threads = Fakes.run(env(), "coalition", file.toString(), "--threads", "2");
        assertThat(threads.status()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads needs --runs");
        Fakes.Result both = Fakes.run(env(), "coalition", file.toString(), "--runs", "2", "--picture-only");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("exclude each other");
    }
}
