package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.engine.network.DataKind;
import dev.bulwark.engine.network.LinkSpec;
import dev.bulwark.engine.network.SharingPolicy;
import dev.bulwark.engine.sim.Coalition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The coalition sections: a valid file read into the engine's records, and each mistake reported where it is. */
class CoalitionScenarioTest {

    private static final Path VALID = TestFiles.resource("coalition/two-nations.yaml");

    @TempDir
    Path dir;

    @Test
    void readsNationsLinksAndSharing() throws ScenarioException {
        Coalition c = ScenarioLoader.load(VALID).coalition();
        assertThat(c.nations()).extracting(Coalition.Nation::name).containsExactly("East", "West");
        Coalition.Nation east = c.nations().get(0);
        assertThat(east.lead()).isTrue();
        assertThat(east.radars()).containsExactly("RE");
        assertThat(east.batteries()).containsExactly("BE");
        assertThat(east.compromised()).isNull();
        assertThat(c.lead()).isEqualTo(east);
        assertThat(c.nations().get(1).compromised()).isEqualTo(new Coalition.Compromise(2, 150));
        // one entry, both ways, in SI units
        assertThat(c.links()).hasSize(2);
        LinkSpec ew = c.link("East", "West").spec();
        assertThat(ew).isEqualTo(c.link("West", "East").spec());
        assertThat(ew.latency()).isEqualTo(0.040);
        assertThat(ew.bandwidth()).isEqualTo(1_000_000.0);
        assertThat(ew.lossProbability()).isEqualTo(0.01);
        assertThat(ew.maxQueueDelay()).isInfinite();
        assertThat(ew.outages()).containsExactly(new LinkSpec.Outage(100, 130));
        SharingPolicy toWest = c.policy("East", "West");
        assertThat(toWest.shares(DataKind.TRACKS)).isTrue();
        assertThat(toWest.shares(DataKind.ENGAGEMENT_STATUS)).isTrue();
        assertThat(toWest.shares(DataKind.PLOTS)).isFalse();
        assertThat(toWest.grid()).isZero();
        SharingPolicy toEast = c.policy("West", "East");
        assertThat(toEast.grid()).isEqualTo(100.0);
        assertThat(toEast.extraDelay()).isEqualTo(0.5);
        double[] inZone = dev.bulwark.engine.geo.Ellipsoid.WGS84.toEcef(
                dev.bulwark.engine.geo.GeodeticPoint.ofDegrees(31.62, 34.42, 1000));
        assertThat(toEast.embargoed(inZone[0], inZone[1], inZone[2])).isTrue();
        assertThat(toWest.embargoed(inZone[0], inZone[1], inZone[2])).isFalse();
    }

    @Test
    void withoutNationsTheScenarioIsOneNationHoldingEverything() throws ScenarioException {
        LoadedScenario tiny = ScenarioLoader.load(TestFiles.scenarios().resolve("tiny.yaml"));
        Coalition c = tiny.coalition();
        assertThat(c.nations()).hasSize(1);
        assertThat(c.nations().get(0).radars()).containsExactly("MMR-Sderot");
        assertThat(c.nations().get(0).batteries()).containsExactly("Battery-Sderot");
        assertThat(c.links()).isEmpty();
        assertThat(c.lead()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "unknown radar" | "radars: [RE]" | "radars: [RX]" | "nations[0].radars[0]" | "unknown radar 'RX'"
            "unknown battery" | "batteries: [BE]" | "batteries: [BF]" | "nations[0].batteries[0]" | "unknown battery 'BF'"
            "unknown gun" | "batteries: [BE]" | "batteries: [BE]\\n    guns: [GX]" | "nations[0].guns[0]" | "unknown gun 'GX'"
            "radar in two" | "radars: [RW]" | "radars: [RW, RE]" | "nations[1].radars[1]" | "radar 'RE' already belongs to East"
            "two leads" | "    radars: [RW]" | "    lead: true\\n    radars: [RW]" | "nations[1].lead" | "only one nation can lead"
            "unknown nation" | "    to: West\\n    latency" | "    to: Westt\\n    latency" | "links[0].to" | "unknown nation 'Westt'; did you mean 'West'?"
            "link to itself" | "    to: West\\n    latency" | "    to: East\\n    latency" | "links[0].to" | "links to itself"
            "loss out of range" | "loss_probability: 0.01" | "loss_probability: 1.5" | "links[0].loss_probability" | "1.5"
            "outage backwards" | "[[100, 130]]" | "[[130, 100]]" | "links[0].outages[0]" | "an outage must end after it starts"
            "negative latency" | "latency_ms: 40" | "latency_ms: -40" | "links[0].latency_ms" | "-40"
            "unknown data kind" | "data: [tracks]\\n    coarsening" | "data: [trakcs]\\n    coarsening" | "sharing[1].data[0]" | "unknown data kind 'trakcs'"
            "sharing twice" | "    data: [tracks, engagement_status]" | "    data: [tracks, engagement_status]\\n  - from: East\\n    to: West\\n    data: [plots]" | "sharing[1]" | "already given by sharing[0]"
            "no link to share" | "outages: [[100, 130]]" | "outages: [[100, 130]]\\n    both_ways: false" | "sharing[1]" | "no link from West to East"
            "unknown key" | "coarsening_m: 100" | "coarsening_km: 0.1" | "sharing[1].coarsening_km" | "coarsening_km"
            "bad compromise" | "false_tracks: 2" | "false_tracks: 0" | "nations[1].compromised.false_tracks" | "must be between 1 and 1000"
            """)
    void reportsEachMistakeWhereItIs(String what, String from, String to, String field, String phrase)
            throws IOException {
        String text = Files.readString(VALID);
        String broken = text.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(broken).as(what).isNotEqualTo(text);
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).as(what).isInstanceOfSatisfying(ScenarioException.class,
                e -> {
                    assertThat(e.problems()).as(what).hasSize(1);
                    Problem p = e.problems().get(0);
                    assertThat(p.file()).isEqualTo(file.toString());
                    assertThat(p.line()).isPositive();
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.message()).contains(phrase);
                });
    }

    @Test
    void linksWithoutNationsAreReported() throws IOException {
        String text = Files.readString(TestFiles.scenarios().resolve("tiny.yaml"))
                + "\nlinks:\n  - {from: A, to: B}\n";
        Path file = dir.resolve("links.yaml");
        Files.writeString(file, text);
        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOfSatisfying(ScenarioException.class,
                e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactly("'links' needs a 'nations' section naming the nations it joins"));
    }

    @Test
    void everyCoalitionKeyIsDocumented() throws IOException {
        String doc = Files.readString(TestFiles.repositoryRoot().resolve("docs/scenario-reference.md"));
        for (List<String> keys : List.of(CoalitionReader.TOP_KEYS, CoalitionReader.NATION, CoalitionReader.COMPROMISED,
                CoalitionReader.LINK, CoalitionReader.SHARING, List.copyOf(CoalitionReader.KINDS.keySet()))) {
            assertThat(keys).allSatisfy(k -> assertThat(doc).contains("`" + k + "`"));
        }
    }
}
