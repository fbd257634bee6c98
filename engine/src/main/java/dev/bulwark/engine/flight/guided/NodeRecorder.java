package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.Hermite;
import java.util.Arrays;

/**
 * Keeps the states of a fixed-step integration that the dense output needs, and no more.
 *
 * <p>Every integration step is offered; a step becomes a stored node only when the cubic
 * Hermite interpolant from the last node through it would no longer reproduce the steps in
 * between within {@link #POSITION_TOLERANCE_M} and {@link #VELOCITY_TOLERANCE_MPS}. Straight,
 * steady flight (a drone's cruise, a missile's coast) thus costs a node every few tens of
 * seconds instead of one per step: a five-hour drone flight keeps a few hundred nodes, not
 * tens of thousands, which matters when a raid holds thousands of threats. The check samples
 * {@value #CHECKS} intermediate steps spread over the segment and the last {@value #TAIL}
 * (all of them when there are fewer): a change of motion shows first near the segment's new
 * end. A node is forced at least every {@value #MAX_SPAN} steps and wherever the caller knows
 * the acceleration jumps (a phase change), so the cost per step is bounded. Between checked
 * steps the error can exceed the tolerance a little (measured: by up to half as much again).
 */
final class NodeRecorder {

    /** Largest position error that the thinning may add (m). */
    static final double POSITION_TOLERANCE_M = 0.05;
    /** Largest velocity error that the thinning may add (m/s). */
    static final double VELOCITY_TOLERANCE_MPS = 0.01;
    private static final int MAX_SPAN = 512;
    private static final int CHECKS = 7;
    private static final int TAIL = 4;

    private final boolean thin;
    private double[] times = new double[64];
    private double[] states = new double[6 * 64];
    private int count;

    // steps offered since the last node; the last one is the tentative end of the segment
    private final double[] bufTimes = new double[MAX_SPAN];
    private final double[] bufStates = new double[6 * MAX_SPAN];
    private int buffered;
    private final double[] probe = new double[6];
    private final double[] candidate = new double[6];

    /** @param thin whether to thin the steps; false stores every step */
    NodeRecorder(boolean thin) {
        this.thin = thin;
    }

    /** The first state. */
    void start(double t, double[] y) {
        count = 0;
        buffered = 0;
        store(t, y, 0);
    }

    /** Offers the state after one step. */
    void add(double t, double[] y) {
        if (!thin) {
            store(t, y, 0);
            return;
        }
        if (buffered > 0 && (buffered == MAX_SPAN || !fits(t, y))) {
            markNode();
        }
        bufTimes[buffered] = t;
        System.arraycopy(y, 0, bufStates, 6 * buffered, 6);
        buffered++;
    }

    /** Makes the last offered state a node (call where the acceleration is discontinuous). */
    void markNode() {
        if (buffered > 0) {
            store(bufTimes[buffered - 1], bufStates, 6 * (buffered - 1));
            buffered = 0;
        }
    }

    /**
     * Ends the trajectory: the last offered state becomes a node, then the final state (the
     * ground crossing) is appended, replacing the last node if it is less than a microsecond
     * before it.
     */
    DenseStates finish(double t, double[] y) {
        markNode();
        if (t - times[count - 1] < 1e-6 && count > 1) {
            count--;
        }
        store(t, y, 0);
        return new DenseStates(Arrays.copyOf(times, count), Arrays.copyOf(states, 6 * count), count);
    }

    /** Whether the Hermite segment from the last node to (t, y) reproduces the buffered steps. */
    private boolean fits(double t, double[] y) {
        int last = count - 1;
        double t0 = times[last];
        double h = t - t0;
        System.arraycopy(y, 0, candidate, 0, 6);
        int n = buffered;
        boolean all = n <= CHECKS + TAIL;
        int checks = all ? n : CHECKS + TAIL;
        double pTol2 = POSITION_TOLERANCE_M * POSITION_TOLERANCE_M;
        double vTol2 = VELOCITY_TOLERANCE_MPS * VELOCITY_TOLERANCE_MPS;
        for (int c = 0; c < checks; c++) {
            // evenly spread over the buffered steps (always including the middle one), then the last few
            int j = all ? c : c < CHECKS ? (int) ((long) (2 * c + 1) * n / (2 * CHECKS)) : n - (checks - c);
            Hermite.interpolate(states, 6 * last, candidate, 0, h, (bufTimes[j] - t0) / h, probe);
            int o = 6 * j;
            double dp = sq(probe[0] - bufStates[o]) + sq(probe[1] - bufStates[o + 1]) + sq(probe[2] - bufStates[o + 2]);
            double dv = sq(probe[3] - bufStates[o + 3]) + sq(probe[4] - bufStates[o + 4])
                    + sq(probe[5] - bufStates[o + 5]);
            if (dp > pTol2 || dv > vTol2) {
                return false;
            }
        }
        return true;
    }

    private void store(double t, double[] y, int offset) {
        if (count == times.length) {
            times = Arrays.copyOf(times, 2 * count);
            states = Arrays.copyOf(states, 12 * count);
        }
        times[count] = t;
        System.arraycopy(y, offset, states, 6 * count, 6);
        count++;
    }

    private static double sq(double x) {
        return x * x;
    }
}
