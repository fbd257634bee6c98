package dev.bulwark.engine.effector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.flight.interceptor.InterceptorPerformance;
import dev.bulwark.engine.flight.interceptor.InterceptorType;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sim.TinyWorlds;
import org.junit.jupiter.api.Test;

class BatteryTest {

    private final Trajectory path = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600)
            .solve(TinyWorlds.QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0),
                    GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory();

    @Test
    void plannedInterceptIsTheEarliestReachablePointInsideTheEnvelope() {
        BatterySpec spec = TinyWorlds.battery("B", 31.52, 34.68, 20);
        Battery battery = new Battery(spec, 0, Ellipsoid.WGS84);
        InterceptPlan plan = battery.plan(path, 5.0);
        assertThat(plan).isNotNull();
        assertThat(plan.launchTime()).isEqualTo(5.0 + spec.launchDelayS());
        assertThat(plan.interceptTime()).isLessThan(path.impactTime());
        // the time of flight is the interceptor model's, from its table
        InterceptorPerformance performance = InterceptorPerformance.of(spec.interceptor());
        double height = plan.altitudeM() - spec.site().altitude();
        assertThat(performance.envelope().contains(plan.groundRangeM(), height)).isTrue();
        double flightTime = performance.timeOfFlight().timeOfFlight(plan.groundRangeM(), height);
        assertThat(plan.interceptTime() - plan.launchTime()).isCloseTo(flightTime, within(2e-3));
        // earliest: 0.1 s earlier the path was out of the envelope or out of the interceptor's reach in time
        double earlier = plan.interceptTime() - 0.1;
        double[] q = new double[6];
        path.stateAt(earlier, q);
        double[] enu = new double[3];
        new LocalFrame(Ellipsoid.WGS84, spec.site()).ecefToEnu(q[0], q[1], q[2], enu);
        double range = Math.hypot(enu[0], enu[1]);
        double h = Ellipsoid.WGS84.height(q[0], q[1], q[2]) - spec.site().altitude();
        boolean reachable = performance.envelope().contains(range, h)
                && performance.timeOfFlight().timeOfFlight(range, h) <= earlier - plan.launchTime();
        assertThat(reachable).isFalse();
        assertThat(plan.altitudeM()).isBetween(spec.minAltitudeM(), spec.maxAltitudeM());
        assertThat(plan.groundRangeM()).isBetween(spec.minRangeM(), spec.maxRangeM());
        double[] p = plan.point();
        // the point lies on the path
        double[] s = new double[6];
        path.stateAt(plan.interceptTime(), s);
        assertThat(s[0]).isCloseTo(p[0], within(1e-6));
    }

    @Test
    void spellsInsideTheEnvelopeEndWhereTheConditionSwitches() {
        BatterySpec spec = TinyWorlds.battery("B", 31.52, 34.68, 20);
        Battery battery = new Battery(spec, 0, Ellipsoid.WGS84);
        double[] spells = battery.spellsInside(path);
        assertThat(spells.length).isPositive().isEven();
        double[] s = new double[6];
        for (int k = 0; k < spells.length; k++) {
            boolean entering = k % 2 == 0;
            double t = spells[k];
            if (t > path.startTime() && t < path.impactTime()) {
                // the switch is located to 1 ms: 2 ms either side the condition differs
                path.stateAt(t - 2e-3, s);
                assertThat(battery.covers(s)).as("before switch %d at %.4f s", k, t).isEqualTo(!entering);
                path.stateAt(t + 2e-3, s);
                assertThat(battery.covers(s)).as("after switch %d at %.4f s", k, t).isEqualTo(entering);
            }
        }
        // and inside every spell the condition holds throughout (checked every 50 ms)
        for (int k = 0; k < spells.length; k += 2) {
            for (double t = spells[k] + 2e-3; t < spells[k + 1] - 2e-3; t += 0.05) {
                path.stateAt(t, s);
                assertThat(battery.covers(s)).isTrue();
            }
        }
        // the planned intercept lies inside a spell
        InterceptPlan plan = battery.plan(path, 5.0);
        boolean inside = false;
        for (int k = 0; k < spells.length; k += 2) {
            inside |= plan.interceptTime() >= spells[k] && plan.interceptTime() <= spells[k + 1];
        }
        assertThat(inside).isTrue();
    }

    @Test
    void aDeliveryFillsTheReserveAndStartsReloadingEmptyLaunchers() {
        BatterySpec s = TinyWorlds.battery("B", 31.52, 34.68, 2);
        // two launchers of two rounds, no reserve, 600 s reloads
        BatterySpec spec = new BatterySpec(s.name(), s.site(), 2, 2, 0, 600, s.minRangeM(), s.maxRangeM(),
                s.minAltitudeM(), s.maxAltitudeM(), s.interceptor(), s.launchDelayS(), s.probabilityOfKill(),
                s.costPerInterceptorUsd(), s.divertRadiusM());
        Battery battery = new Battery(spec, 0, Ellipsoid.WGS84);
        for (int i = 0; i < 3; i++) {
            assertThat(battery.fire(10)).isNaN(); // nothing in reserve: no reload starts
        }
        assertThat(battery.stock()).isEqualTo(1);
        assertThat(battery.stockFraction()).isEqualTo(0.25);
        // one launcher is empty, the other holds one round: only the empty one starts reloading
        double[] due = battery.deliver(5, 100);
        assertThat(due).containsExactly(700.0);
        assertThat(battery.reserve()).isEqualTo(5);
        assertThat(battery.deliver(1, 200)).isEmpty(); // already reloading
        assertThat(battery.completeReloads(700)).isTrue();
        assertThat(battery.ready()).isEqualTo(3);
        assertThat(battery.reserve()).isEqualTo(4);
        assertThat(battery.stock()).isEqualTo(7);
    }

    @Test
    void noPlanWhenThePathNeverEntersTheEnvelope() {
        BatterySpec far = new BatterySpec("far", GeodeticPoint.ofDegrees(32.2, 35.2, 0), 1, 20, 0, 600, 0,
                Double.POSITIVE_INFINITY, 300, Double.POSITIVE_INFINITY, InterceptorType.TAMIR_CLASS, 2, 0.9, 50_000, 150);
        assertThat(new Battery(far, 0, Ellipsoid.WGS84).plan(path, 5.0)).isNull();
        // a doctrine floor above the rocket's apogee leaves nothing to engage
        BatterySpec lowCeiling = new BatterySpec("low", GeodeticPoint.ofDegrees(31.52, 34.68, 0), 1, 20, 0, 600, 0,
                Double.POSITIVE_INFINITY, 9_000, Double.POSITIVE_INFINITY, InterceptorType.TAMIR_CLASS, 2, 0.9, 50_000,
                150);
        assertThat(new Battery(lowCeiling, 0, Ellipsoid.WGS84).plan(path, 5.0)).isNull();
    }

    @Test
    void tooLateToInterceptGivesNoPlan() {
        Battery battery = new Battery(TinyWorlds.battery("B", 31.52, 34.68, 20), 0, Ellipsoid.WGS84);
        assertThat(battery.plan(path, path.impactTime() - 1.0)).isNull();
    }

    @Test
    void firingEmptiesTheFullestLauncherAndReloadsFromReserve() {
        BatterySpec spec = new BatterySpec("B", GeodeticPoint.ofDegrees(31.52, 34.68, 0), 2, 2, 3, 100, 0,
                Double.POSITIVE_INFINITY, 300, Double.POSITIVE_INFINITY, InterceptorType.TAMIR_CLASS, 2, 0.9, 50_000, 150);
        Battery b = new Battery(spec, 0, Ellipsoid.WGS84);
        assertThat(b.ready()).isEqualTo(4);
        assertThat(b.fire(0)).isNaN();
        assertThat(b.fire(1)).isNaN(); // the other launcher, which was fuller
        assertThat(b.fire(2)).isEqualTo(102.0); // first launcher empty: reload due
        assertThat(b.ready()).isEqualTo(1);
        assertThat(b.completeReloads(101)).isFalse();
        assertThat(b.completeReloads(102)).isTrue();
        assertThat(b.ready()).isEqualTo(3);
        assertThat(b.reserve()).isEqualTo(1);
        assertThat(b.fired()).isEqualTo(3);
        b.fire(3);
        b.fire(4);
        assertThat(b.fire(5)).isEqualTo(105.0);
        assertThat(b.completeReloads(200)).isTrue();
        assertThat(b.ready()).isEqualTo(1); // only one reserve round was left
        assertThat(b.reserve()).isZero();
        b.fire(201);
        assertThatThrownBy(() -> b.fire(202)).isInstanceOf(IllegalStateException.class).hasMessageContaining("B");
    }
}
