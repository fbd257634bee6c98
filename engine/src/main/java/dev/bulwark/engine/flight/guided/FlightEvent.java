package dev.bulwark.engine.flight.guided;

/**
 * Something that happens at one instant of a guided or powered flight: launch, a waypoint
 * reached, the start of a pop-up or a terminal dive, the end of a boost phase, apogee, impact.
 * Events whose time is not a step of the guidance loop (apogee, impact) are found by root
 * finding on the trajectory's dense output.
 *
 * @param kind what happened
 * @param time when (s, simulation time)
 */
public record FlightEvent(Kind kind, double time) {

    /** The kinds of event. */
    public enum Kind {
        /** Leaves the launcher. */
        LAUNCH,
        /** Waypoint reached: guidance switches to the next leg (one event per waypoint, in route order). */
        WAYPOINT,
        /** Starts the terminal climb of a pop-up manoeuvre. */
        POP_UP,
        /** Starts the terminal dive onto the target. */
        DIVE,
        /** Ballistic missile: ends the vertical rise and starts the pitch-over. */
        PITCH_OVER,
        /** Ballistic missile: ends the pitch-over; thrust along the velocity from here (gravity turn). */
        GRAVITY_TURN,
        /** Ballistic missile: engine cut-off; the re-entry body flies on alone if it separates. */
        BURNOUT,
        /** Ballistic missile: greatest distance from the Earth's centre (radial velocity zero). */
        APOGEE,
        /** Meets the ground. */
        IMPACT
    }

    public FlightEvent {
        if (kind == null || !Double.isFinite(time)) {
            throw new IllegalArgumentException("an event needs a kind and a finite time");
        }
    }
}
