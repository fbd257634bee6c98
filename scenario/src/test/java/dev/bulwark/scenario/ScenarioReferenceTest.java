package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.sim.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/scenario-reference.md stays true to the code: every key documented, its example valid. */
class ScenarioReferenceTest {

    private static final Path REFERENCE = TestFiles.repositoryRoot().resolve("docs/scenario-reference.md");

    @Test
    void documentsEveryKey() throws IOException {
        String doc = Files.readString(REFERENCE);
        List<String> keys = new ArrayList<>();
        keys.addAll(ScenarioReader.TOP);
        keys.addAll(ScenarioReader.POINT);
        keys.addAll(ScenarioReader.AREA);
        keys.addAll(ScenarioReader.RADAR);
        keys.addAll(ScenarioReader.BATTERY);
        keys.addAll(ScenarioReader.DOCTRINE);
        keys.addAll(ScenarioReader.TRACKER);
        keys.addAll(ScenarioReader.RAID);
        keys.addAll(ThreatTypes.KEYS);
        assertThat(keys).allSatisfy(k -> assertThat(doc).contains("`" + k + "`"));
    }

    /** The table of built-in threat types shows the catalogue's values. */
    @Test
    void showsTheCatalogueAsItIs() throws IOException {
        List<String> rows = Files.readAllLines(REFERENCE).stream()
                .filter(l -> l.matches("\\| `[a-z0-9-]+` \\| [0-9].*")).collect(Collectors.toList());
        assertThat(rows).hasSize(ThreatCatalogue.builtIn().size());
        for (String row : rows) {
            String[] cells = row.split("\\|");
            ThreatType t = ThreatCatalogue.builtIn().get(cells[1].strip().replace("`", ""));
            assertThat(t).as(row).isNotNull();
            double[] shown = new double[8];
            for (int i = 0; i < 8; i++) {
                shown[i] = Double.parseDouble(cells[i + 2].strip());
            }
            assertThat(shown).as(row).containsExactly(t.massKg(), t.referenceAreaM2(), t.dragCoefficient(),
                    t.burnoutSpeedMps(), Math.round(Math.toDegrees(t.minElevationRad()) * 1e9) / 1e9, t.rcsM2(),
                    t.costUsd(), t.dispersionFraction());
        }
    }

    @Test
    void itsCompleteExampleLoads(@TempDir Path dir) throws IOException, ScenarioException {
        String doc = Files.readString(REFERENCE);
        String section = doc.substring(doc.indexOf("## A complete example"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = section.substring(start, section.indexOf("```", start));
        Path file = dir.resolve("example.yaml");
        Files.writeString(file, yaml);

        World w = ScenarioLoader.load(file).world();
        assertThat(w.raids()).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(20));
    }
}
