package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.Boost;
import dev.bulwark.engine.flight.Motor;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.sim.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        keys.addAll(RadarTypes.NAMES);
        keys.addAll(ScenarioReader.BATTERY);
        keys.addAll(ScenarioReader.RESUPPLY);
        keys.addAll(ScenarioReader.LASER);
        keys.addAll(ScenarioReader.GUN);
        keys.addAll(ScenarioReader.DOCTRINE);
        keys.addAll(ScenarioReader.TRACKER);
        keys.addAll(ScenarioReader.RAID);
        keys.addAll(SweepReader.KEYS);
        java.util.Arrays.stream(Sweep.Kind.values()).map(Sweep.Kind::key).forEach(keys::add);
        keys.addAll(ThreatTypes.KEYS);
        keys.addAll(GuidedThreatTypes.WAYPOINT_KEYS);
        keys.addAll(GuidedThreatTypes.MISSILE_KEYS);
        keys.addAll(ThreatTypes.KINDS);
        assertThat(keys).allSatisfy(k -> assertThat(doc).contains("`" + k + "`"));
    }

    /** The table of built-in threat types shows the catalogue's values; "—" where a key does not apply. */
    @Test
    void showsTheCatalogueAsItIs() throws IOException {
        List<String> rows = Files.readAllLines(REFERENCE).stream()
                .filter(l -> l.matches("\\| `[a-z0-9-]+` \\| [0-9].*") && l.split("\\|").length == 15)
                .collect(Collectors.toList());
        assertThat(rows).hasSize(ThreatCatalogue.unguided().size());
        for (String row : rows) {
            String[] cells = row.split("\\|");
            ThreatType t = ThreatCatalogue.unguided().get(cells[1].strip().replace("`", ""));
            assertThat(t).as(row).isNotNull();
            Motor m = t.motor();
            Double[] expected = {t.massKg(), m == null ? null : m.propellantMassKg(), m == null ? null : m.burnTimeS(),
                m == null ? null : m.thrustN(), m == null ? null : m.railLengthM(),
                m == null ? ((Boost.BurnoutSpeed) t.boost()).speedMps() : null, t.referenceAreaM2(),
                degrees(t.minElevationRad()), degrees(t.maxElevationRad()), null, t.rcsM2(), t.costUsd(),
                t.dispersionFraction()};
            for (int i = 0; i < expected.length; i++) {
                String cell = cells[i + 2].strip();
                if (i == 9) {
                    assertThat(cell).as(row).isEqualTo(t.angleOfFire().name().toLowerCase(Locale.ROOT));
                } else if (expected[i] == null) {
                    assertThat(cell).as(row).isEqualTo("—");
                } else {
                    assertThat(Double.parseDouble(cell)).as(row + ", column " + (i + 2)).isEqualTo(expected[i]);
                }
            }
        }
    }

    /** The table of drag curves shows each catalogue type's drag_table. */
    @Test
    void showsTheCatalogueDragTablesAsTheyAre() throws IOException {
        List<String> rows = Files.readAllLines(REFERENCE).stream()
                .filter(l -> l.matches("\\| `[a-z0-9-]+` \\| `\\[\\[.*")).collect(Collectors.toList());
        assertThat(rows).hasSize(ThreatCatalogue.unguided().size());
        for (String row : rows) {
            String[] cells = row.split("\\|");
            ThreatType t = ThreatCatalogue.unguided().get(cells[1].strip().replace("`", ""));
            assertThat(t).as(row).isNotNull();
            String[] numbers = cells[2].replaceAll("[`\\[\\]\\s]", " ").strip().split("[ ,]+");
            assertThat(numbers).as(row).hasSize(2 * t.drag().size());
            for (int i = 0; i < t.drag().size(); i++) {
                assertThat(Double.parseDouble(numbers[2 * i])).as(row).isEqualTo(t.drag().mach(i));
                assertThat(Double.parseDouble(numbers[2 * i + 1])).as(row).isEqualTo(t.drag().cdAt(i));
            }
        }
    }

    /** The table of built-in radar types shows the radar catalogue's values, in its order and units. */
    @Test
    void showsTheRadarCatalogueAsItIs() throws IOException {
        List<String> lines = Files.readAllLines(REFERENCE);
        String header = lines.stream().filter(l -> l.startsWith("| name | min_range_km |")).findFirst().orElseThrow();
        List<String> columns = List.of(header.split("\\|")).stream().map(String::strip).filter(c -> !c.isEmpty())
                .toList();
        assertThat(columns.subList(1, columns.size())).isEqualTo(RadarTypes.NAMES);
        List<String> rows = lines.stream()
                .filter(l -> l.matches("\\| `[a-z0-9-]+` \\| [0-9].*") && l.split("\\|").length == columns.size() + 1)
                .toList();
        assertThat(rows).hasSize(RadarCatalogue.builtIn().size());
        List<String> names = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String name = cells[1].strip().replace("`", "");
            names.add(name);
            RadarTypes.RadarType t = RadarCatalogue.builtIn().get(name);
            assertThat(t).as(row).isNotNull();
            for (int i = 0; i < RadarTypes.NAMES.size(); i++) {
                String key = RadarTypes.NAMES.get(i);
                assertThat(Double.parseDouble(cells[i + 2].strip())).as(row + ", " + key).isEqualTo(t.values().get(key));
            }
        }
        assertThat(names).containsExactlyElementsOf(RadarCatalogue.builtIn().keySet());
    }

    private static double degrees(double rad) {
        return Math.round(Math.toDegrees(rad) * 1e9) / 1e9;
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
