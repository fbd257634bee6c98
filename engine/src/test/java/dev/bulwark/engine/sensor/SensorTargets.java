package dev.bulwark.engine.sensor;

import dev.bulwark.engine.flight.Trajectory;

/**
 * Small {@link SensorTarget} implementations for sensor and tracker tests: a target fixed in
 * the Earth frame, and a target flying a trajectory over a chosen time window.
 */
public final class SensorTargets {

    private SensorTargets() {
    }

    /**
     * A target at rest at an ECEF position (m), always airborne.
     *
     * @param id  target identifier (splits the radar's random draws)
     * @param x   ECEF x (m)
     * @param y   ECEF y (m)
     * @param z   ECEF z (m)
     * @param rcs mean radar cross-section (m²)
     */
    public record Fixed(int id, double x, double y, double z, double rcs) implements SensorTarget {

        /** A fixed target at an ECEF position given as an array (m). */
        public static Fixed at(int id, double[] ecef, double rcs) {
            return new Fixed(id, ecef[0], ecef[1], ecef[2], rcs);
        }

        @Override
        public boolean airborne(double t) {
            return true;
        }

        @Override
        public void stateAt(double t, double[] out) {
            out[0] = x;
            out[1] = y;
            out[2] = z;
            out[3] = 0;
            out[4] = 0;
            out[5] = 0;
        }
    }

    /**
     * A target flying a trajectory, visible to radars on [from, until) only (until may cut the
     * flight short, as a kill does; the trajectory's impact always ends it).
     *
     * @param id         target identifier
     * @param trajectory truth
     * @param rcs        mean radar cross-section (m²)
     * @param from       first time it is airborne (s)
     * @param until      time it stops being airborne (s)
     */
    public record Flying(int id, Trajectory trajectory, double rcs, double from, double until) implements SensorTarget {

        /** A target airborne for the whole trajectory. */
        public static Flying of(int id, Trajectory trajectory, double rcs) {
            return new Flying(id, trajectory, rcs, trajectory.startTime(), trajectory.impactTime());
        }

        @Override
        public boolean airborne(double t) {
            return t >= from && t < until && t < trajectory.impactTime();
        }

        @Override
        public void stateAt(double t, double[] out) {
            trajectory.stateAt(t, out);
        }
    }
}
