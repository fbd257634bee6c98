package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged scenarios are rejected with problems, never with an unexpected exception: every
 * single-line deletion of a full scenario, and every value replaced by nonsense, either loads
 * or throws a {@link ScenarioException} whose problems all have a position.
 */
class RobustnessTest {

    @TempDir
    Path dir;

    @Test
    void everyDamagedVariantGivesProblemsNotCrashes() throws IOException {
        List<String> lines = Files.readAllLines(TestFiles.resource("valid/full.yaml"));
        List<List<String>> variants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> deleted = new ArrayList<>(lines);
            deleted.remove(i);
            variants.add(deleted);
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.strip().startsWith("#")) {
                for (String nonsense : new String[] {"-1", "[]", "{a: 1}"}) {
                    List<String> changed = new ArrayList<>(lines);
                    changed.set(i, line.substring(0, colon + 2) + nonsense);
                    variants.add(changed);
                }
            }
        }
        int rejected = 0;
        for (int v = 0; v < variants.size(); v++) {
            Path file = dir.resolve("variant-" + v + ".yaml");
            String text = String.join("\n", variants.get(v));
            Files.writeString(file, text);
            try {
                ScenarioLoader.load(file);
            } catch (ScenarioException e) {
                rejected++;
                assertThat(e.problems()).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.line()).as(text).isPositive());
            }
        }
        assertThat(rejected).isGreaterThan(variants.size() / 2);
    }
}
