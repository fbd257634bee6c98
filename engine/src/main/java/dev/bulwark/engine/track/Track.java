package dev.bulwark.engine.track;

/**
 * A track: the tracker's belief about one object, built only from plots.
 *
 * <p>Mutable, owned by its {@link Tracker}; other stages read it through
 * {@link #state()}, {@link #covariance()} and the accessors, during the cycle that follows
 * the tracker's update, and must not keep references to the arrays.
 */
public final class Track {

    /** Life-cycle status. */
    public enum Status {
        /** Started from a plot, not yet confirmed. */
        TENTATIVE,
        /** Met the M-of-N rule. */
        CONFIRMED
    }

    private final int id;
    final KalmanFilter filter;
    private Status status = Status.TENTATIVE;
    private double time;
    private final double startTime;
    int hits;
    int looks;
    int consecutiveMisses;
    private int plotsUsed;
    private int lastSensor = -1;

    Track(int id, double time, KalmanFilter filter) {
        this.id = id;
        this.time = time;
        this.startTime = time;
        this.filter = filter;
    }

    /** Track number, unique within the tracker. */
    public int id() {
        return id;
    }

    /** Life-cycle status. */
    public Status status() {
        return status;
    }

    /** Whether confirmed. */
    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }

    /** Time (s) of the state estimate. */
    public double time() {
        return time;
    }

    /** Time (s) of the first plot. */
    public double startTime() {
        return startTime;
    }

    /** ECEF position (m) and velocity (m/s) estimate (live view). */
    public double[] state() {
        return filter.state();
    }

    /** 6×6 covariance, row-major (live view). */
    public double[] covariance() {
        return filter.covariance();
    }

    /** Plots that updated this track (provenance count). */
    public int plotsUsed() {
        return plotsUsed;
    }

    /** The radar that last updated this track, or -1. */
    public int lastSensor() {
        return lastSensor;
    }

    /** Consecutive scans that covered the track without a plot for it. */
    public int consecutiveMisses() {
        return consecutiveMisses;
    }

    void setTime(double t) {
        time = t;
    }

    void confirm() {
        status = Status.CONFIRMED;
    }

    void recordPlot(int sensor) {
        plotsUsed++;
        lastSensor = sensor;
    }
}
