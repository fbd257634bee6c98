/**
 * Truth for guided and powered threats: one-way attack drones and subsonic cruise missiles
 * that fly a route of waypoints ({@link dev.bulwark.engine.flight.guided.WaypointFlier}), and
 * ballistic missiles that boost under a pitch programme, coast outside the atmosphere and
 * re-enter ({@link dev.bulwark.engine.flight.guided.BallisticMissileFlier}).
 *
 * <p>Every model flies in the Earth-centred, Earth-fixed frame on the WGS84 ellipsoid, in SI
 * units, like the unguided models of {@code dev.bulwark.engine.flight}, and produces a
 * {@link dev.bulwark.engine.flight.guided.GuidedTrajectory}: dense output (cubic Hermite
 * interpolation of positions and velocities) from launch to ground impact, with the flight's
 * events (waypoints, dive, burn-out, apogee, impact) found by root finding on the
 * interpolant. {@link dev.bulwark.engine.flight.FlightPath} is the read-only view that
 * sensors and threat evaluation need, shared with the unguided trajectory.
 *
 * <p>Fidelity: the drone and cruise-missile model is kinematic (a point mass whose speed,
 * heading and flight-path angle follow an autopilot within turn, climb and acceleration
 * limits; no lift, no wind, flat terrain). The ballistic-missile model is a three-degree-of-
 * freedom point mass with thrust, mass flow, Mach-dependent drag in the U.S. Standard
 * Atmosphere 1976, gravity with J2 and the rotating-frame terms. Each class says what it
 * neglects and where its equations come from. All vehicle parameters are notional, sized to
 * the public figures cited next to them.
 */
package dev.bulwark.engine.flight.guided;
