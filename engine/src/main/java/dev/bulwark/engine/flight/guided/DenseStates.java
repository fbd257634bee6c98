package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.Hermite;
/**
 * Stored nodes (time, ECEF position and velocity) of a trajectory and their piecewise cubic
 * Hermite interpolant. Immutable once built by {@link NodeRecorder}.
 */
final class DenseStates {

    private final double[] times;
    private final double[] states; // 6 per node: x, y, z (m), vx, vy, vz (m/s)
    private final int count;

    DenseStates(double[] times, double[] states, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a trajectory needs at least two nodes");
        }
        this.times = times;
        this.states = states;
        this.count = count;
    }

    int count() {
        return count;
    }

    double time(int i) {
        return times[i];
    }

    double start() {
        return times[0];
    }

    double end() {
        return times[count - 1];
    }

    /** Copies node i's state into out. */
    void node(int i, double[] out) {
        System.arraycopy(states, 6 * i, out, 0, 6);
    }

    /** State at time t (s), clamped to the nodes' span. */
    void stateAt(double t, double[] out) {
        double tc = Math.min(Math.max(t, times[0]), times[count - 1]);
        int i = Hermite.segment(times, count, tc);
        double h = times[i + 1] - times[i];
        Hermite.interpolate(states, 6 * i, states, 6 * (i + 1), h, (tc - times[i]) / h, out);
    }

    /** State at time t (s) within segment i (from node i to node i + 1). */
    void stateInSegment(int i, double t, double[] out) {
        double h = times[i + 1] - times[i];
        Hermite.interpolate(states, 6 * i, states, 6 * (i + 1), h, (t - times[i]) / h, out);
    }
}
