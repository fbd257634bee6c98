package dev.bulwark.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.engine.metrics.RunSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static RunSummary run(World w) {
        return new Simulation(w).run(ProgressListener.NONE);
    }

    private static List<SimEvent> launches(List<SimEvent> events) {
        return events.stream().filter(e -> e instanceof SimEvent.ThreatLaunched).toList();
    }

    @Test
    void trackingQualityIsMeasuredEachMinuteWithActivity() {
        List<SimEvent> events = TinyWorlds.events(TinyWorlds.world(2, 6));
        List<SimEvent.TrackingQuality> q = events.stream().filter(e -> e instanceof SimEvent.TrackingQuality)
                .map(e -> (SimEvent.TrackingQuality) e).toList();
        assertThat(q).isNotEmpty();
        for (SimEvent.TrackingQuality w : q) {
            assertThat(w.scans()).isPositive();
            assertThat(w.time() - w.windowStart()).isGreaterThan(0);
            // GOSPA with c = 500 m, p = 1: each missed or false track adds 250 m, each pair its distance
            assertThat(w.gospaM()).isBetween(0.0, 250.0 * 12);
        }
        // the tracks that are paired with rockets are within tens of metres of them
        assertThat(q.stream().filter(w -> !Double.isNaN(w.localisationM())))
                .isNotEmpty().allSatisfy(w -> assertThat(w.localisationM()).isLessThan(150));
        // the RMSE of those pairs: defined exactly when some scan paired a track, of the same size
        for (SimEvent.TrackingQuality w : q) {
            assertThat(Double.isNaN(w.rmseM())).isEqualTo(Double.isNaN(w.localisationM()));
            if (!Double.isNaN(w.rmseM())) {
                assertThat(w.rmseM()).isBetween(0.0, 150.0);
            }
        }
        RunSummary s = run(TinyWorlds.world(2, 6));
        assertThat(s.tracking().rmseM()).isBetween(1.0, 150.0);
        assertThat(s.tracking().meanGospaM()).isPositive();
    }

    @Test
    void everyTrackerChoiceTracksAndDefends() {
        // JPDA and every motion model (but the IMM with JPDA) run the whole pipeline: the
        // raid is tracked, engaged and mostly intercepted, and every threat ends once
        for (var association : dev.bulwark.engine.track.TrackerSettings.Association.values()) {
            for (var motion : dev.bulwark.engine.track.TrackerSettings.Motion.values()) {
                if (association == dev.bulwark.engine.track.TrackerSettings.Association.JPDA
                        && motion == dev.bulwark.engine.track.TrackerSettings.Motion.IMM) {
                    continue; // refused by TrackerSettings
                }
                World base = TinyWorlds.world(5, 6);
                double q = motion == dev.bulwark.engine.track.TrackerSettings.Motion.GRAVITY ? 400 : 100;
                var settings = new dev.bulwark.engine.track.TrackerSettings(3, 4, 3, q, 400, 16.27, association,
                        motion);
                World w = new World(base.name(), base.origin(), base.seed(), base.durationS(), base.earth(),
                        base.areas(), base.radars(), base.batteries(), base.raids(), base.doctrine(), settings);
                RunSummary s = new Simulation(w).run(ProgressListener.NONE);
                assertThat(s.tracksConfirmed()).as("%s %s", association, motion).isGreaterThanOrEqualTo(5);
                assertThat(s.intercepted()).as("%s %s", association, motion).isPositive();
                assertThat(s.intercepted() + s.leaked() + s.fellInOpenGround()).isEqualTo(s.launched());
            }
        }
    }

    @Test
    void deliveriesKeepAnEmptyBatteryFighting() {
        // one launcher of one round, no reserve: without resupply it fires once; with one round
        // delivered every 60 s (and a 10 s reload) it keeps firing, and reports its stock-outs
        dev.bulwark.engine.effector.BatterySpec s = TinyWorlds.battery("B1", 31.52, 34.68, 1);
        dev.bulwark.engine.effector.BatterySpec one = new dev.bulwark.engine.effector.BatterySpec(s.name(), s.site(),
                1, 1, 0, 10, s.minRangeM(), s.maxRangeM(), s.minAltitudeM(), s.maxAltitudeM(), s.interceptor(),
                s.launchDelayS(), s.probabilityOfKill(), s.costPerInterceptorUsd(), s.divertRadiusM());
        World base = TinyWorlds.world(9, 8, List.of(TinyWorlds.radar("R1", 31.45, 34.62)), List.of(one));
        World resupplied = new World(base.name(), base.origin(), base.seed(), base.durationS(), base.earth(),
                base.areas(), base.radars(), base.batteries(), base.raids(), base.doctrine(), base.tracker(),
                List.of(new dev.bulwark.engine.effector.Resupply("B1", 60, 60, 1)), List.of());
        List<SimEvent> without = TinyWorlds.events(base);
        List<SimEvent> with = TinyWorlds.events(resupplied);
        long firedWithout = without.stream().filter(e -> e instanceof SimEvent.InterceptorLaunched).count();
        long firedWith = with.stream().filter(e -> e instanceof SimEvent.InterceptorLaunched).count();
        assertThat(firedWithout).isEqualTo(1);
        assertThat(firedWith).isGreaterThan(2);
        assertThat(without.stream().filter(e -> e instanceof SimEvent.StockOut)).hasSize(1);
        List<SimEvent.Resupplied> deliveries = with.stream().filter(e -> e instanceof SimEvent.Resupplied)
                .map(e -> (SimEvent.Resupplied) e).toList();
        assertThat(deliveries).isNotEmpty().allSatisfy(d -> assertThat(d.rounds()).isEqualTo(1));
        assertThat(deliveries.get(0).time()).isEqualTo(60.0);
        // the raid itself is the same
        assertThat(with.stream().filter(e -> e instanceof SimEvent.ThreatLaunched).toList())
                .isEqualTo(without.stream().filter(e -> e instanceof SimEvent.ThreatLaunched).toList());
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        List<SimEvent> a = TinyWorlds.events(TinyWorlds.world(7, 8));
        List<SimEvent> b = TinyWorlds.events(TinyWorlds.world(7, 8));
        List<SimEvent> c = TinyWorlds.events(TinyWorlds.world(8, 8));
        assertThat(a).isEqualTo(b);
        assertThat(launches(a)).isNotEqualTo(launches(c));
    }

    @Test
    void addingARadarOrABatteryDoesNotChangeTheRaid() {
        World base = TinyWorlds.world(3, 8);
        World moreRadars = TinyWorlds.world(3, 8,
                List.of(TinyWorlds.radar("R1", 31.45, 34.62), TinyWorlds.radar("R2", 31.60, 34.60)),
                base.batteries());
        World noDefence = TinyWorlds.world(3, 8, List.of(), List.of());
        List<SimEvent> reference = launches(TinyWorlds.events(base));
        assertThat(reference).hasSize(8);
        assertThat(launches(TinyWorlds.events(moreRadars))).isEqualTo(reference);
        assertThat(launches(TinyWorlds.events(noDefence))).isEqualTo(reference);
    }

    @Test
    void everyThreatHasExactlyOneOutcomeAndTheCountsAddUp() {
        RunSummary s = run(TinyWorlds.world(11, 12));
        assertThat(s.launched()).isEqualTo(12);
        assertThat(s.boundForDefended() + s.boundForOpen()).isEqualTo(s.launched());
        assertThat(s.intercepted() + s.leaked() + s.fellInOpenGround() + s.inFlightAtEnd()).isEqualTo(s.launched());
        assertThat(s.inFlightAtEnd()).isZero();
        assertThat(s.engaged()).isGreaterThanOrEqualTo(s.intercepted());
        assertThat(s.interceptorsFired()).isGreaterThanOrEqualTo(s.engaged());
        assertThat(s.interceptorCostUsd()).isEqualTo(50_000.0 * s.interceptorsFired());
        assertThat(s.interceptorsByBattery()).containsEntry("B1", s.interceptorsFired());
        int notEngaged = s.notEngagedReasons().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(notEngaged).isLessThanOrEqualTo(s.boundForDefended());
    }

    @Test
    void aDefendedTownLosesLessThanAnUndefendedOne() {
        RunSummary defended = run(TinyWorlds.world(5, 12));
        RunSummary undefended = run(TinyWorlds.world(5, 12, List.of(TinyWorlds.radar("R1", 31.45, 34.62)), List.of()));
        // without batteries every threat bound for the town lands in it
        assertThat(undefended.leaked()).isEqualTo(undefended.boundForDefended());
        assertThat(undefended.intercepted()).isZero();
        assertThat(undefended.notEngagedReasons()).containsKey("no_feasible_intercept");
        // one Iron Dome-like battery 8 km from the town, Pk 0.9, two shots: most are stopped
        assertThat(undefended.boundForDefended()).isGreaterThan(3);
        assertThat(defended.leaked()).isLessThan(undefended.leaked() / 2);
    }

    @Test
    void withoutRadarsNothingIsTrackedOrEngaged() {
        RunSummary s = run(TinyWorlds.world(5, 6, List.of(), List.of(TinyWorlds.battery("B1", 31.52, 34.68, 20))));
        assertThat(s.tracksConfirmed()).isZero();
        assertThat(s.interceptorsFired()).isZero();
        assertThat(s.notEngagedReasons()).containsOnlyKeys("never_tracked");
    }

    @Test
    void aStockOfOneIsSpentOnce() {
        RunSummary s = run(TinyWorlds.world(5, 10, List.of(TinyWorlds.radar("R1", 31.45, 34.62)),
                List.of(TinyWorlds.battery("B1", 31.52, 34.68, 1))));
        assertThat(s.interceptorsFired()).isEqualTo(1);
        assertThat(s.notEngagedReasons()).containsKey("no_stock");
    }

    @Test
    void aSimulationRunsOnce() {
        Simulation sim = new Simulation(TinyWorlds.world(1, 1));
        sim.run(ProgressListener.NONE);
        assertThatThrownBy(() -> sim.run(ProgressListener.NONE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void progressIsReportedUpToTheEnd() {
        double[] last = {-1, -1};
        int[] calls = {0};
        new Simulation(TinyWorlds.world(1, 2)).run((now, end) -> {
            assertThat(now).isGreaterThanOrEqualTo(last[0]);
            last[0] = now;
            last[1] = end;
            calls[0]++;
        });
        assertThat(calls[0]).isGreaterThan(100);
        assertThat(last[0]).isEqualTo(last[1]);
    }
}
