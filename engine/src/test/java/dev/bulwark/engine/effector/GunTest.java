package dev.bulwark.engine.effector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import org.junit.jupiter.api.Test;

class GunTest {

    static final GeodeticPoint TOWN = GeodeticPoint.ofDegrees(31.525, 34.5975, 0);

    /**
     * A C-RAM-like gun: 2 km reach, 50 m floor, 2 s reaction, 1 s bursts at 4,500 rounds/min
     * (75 rounds), 1,550-round drum, 1,100 m/s muzzle velocity losing 40% of its speed per km,
     * 1.5 mrad dispersion, 3 m/s aim error per second of flight, 1 m lethal radius, 0.5 kill per hit.
     */
    static GunSpec spec(GeodeticPoint site, int magazine, int reserve, double minAltitudeM) {
        return new GunSpec("G1", site, 2_000, minAltitudeM, 800, 2, 1, 4_500, magazine, reserve, 300, 1_100, 0.4e-3,
                1.5e-3, 3, 1, 0.5, 30, 2);
    }

    static GunSpec spec() {
        return spec(TOWN, 1_550, 3_100, 50);
    }

    /** The 120 mm mortar bomb of LaserTest: ~2.5 km, ~25 s of flight, onto the town. */
    static Trajectory mortar() {
        return mortar(0);
    }

