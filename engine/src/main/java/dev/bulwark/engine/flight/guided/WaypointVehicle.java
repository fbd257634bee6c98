package dev.bulwark.engine.flight.guided;

/**
 * The kinematic limits of a vehicle that flies waypoints: a one-way attack drone or a
 * subsonic cruise missile, as {@link WaypointFlier} flies it.
 *
 * <p>Turns are coordinated: the turn rate is g·tan(φ)/V at bank angle φ and speed V, so the
 * greatest turn rate falls as the vehicle speeds up; the bank angle changes at most at the
 * roll rate. Climb and descent rates bound the vertical speed in cruise and in a pop-up (not
 * in the terminal dive, which is steeper by design); the normal acceleration bounds how fast
 * the flight-path angle changes (V·dγ/dt); the longitudinal acceleration bounds speed
 * changes. The terminal manoeuvre is a dive at a set angle onto the target, preceded by a
 * climb to a pop-up height if one is given.
 *
 * <p>Neglected (the model is kinematic): lift, drag and thrust (speed is commanded, not the
 * outcome of forces), fuel burn and mass, wind, the launch boost (the vehicle leaves the
 * launcher at cruise speed, climbing at its greatest rate), terrain.
 *
 * @param name                     catalogue name
 * @param cruiseSpeedMps           airspeed in cruise (m/s)
 * @param cruiseHeightM            usual cruise height above the ground (m), for routes built from a catalogue entry
 * @param maxRangeM                longest route the vehicle can fly (m)
 * @param maxBankRad               greatest bank angle (rad), in (0, π/2)
 * @param maxRollRateRadPerS       greatest roll rate (rad/s)
 * @param maxClimbRateMps          greatest climb rate outside the dive (m/s)
 * @param maxDescentRateMps        greatest descent rate outside the dive (m/s), positive
 * @param maxNormalAccelerationMps2 greatest acceleration normal to the path in the vertical plane (m/s²)
 * @param maxAccelerationMps2      greatest longitudinal acceleration (m/s²)
 * @param maxDecelerationMps2      greatest longitudinal deceleration (m/s²), positive
 * @param diveSpeedMps             airspeed commanded in the terminal dive (m/s)
 * @param diveAngleRad             flight-path angle of the terminal dive below the horizontal (rad), positive
 * @param popUpHeightM             height above the target to climb to before the dive (m); 0 for a direct dive
 */
public record WaypointVehicle(
        String name,
        double cruiseSpeedMps,
        double cruiseHeightM,
        double maxRangeM,
        double maxBankRad,
        double maxRollRateRadPerS,
        double maxClimbRateMps,
        double maxDescentRateMps,
        double maxNormalAccelerationMps2,
        double maxAccelerationMps2,
        double maxDecelerationMps2,
        double diveSpeedMps,
        double diveAngleRad,
        double popUpHeightM) {

    /** Standard gravity (m/s²), for the coordinated-turn rate. */
    public static final double STANDARD_GRAVITY = 9.80665;

    /**
     * Shahed-136-class one-way attack drone. Cruise speed ~185 km/h (51.4 m/s), range up to
     * ~2,500 km: public figures (../shared/reference/PUBLIC-FIGURES.md, threat types). Notional:
     * 500 m cruise height, 30° bank (6.3°/s turn at cruise speed), 30°/s roll rate, 5 m/s climb
     * and descent, 0.5 g normal and 1 m/s² longitudinal acceleration, and a steep 60° terminal
     * dive at 70 m/s (252 km/h), without pop-up.
     */
    public static final WaypointVehicle SHAHED_136_CLASS = new WaypointVehicle("shahed-136-class",
            185.0 / 3.6, 500.0, 2_500_000.0, Math.toRadians(30), Math.toRadians(30), 5.0, 5.0,
            0.5 * STANDARD_GRAVITY, 1.0, 1.0, 70.0, Math.toRadians(60), 0.0);

    /**
     * Notional subsonic land-attack cruise missile: "subsonic, low altitude, hundreds of km"
     * (PUBLIC-FIGURES.md, threat types). Notional: 250 m/s (Mach 0.74 at sea level), 60 m
     * cruise height, 800 km range, 60° bank (3.9°/s turn at cruise speed), 90°/s roll rate,
     * 50 m/s climb and descent, 4 g normal and 3 m/s² longitudinal acceleration; terminal
     * pop-up to 600 m above the target, then a 30° dive at cruise speed.
     */
    public static final WaypointVehicle SUBSONIC_CRUISE_MISSILE = new WaypointVehicle("subsonic-cruise-missile",
            250.0, 60.0, 800_000.0, Math.toRadians(60), Math.toRadians(90), 50.0, 50.0,
            4.0 * STANDARD_GRAVITY, 3.0, 3.0, 250.0, Math.toRadians(30), 600.0);

    public WaypointVehicle {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a waypoint vehicle needs a name");
        }
        if (!(cruiseSpeedMps > 0) || !(cruiseHeightM >= 0) || !(maxRangeM > 0)
                || !(maxBankRad > 0 && maxBankRad < Math.PI / 2) || !(maxRollRateRadPerS > 0)
                || !(maxClimbRateMps > 0 && maxClimbRateMps < cruiseSpeedMps)
                || !(maxDescentRateMps > 0 && maxDescentRateMps < cruiseSpeedMps)
                || !(maxNormalAccelerationMps2 > 0) || !(maxAccelerationMps2 > 0) || !(maxDecelerationMps2 > 0)
                || !(diveSpeedMps > 0) || !(diveAngleRad > 0 && diveAngleRad < Math.PI / 2)
                || !(popUpHeightM >= 0) || !Double.isFinite(maxRangeM)) {
            throw new IllegalArgumentException("invalid kinematic limits for waypoint vehicle " + name);
        }
    }

    /** Greatest turn rate at a speed (rad/s): g·tan(φ_max)/V. */
    public double maxTurnRate(double speedMps) {
        return STANDARD_GRAVITY * Math.tan(maxBankRad) / speedMps;
    }

    /** Smallest turn radius at a speed (m): V²/(g·tan φ_max). */
    public double minTurnRadius(double speedMps) {
        return speedMps * speedMps / (STANDARD_GRAVITY * Math.tan(maxBankRad));
    }

    /** Radius of the tightest pull in the vertical plane at a speed (m): V²/a_n. */
    public double minPullRadius(double speedMps) {
        return speedMps * speedMps / maxNormalAccelerationMps2;
    }
}
