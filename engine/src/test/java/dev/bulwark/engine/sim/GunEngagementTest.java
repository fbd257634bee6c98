package dev.bulwark.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.GunSpec;
import dev.bulwark.engine.flight.Boost;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.track.TrackerSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gun in the simulation: mortar bombs the battery cannot reach are handed over to the gun at the
 * town, which fires one burst at a time; the outcome is decided on the true bomb, and the summary
 * counts the bursts, rounds and their cost.
 */
class GunEngagementTest {

    /** A 120 mm mortar bomb on a light charge, fired at the town from ~2 km west. */
    private static final ThreatType MORTAR = new ThreatType("mortar", 15, 0.0113, DragTable.constant(0.15),
            new Boost.BurnoutSpeed(170), Math.toRadians(45), Math.toRadians(85), ThreatType.AngleOfFire.HIGH, 0.01,
            100, 0.02);

    @Test
    void mortarsNoBatteryReachesGoToTheGunOneBurstAtATime() {
        GunSpec gun = new GunSpec("Gun-Sderot", GeodeticPoint.ofDegrees(31.525, 34.5975, 0), 2_000, 50, 800, 2, 1, 4_500,
                1_550, 0, 300, 1_100, 0.4e-3, 1.5e-3, 3, 1, 0.5, 30, 2);
        // a battery limited by doctrine to 1 km around a site 20 km north: it never reaches the bombs
        BatterySpec s = TinyWorlds.battery("Far", 31.70, 34.60, 20);
        BatterySpec far = new BatterySpec(s.name(), s.site(), s.launchers(), s.roundsPerLauncher(), s.reserveRounds(),
                s.reloadTimeS(), s.minRangeM(), 1_000, s.minAltitudeM(), s.maxAltitudeM(), s.interceptor(),
                s.launchDelayS(), 0.9, s.costPerInterceptorUsd(), s.divertRadiusM());
        RaidSpec mortars = new RaidSpec("mortars", MORTAR, TinyWorlds.box(31.522, 34.574, 31.527, 34.578),
                TinyWorlds.town().boundary(), "Sderot", 6, 10, 2);
        World world = new World("gun", GeodeticPoint.ofDegrees(31.52, 34.55, 0), 11, 600, EarthModel.WGS84,
                List.of(TinyWorlds.town()), List.of(TinyWorlds.radar("R1", 31.45, 34.62)), List.of(far),
                List.of(mortars), Doctrine.DEFAULT, TrackerSettings.DEFAULT, List.of(), List.of(), List.of(gun));
        Simulation sim = new Simulation(world);
        List<SimEvent> events = new ArrayList<>();
        sim.bus().subscribe(events::add);
        RunSummary summary = sim.run(ProgressListener.NONE);

        List<SimEvent.GunEngaged> bursts = events.stream().filter(e -> e instanceof SimEvent.GunEngaged)
                .map(e -> (SimEvent.GunEngaged) e).toList();
        List<SimEvent.GunOutcome> outcomes = events.stream().filter(e -> e instanceof SimEvent.GunOutcome)
                .map(e -> (SimEvent.GunOutcome) e).toList();
        assertThat(bursts).isNotEmpty();
        assertThat(outcomes).hasSameSizeAs(bursts);
        // one target at a time: a burst is decided only after the previous one ended
        for (int i = 1; i < bursts.size(); i++) {
            assertThat(bursts.get(i).time()).isGreaterThanOrEqualTo(bursts.get(i - 1).fireEnd());
        }
        for (SimEvent.GunEngaged b : bursts) {
            assertThat(b.fireStart()).isGreaterThanOrEqualTo(b.time() + 2.0);
            assertThat(b.rangeM()).isLessThanOrEqualTo(2_000);
            assertThat(b.rounds()).isEqualTo(75);
        }
        // decided on the true bomb: a kill within reach, with the kill probability at its true range
        assertThat(outcomes).filteredOn(SimEvent.GunOutcome::kill).isNotEmpty().allSatisfy(o -> {
            assertThat(o.rangeM()).isLessThanOrEqualTo(2_000);
            assertThat(o.probabilityOfKill()).isEqualTo(gun.probabilityOfKill(o.rangeM(), 75));
        });
        // the battery could not: each burst was handed over from layer 1 to the gun's layer 2
        List<SimEvent.Handover> handovers = events.stream().filter(e -> e instanceof SimEvent.Handover)
                .map(e -> (SimEvent.Handover) e).toList();
        assertThat(handovers).hasSameSizeAs(bursts).allSatisfy(h -> {
            assertThat(h.battery()).isEqualTo("Gun-Sderot");
            assertThat(h.fromLayer()).isEqualTo(1);
            assertThat(h.toLayer()).isEqualTo(2);
            assertThat(h.reason()).isEqualTo("no_feasible_intercept");
        });
        assertThat(events.stream().filter(e -> e instanceof SimEvent.InterceptorLaunched)).isEmpty();
        // the summary counts the bursts, rounds and their cost; every gun kill is an interception
        assertThat(summary.gunBursts()).isEqualTo(bursts.size());
        assertThat(summary.gunRounds()).isEqualTo(75 * bursts.size());
        assertThat(summary.gunCostUsd()).isEqualTo(30.0 * 75 * bursts.size());
        assertThat(summary.intercepted()).isEqualTo(outcomes.stream().filter(SimEvent.GunOutcome::kill).count());
        assertThat(summary.interceptorsFired()).isZero();
    }
}
