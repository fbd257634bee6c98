package dev.bulwark.engine.sim;

import dev.bulwark.engine.assign.Reason;
import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sensor.SensorTarget;

/**
 * The truth about one threat, owned by the {@link Simulation}: its trajectory, its fate and
 * what the defence did about it (the latter only for measuring).
 */
final class ThreatTruth implements SensorTarget {

    final int id;
    final RaidSpec raid;
    final GeodeticPoint launchPoint;
    final GeodeticPoint aimPoint;
    final FlightPath trajectory;
    final int boundFor;
    double end;
    boolean killed;
    boolean landed;
    boolean engaged;
    boolean tracked;
    /** Time its first confirmed track was matched to it (s); NaN if never. */
    double firstTracked = Double.NaN;
    Reason lastHold;

    ThreatTruth(int id, RaidSpec raid, GeodeticPoint launchPoint, GeodeticPoint aimPoint, FlightPath trajectory,
            int boundFor) {
        this.id = id;
        this.raid = raid;
        this.launchPoint = launchPoint;
        this.aimPoint = aimPoint;
        this.trajectory = trajectory;
        this.boundFor = boundFor;
        this.end = trajectory.impactTime();
    }

    ThreatClass type() {
        return raid.threatType();
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean airborne(double t) {
        return t >= trajectory.startTime() && t < end;
    }

    @Override
    public void stateAt(double t, double[] out) {
        trajectory.stateAt(t, out);
    }

    @Override
    public double rcs() {
        return raid.threatType().rcsM2();
    }
}
