package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.flight.FlightPath;

/**
 * The true motion of a target, as the interceptor's guidance reads it: position and velocity
 * in the Earth-centred, Earth-fixed frame at any time. {@link Trajectory#stateAt} fits it as a
 * method reference ({@code trajectory::stateAt}); {@link #of(Trajectory)} also passes on the
 * time the trajectory ends, so that a fly-out stops when the target reaches the ground.
 *
 * <p>Implementations should allocate nothing in {@link #stateAt}: a fly-out calls it four
 * times per integration step.
 */
@FunctionalInterface
public interface TargetMotion {

    /**
     * The target's state at a time.
     *
     * @param t     simulation time (s)
     * @param out6  receives the ECEF position (m) in {@code [0..2]} and velocity (m/s) in {@code [3..5]}
     */
    void stateAt(double t, double[] out6);

    /** Time (s) after which the target no longer exists (ground impact); +∞ if it flies on. */
    default double endTime() {
        return Double.POSITIVE_INFINITY;
    }

    /** A flown path, ending at its ground impact. */
    static TargetMotion of(FlightPath trajectory) {
        return new TargetMotion() {
            @Override
            public void stateAt(double t, double[] out6) {
                trajectory.stateAt(t, out6);
            }

            @Override
            public double endTime() {
                return trajectory.impactTime();
            }
        };
    }

    /** A point fixed to the Earth (an aim point), ECEF position (m); the array is copied. */
    static TargetMotion fixed(double[] ecef) {
        double x = ecef[0];
        double y = ecef[1];
        double z = ecef[2];
        return (t, out6) -> {
            out6[0] = x;
            out6[1] = y;
            out6[2] = z;
            out6[3] = 0;
            out6[4] = 0;
            out6[5] = 0;
        };
    }

    /**
     * Straight-line motion at constant ECEF velocity: r(t) = r0 + v·(t − t0). Unphysical over
     * long times (it ignores gravity and the rotating frame) but the reference case of
     * guidance theory.
     *
     * @param t0       reference time (s)
     * @param position ECEF position at t0 (m); copied
     * @param velocity ECEF velocity (m/s); copied
     */
    static TargetMotion straightLine(double t0, double[] position, double[] velocity) {
        double[] p = {position[0], position[1], position[2]};
        double[] v = {velocity[0], velocity[1], velocity[2]};
        return (t, out6) -> {
            double dt = t - t0;
            for (int k = 0; k < 3; k++) {
                out6[k] = p[k] + v[k] * dt;
                out6[3 + k] = v[k];
            }
        };
    }
}
