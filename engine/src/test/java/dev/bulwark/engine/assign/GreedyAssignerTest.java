package dev.bulwark.engine.assign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.InterceptPlan;
import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.parallel.Workers;
import dev.bulwark.engine.sim.TinyWorlds;
import dev.bulwark.engine.threat.Assessment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GreedyAssignerTest {

    private final Aiming aiming = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600);
    private final Trajectory path = aiming.solve(TinyWorlds.QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0),
            GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory();

    private Assessment assessment(int trackId, double pDefended, double value) {
        return new Assessment(trackId, 5.0, path, path.impactPoint(), path.impactTime(), 0, 0, 100, 0, 100,
                new double[] {pDefended}, pDefended, pDefended > 0 ? 0 : -1, value * pDefended);
    }

    private static Battery battery(int index, String name, double lat, double lon, int rounds, double pk) {
        BatterySpec s = TinyWorlds.battery(name, lat, lon, rounds);
        BatterySpec spec = new BatterySpec(s.name(), s.site(), s.launchers(), s.roundsPerLauncher(), s.reserveRounds(),
                s.reloadTimeS(), s.minRangeM(), s.maxRangeM(), s.minAltitudeM(), s.maxAltitudeM(),
                s.interceptor(), s.launchDelayS(), pk, s.costPerInterceptorUsd(), s.divertRadiusM());
        return new Battery(spec, index, Ellipsoid.WGS84);
    }

    private static List<Decision> assign(Doctrine d, List<Assessment> as, Map<Integer, EngagementState> states,
            List<Battery> bs) {
        return new GreedyAssigner(d).assign(5.0, as, id -> states.getOrDefault(id, EngagementState.NONE), bs);
    }

    @Test
    void threatsBoundForOpenGroundAreHeld() {
        List<Decision> d = assign(Doctrine.DEFAULT, List.of(assessment(1, 0.1, 100)), Map.of(),
                List.of(battery(0, "B", 31.52, 34.68, 20, 0.9)));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(Reason.OPEN_GROUND);
            assertThat(x.engage()).isFalse();
        });
    }

    @Test
    void aThreatToATownIsEngagedByTheBatteryWithTheBestKillProbability() {
        List<Battery> bs = List.of(battery(0, "weak", 31.52, 34.68, 20, 0.6), battery(1, "strong", 31.50, 34.66, 20, 0.9));
        List<Decision> d = assign(Doctrine.DEFAULT, List.of(assessment(1, 0.8, 100)), Map.of(), bs);
        assertThat(d.get(0).reason()).isEqualTo(Reason.ENGAGED);
        assertThat(d.get(0).plan().battery()).isEqualTo(1);
        assertThat(d.get(0).rounds()).isEqualTo(1);
    }

    @Test
    void aBatteryLowOnStockSavesItsRoundsForSureThreats() {
        // 20 rounds, no reserve; save below half the stock unless the threat is 90% sure
        Doctrine saving = new Doctrine(0.2, 0.6, 1.0, 1, 2, true, 10_000, 0.5, 0.9);
        Battery b = battery(0, "B", 31.52, 34.68, 20, 0.9);
        List<Assessment> likely = List.of(assessment(1, 0.8, 100));
        List<Assessment> sure = List.of(assessment(2, 0.95, 100));
        // full: engages the 80% threat
        assertThat(assign(saving, likely, Map.of(), List.of(b)).get(0).reason()).isEqualTo(Reason.ENGAGED);
        for (int i = 0; i < 11; i++) {
            b.fire(0);
        }
        assertThat(b.stockFraction()).isEqualTo(9 / 20.0);
        // below half: holds the 80% threat to save stock, still engages the 95% one
        assertThat(assign(saving, likely, Map.of(), List.of(b)).get(0).reason()).isEqualTo(Reason.STOCK_SAVED);
        assertThat(assign(saving, sure, Map.of(), List.of(b)).get(0).reason()).isEqualTo(Reason.ENGAGED);
        // the default doctrine never saves
        assertThat(assign(Doctrine.DEFAULT, likely, Map.of(), List.of(b)).get(0).reason()).isEqualTo(Reason.ENGAGED);
    }

    @Test
    void shootLookShootWaitsForTheOutcomeAndRespectsTheShotLimit() {
        List<Battery> bs = List.of(battery(0, "B", 31.52, 34.68, 20, 0.9));
        List<Assessment> as = List.of(assessment(1, 0.8, 100));
        assertThat(assign(Doctrine.DEFAULT, as, Map.of(1, new EngagementState(1, 1, false)), bs).get(0).reason())
                .isEqualTo(Reason.INTERCEPTOR_IN_FLIGHT);
        assertThat(assign(Doctrine.DEFAULT, as, Map.of(1, new EngagementState(0, 1, false)), bs).get(0).reason())
                .isEqualTo(Reason.ENGAGED);
        assertThat(assign(Doctrine.DEFAULT, as, Map.of(1, new EngagementState(0, 2, false)), bs).get(0).reason())
                .isEqualTo(Reason.SHOT_LIMIT);
        assertThat(assign(Doctrine.DEFAULT, as, Map.of(1, new EngagementState(0, 1, true)), bs).get(0).reason())
                .isEqualTo(Reason.DESTROYED);
        Doctrine oneShot = new Doctrine(0.2, 0.6, 1.0, 1, 2, false, 10_000);
        assertThat(assign(oneShot, as, Map.of(1, new EngagementState(0, 1, false)), bs).get(0).reason())
                .isEqualTo(Reason.SHOT_LIMIT);
    }

    @Test
    void stockIsSharedWithinACycleAndHigherValueGoesFirst() {
        List<Battery> bs = List.of(battery(0, "B", 31.52, 34.68, 1, 0.9));
        List<Decision> d = assign(Doctrine.DEFAULT,
                List.of(assessment(1, 0.5, 100), assessment(2, 0.9, 100)), Map.of(), bs);
        assertThat(d).extracting(Decision::trackId).containsExactly(2, 1);
        assertThat(d.get(0).reason()).isEqualTo(Reason.ENGAGED);
        assertThat(d.get(1).reason()).isEqualTo(Reason.NO_STOCK);
    }

    @Test
    void anInconclusivePredictionWaitsWhileThereIsTimeToLookAgain() {
        List<Battery> bs = List.of(battery(0, "B", 31.52, 34.68, 20, 0.9));
        Doctrine singleShot = new Doctrine(0.2, 0.6, 1.0, 1, 1, true, 10_000);
        // P = 0.4: above the threshold, below the confidence level; early in flight there is time
        assertThat(assign(singleShot, List.of(assessment(1, 0.4, 100)), Map.of(), bs).get(0).reason())
                .isEqualTo(Reason.AWAITING_CONFIDENCE);
        // the same prediction is engaged at once when confident
        assertThat(assign(singleShot, List.of(assessment(1, 0.7, 100)), Map.of(), bs).get(0).reason())
                .isEqualTo(Reason.ENGAGED);
        // and when the look-again time would leave no intercept, it is engaged now
        Doctrine impatient = new Doctrine(0.2, 0.6, 1_000, 1, 1, true, 10_000);
        assertThat(assign(impatient, List.of(assessment(1, 0.4, 100)), Map.of(), bs).get(0).reason())
                .isEqualTo(Reason.ENGAGED);
        // a doctrine whose confidence equals its threshold never waits
        Doctrine eager = new Doctrine(0.2, 0.2, 1.0, 1, 1, true, 10_000);
        assertThat(assign(eager, List.of(assessment(1, 0.4, 100)), Map.of(), bs).get(0).reason())
                .isEqualTo(Reason.ENGAGED);
    }

    @Test
    void waitingNeverGivesUpTheSecondShotOfShootLookShoot() {
        List<Battery> bs = List.of(battery(0, "B", 31.52, 34.68, 20, 0.9));
        Assessment a = assessment(1, 0.4, 100);
        Battery b = bs.get(0);
        InterceptPlan later = b.plan(path, 5.0 + Doctrine.DEFAULT.reassessS());
        boolean secondShotAfterWaiting = later != null && b.plan(path, later.interceptTime()) != null;
        Reason expected = secondShotAfterWaiting ? Reason.AWAITING_CONFIDENCE : Reason.ENGAGED;
        assertThat(assign(Doctrine.DEFAULT, List.of(a), Map.of(), bs).get(0).reason()).isEqualTo(expected);
        // on this short (Qassam, ~10 km) path the two shots do not fit after a wait: engage now
        assertThat(secondShotAfterWaiting).isFalse();
        // after the last allowed shot was fired and missed, waiting costs no further shot
        assertThat(assign(Doctrine.DEFAULT, List.of(a), Map.of(1, new EngagementState(0, 1, false)), bs).get(0)
                .reason()).isEqualTo(Reason.AWAITING_CONFIDENCE);
    }

    @Test
    void anAmbiguousThreatWaitsUntilTheLastLookFromWhichOneShotIsFeasible() {
        Battery b = battery(0, "B", 31.52, 34.68, 20, 0.9);
        Doctrine lastShot = Doctrine.DEFAULT.withAmbiguousWait(Doctrine.AmbiguousWait.LAST_SHOT);
        Assessment ambiguous = assessment(1, 0.4, 100);
        double step = 0.5;
        double firstFeasible = Double.NaN;
        double engagedAt = Double.NaN;
        for (double now = 0; now < path.impactTime() && Double.isNaN(engagedAt); now += step) {
            InterceptPlan plan = b.plan(path, now);
            Decision d = new GreedyAssigner(lastShot).assign(now, List.of(ambiguous), id -> EngagementState.NONE,
                    List.of(b)).get(0);
            if (plan == null) {
                assertThat(d.reason()).as("t = %s", now).isEqualTo(Reason.NO_FEASIBLE_INTERCEPT);
                continue;
            }
            if (Double.isNaN(firstFeasible)) {
                firstFeasible = now;
            }
            boolean feasibleAfterALook = b.plan(path, now + lastShot.reassessS()) != null;
            // it waits exactly while one shot is still feasible after the next look
            assertThat(d.reason()).as("t = %s", now)
                    .isEqualTo(feasibleAfterALook ? Reason.AWAITING_CONFIDENCE : Reason.ENGAGED);
            if (d.engage()) {
                engagedAt = now;
                assertThat(d.rounds()).isEqualTo(1);
                assertThat(d.plan().launchTime()).isGreaterThanOrEqualTo(now);
            }
        }
        // it did wait (several looks), and then engaged while an intercept was still feasible
        assertThat(engagedAt - firstFeasible).isGreaterThanOrEqualTo(2 * step);
        assertThat(b.plan(path, engagedAt)).isNotNull();
        assertThat(b.plan(path, engagedAt + lastShot.reassessS())).isNull();
        // the default wait (keeping the second shot's time) engages this Qassam at its first feasible look
        assertThat(new GreedyAssigner(Doctrine.DEFAULT).assign(firstFeasible, List.of(ambiguous),
                id -> EngagementState.NONE, List.of(b)).get(0).reason()).isEqualTo(Reason.ENGAGED);
    }

    @Test
    void anAmbiguousThreatIsEngagedAtOnceOnceConfidentAndASalvoAtTheLastLook() {
        Battery b = battery(0, "B", 31.52, 34.68, 20, 0.9);
        Doctrine lastShot = Doctrine.DEFAULT.withAmbiguousWait(Doctrine.AmbiguousWait.LAST_SHOT);
        double early = 0;
        while (b.plan(path, early) == null) {
            early += 0.5;
        }
        final double now = early;
        // confident (P at or above engage_confidence): engaged at once, as without the rule
        assertThat(new GreedyAssigner(lastShot).assign(now, List.of(assessment(1, 0.7, 100)),
                id -> EngagementState.NONE, List.of(b)).get(0).reason()).isEqualTo(Reason.ENGAGED);
        // below the threshold: open ground, whatever the rule
        assertThat(new GreedyAssigner(lastShot).assign(now, List.of(assessment(1, 0.1, 100)),
                id -> EngagementState.NONE, List.of(b)).get(0).reason()).isEqualTo(Reason.OPEN_GROUND);
        // the weapon-target assigners follow the same rule
        assertThat(new WtaAssigner(lastShot.withAssignment(Doctrine.Assignment.GREEDY, 0)).assign(now,
                List.of(assessment(1, 0.4, 100)), id -> EngagementState.NONE, List.of(b)).get(0).reason())
                .isEqualTo(Reason.AWAITING_CONFIDENCE);
        // with no look-again time the rule cannot wait (it would wait for ever): engaged now
        Doctrine noLook = new Doctrine(0.2, 0.6, 0, 1, 2, true, 10_000).withAmbiguousWait(
                Doctrine.AmbiguousWait.LAST_SHOT);
        assertThat(new GreedyAssigner(noLook).assign(now, List.of(assessment(1, 0.4, 100)),
                id -> EngagementState.NONE, List.of(b)).get(0).reason()).isEqualTo(Reason.ENGAGED);
        // at the last look a salvo doctrine fires its salvo
        Doctrine salvo = new Doctrine(0.2, 0.6, 1.0, 2, 2, true, 10_000).withAmbiguousWait(
                Doctrine.AmbiguousWait.LAST_SHOT);
        double last = now;
        while (b.plan(path, last + salvo.reassessS()) != null) {
            last += 0.5;
        }
        Decision d = new GreedyAssigner(salvo).assign(last, List.of(assessment(1, 0.4, 100)),
                id -> EngagementState.NONE, List.of(b)).get(0);
        assertThat(d.reason()).isEqualTo(Reason.ENGAGED);
        assertThat(d.rounds()).isEqualTo(2);
    }

    @Test
    void unreachableThreatsAreReportedAsSuch() {
        List<Battery> bs = List.of(battery(0, "far", 32.5, 35.5, 20, 0.9));
        assertThat(assign(Doctrine.DEFAULT, List.of(assessment(1, 0.9, 100)), Map.of(), bs).get(0).reason())
                .isEqualTo(Reason.NO_FEASIBLE_INTERCEPT);
    }

    @Test
    void salvoSizeIsCappedByTheShotLimit() {
        Doctrine salvo = new Doctrine(0.2, 0.6, 1.0, 2, 3, true, 10_000);
        List<Battery> bs = List.of(battery(0, "B", 31.52, 34.68, 20, 0.9));
        assertThat(assign(salvo, List.of(assessment(1, 0.9, 100)), Map.of(), bs).get(0).rounds()).isEqualTo(2);
        assertThat(assign(salvo, List.of(assessment(1, 0.9, 100)), Map.of(1, new EngagementState(0, 2, false)), bs)
                .get(0).rounds()).isEqualTo(1);
    }

    @Test
    void planningOnSeveralWorkersGivesTheSameDecisionsAsOneThread() {
        // 60 rockets at points around the town, seen at different stages of flight, with probabilities
        // on both sides of the threshold, against six batteries with few rounds (so the order and the
        // rounds committed earlier in the pass decide who takes what) and some threats already engaged
        Random rnd = new Random(7);
        List<Assessment> as = new ArrayList<>();
        Map<Integer, EngagementState> states = new java.util.HashMap<>();
        for (int i = 0; i < 60; i++) {
            Trajectory p = aiming.solve(TinyWorlds.QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0),
                    GeodeticPoint.ofDegrees(31.51 + 0.03 * rnd.nextDouble(), 34.565 + 0.045 * rnd.nextDouble(), 0))
                    .trajectory();
            double pd = rnd.nextDouble();
            as.add(new Assessment(i, 5.0, p, p.impactPoint(), p.impactTime(), 0, 0, 100, 0, 100, new double[] {pd},
                    pd, 0, 100 * pd * (1 + rnd.nextInt(3))));
            if (i % 7 == 3) {
                states.put(i, new EngagementState(1, 1, false));
            }
        }
        List<Battery> one = new ArrayList<>();
        List<Battery> many = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            double lat = 31.49 + 0.015 * b;
            double lon = 34.56 + 0.02 * (b % 3);
            one.add(battery(b, "B" + b, lat, lon, 2 + b % 3, 0.8 + 0.02 * b));
            many.add(battery(b, "B" + b, lat, lon, 2 + b % 3, 0.8 + 0.02 * b));
        }
        Doctrine d = Doctrine.DEFAULT;
        List<Decision> alone = new GreedyAssigner(d).assign(5.0, as, id -> states.getOrDefault(id, EngagementState.NONE),
                one);
        try (Workers w = new Workers(3)) {
            // the threat-order pass, and the WTA assigners that plan the same way before their solve
            for (Doctrine doctrine : List.of(d, d.withAssignment(Doctrine.Assignment.GREEDY, 1e-4),
                    d.withAssignment(Doctrine.Assignment.LNS, 1e-4))) {
                List<Decision> reference = doctrine.assigner().assign(5.0, as,
                        id -> states.getOrDefault(id, EngagementState.NONE), one);
                List<Decision> shared = doctrine.assigner(w).assign(5.0, as,
                        id -> states.getOrDefault(id, EngagementState.NONE), many);
                assertThat(shared).as(doctrine.assignment().toString())
                        .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(reference);
            }
        }
        // the case is not trivial: engagements, several batteries, and threats left for want of rounds
        assertThat(alone.stream().filter(Decision::engage).map(x -> x.plan().battery()).distinct().count())
                .isGreaterThan(2);
        assertThat(alone).extracting(Decision::reason).contains(Reason.ENGAGED, Reason.OPEN_GROUND,
                Reason.INTERCEPTOR_IN_FLIGHT, Reason.NO_STOCK);
    }
}
