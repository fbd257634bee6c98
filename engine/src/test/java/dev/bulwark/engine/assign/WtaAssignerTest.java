package dev.bulwark.engine.assign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.KillProbabilities;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatClass.Category;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.TinyWorlds;
import dev.bulwark.engine.threat.Assessment;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The in-cycle weapon-target assigner gives the assignment its objective says, on small hand-built cycles. */
class WtaAssignerTest {

    private final Aiming aiming = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600);
    private final Trajectory path = aiming.solve(TinyWorlds.QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0),
            GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory();

    private Assessment assessment(int trackId, double pDefended, double value) {
        return new Assessment(trackId, 5.0, path, path.impactPoint(), path.impactTime(), 0, 0, 100, 0, 100,
                new double[] {pDefended}, pDefended, pDefended > 0 ? 0 : -1, value * pDefended);
    }

    private static Battery battery(int index, double lat, double lon, int rounds, double pk, double cost, int layer) {
        BatterySpec s = TinyWorlds.battery("B" + index, lat, lon, rounds);
        BatterySpec spec = new BatterySpec(s.name(), s.site(), s.launchers(), s.roundsPerLauncher(), s.reserveRounds(),
                s.reloadTimeS(), s.minRangeM(), s.maxRangeM(), s.minAltitudeM(), s.maxAltitudeM(),
                s.interceptor(), s.launchDelayS(), pk, cost, s.divertRadiusM(), KillProbabilities.uniform(pk), layer);
        return new Battery(spec, index, Ellipsoid.WGS84);
    }

    /** Confident at once (no wait), one shot at a time. */
    private static Doctrine doctrine(Doctrine.Assignment algorithm, double lambda) {
        return new Doctrine(0.2, 0.2, 1.0, 1, 2, true, 10_000).withAssignment(algorithm, lambda);
    }

    private static List<Decision> assign(Doctrine d, List<Assessment> as, List<Battery> bs, List<Laser> lasers,
            Map<Integer, EngagementState> states) {
        return d.assigner().assign(5.0, as, id -> states.getOrDefault(id, EngagementState.NONE), bs, lasers);
    }

    @ParameterizedTest
    @EnumSource(value = Doctrine.Assignment.class, names = {"GREEDY", "EXACT", "LNS"})
    void oneRoundGoesToTheHigherWeightedValue(Doctrine.Assignment algorithm) {
        List<Battery> bs = List.of(battery(0, 31.52, 34.68, 1, 0.9, 50_000, 1));
        // the first threat is surer but threatens less value: 0.9 x 40 = 36 < 0.5 x 100 = 50
        List<Decision> d = assign(doctrine(algorithm, 0), List.of(assessment(1, 0.9, 40), assessment(2, 0.5, 100)),
                bs, List.of(), Map.of());
        assertThat(d).extracting(Decision::trackId).containsExactly(2, 1);
        assertThat(d.get(0).reason()).isEqualTo(Reason.ENGAGED);
        assertThat(d.get(0).rounds()).isEqualTo(1);
        assertThat(d.get(1).reason()).isEqualTo(Reason.ASSIGNED_ELSEWHERE);
    }

    @ParameterizedTest
    @EnumSource(value = Doctrine.Assignment.class, names = {"GREEDY", "EXACT", "LNS"})
    void aLargeCostWeightEngagesNothing(Doctrine.Assignment algorithm) {
        List<Battery> bs = List.of(battery(0, 31.52, 34.68, 20, 0.9, 50_000, 1));
        // a round saves at most 0.9 x 0.8 x 100 = 72; at 0.01 per USD it costs 500
        List<Decision> d = assign(doctrine(algorithm, 0.01), List.of(assessment(1, 0.8, 100)), bs, List.of(), Map.of());
        assertThat(d).singleElement().extracting(Decision::reason).isEqualTo(Reason.NOT_WORTH_COST);
        // at 0.001 per USD (50) the same round pays
        d = assign(doctrine(algorithm, 0.001), List.of(assessment(1, 0.8, 100)), bs, List.of(), Map.of());
        assertThat(d).singleElement().extracting(Decision::reason).isEqualTo(Reason.ENGAGED);
    }

    @ParameterizedTest
    @EnumSource(value = Doctrine.Assignment.class, names = {"GREEDY", "EXACT", "LNS"})
    void eachThreatGetsOneRoundPerCycleAndTheBetterBatteryGoesWhereItMattersMost(Doctrine.Assignment algorithm) {
        // two batteries of one round each, Pk 0.9 and 0.5; both threats reachable by both: the
        // optimum puts the better round on the more valuable threat (0.9*80 + 0.5*20 > 0.5*80 + 0.9*20)
        List<Battery> bs = List.of(battery(0, 31.52, 34.68, 1, 0.5, 50_000, 1),
                battery(1, 31.50, 34.66, 1, 0.9, 50_000, 1));
        List<Decision> d = assign(doctrine(algorithm, 0), List.of(assessment(1, 0.8, 100), assessment(2, 0.8, 25)), bs,
                List.of(), Map.of());
        assertThat(d).allSatisfy(x -> assertThat(x.reason()).isEqualTo(Reason.ENGAGED));
        assertThat(d).allSatisfy(x -> assertThat(x.rounds()).isEqualTo(1));
        assertThat(d.get(0).trackId()).isEqualTo(1);
        assertThat(d.get(0).plan().battery()).isEqualTo(1);
        assertThat(d.get(1).plan().battery()).isEqualTo(0);
    }

    @Test
    void theDoctrineRulesStillApply() {
        List<Battery> bs = List.of(battery(0, 31.52, 34.68, 20, 0.9, 50_000, 1));
        Doctrine d = doctrine(Doctrine.Assignment.EXACT, 0);
        assertThat(assign(d, List.of(assessment(1, 0.1, 100)), bs, List.of(), Map.of()).get(0).reason())
                .isEqualTo(Reason.OPEN_GROUND);
        assertThat(assign(d, List.of(assessment(1, 0.8, 100)), bs, List.of(), Map.of(1, new EngagementState(1, 1,
                false))).get(0).reason()).isEqualTo(Reason.INTERCEPTOR_IN_FLIGHT);
        assertThat(assign(d, List.of(assessment(1, 0.8, 100)), bs, List.of(), Map.of(1, new EngagementState(0, 2,
                false))).get(0).reason()).isEqualTo(Reason.SHOT_LIMIT);
        Doctrine patient = new Doctrine(0.2, 0.6, 1.0, 1, 1, true, 10_000).withAssignment(Doctrine.Assignment.GREEDY, 0);
        assertThat(assign(patient, List.of(assessment(1, 0.4, 100)), bs, List.of(), Map.of()).get(0).reason())
                .isEqualTo(Reason.AWAITING_CONFIDENCE);
        List<Battery> far = List.of(battery(0, 32.5, 35.5, 20, 0.9, 50_000, 1));
        assertThat(assign(d, List.of(assessment(1, 0.8, 100)), far, List.of(), Map.of()).get(0).reason())
                .isEqualTo(Reason.NO_FEASIBLE_INTERCEPT);
    }

    @Test
    void battleManagementUsesThePkOfTheAssessedCategory() {
        Map<Category, Double> byCategory = new EnumMap<>(Category.class);
        byCategory.put(Category.DRONE, 0.3);
        BatterySpec s = TinyWorlds.battery("B", 31.52, 34.68, 20);
        BatterySpec spec = s.with(new KillProbabilities(0.9, byCategory, Map.of("grad-122", 0.7)), 1);
        Battery b = new Battery(spec, 0, Ellipsoid.WGS84);
        assertThat(Screening.pk(b, assessment(1, 0.8, 100))).isEqualTo(0.9);
        assertThat(Screening.pk(b, assessment(1, 0.8, 100).withCategory(Category.DRONE))).isEqualTo(0.3);
        // the truth's type decides the kill draw, not battle management
        assertThat(spec.killProbabilities().against(TinyWorlds.QASSAM)).isEqualTo(0.9);
    }

    @ParameterizedTest
    @EnumSource(value = Doctrine.Assignment.class)
    void aThreatOutOfTheLasersReachGoesToTheBattery(Doctrine.Assignment algorithm) {
        // a laser 60 km away cannot finish the rocket; the battery takes it and the hand-over is recorded
        LaserSpec ls = new LaserSpec("L", GeodeticPoint.ofDegrees(32.0, 35.0, 0), 8_000, 100, 4, 5_000, 0.1, 1, 3,
                0.9, 1, 600);
        List<Laser> lasers = List.of(new Laser(ls, 0, Ellipsoid.WGS84));
        List<Battery> bs = List.of(battery(0, 31.52, 34.68, 20, 0.9, 50_000, 1));
        Decision d = assign(doctrine(algorithm, 0), List.of(assessment(1, 0.8, 100)), bs, lasers, Map.of()).get(0);
        assertThat(d.reason()).isEqualTo(Reason.ENGAGED);
        assertThat(d.laser()).isNull();
        assertThat(d.handover()).isEqualTo(new Handover(Handover.LASER_LAYER, 1, Handover.LASER_CANNOT_FINISH));
        // a laser next to the battery finishes it: no interceptor, no hand-over
        LaserSpec near = new LaserSpec("L", GeodeticPoint.ofDegrees(31.53, 34.59, 0), 8_000, 100, 4, 5_000, 0.1, 1, 3,
                0.9, 1, 600);
        d = assign(doctrine(algorithm, 0), List.of(assessment(1, 0.8, 100)), bs,
                List.of(new Laser(near, 0, Ellipsoid.WGS84)), Map.of()).get(0);
        assertThat(d.laser()).isNotNull();
        assertThat(d.handover()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Doctrine.Assignment.class)
    void aThreatTheUpperLayerCannotTakeGoesToTheLowerLayer(Doctrine.Assignment algorithm) {
        // upper layer: one round, the better Pk; lower layer: plenty
        Battery upper = battery(0, 31.52, 34.68, 1, 0.95, 100_000, 1);
        Battery lower = battery(1, 31.50, 34.66, 20, 0.9, 50_000, 2);
        List<Battery> bs = List.of(upper, lower);
        Doctrine doc = doctrine(algorithm, 0);
        Decision first = assign(doc, List.of(assessment(1, 0.8, 100)), bs, List.of(), Map.of()).get(0);
        assertThat(first.plan().battery()).isEqualTo(0);
        assertThat(first.handover()).isNull();
        upper.fire(0);
        // it missed: the second shot comes from the lower layer, the upper one having no round left
        Decision second = assign(doc, List.of(assessment(1, 0.8, 100)), bs, List.of(),
                Map.of(1, new EngagementState(0, 1, false))).get(0);
        assertThat(second.reason()).isEqualTo(Reason.ENGAGED);
        assertThat(second.plan().battery()).isEqualTo(1);
        assertThat(second.handover()).isEqualTo(new Handover(1, 2, Reason.NO_STOCK.key()));
        // out of the upper layer's reach: handed over with that reason
        Battery farUpper = battery(0, 32.5, 35.5, 20, 0.95, 100_000, 1);
        Decision reach = assign(doc, List.of(assessment(1, 0.8, 100)), List.of(farUpper, lower), List.of(), Map.of())
                .get(0);
        assertThat(reach.plan().battery()).isEqualTo(1);
        assertThat(reach.handover()).isEqualTo(new Handover(1, 2, Reason.NO_FEASIBLE_INTERCEPT.key()));
    }
}
