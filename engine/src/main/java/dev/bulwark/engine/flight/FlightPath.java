package dev.bulwark.engine.flight;

import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * The read-only view of a flown path that sensors, tracking metrics and threat evaluation
 * need: the Earth-centred, Earth-fixed (ECEF, WGS84) state at any time between launch and
 * ground impact, and the few summary figures of the flight.
 *
 * <p>Times are simulation times in seconds; positions in metres and velocities in metres per
 * second, both in ECEF (the velocity is relative to the rotating Earth, which is also the
 * airspeed since the models have no wind). Implementations are immutable and evaluate a state
 * cheaply, without integrating again (dense output), so any number of readers may share one.
 * {@link Trajectory} (unguided flight) and {@code dev.bulwark.engine.flight.guided.GuidedTrajectory}
 * (drones, cruise and ballistic missiles) implement it.
 */
public interface FlightPath {

    /** Launch time (s). */
    double startTime();

    /** Time of ground impact (s); the end of the path. */
    double impactTime();

    /** Where the path meets the ground (geodetic, WGS84; height = the ground height). */
    GeodeticPoint impactPoint();

    /** Greatest height above the ellipsoid reached (m), found by root finding on the dense output. */
    double apogeeAltitude();

    /** Time at which {@link #apogeeAltitude()} is reached (s). */
    double apogeeTime();

    /** Time of flight, launch to impact (s). */
    default double flightTime() {
        return impactTime() - startTime();
    }

    /** Whether the path is defined at time t (s): between launch and impact, inclusive. */
    default boolean covers(double t) {
        return t >= startTime() && t <= impactTime();
    }

    /**
     * An upper bound on the speed anywhere along the path, dense output included (m/s), for
     * searches that skip stretches of the path which cannot come near a point
     * ({@code PredictedIntercept}); +∞ (the default) when the implementation gives none, which
     * disables such skipping.
     */
    default double speedBoundMps() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The ECEF state at time t (s), clamped to [start, impact]: position (m) into
     * {@code out[0..2]}, velocity (m/s) into {@code out[3..5]}. Allocates nothing.
     */
    void stateAt(double t, double[] out);
}
