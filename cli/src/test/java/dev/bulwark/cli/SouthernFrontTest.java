package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main example, run once: its outcome must be plausible against the public record, and
 * the README must show what the command really prints.
 *
 * <p>Plausibility bands, from ../shared/reference/PUBLIC-FIGURES.md: Iron Dome engages
 * typically 25–45% of the rockets fired (the rest fall in open ground) and claims 84–90% of
 * those it engages. The scenario is not tuned to these figures; the bands are wide enough to
 * accept any sensible model and narrow enough to catch a defence that engages everything,
 * nothing, or misses most of what it engages.
 */
class SouthernFrontTest {

    private static Path root;
    private static RunSummary summary;

    @BeforeAll
    static void runOnce() throws Exception {
        root = EndToEndTest.tinyScenario().getParent().getParent();
        summary = new Simulation(ScenarioLoader.load(root.resolve("scenarios/southern-front.yaml")).world())
                .run(ProgressListener.NONE);
    }

    @Test
    void mostRocketsAreLeftToFallInOpenGround() {
        assertThat(summary.launched()).isBetween(200, 400); // "a few hundred"
        assertThat(summary.boundForOpen()).isGreaterThan(summary.launched() / 2);
        double engagedShare = summary.engaged() / (double) summary.launched();
        assertThat(engagedShare).isBetween(0.20, 0.55);
        // selectivity: far fewer of the open-ground rockets are engaged than of those bound for towns
        double openEngaged = summary.engagedBoundForOpen() / (double) summary.boundForOpen();
        double townEngaged = (summary.engaged() - summary.engagedBoundForOpen()) / (double) summary.boundForDefended();
        assertThat(openEngaged).isLessThan(townEngaged / 2);
    }

    @Test
    void mostRocketsBoundForTownsAreIntercepted() {
        assertThat(summary.leaked()).isLessThan(summary.boundForDefended() / 2);
        assertThat(summary.intercepted() / (double) summary.engaged()).isBetween(0.70, 0.98);
        assertThat(summary.inFlightAtEnd()).isZero();
    }

    @Test
    void theReadmeShowsWhatTheCommandPrints() throws Exception {
        Fakes.Result r = Fakes.run(null, "run", root.resolve("scenarios/southern-front.yaml").toString(), "--quiet");
        assertThat(r.status()).isZero();
        String readme = Files.readString(root.resolve("README.md"));
        String marker = "$ ./bulwark run scenarios/southern-front.yaml\n";
        int start = readme.indexOf(marker);
        assertThat(start).as("README example block").isNotNegative();
        int end = readme.indexOf("```", start);
        assertThat(readme.substring(start + marker.length(), end))
                .as("the README's example output; re-run the command and paste its table")
                .isEqualTo(r.out());
    }
}
