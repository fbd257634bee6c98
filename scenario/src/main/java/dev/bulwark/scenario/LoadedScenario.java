package dev.bulwark.scenario;

import dev.bulwark.engine.sim.World;
import java.nio.file.Path;

/**
 * A scenario file that passed validation, turned into the engine's immutable {@link World}.
 *
 * @param file        the file as the user named it
 * @param world       the world to simulate, in SI units (radians, metres, seconds)
 * @param description the scenario's free-text {@code description}, or the empty string if it has none
 */
public record LoadedScenario(Path file, World world, String description) {
}
