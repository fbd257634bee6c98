package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.sensor.RadarSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in radar catalogue loads, holds the three classes the issue names with a source
 * beside every number, and scenario radars take a type's values where they do not give their
 * own. The example scenarios, which name no type, keep the first radar model.
 */
class RadarCatalogueTest {

    @Test
    void holdsTheThreeTypesInOrderWithEveryKey() {
        Map<String, RadarTypes.RadarType> types = RadarCatalogue.builtIn();
        assertThat(types.keySet()).containsExactly("elm-2084-class", "gap-filler", "early-warning");
        assertThat(types.values()).allSatisfy(t -> assertThat(t.values().keySet())
                .containsExactlyInAnyOrderElementsOf(RadarTypes.NAMES));
    }

    @Test
    void publicFiguresAreThoseOfTheSource() {
        // PF: own estimate for a radar near a 122 mm rocket, range sigma 10 m, angle sigma 2 mrad
        Map<String, Double> mmr = RadarCatalogue.builtIn().get("elm-2084-class").values();
        assertThat(mmr.get("sigma_range_m")).isEqualTo(10.0);
        assertThat(mmr.get("sigma_azimuth_mrad")).isEqualTo(2.0);
        assertThat(mmr.get("sigma_elevation_mrad")).isEqualTo(2.0);
        // PF: mortars fly ~15 s: the gap filler looks at least ten times in such a flight
        assertThat(RadarCatalogue.builtIn().get("gap-filler").values().get("revisit_s")).isLessThanOrEqualTo(1.5);
        // the early-warning radar sees farther than the others, and the gap filler less far
        double ew = RadarCatalogue.builtIn().get("early-warning").values().get("max_range_km");
        double gf = RadarCatalogue.builtIn().get("gap-filler").values().get("max_range_km");
        assertThat(ew).isGreaterThan(mmr.get("max_range_km")).isGreaterThan(gf);
    }

    @Test
    void everyNumberInTheCatalogueFileHasItsSourceBesideIt() throws IOException {
        String text;
        try (InputStream in = RadarCatalogue.class.getResourceAsStream(RadarCatalogue.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int numbers = 0;
        for (String line : text.split("\n")) {
            String key = line.strip().split(":")[0];
            if (RadarTypes.NAMES.contains(key)) {
                numbers++;
                assertThat(line).as(line).containsPattern("#.*(PF|\\[notional\\])");
            }
        }
        assertThat(numbers).isEqualTo(3 * RadarTypes.NAMES.size());
    }

    private static final String HEAD = """
            bulwark: 1
            name: radar types
            duration_s: 600
            origin: {lat_deg: 31.5, lon_deg: 34.5, alt_m: 30}
            defended_areas:
              - name: Town
                kind: residential
                value: 100
                polygon: [[31.52, 34.56], [31.52, 34.58], [31.54, 34.58], [31.54, 34.56], [31.52, 34.56]]
            raids:
              - name: r1
                threat_type: grad-122
                launch_area: [[31.455, 34.425], [31.455, 34.435], [31.465, 34.435], [31.465, 34.425], [31.455, 34.425]]
                aim_town: Town
                count: 2
                rate_per_min: 1
            """;

    private static List<RadarSpec> radars(Path dir, String radars) throws IOException, ScenarioException {
        Path file = dir.resolve("radars.yaml");
        Files.writeString(file, HEAD + radars);
        return ScenarioLoader.load(file).world().radars();
    }

    @Test
    void aRadarTakesItsTypesValuesAndOverridesSome(@TempDir Path dir) throws IOException, ScenarioException {
        List<RadarSpec> specs = radars(dir, """
                radars:
                  - name: EWR
                    type: early-warning
                    position: {lat_deg: 31.0, lon_deg: 35.0, alt_m: 45}
                    boresight_azimuth_deg: 270
                    reference_range_km: 250
                    sigma_radial_speed_mps: 0
                """);
        RadarSpec s = specs.get(0);
        Map<String, Double> t = RadarCatalogue.builtIn().get("early-warning").values();
        assertThat(s.name()).isEqualTo("EWR");
        assertThat(s.referenceRangeM()).isEqualTo(250_000);
        assertThat(s.measuresRadialSpeed()).isFalse();
        assertThat(s.boresightAzimuthRad()).isCloseTo(Math.toRadians(270), within(1e-12));
        assertThat(s.groundAltitudeM()).isEqualTo(30);
        assertThat(s.antennaHeightM()).isCloseTo(15, within(1e-9));
        assertThat(s.maxRangeM()).isEqualTo(t.get("max_range_km") * 1000);
        assertThat(s.minRangeM()).isEqualTo(t.get("min_range_km") * 1000);
        assertThat(s.azimuthHalfWidthRad()).isCloseTo(Math.toRadians(t.get("azimuth_half_width_deg")), within(1e-12));
        assertThat(s.revisitS()).isEqualTo(t.get("revisit_s"));
        assertThat(s.sigmaRangeM()).isEqualTo(t.get("sigma_range_m"));
        assertThat(s.sigmaAzimuthRad()).isCloseTo(t.get("sigma_azimuth_mrad") * 1e-3, within(1e-15));
        assertThat(s.rangeResolutionM()).isEqualTo(t.get("range_resolution_m"));
        assertThat(s.elevationResolutionRad()).isCloseTo(t.get("elevation_resolution_mrad") * 1e-3, within(1e-15));
        assertThat(s.mergesUnresolvedTargets()).isTrue();
    }

    @Test
    void aRadarWithoutATypeIsTheFirstModelsRadar(@TempDir Path dir) throws IOException, ScenarioException {
        RadarSpec s = radars(dir, """
                radars:
                  - name: R1
                    position: {lat_deg: 31.5, lon_deg: 34.6}
                    max_range_km: 100
                    reference_range_km: 60
                """).get(0);
        RadarSpec first = new RadarSpec("R1", s.site(), 500, 100_000, Math.toRadians(0.5), Math.toRadians(80), 1,
                60_000, 0, 15, 0.002, 0.002);
        assertThat(s).isEqualTo(first);
        assertThat(s.antennaHeightM()).isZero();
    }

    @Test
    void theExampleScenariosNameNoTypeAndKeepAllRoundPerfectlyResolvingRadars() throws IOException,
            ScenarioException {
        for (String name : List.of("southern-front.yaml", "mixed-night.yaml", "tiny.yaml")) {
            for (RadarSpec s : ScenarioLoader.load(TestFiles.scenarios().resolve(name)).world().radars()) {
                assertThat(s.azimuthHalfWidthRad()).as(name).isEqualTo(Math.PI);
                assertThat(s.mergesUnresolvedTargets()).as(name).isFalse();
                assertThat(s.measuresRadialSpeed()).as(name).isFalse();
                assertThat(s.antennaHeightM()).as(name).isZero();
            }
        }
    }
}
