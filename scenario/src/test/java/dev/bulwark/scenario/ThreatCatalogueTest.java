package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.ThreatType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalogue loads through the scenario reader. Values that are calibrated or
 * notional are not repeated here; those fixed by a public figure or a calibre are.
 */
class ThreatCatalogueTest {

    @Test
    void holdsTheThreeTypesInOrder() {
        Map<String, ThreatType> types = ThreatCatalogue.builtIn();
        assertThat(types.keySet()).containsExactly("qassam", "rocket-107", "grad-122");
        assertThat(types).allSatisfy((name, t) -> assertThat(t.name()).isEqualTo(name));
        assertThatThrownBy(() -> types.put("x", types.get("qassam"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fixedValuesFollowTheirSources() {
        Map<String, ThreatType> types = ThreatCatalogue.builtIn();
        // body cross-sections pi d^2 / 4 of the calibres
        assertThat(types.get("qassam").referenceAreaM2()).isCloseTo(Math.PI * 0.170 * 0.170 / 4, within(1e-4));
        assertThat(types.get("rocket-107").referenceAreaM2()).isCloseTo(Math.PI * 0.107 * 0.107 / 4, within(1e-4));
        assertThat(types.get("grad-122").referenceAreaM2()).isCloseTo(Math.PI * 0.122 * 0.122 / 4, within(1e-4));
        // public figures: Qassam $300-800, Grad ~$1k
        assertThat(types.get("qassam").costUsd()).isBetween(300.0, 800.0);
        assertThat(types.get("grad-122").costUsd()).isEqualTo(1000.0);
        // degrees in the file, radians in the engine
        assertThat(types.values()).allSatisfy(t -> assertThat(t.minElevationRad()).isBetween(0.0, Math.PI / 4));
    }

    /** Every value in the catalogue file has its source (or "[notional]") written beside it. */
    @Test
    void everyValueCitesItsSource() throws IOException {
        String text;
        try (InputStream in = ThreatCatalogue.class.getResourceAsStream(ThreatCatalogue.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text.lines().map(String::strip)
                .filter(l -> l.matches("[a-z_0-9]+: *[-0-9.].*")))
                .hasSize(3 * 8)
                .allSatisfy(l -> assertThat(l).matches(".*#.*(PF|\\[notional\\]|calibre|calibrated).*"));
    }
}
