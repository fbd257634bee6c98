package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void proposesTheLikelyKey() {
        assertThat(Suggestions.closest("lat", ScenarioReader.POINT)).isEqualTo("lat_deg");
        assertThat(Suggestions.closest("max_rang_km", ScenarioReader.BATTERY)).isEqualTo("max_range_km");
        assertThat(Suggestions.closest("max_range_m", ScenarioReader.RADAR)).isEqualTo("max_range_km");
        assertThat(Suggestions.closest("probablity_of_kill", ScenarioReader.BATTERY)).isEqualTo("probability_of_kill");
        assertThat(Suggestions.closest("Qassam", List.of("qassam", "grad-122"))).isEqualTo("qassam");
        assertThat(Suggestions.closest("raid", ScenarioReader.TOP)).isEqualTo("raids");
    }

    @Test
    void proposesNothingUnrelated() {
        assertThat(Suggestions.closest("colour", ScenarioReader.TOP)).isNull();
        assertThat(Suggestions.closest("grod", List.of("qassam", "rocket-107", "grad-122"))).isNull();
        // "max" is the prefix of two keys: no guess
        assertThat(Suggestions.closest("max", ScenarioReader.RADAR)).isNull();
    }

    @Test
    void countsATranspositionAsOneEdit() {
        assertThat(Suggestions.distance("seed", "sede")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
