package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.Boost;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.Motor;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.ThreatType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * How {@code threat_types} entries combine with the catalogue: the drag and boost alternatives,
 * partial motor overrides, the old constant-coefficient keys, trajectory and elevation defaults.
 * (Malformed entries and their messages are in {@link MalformedScenarioTest}.)
 */
class ThreatTypesTest {

    private static final Map<String, ThreatClass> CATALOGUE = ThreatCatalogue.builtIn();

    /** Reads a {@code threat_types} list over the catalogue; fails on any problem. */
    private static Map<String, ThreatType> read(String yaml) {
        Map<String, ThreatType> out = new java.util.LinkedHashMap<>();
        readAll(yaml).forEach((name, type) -> {
            if (type instanceof ThreatType t) {
                out.put(name, t);
            }
        });
        return out;
    }

    /** Reads a {@code threat_types} list over the catalogue, every kind; fails on any problem. */
    static Map<String, ThreatClass> readAll(String yaml) {
        Problems problems = new Problems();
        Source src = new Source("test.yaml", problems);
        Node root = YamlFiles.composeText(yaml, src);
        Fields top = new Fields(src, root, "", List.of("threat_types"));
        Map<String, ThreatClass> types = ThreatTypes.read(src, top.get("threat_types"), "threat_types", CATALOGUE)
                .types();
        assertThat(problems.list()).isEmpty();
        return types;
    }

    @Test
    void theOldConstantKeysStillDefineAType() {
        ThreatType t = read("""
                threat_types:
                  - name: old-style
                    mass_kg: 40
                    reference_area_m2: 0.01
                    drag_coefficient: 0.25
                    burnout_speed_mps: 500
                    min_elevation_deg: 12
                    rcs_m2: 0.04
                    cost_usd: 2000
                    dispersion_fraction: 0.02
                """).get("old-style");
        assertThat(t).isEqualTo(new ThreatType("old-style", 40, 0.01, 0.25, 500, Math.toRadians(12), 0.04, 2000, 0.02));
        assertThat(t.drag()).isEqualTo(DragTable.constant(0.25));
        assertThat(t.boost()).isEqualTo(new Boost.BurnoutSpeed(500));
        assertThat(t.angleOfFire()).isEqualTo(ThreatType.AngleOfFire.LOW);
        assertThat(Math.toDegrees(t.maxElevationRad())).isCloseTo(70, within(1e-9));
    }

    @Test
    void aNewTypeWithAMotorATableAndHighAngleFire() {
        ThreatType t = read("""
                threat_types:
                  - name: heavy-mortar
                    mass_kg: 40
                    reference_area_m2: 0.0177
                    drag_table: [[0.0, 0.15], [1.0, 0.35], [2.0, 0.3]]
                    burn_time_s: 1.2
                    total_impulse_n_s: 24000
                    propellant_mass_kg: 12
                    min_elevation_deg: 40
                    trajectory: high
                    rcs_m2: 0.04
                    cost_usd: 400
                    dispersion_fraction: 0.06
                """).get("heavy-mortar");
        assertThat(t.motor()).isEqualTo(new Motor(1.2, 20_000, 12, ThreatTypes.DEFAULT_RAIL_LENGTH_M));
        assertThat(t.drag().cd(0.5)).isCloseTo(0.25, within(1e-12));
        assertThat(t.angleOfFire()).isEqualTo(ThreatType.AngleOfFire.HIGH);
        assertThat(Math.toDegrees(t.maxElevationRad())).isCloseTo(85, within(1e-9));
        assertThat(t.launchMassKg()).isEqualTo(52.0);
    }

    @Test
    void overridingSomeMotorKeysKeepsTheOthers() {
        ThreatType grad = ThreatCatalogue.unguided().get("grad-122");
        ThreatType t = read("""
                threat_types:
                  - name: grad-122
                    thrust_n: 22000
                    rail_length_m: 2.5
                """).get("grad-122");
        assertThat(t.motor()).isEqualTo(new Motor(grad.motor().burnTimeS(), 22_000, grad.motor().propellantMassKg(),
                2.5));
        assertThat(t.drag()).isEqualTo(grad.drag());
        assertThat(t.massKg()).isEqualTo(grad.massKg());
    }

    @Test
    void oneAlternativeReplacesTheOther() {
        Map<String, ThreatType> types = read("""
                threat_types:
                  - name: grad-122
                    burnout_speed_mps: 600
                    drag_coefficient: 0.3
                  - name: mortar-120
                    burn_time_s: 0.5
                    thrust_n: 3000
                    propellant_mass_kg: 1
                    trajectory: low
                """);
        ThreatType grad = types.get("grad-122");
        assertThat(grad.boost()).isEqualTo(new Boost.BurnoutSpeed(600));
        assertThat(grad.drag()).isEqualTo(DragTable.constant(0.3));
        ThreatType mortar = types.get("mortar-120");
        assertThat(mortar.motor()).isEqualTo(new Motor(0.5, 3000, 1, ThreatTypes.DEFAULT_RAIL_LENGTH_M));
        assertThat(mortar.angleOfFire()).isEqualTo(ThreatType.AngleOfFire.LOW);
        // the catalogue's elevation limits stay
        assertThat(mortar.maxElevationRad()).isEqualTo(ThreatCatalogue.unguided().get("mortar-120").maxElevationRad());
        // the catalogue itself is untouched
        assertThat(ThreatCatalogue.unguided().get("grad-122").motor()).isNotNull();
    }
}
