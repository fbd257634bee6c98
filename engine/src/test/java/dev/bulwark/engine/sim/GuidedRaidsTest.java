package dev.bulwark.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.guided.BallisticMissileThreat;
import dev.bulwark.engine.flight.guided.BallisticMissileType;
import dev.bulwark.engine.flight.guided.WaypointThreat;
import dev.bulwark.engine.flight.guided.WaypointVehicle;
import dev.bulwark.engine.flight.interceptor.InterceptorType;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.track.TrackerSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drones, cruise missiles and ballistic missiles in a simulation: they are flown by their own
 * models from the raid's launch area, through its route, onto its aim area, and the run reports
 * their launches, apogees and impacts at the times of their true trajectories.
 */
class GuidedRaidsTest {

    private static final Ellipsoid WGS84 = Ellipsoid.WGS84;

    static final WaypointThreat DRONE = new WaypointThreat(WaypointVehicle.SHAHED_136_CLASS,
            ThreatClass.Category.DRONE, 200, 0.3, DragTable.constant(0.3), 0.1, 35_000, 15);
    static final BallisticMissileThreat SRBM = new BallisticMissileThreat(BallisticMissileType.SRBM_300_CLASS, 1.0,
            1_000_000, 450);

    /** A world whose only raid is the given one, with the tiny world's radar and battery. */
    private static World world(RaidSpec raid, double durationS) {
        return new World("guided", GeodeticPoint.ofDegrees(31.52, 34.55, 0), 7, durationS, EarthModel.WGS84,
                List.of(TinyWorlds.town()), List.of(TinyWorlds.radar("R1", 31.45, 34.62)),
                List.of(TinyWorlds.battery("B1", 31.52, 34.68, 20)), List.of(raid), Doctrine.DEFAULT,
                TrackerSettings.DEFAULT);
    }

    @Test
    void dronesFlyTheirRouteOntoTheTown() {
        // launched 40 km south-west of the town, routed by a turn point 20 km south of it
        GeodeticPoint turn = GeodeticPoint.ofDegrees(31.34, 34.60, 0);
        RaidSpec raid = new RaidSpec("drones", DRONE, TinyWorlds.box(31.30, 34.25, 31.31, 34.26),
                TinyWorlds.town().boundary(), "Sderot", 3, 0, 1, List.of(turn), 300);
        World world = world(raid, 300);
        List<SimEvent> events = TinyWorlds.events(world);

        List<SimEvent.ThreatLaunched> launches = of(events, SimEvent.ThreatLaunched.class);
        assertThat(launches).hasSize(3);
        for (SimEvent.ThreatLaunched l : launches) {
            assertThat(l.category()).isEqualTo("drone");
            assertThat(l.threatType()).isEqualTo("shahed-136-class");
            // a 15 m CEP leaves the impact within metres of the aim point
            assertThat(distance(l.predictedImpact(), l.aimPoint())).isLessThan(100);
            // the route: launch → turn point (~36 km) → town (~21 km) at 51.4 m/s; the corner cut at
            // the turn and the faster dive (70 m/s) shorten it by a little, the climb-out lengthens it
            double route = distance(l.launchPoint(), turn) + distance(turn, l.aimPoint());
            double flight = l.predictedImpactTime() - l.time();
            assertThat(flight).isBetween(route / 51.4 * 0.97, route / 51.4 * 1.05);
        }
        // every drone that was not shot down hits at its predicted time and place
        for (SimEvent.Impact impact : of(events, SimEvent.Impact.class)) {
            SimEvent.ThreatLaunched l = launches.get(impact.threatId() - 1);
            assertThat(impact.time()).isCloseTo(l.predictedImpactTime(), within(1e-9));
            assertThat(distance(impact.point(), l.predictedImpact())).isLessThan(1e-3);
        }
    }

    @Test
    void dronesPassTheirTurnPoint() {
        GeodeticPoint turn = GeodeticPoint.ofDegrees(31.34, 34.60, 0);
        RaidSpec raid = new RaidSpec("drones", DRONE, TinyWorlds.box(31.30, 34.25, 31.31, 34.26),
                TinyWorlds.town().boundary(), "Sderot", 1, 0, 1, List.of(turn), 300);
        ThreatFlights flights = new ThreatFlights(EarthModel.WGS84, Simulation.TRUTH_STEP_S, 900, 0);
        GeodeticPoint launch = GeodeticPoint.ofDegrees(31.305, 34.255, 0);
        GeodeticPoint aim = GeodeticPoint.ofDegrees(31.525, 34.60, 0);
        var path = flights.prepare(raid, launch, aim).fly(0, launch, aim);
        double closest = Double.POSITIVE_INFINITY;
        double[] s = new double[6];
        double highest = 0;
        for (double t = path.startTime(); t < path.impactTime(); t += 1) {
            path.stateAt(t, s);
            GeodeticPoint p = WGS84.toGeodetic(s);
            closest = Math.min(closest, distance(p, turn));
            highest = Math.max(highest, p.altitude());
        }
        // the turn is flown by (turn anticipation cuts the corner by well under a kilometre)
        assertThat(closest).isLessThan(1_000);
        // at the raid's cruise height of 300 m
        assertThat(highest).isBetween(290.0, 320.0);
    }

