package dev.bulwark.scenario;

import dev.bulwark.engine.sim.Coalition;
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
 * @param coalition   the nations, links and sharing of its {@code nations}, {@code links} and {@code sharing}
 *                    sections; one nation holding everything without them
 */
public record LoadedScenario(Path file, World world, String description, Sweep sweep, Coalition coalition) {

    public LoadedScenario {
        if (sweep == null) {
            throw new IllegalArgumentException("no sweep: use Sweep.NONE");
        }
        if (coalition == null) {
            throw new IllegalArgumentException("no coalition: use Coalition.single(world)");
        }
    }

    /** A scenario of one nation. */
    public LoadedScenario(Path file, World world, String description, Sweep sweep) {
        this(file, world, description, sweep, Coalition.single(world));
    }

    /** A scenario of one nation without a sweep. */
    public LoadedScenario(Path file, World world, String description) {
        this(file, world, description, Sweep.NONE);
    }

    /** The concrete scenario of every point of the sweep's grid, in grid order (one point without a sweep). */
    public List<Sweep.Point> sweepPoints() {
        return sweep.points(world);
    }
}
