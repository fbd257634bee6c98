package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.Boost;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.ThreatType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalogue loads through the scenario reader. Values that are calibrated or
 * notional are not repeated here; those fixed by a public figure or a calibre are. The ranges
 * the model gives are checked in {@link ThreatCatalogueRangeTest}.
 */
class ThreatCatalogueTest {

    @Test
    void holdsTheTenTypesInOrder() {
        Map<String, ThreatClass> types = ThreatCatalogue.builtIn();
        assertThat(types.keySet()).containsExactly("qassam", "rocket-107", "grad-122", "grad-122-er", "fajr-5",
                "mortar-120", "shahed-136", "cruise-missile", "srbm-300", "mrbm-1500");
        assertThat(ThreatCatalogue.unguided().keySet()).containsExactly("qassam", "rocket-107", "grad-122",
                "grad-122-er", "fajr-5", "mortar-120");
        assertThat(types).allSatisfy((name, t) -> assertThat(t.name()).isEqualTo(name));
        assertThatThrownBy(() -> types.put("x", types.get("qassam"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fixedValuesFollowTheirSources() {
        Map<String, ThreatType> types = ThreatCatalogue.unguided();
        // body cross-sections pi d^2 / 4 of the calibres
        assertThat(types.get("qassam").referenceAreaM2()).isCloseTo(Math.PI * 0.170 * 0.170 / 4, within(1e-4));
        assertThat(types.get("rocket-107").referenceAreaM2()).isCloseTo(Math.PI * 0.107 * 0.107 / 4, within(1e-4));
        assertThat(types.get("grad-122").referenceAreaM2()).isCloseTo(Math.PI * 0.122 * 0.122 / 4, within(1e-4));
        assertThat(types.get("grad-122-er").referenceAreaM2()).isCloseTo(Math.PI * 0.122 * 0.122 / 4, within(1e-4));
        assertThat(types.get("fajr-5").referenceAreaM2()).isCloseTo(Math.PI * 0.333 * 0.333 / 4, within(1e-4));
        assertThat(types.get("mortar-120").referenceAreaM2()).isCloseTo(Math.PI * 0.120 * 0.120 / 4, within(1e-4));
        // public figures: Qassam $300-800, Grad ~$1k, 120 mm mortar ~$100
        assertThat(types.get("qassam").costUsd()).isBetween(300.0, 800.0);
        assertThat(types.get("grad-122").costUsd()).isEqualTo(1000.0);
        assertThat(types.get("mortar-120").costUsd()).isEqualTo(100.0);
        // press: Fajr-5 915 kg at launch; 9M22U 65 kg (within 2%)
        assertThat(types.get("fajr-5").launchMassKg()).isEqualTo(915.0);
        assertThat(types.get("grad-122").launchMassKg()).isCloseTo(65.0, within(1.3));
        // the extended-range Grad is the same airframe with a bigger motor
        assertThat(types.get("grad-122-er").drag()).isEqualTo(types.get("grad-122").drag());
        assertThat(types.get("grad-122-er").motor().propellantMassKg())
                .isGreaterThan(types.get("grad-122").motor().propellantMassKg());
        // rockets boost with a motor and fire low; the mortar is gun-launched and fires high, 45-85 degrees
        assertThat(types.values()).filteredOn(t -> !t.name().equals("mortar-120"))
                .allSatisfy(t -> {
                    assertThat(t.motor()).isNotNull();
                    assertThat(t.angleOfFire()).isEqualTo(ThreatType.AngleOfFire.LOW);
                });
        ThreatType mortar = types.get("mortar-120");
        assertThat(mortar.boost()).isInstanceOf(Boost.BurnoutSpeed.class);
        assertThat(mortar.angleOfFire()).isEqualTo(ThreatType.AngleOfFire.HIGH);
        assertThat(Math.toDegrees(mortar.minElevationRad())).isCloseTo(45, within(1e-9));
        assertThat(Math.toDegrees(mortar.maxElevationRad())).isCloseTo(85, within(1e-9));
        // the drag curves rise through the transonic
        assertThat(types.values()).allSatisfy(t -> assertThat(t.drag().cd(1.1)).isGreaterThan(1.3 * t.drag().cd(0.5)));
        // degrees in the file, radians in the engine
        assertThat(types.values()).allSatisfy(t -> assertThat(t.minElevationRad()).isBetween(0.0, Math.PI / 2));
    }

    /** Every value in the catalogue file has its source (or "[notional]") written beside it. */
    @Test
    void everyValueCitesItsSource() throws IOException {
        String text;
        try (InputStream in = ThreatCatalogue.class.getResourceAsStream(ThreatCatalogue.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> values = text.lines().map(String::strip).filter(l -> l.matches("[a-z_0-9]+: .*"))
                .filter(l -> !l.startsWith("threat_types:")).filter(l -> !l.startsWith("kind:"))
                .collect(Collectors.toList());
        // 10 types, besides the name and kind: 13 keys for a rocket with a motor (all but
        // burnout_speed_mps, drag_coefficient and total_impulse_n_s), 10 for the mortar, 19 for a
        // drone or cruise missile, 14 for a ballistic missile
        assertThat(values).hasSize(5 * 13 + 10 + 2 * 19 + 2 * 14)
                .allSatisfy(l -> assertThat(l).matches(".*#.*(PF|press|\\[notional\\]|calibre|calibrated).*"));
    }
}