    /** The same bomb fired at a time (s). */
    static Trajectory mortar(double launch) {
        return new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600)
                .solve(LaserTest.MORTAR, launch, GeodeticPoint.ofDegrees(31.525, 34.575, 0), TOWN).trajectory();
    }

    @Test
    void theBurstKillProbabilityIsTheFormulaAndFallsWithRange() {
        GunSpec g = spec();
        assertThat(g.roundsPerBurst()).isEqualTo(75);
        // T(R) = (e^(kR) − 1)/(k v0); σ = σθ R + σv T; p = pkh (1 − exp(−r²/2σ²)); P = 1 − (1 − p)^n
        double r = 1_000;
        double t = (Math.exp(0.4) - 1) / (0.4e-3 * 1_100);
        assertThat(g.timeOfFlightS(r)).isCloseTo(t, within(1e-12));
        double sigma = 1.5e-3 * r + 3 * t;
        double p = 0.5 * (1 - Math.exp(-1 / (2 * sigma * sigma)));
        assertThat(g.roundKillProbability(r)).isCloseTo(p, within(1e-15));
        assertThat(g.probabilityOfKill(r)).isCloseTo(1 - Math.pow(1 - p, 75), within(1e-12));
        assertThat(g.probabilityOfKill(r)).isCloseTo(0.547, within(0.005));
        assertThat(g.probabilityOfKill(r, 1)).isCloseTo(p, within(1e-15));
        double previous = 1;
        for (double range = 400; range <= 2_000; range += 100) {
            double pk = g.probabilityOfKill(range);
            assertThat(pk).isLessThan(previous).isGreaterThan(0);
            previous = pk;
        }
        // without deceleration the time of flight is R / v0
        GunSpec drag0 = new GunSpec("G0", TOWN, 2_000, 50, 800, 2, 1, 4_500, 1_550, 0, 300, 1_100, 0, 1.5e-3, 3, 1, 0.5,
                30, 2);
        assertThat(drag0.timeOfFlightS(1_100)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aMortarOverTheGunIsPlannedWithinReachAboveTheFloorAndBeforeImpact() {
        Gun gun = new Gun(spec(), 0, Ellipsoid.WGS84);
        Trajectory m = mortar();
        GunPlan plan = gun.plan(m, 2.0);
        assertThat(plan).isNotNull();
        assertThat(plan.fireStart()).isGreaterThanOrEqualTo(2.0 + 2.0);
        assertThat(plan.fireEnd() - plan.fireStart()).isCloseTo(1.0, within(1e-12));
        assertThat(plan.interceptTime() + 0.5).isLessThanOrEqualTo(m.impactTime());
        assertThat(plan.rangeM()).isLessThanOrEqualTo(2_000);
        assertThat(plan.altitudeM()).isGreaterThanOrEqualTo(50);
        assertThat(plan.rounds()).isEqualTo(75);
        assertThat(plan.probabilityOfKill()).isCloseTo(spec().probabilityOfKill(plan.rangeM()), within(1e-12));
        // the first round leaves the time of flight before the burst's middle arrives
        assertThat(plan.interceptTime() - plan.fireStart() - 0.5)
                .isCloseTo(spec().timeOfFlightS(plan.rangeM()), within(1e-9));
        // the earliest burst within 0.01 of the best of the window (0.1 s grid)
        double[] x = new double[6];
        double[] site = Ellipsoid.WGS84.toEcef(TOWN);
        for (double tau = 4.5; tau + 0.5 <= m.impactTime(); tau += 0.1) {
            m.stateAt(tau, x);
            double range = Math.sqrt(sq(x[0] - site[0]) + sq(x[1] - site[1]) + sq(x[2] - site[2]));
            boolean feasible = range <= 2_000 && Ellipsoid.WGS84.height(x[0], x[1], x[2]) >= 50
                    && tau - spec().timeOfFlightS(range) - 0.5 >= 4.0;
            if (feasible) {
                assertThat(spec().probabilityOfKill(range)).isLessThanOrEqualTo(plan.probabilityOfKill() + 0.01);
                if (tau < plan.interceptTime() - 0.05) {
                    assertThat(spec().probabilityOfKill(range)).isLessThan(plan.probabilityOfKill());
                }
            }
        }
    }

    @Test
    void noPlanOutOfRangeBelowTheFloorOrTooLate() {
        Trajectory m = mortar();
        // 10 km away: never within 2 km
        Gun far = new Gun(spec(GeodeticPoint.ofDegrees(31.60, 34.5975, 0), 1_550, 0, 50), 0, Ellipsoid.WGS84);
        assertThat(far.plan(m, 2.0)).isNull();
        // a floor above the bomb's apogee
        Gun high = new Gun(spec(TOWN, 1_550, 0, m.apogeeAltitude() + 10), 0, Ellipsoid.WGS84);
        assertThat(high.plan(m, 2.0)).isNull();
        // a fire control that cannot follow a bomb falling at ~100 m/s
        GunSpec s = spec();
        Gun slow = new Gun(new GunSpec("slow", TOWN, s.maxRangeM(), s.minAltitudeM(), 60, s.reactionS(), s.burstS(),
                s.roundsPerMinute(), s.magazineRounds(), s.reserveRounds(), s.reloadS(), s.muzzleVelocityMps(),
                s.decelerationPerM(), s.dispersionRad(), s.aimErrorMps(), s.lethalRadiusM(), s.killGivenHit(),
                s.costPerRoundUsd(), s.layer()), 0, Ellipsoid.WGS84);
        assertThat(slow.plan(m, 2.0)).isNull();
        // decided two seconds before impact: the reaction time leaves no burst before it
        Gun gun = new Gun(spec(), 0, Ellipsoid.WGS84);
        assertThat(gun.plan(m, m.impactTime() - 2.0)).isNull();
        assertThat(gun.plan(m, 2.0)).isNotNull();
    }

    @Test
    void oneTargetAtATimeBusyUntilTheBurstEnds() {
        Gun gun = new Gun(spec(), 0, Ellipsoid.WGS84);
        Trajectory m = mortar();
        GunPlan plan = gun.plan(m, 2.0);
        gun.engage(plan);
        assertThat(gun.free(plan.fireEnd() - 0.01)).isFalse();
        assertThat(gun.plan(m, plan.fireEnd() - 0.01)).isNull();
        assertThat(gun.free(plan.fireEnd())).isTrue();
        assertThat(gun.bursts()).isEqualTo(1);
        assertThat(gun.roundsFired()).isEqualTo(75);
        assertThat(gun.ready(plan.fireEnd())).isEqualTo(1_550 - 75);
    }

    @Test
    void anEmptyMagazineIsReloadedFromTheReserve() {
        // a 100-round magazine with 60 in reserve: a full burst, a short one of 25, then a reload
        Gun gun = new Gun(spec(TOWN, 100, 60, 50), 0, Ellipsoid.WGS84);
        Trajectory m = mortar();
        GunPlan first = gun.plan(m, 2.0);
        assertThat(first.rounds()).isEqualTo(75);
        gun.engage(first);
        GunPlan second = gun.plan(mortar(first.fireEnd()), first.fireEnd());
        assertThat(second).isNotNull();
        assertThat(second.rounds()).isEqualTo(25);
        assertThat(second.probabilityOfKill()).isLessThan(spec().probabilityOfKill(second.rangeM()));
        gun.engage(second);
        double due = second.fireEnd() + 300;
        assertThat(gun.free(second.fireEnd())).isFalse();
        assertThat(gun.free(due - 0.01)).isFalse();
        assertThat(gun.ready(due)).isEqualTo(60);
        assertThat(gun.reserve(due)).isZero();
        assertThat(gun.free(due)).isTrue();
        // the last 60 rounds spent, nothing is left to reload
        GunPlan third = new GunPlan(0, due, due + 1, due + 2, 1_000, 500, 60, 0.5);
        gun.engage(third);
        assertThat(gun.ready(due + 10_000)).isZero();
        assertThat(gun.free(due + 10_000)).isFalse();
        assertThat(gun.roundsFired()).isEqualTo(160);
    }

    private static double sq(double v) {
        return v * v;
    }
}
