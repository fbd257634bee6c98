package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.effector.GunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code guns} section: defaults, units, the default layer after the batteries, and its errors. */
class GunKeysTest {

    @TempDir
    Path dir;

    private LoadedScenario load(String guns) throws IOException, ScenarioException {
        String base = Files.readString(TestFiles.resource("valid/base.yaml"));
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, base + guns);
        return ScenarioLoader.load(file);
    }

    @Test
    void aGunIsReadWithItsDefaultsAfterTheBatteries() throws Exception {
        LoadedScenario s = load("guns:\n  - name: G1\n    position: {lat_deg: 31.525, lon_deg: 34.5975}\n"
                + "  - name: G2\n    position: {lat_deg: 31.53, lon_deg: 34.60}\n    max_range_km: 1.5\n"
                + "    deceleration_per_km: 0.3\n    dispersion_mrad: 2\n    layer: 1\n");
        assertThat(s.world().guns()).hasSize(2);
        GunSpec g = s.world().guns().get(0);
        int lastBattery = s.world().batteries().stream().mapToInt(b -> b.layer()).max().orElse(0);
        assertThat(g.layer()).isEqualTo(lastBattery + 1);
        assertThat(g.maxRangeM()).isEqualTo(2_000);
        assertThat(g.minAltitudeM()).isEqualTo(50, within(1e-9));
        assertThat(g.roundsPerMinute()).isEqualTo(4_500);
        assertThat(g.magazineRounds()).isEqualTo(1_550);
        assertThat(g.roundsPerBurst()).isEqualTo(75);
        assertThat(g.probabilityOfKill(1_000)).isCloseTo(0.547, within(0.001));
        GunSpec g2 = s.world().guns().get(1);
        assertThat(g2.maxRangeM()).isEqualTo(1_500);
        assertThat(g2.decelerationPerM()).isEqualTo(0.3e-3, within(1e-15));
        assertThat(g2.dispersionRad()).isEqualTo(2e-3, within(1e-15));
        assertThat(g2.layer()).isEqualTo(1);
    }

    @Test
    void badGunKeysAreNamed() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(
                "guns:\n  - name: G1\n    position: {lat_deg: 31.525, lon_deg: 34.5975}\n    max_range_km: -2\n"
                        + "    kill_given_hit: 1.5\n    magazine_rounds: 0\n    layer: 0\n    rate_of_fire: 10\n"
                        + "  - name: G2\n    burst_s: 0\n"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::field).contains("guns[0].rate_of_fire");
        e = catchThrowableOfType(ScenarioException.class, () -> load(
                "guns:\n  - name: G1\n    position: {lat_deg: 31.525, lon_deg: 34.5975}\n    max_range_km: -2\n"
                        + "    kill_given_hit: 1.5\n    magazine_rounds: 0\n    layer: 0\n"
                        + "  - name: G2\n    burst_s: 0\n"));
        assertThat(e.problems()).extracting(Problem::field).containsExactly("guns[0].max_range_km",
                "guns[0].kill_given_hit", "guns[0].magazine_rounds", "guns[0].layer", "guns[1].position",
                "guns[1].burst_s");
        assertThat(e.problems().get(0).message()).contains("-2");
    }

    @Test
    void aGunMayNotShareABatterysName() throws Exception {
        String battery = load("").world().batteries().get(0).name();
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(
                "guns:\n  - name: " + battery + "\n    position: {lat_deg: 31.525, lon_deg: 34.5975}\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("guns[0].name");
            assertThat(p.message()).contains("a battery is already called");
        });
    }
}
