package dev.bulwark.engine.sim;

import dev.bulwark.engine.metrics.RunSummary;

/**
 * One replication of a {@link World}: single-threaded and deterministic for its seed.
 */
public final class Simulation {

    private final World world;
    private final EventBus bus = new EventBus();

    /** A simulation of a world. */
    public Simulation(World world) {
        this.world = world;
    }

    /** The bus on which every {@link SimEvent} is published; subscribe before {@link #run}. */
    public EventBus bus() {
        return bus;
    }

    /** The world being simulated. */
    public World world() {
        return world;
    }

    /**
     * Runs the replication to the end.
     *
     * @param progress told of progress in simulated time
     * @return the measures of effectiveness
     */
    public RunSummary run(ProgressListener progress) {
        throw new IllegalStateException("being written");
    }
}
