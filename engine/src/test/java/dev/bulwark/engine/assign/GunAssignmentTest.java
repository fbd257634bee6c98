package dev.bulwark.engine.assign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.Gun;
import dev.bulwark.engine.effector.GunPlan;
import dev.bulwark.engine.effector.GunSpec;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.effector.LaserPlan;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.TinyWorlds;
import dev.bulwark.engine.threat.Assessment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Guns as the last layer: what no battery can take in time, or what survived its interceptors. */
class GunAssignmentTest {

    private static final GeodeticPoint TOWN = GeodeticPoint.ofDegrees(31.525, 34.5975, 0);
    private final Trajectory path = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600)
            .solve(TinyWorlds.QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0), TOWN).trajectory();

    private Assessment assessment(int trackId) {
        return new Assessment(trackId, 5.0, path, path.impactPoint(), path.impactTime(), 0, 0, 100, 0, 100,
                new double[] {0.9}, 0.9, 0, 90);
    }

    /** A gun at the town, layer 2 (after the default battery layer). */
    private static Gun gun(int index) {
        return new Gun(new GunSpec("G" + index, TOWN, 2_000, 50, 800, 2, 1, 4_500, 1_550, 0, 300, 1_100, 0.4e-3, 1.5e-3, 3,
                1, 0.5, 30, 2), index, Ellipsoid.WGS84);
    }

    /** A battery whose doctrine limits it to 1 km around a site 20 km north: it never reaches the path. */
    private static Battery outOfReach() {
        BatterySpec s = TinyWorlds.battery("far", 31.70, 34.60, 20);
        return new Battery(new BatterySpec(s.name(), s.site(), s.launchers(), s.roundsPerLauncher(), s.reserveRounds(),
                s.reloadTimeS(), s.minRangeM(), 1_000, s.minAltitudeM(), s.maxAltitudeM(), s.interceptor(),
                s.launchDelayS(), 0.9, s.costPerInterceptorUsd(), s.divertRadiusM()), 0, Ellipsoid.WGS84);
    }

    private static List<Decision> assign(Doctrine d, double now, List<Assessment> as, Map<Integer, EngagementState> states,
            List<Battery> bs, List<Gun> guns) {
        return d.assigner().assign(now, as, id -> states.getOrDefault(id, EngagementState.NONE), bs, List.of(), guns);
    }

    /** The first look, a second apart from 5 s, at which the gun takes the threat (the ones before it wait). */
    private double commitTime(Doctrine d, Gun gun, List<Battery> bs) {
        for (double now = 5.0; now < path.impactTime(); now += 1.0) {
            Decision x = assign(d, now, List.of(assessment(1)), Map.of(), bs, List.of(gun)).get(0);
            if (x.engage()) {
                return now;
            }
            assertThat(x.reason()).isEqualTo(Reason.AWAITING_GUN);
        }
        throw new AssertionError("the gun never took the threat");
    }

    private static Doctrine doctrine(Doctrine.Assignment algorithm) {
        return Doctrine.DEFAULT.withAssignment(algorithm, 0);
    }

    @ParameterizedTest
    @EnumSource(Doctrine.Assignment.class)
    void aThreatNoBatteryCanReachWaitsForTheGunThenGoesToIt(Doctrine.Assignment algorithm) {
        Doctrine d = doctrine(algorithm);
        Gun gun = gun(0);
        List<Battery> bs = List.of(outOfReach());
        // early: the gun's burst is far off, so it waits a look and stays free
        assertThat(assign(d, 5.0, List.of(assessment(1)), Map.of(), bs, List.of(gun)).get(0).reason())
                .isEqualTo(Reason.AWAITING_GUN);
        assertThat(gun.plan(path, 5.0)).isNotNull();
        // it commits once waiting a look would lower the burst's probability of kill
        double now = commitTime(d, gun, bs);
        GunPlan later = gun.plan(path, now + d.reassessS());
        assertThat(later == null || later.probabilityOfKill() < gun.plan(path, now).probabilityOfKill()).isTrue();
        List<Decision> ds = assign(d, now, List.of(assessment(1), assessment(2)), Map.of(), bs, List.of(gun));
        Decision first = ds.get(0);
        assertThat(first.reason()).isEqualTo(Reason.ENGAGED);
        assertThat(first.plan()).isNull();
        assertThat(first.gun()).isNotNull();
        assertThat(first.gun().fireStart()).isGreaterThanOrEqualTo(now + 2.0);
        assertThat(first.handover()).isEqualTo(new Handover(1, 2, "no_feasible_intercept"));
        // one target at a time: the second threat of the same cycle finds no gun
        assertThat(ds.get(1).reason()).isEqualTo(Reason.NO_FEASIBLE_INTERCEPT);
        // without the gun, the same threat is held
        assertThat(assign(d, now, List.of(assessment(1)), Map.of(), bs, List.of()).get(0).reason())
                .isEqualTo(Reason.NO_FEASIBLE_INTERCEPT);
    }

    @ParameterizedTest
    @EnumSource(Doctrine.Assignment.class)
    void aThreatABatteryCanReachGoesToTheBatteryNotTheGun(Doctrine.Assignment algorithm) {
        Battery near = new Battery(TinyWorlds.battery("near", 31.50, 34.66, 20), 0, Ellipsoid.WGS84);
        Decision d = assign(doctrine(algorithm), 5.0, List.of(assessment(1)), Map.of(), List.of(near),
                List.of(gun(0))).get(0);
        assertThat(d.reason()).isEqualTo(Reason.ENGAGED);
        assertThat(d.plan()).isNotNull();
        assertThat(d.gun()).isNull();
        assertThat(d.handover()).isNull();
    }

    @Test
    void theGunDoesNotTakeWhatABusyLaserWillFinishOnceFree() {
        Doctrine d = Doctrine.DEFAULT;
        Gun gun = gun(0);
        List<Battery> bs = List.of(outOfReach());
        double now = commitTime(d, gun, bs);
        // an Iron Beam-like laser beside the town, busy for two more seconds
        Laser laser = new Laser(new LaserSpec("L1", GeodeticPoint.ofDegrees(31.52, 34.60, 0), 8_000, 100, 4, 5_000,
                0.1, 1, 3, 0.9, 1.0, 1_000), 0, Ellipsoid.WGS84);
        laser.engage(new LaserPlan(0, now - 5, now + 2));
        assertThat(laser.plan(path, now)).isNull();
        assertThat(laser.plan(path, laser.busyUntil())).isNotNull();
        Decision x = d.assigner().assign(now, List.of(assessment(1)), id -> EngagementState.NONE, bs, List.of(laser),
                List.of(gun)).get(0);
        assertThat(x.engage()).isFalse();
        assertThat(x.reason()).isEqualTo(Reason.NO_FEASIBLE_INTERCEPT);
        // once the laser is free, it takes the threat itself
        Decision y = d.assigner().assign(now + 2, List.of(assessment(1)), id -> EngagementState.NONE, bs,
                List.of(laser), List.of(gun)).get(0);
        assertThat(y.laser()).isNotNull();
        assertThat(y.gun()).isNull();
    }

    @Test
    void aThreatPastTheShotLimitStillGoesToTheGun() {
        Gun gun = gun(0);
        Battery near = new Battery(TinyWorlds.battery("near", 31.50, 34.66, 20), 0, Ellipsoid.WGS84);
        double now = commitTime(Doctrine.DEFAULT, gun, List.of());
        Map<Integer, EngagementState> twoMissed = Map.of(1, new EngagementState(0, 2, false));
        Decision d = assign(Doctrine.DEFAULT, now, List.of(assessment(1)), twoMissed, List.of(near), List.of(gun))
                .get(0);
        assertThat(d.gun()).isNotNull();
        assertThat(d.handover()).isEqualTo(new Handover(1, 2, "shot_limit"));
        assertThat(assign(Doctrine.DEFAULT, now, List.of(assessment(1)), twoMissed, List.of(near), List.of()).get(0)
                .reason()).isEqualTo(Reason.SHOT_LIMIT);
        // a burst on its way holds the threat like an interceptor in flight
        assertThat(assign(Doctrine.DEFAULT, now, List.of(assessment(1)), Map.of(1, new EngagementState(1, 2, false)),
                List.of(near), List.of(gun)).get(0).reason()).isEqualTo(Reason.INTERCEPTOR_IN_FLIGHT);
    }
}
