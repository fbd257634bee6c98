package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.Coalition;
import dev.bulwark.engine.sim.EventBus;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.World;
import java.util.ArrayList;
import java.util.List;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark coalition}: the per-nation table, the CSV, and scenario errors without a stack trace. */
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
}
