package dev.bulwark.engine.fusion;

import java.util.Arrays;
import java.util.List;

/**
 * One object in an air picture: its system track number, the fused estimate and where it came
 * from (provenance: which node's which local track).
 *
 * @param number       system track number, stable for the object while anyone holds it
 * @param time         time of the estimate (s)
 * @param state        fused (x, y, z, vx, vy, vz) in ECEF (m, m/s); copied in and out
 * @param covariance   fused 6×6 covariance, row-major; copied in and out
 * @param contributors the local tracks fused into it, in fusion order
 */
public record SystemTrack(int number, double time, double[] state, double[] covariance,
        List<Contributor> contributors) {

    /**
     * One local track that went into a system track.
     *
     * @param source     node
     * @param localTrack the node's track number
     */
    public record Contributor(int source, int localTrack) {
    }

    /** Copies the arrays and the list. */
    public SystemTrack {
        state = state.clone();
        covariance = covariance.clone();
        contributors = List.copyOf(contributors);
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

    /** Whether a node contributed to this track. */
    public boolean hasSource(int source) {
        for (Contributor c : contributors) {
            if (c.source() == source) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SystemTrack t && number == t.number && Double.compare(time, t.time) == 0
                && Arrays.equals(state, t.state) && Arrays.equals(covariance, t.covariance)
                && contributors.equals(t.contributors);
    }

    @Override
    public int hashCode() {
        return (31 * number + Arrays.hashCode(state)) * 31 + contributors.hashCode();
    }

    @Override
    public String toString() {
        return "SystemTrack[" + number + ", t=" + time + ", " + contributors + "]";
    }
}