    @Test
    void ballisticMissilesReenterOntoTheirAimPoint() {
        // launched from 250 km south of the town
        RaidSpec raid = new RaidSpec("srbm", SRBM, TinyWorlds.box(29.27, 34.55, 29.28, 34.56),
                TinyWorlds.town().boundary(), "Sderot", 2, 0, 1);
        World world = world(raid, 120);
        List<SimEvent> events = TinyWorlds.events(world);
        List<SimEvent.ThreatLaunched> launches = of(events, SimEvent.ThreatLaunched.class);
        assertThat(launches).hasSize(2);
        List<SimEvent.Apogee> apogees = of(events, SimEvent.Apogee.class);
        assertThat(apogees).hasSize(2);
        for (SimEvent.ThreatLaunched l : launches) {
            assertThat(l.category()).isEqualTo("ballistic_missile");
            // within 5 CEP of the aim point (the chance of a larger miss is 2^-25)
            assertThat(distance(l.predictedImpact(), l.aimPoint())).isLessThan(5 * 450);
            // 250 km: about 4.5 minutes, apogee some 70 km (the 300 km shot takes 5.0 min, 83 km)
            assertThat(l.predictedImpactTime() - l.time()).isBetween(200.0, 330.0);
        }
        for (SimEvent.Apogee a : apogees) {
            assertThat(a.altitudeM()).isBetween(40_000.0, 100_000.0);
            SimEvent.ThreatLaunched l = launches.get(a.threatId() - 1);
            assertThat(a.time()).isBetween(l.time(), l.predictedImpactTime());
        }
    }

    @Test
    void aRoundsEnvelopeEntryIsReportedWhereTheBatteryCouldFirstReachIt() {
        List<SimEvent> events = TinyWorlds.events(TinyWorlds.world(3, 4));
        List<SimEvent.EnvelopeEntered> entries = of(events, SimEvent.EnvelopeEntered.class);
        // rockets fired 8 km from a battery near the town pass through its envelope
        assertThat(entries).isNotEmpty();
        for (SimEvent.EnvelopeEntered e : entries) {
            assertThat(e.battery()).isEqualTo("B1");
            assertThat(e.leaveTime()).isGreaterThan(e.time());
        }
    }

    @Test
    void aTamirClassRoundIsFiredAtAReenteringMissileOnlyWhenItCanMeetItInTime() {
        // The battery cannot tell a Scud-class missile from a rocket and fires at it in its last
        // seconds. It used to fire while the missile was still far outside the envelope, the round
        // self-destructed (30 s) long before the missile arrived and every outcome was a kinematic
        // miss. Now each round's planned intercept lies within its self-destruct time of the launch
        // (2 s after the decision here), and the proportional-navigation fly-out against the
        // missile's true motion can meet it (2 of the 3 here): the outcome is then the kill draw
        // (P_K 0.9 in this world). The model has no seeker or fuze limit on closing speed (see
        // docs/models/pipeline.md), so this says nothing about a real Tamir against a real Scud.
        RaidSpec raid = new RaidSpec("srbm", SRBM, TinyWorlds.box(29.27, 34.55, 29.28, 34.56),
                TinyWorlds.town().boundary(), "Sderot", 3, 0, 1);
        List<SimEvent> events = TinyWorlds.events(world(raid, 180));
        List<SimEvent.InterceptorLaunched> launched = of(events, SimEvent.InterceptorLaunched.class);
        assertThat(launched).isNotEmpty().allSatisfy(l -> assertThat(l.interceptTime() - l.time())
                .isLessThanOrEqualTo(2 + InterceptorType.TAMIR_CLASS.maxFlightTimeS()));
        List<SimEvent.InterceptOutcome> outcomes = of(events, SimEvent.InterceptOutcome.class);
        assertThat(outcomes).isNotEmpty().anySatisfy(o -> assertThat(o.reason()).isIn("kill", "miss"));
    }

    @Test
    void guidedThreatsCountInTheSummary() {
        RaidSpec raid = new RaidSpec("srbm", SRBM, TinyWorlds.box(29.27, 34.55, 29.28, 34.56),
                TinyWorlds.town().boundary(), "Sderot", 1, 0, 1);
        RunSummary summary = new Simulation(world(raid, 60)).run(ProgressListener.NONE);
        assertThat(summary.launched()).isEqualTo(1);
        assertThat(summary.threatCostUsd()).isEqualTo(1_000_000.0);
    }

    private static <T extends SimEvent> List<T> of(List<SimEvent> events, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (SimEvent e : events) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }

    private static double distance(GeodeticPoint a, GeodeticPoint b) {
        double[] p = WGS84.toEcef(a.withAltitude(0));
        double[] q = WGS84.toEcef(b.withAltitude(0));
        return Math.sqrt(sq(p[0] - q[0]) + sq(p[1] - q[1]) + sq(p[2] - q[2]));
    }

    private static double sq(double v) {
        return v * v;
    }
}
