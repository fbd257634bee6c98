package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.sim.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example scenarios in the repository's {@code scenarios/} directory load. */
class ExampleScenariosTest {

    @Test
    void tinyLoads() throws ScenarioException {
        World w = ScenarioLoader.load(TestFiles.scenarios().resolve("tiny.yaml")).world();

        assertThat(w.durationS()).isEqualTo(600.0);
        assertThat(w.areas()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("Sderot"));
        assertThat(w.radars()).hasSize(1);
        assertThat(w.batteries()).hasSize(1);
        assertThat(w.raids()).singleElement().satisfies(r -> {
            assertThat(r.threatType()).isEqualTo(ThreatCatalogue.builtIn().get("qassam"));
            assertThat(r.count()).isEqualTo(6);
            assertThat(r.aimLabel()).isEqualTo("Sderot");
            assertThat(r.launchTime(r.count() - 1)).isLessThanOrEqualTo(w.durationS());
        });
    }

    @Test
    void everyExampleLoads() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(TestFiles.scenarios())) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        assertThat(examples).isNotEmpty().allSatisfy(p -> {
            try {
                ScenarioLoader.load(p);
            } catch (ScenarioException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }
}
