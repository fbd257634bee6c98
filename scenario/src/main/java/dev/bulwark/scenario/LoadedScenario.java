package dev.bulwark.scenario;

import dev.bulwark.engine.sim.World;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario file that passed validation, turned into the engine's immutable {@link World}.
 *
 * @param file        the file as the user named it
 * @param world       the world to simulate, in SI units (radians, metres, seconds)
 * @param description the scenario's free-text {@code description}, or the empty string if it has none
 * @param sweep       the parameters its {@code sweep} section varies; {@link Sweep#NONE} without one
 */
public record LoadedScenario(Path file, World world, String description, Sweep sweep) {

    public LoadedScenario {
        if (sweep == null) {
            throw new IllegalArgumentException("no sweep: use Sweep.NONE");
        }
    }

    /** A scenario without a sweep. */
    public LoadedScenario(Path file, World world, String description) {
        this(file, world, description, Sweep.NONE);
    }

    /** The concrete scenario of every point of the sweep's grid, in grid order (one point without a sweep). */
    public List<Sweep.Point> sweepPoints() {
        return sweep.points(world);
    }
}
