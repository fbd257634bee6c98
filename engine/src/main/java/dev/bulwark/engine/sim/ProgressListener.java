package dev.bulwark.engine.sim;

/** Told how far a run has got, so a user interface can draw a progress bar. The engine never prints. */
@FunctionalInterface
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = (now, end) -> { };

    /**
     * @param now the simulated time reached (s)
     * @param end the simulated time at which the run ends (s)
     */
    void onProgress(double now, double end);
}
