package dev.bulwark.scenario;

import java.nio.file.Path;

/**
 * Loads a scenario file (YAML, format v1, described in {@code docs/scenario-reference.md})
 * into the engine's {@link dev.bulwark.engine.sim.World}.
 *
 * <p>Everything is checked before anything runs: unknown keys, missing and mistyped values,
 * values out of range, polygons that are not closed or cross themselves, names used twice,
 * references to undefined areas and threat types, raids that outlast the scenario or aim
 * beyond their rockets' reach. All problems of a file are reported together, each with the
 * file, line, column and field, in one {@link ScenarioException}.
 *
 * <p>Units are converted here, at the edge: degrees to radians, kilometres to metres,
 * milliradians to radians; the world holds SI values only.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /**
     * Reads, validates and builds a scenario.
     *
     * @param file the scenario file; problems name it as given here, and GeoJSON paths inside it are relative to it
     * @return the scenario, ready to simulate
     * @throws ScenarioException listing every problem found, if there is any (including a missing file or a
     *                           YAML syntax error)
     */
    public static LoadedScenario load(Path file) throws ScenarioException {
        return new ScenarioReader(file).read();
    }

    /**
     * Reads a tracker configuration: a YAML file with one key, {@code tracker}, holding the keys
     * of a scenario's {@code tracker} section (docs/scenario-reference.md); absent keys take
     * their defaults.
     *
     * @throws ScenarioException listing every problem found
     */
    public static dev.bulwark.engine.track.TrackerSettings loadTrackerConfig(Path file) throws ScenarioException {
        return new ScenarioReader(file).readTrackerConfig();
    }
}
