package dev.bulwark.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.flight.Boost;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.track.TrackerSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A laser in the simulation: it engages drones and mortar bombs bound for the town and destroys
 * most of them, and it leaves alone threats it cannot finish before impact (a re-entering
 * ballistic missile too fast to track).
 */
class LaserEngagementTest {

    /** A 120 mm mortar bomb on a light charge, fired at the town from ~2 km west. */
    private static final ThreatType MORTAR = new ThreatType("mortar", 15, 0.0113, DragTable.constant(0.15),
            new Boost.BurnoutSpeed(170), Math.toRadians(45), Math.toRadians(85), ThreatType.AngleOfFire.HIGH, 0.01,
            100, 0.02);

    @Test
    void aLaserTakesDronesAndMortarsAndNotWhatItCannotFinish() {
        LaserSpec laser = new LaserSpec("Beam", GeodeticPoint.ofDegrees(31.52, 34.60, 0), 8_000, 100, 4, 5_000, 0.1,
                1, 3, 0.9, 1.0, 600);
        RaidSpec mortars = new RaidSpec("mortars", MORTAR, TinyWorlds.box(31.522, 34.574, 31.527, 34.578),
                TinyWorlds.town().boundary(), "Sderot", 4, 10, 2);
        RaidSpec drones = new RaidSpec("drones", GuidedRaidsTest.DRONE, TinyWorlds.box(31.50, 34.45, 31.51, 34.46),
                TinyWorlds.town().boundary(), "Sderot", 3, 0, 2, List.of(), 300);
        RaidSpec scuds = new RaidSpec("srbm", GuidedRaidsTest.SRBM, TinyWorlds.box(29.27, 34.55, 29.28, 34.56),
                TinyWorlds.town().boundary(), "Sderot", 2, 30, 1);
        World world = new World("laser", GeodeticPoint.ofDegrees(31.52, 34.55, 0), 11, 600, EarthModel.WGS84,
                List.of(TinyWorlds.town()), List.of(TinyWorlds.radar("R1", 31.45, 34.62)), List.of(),
                List.of(mortars, drones, scuds), Doctrine.DEFAULT, TrackerSettings.DEFAULT, List.of(),
                List.of(laser));
        List<SimEvent> events = TinyWorlds.events(world);

        Map<Integer, String> raidOf = events.stream().filter(e -> e instanceof SimEvent.ThreatLaunched)
                .map(e -> (SimEvent.ThreatLaunched) e)
                .collect(Collectors.toMap(SimEvent.ThreatLaunched::threatId, SimEvent.ThreatLaunched::raid));
        Set<String> engagedRaids = events.stream().filter(e -> e instanceof SimEvent.LaserEngaged)
                .map(e -> raidOf.get(((SimEvent.LaserEngaged) e).threatId())).collect(Collectors.toSet());
        assertThat(engagedRaids).contains("mortars", "drones").doesNotContain("srbm");

        List<SimEvent.LaserOutcome> outcomes = events.stream().filter(e -> e instanceof SimEvent.LaserOutcome)
                .map(e -> (SimEvent.LaserOutcome) e).toList();
        long kills = outcomes.stream().filter(SimEvent.LaserOutcome::kill).count();
        assertThat(kills).isGreaterThanOrEqualTo(4);
        // a kill needs the energy delivered along the true path
        assertThat(outcomes).filteredOn(SimEvent.LaserOutcome::kill)
                .allSatisfy(o -> assertThat(o.energyFraction()).isGreaterThanOrEqualTo(1.0));
        // one target at a time: dwells never overlap
        List<SimEvent.LaserEngaged> shots = events.stream().filter(e -> e instanceof SimEvent.LaserEngaged)
                .map(e -> (SimEvent.LaserEngaged) e).toList();
        for (int i = 1; i < shots.size(); i++) {
            assertThat(shots.get(i).time()).isGreaterThanOrEqualTo(shots.get(i - 1).dwellEnd());
        }
        // no interceptors in this world: every kill is the laser's
        assertThat(events.stream().filter(e -> e instanceof SimEvent.InterceptorLaunched)).isEmpty();
    }
}
