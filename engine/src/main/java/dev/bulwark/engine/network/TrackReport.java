package dev.bulwark.engine.network;

import java.util.Arrays;

/**
 * One node's estimate of one object: the state of its local track and its covariance, in ECEF.
 * Also the form in which fusion takes a node's own tracks.
 *
 * <p>The arrays are copied in and out, so a report cannot change after it is made.
 *
 * @param source     node that holds the track
 * @param localTrack the track number in that node's tracker
 * @param time       time of the estimate (s)
 * @param state      (x, y, z, vx, vy, vz) in ECEF (m, m/s), length 6
 * @param covariance the 6×6 covariance of the state, row-major (m², m²/s, m²/s²), length 36
 */
public record TrackReport(int source, int localTrack, double time, double[] state, double[] covariance)
        implements Message {

    /** State dimension. */
    public static final int DIMENSION = 6;

    /** Checks the sizes and copies the arrays. */
    public TrackReport {
        if (source < 0) {
            throw new IllegalArgumentException("source node must be >= 0, got " + source);
        }
        if (state.length != DIMENSION || covariance.length != DIMENSION * DIMENSION) {
            throw new IllegalArgumentException("a track report needs a 6-state and a 6x6 covariance, got "
                    + state.length + " and " + covariance.length + " numbers");
        }
        state = state.clone();
        covariance = covariance.clone();
    }

    @Override
    public double[] state() {
        return state.clone();
    }

    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    /** State component {@code i} without a copy. */
    public double state(int i) {
        return state[i];
    }

    /** Covariance element (i, j) without a copy. */
    public double covariance(int i, int j) {
        return covariance[i * DIMENSION + j];
    }

    @Override
    public DataKind kind() {
        return DataKind.TRACKS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackReport r && source == r.source && localTrack == r.localTrack
                && Double.compare(time, r.time) == 0 && Arrays.equals(state, r.state)
                && Arrays.equals(covariance, r.covariance);
    }

    @Override
    public int hashCode() {
        return ((31 * source + localTrack) * 31 + Double.hashCode(time)) * 31 + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "TrackReport[source=" + source + ", localTrack=" + localTrack + ", time=" + time + ", state="
                + Arrays.toString(state) + "]";
    }
}
