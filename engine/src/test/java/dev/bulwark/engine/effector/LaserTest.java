package dev.bulwark.engine.effector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.TinyWorlds;
import org.junit.jupiter.api.Test;

class LaserTest {

    /** An Iron Beam-like laser beside the town: 8 km reach, 4 s at 5 km for hardness 1 in clear air. */
    static LaserSpec spec(double extinctionPerKm) {
        return new LaserSpec("L1", GeodeticPoint.ofDegrees(31.52, 34.60, 0), 8_000, 100, 4, 5_000, extinctionPerKm,
                1, 3, 0.9, 1.0, 1_000);
    }

    /** A 120 mm mortar bomb on a light charge: ~2.5 km, ~25 s of flight, at the town from the west. */
    static final ThreatType MORTAR = new ThreatType("mortar", 15, 0.0113,
            dev.bulwark.engine.flight.DragTable.constant(0.15), new dev.bulwark.engine.flight.Boost.BurnoutSpeed(170),
            Math.toRadians(45), Math.toRadians(85), ThreatType.AngleOfFire.HIGH, 0.01, 100, 0.0);

    private static Trajectory fly(ThreatType type, GeodeticPoint from, GeodeticPoint to) {
        return new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600).solve(type, 0, from, to).trajectory();
    }

    @Test
    void dwellGrowsWithTheSquareOfRangeAndTheExtinction() {
        LaserSpec clear = spec(0.1);
        assertThat(clear.dwellS(5_000, 1)).isCloseTo(4.0, within(1e-12));
        assertThat(clear.dwellS(2_500, 1)).isCloseTo(4.0 / 4 * Math.exp(-0.25), within(1e-12));
        assertThat(clear.dwellS(5_000, 0.5)).isCloseTo(2.0, within(1e-12));
        LaserSpec dust = spec(1.0);
        // the weather's extinction acts over the whole path: (1.0 − 0.1) per km over 8 km
        assertThat(dust.dwellS(8_000, 1) / clear.dwellS(8_000, 1)).isCloseTo(Math.exp(0.9 * 8), within(1e-6));
        assertThat(LaserSpec.hardness(ThreatClass.Category.BALLISTIC_MISSILE)).isInfinite();
        assertThat(LaserSpec.hardness(ThreatClass.Category.DRONE))
                .isLessThan(LaserSpec.hardness(ThreatClass.Category.ROCKET_ARTILLERY_MORTAR));
    }

    @Test
    void aMortarOverTheTownIsPlannedAndItsDwellDeliversTheEnergy() {
        Laser laser = new Laser(spec(0.1), 0, Ellipsoid.WGS84);
        Trajectory mortar = fly(MORTAR, GeodeticPoint.ofDegrees(31.525, 34.575, 0),
                GeodeticPoint.ofDegrees(31.525, 34.5975, 0));
        LaserPlan plan = laser.plan(mortar, 2.0);
        assertThat(plan).isNotNull();
        assertThat(plan.startTime()).isGreaterThanOrEqualTo(2.0 + 1.0);
        assertThat(plan.endTime()).isLessThan(mortar.impactTime());
        // along the same path at the planning hardness, the delivered energy is the planning margin
        assertThat(laser.energyFraction(mortar, plan.startTime(), plan.endTime(), 1.0))
                .isCloseTo(Laser.PLANNING_MARGIN, within(0.03));
        // a target twice as hard gets less than it needs in the same time
        assertThat(laser.energyFraction(mortar, plan.startTime(), plan.endTime(), 2.0))
                .isCloseTo(Laser.PLANNING_MARGIN / 2, within(0.02));
        // busy during the dwell, free after it
        laser.engage(plan);
        assertThat(laser.free(plan.endTime() - 0.01)).isFalse();
        assertThat(laser.plan(mortar, plan.startTime())).isNull();
        assertThat(laser.free(plan.endTime())).isTrue();
        assertThat(laser.shots()).isEqualTo(1);
    }

    @Test
    void aThreatItCannotFinishBeforeImpactIsNotPlanned() {
        Trajectory mortar = fly(MORTAR, GeodeticPoint.ofDegrees(31.525, 34.575, 0),
                GeodeticPoint.ofDegrees(31.525, 34.5975, 0));
        // from a laser 2.8 km to the side: in clear air the dwell takes about a second; in thick
        // dust (3 per km) the same mortar needs far more dwell than its flight leaves
        LaserSpec side = spec(0.1);
        LaserSpec clearSide = new LaserSpec("L2", GeodeticPoint.ofDegrees(31.50, 34.59, 0), side.maxRangeM(),
                side.minAltitudeM(), side.referenceDwellS(), side.referenceRangeM(), 0.1, side.slewS(),
                side.costPerShotUsd(), side.probabilityOfKill(), side.planningHardness(), side.maxTargetSpeedMps());
        LaserSpec dustySide = new LaserSpec("L2", GeodeticPoint.ofDegrees(31.50, 34.59, 0), side.maxRangeM(),
                side.minAltitudeM(), side.referenceDwellS(), side.referenceRangeM(), 3.0, side.slewS(),
                side.costPerShotUsd(), side.probabilityOfKill(), side.planningHardness(), side.maxTargetSpeedMps());
        assertThat(new Laser(clearSide, 0, Ellipsoid.WGS84).plan(mortar, 2.0)).isNotNull();
        assertThat(new Laser(dustySide, 0, Ellipsoid.WGS84).plan(mortar, 2.0)).isNull();
        // and in clear air, decided too late
        assertThat(new Laser(spec(0.1), 0, Ellipsoid.WGS84).plan(mortar, mortar.impactTime() - 1.5)).isNull();
        // a rocket that never comes within 8 km
        Trajectory far = fly(TinyWorlds.QASSAM, GeodeticPoint.ofDegrees(31.40, 34.40, 0),
                GeodeticPoint.ofDegrees(31.40, 34.48, 0));
        assertThat(new Laser(spec(0.1), 0, Ellipsoid.WGS84).plan(far, 1.0)).isNull();
    }
}
