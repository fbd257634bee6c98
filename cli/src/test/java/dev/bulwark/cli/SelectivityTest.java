package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.SimEvent;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, selectivity: threats bound for open ground are not engaged, and every threat bound for a
 * defended area that is left alone has a recorded reason. Southern-front is run on its own seed as
 * written (the doctrine keeps time for a second shot, so ambiguous rockets are engaged early), with
 * the wait for ambiguous threats ({@code ambiguous_wait: last_shot}, {@code reassess_s: 2},
 * docs/models/pipeline.md "Selectivity"), and as {@code scenarios/southern-front-good-tracks.yaml}
 * (the same day with the catalogue's EL/M-2084-class radars, the drag-curve tracker on spherical
 * measurements in the unscented filter, and the last-look wait: "Selectivity with good tracks").
 *
 * <p>What is asserted: "bound for open ground" is the truth (impact outside every defended area),
 * and about a sixth of southern-front's open-ground rockets land within 300 m of a town's edge. With
 * the tracks of the scenario as written, under 5% is reached only for the rockets that land at least
 * 500 m from every defended area (about 14% of all open-ground rockets are engaged with the wait,
 * 20% without it); with good tracks, under 5% of all of them (6 of 150 on this seed; 4.1-4.5% over
 * 16 seeds). The three runs leave no threat bound for a town alone without a recorded reason.
 */
class SelectivityTest {

    /** Open-ground impacts at least this far from every defended area count as clearly open (m). */
    private static final double CLEARLY_OPEN_M = 500;

    private static World asWritten;
    private static Run written;
    private static Run waiting;
    private static Run good;

    private record Run(RunSummary summary, List<SimEvent> events) {
    }

    @BeforeAll
    static void runTwice() throws Exception {
        asWritten = ScenarioLoader.load(EndToEndTest.tinyScenario().resolveSibling("southern-front.yaml")).world();
        Doctrine d = asWritten.doctrine();
        Doctrine rule = new Doctrine(d.engageThreshold(), d.engageConfidence(), 2.0, d.salvoSize(),
                d.maxInterceptorsPerThreat(), d.shootLookShoot(), d.assumedBallisticCoefficientKgM2(),
                d.lowStockFraction(), d.lowStockThreshold(), d.kindWeights(), d.assignment(), d.costWeight(),
                Doctrine.AmbiguousWait.LAST_SHOT);
        written = run(asWritten);
        good = run(ScenarioLoader.load(EndToEndTest.tinyScenario().resolveSibling("southern-front-good-tracks.yaml"))
                .world());
        waiting = run(new World(asWritten.name(), asWritten.origin(), asWritten.seed(), asWritten.durationS(),
                asWritten.earth(), asWritten.areas(), asWritten.radars(), asWritten.batteries(), asWritten.raids(),
                rule, asWritten.tracker(), asWritten.resupplies(), asWritten.lasers(), asWritten.guns()));
    }

    private static Run run(World world) {
        Simulation sim = new Simulation(world);
        List<SimEvent> events = new ArrayList<>();
        sim.bus().subscribe(events::add);
        RunSummary summary = sim.run(ProgressListener.NONE);
        return new Run(summary, events);
    }

    @Test
    void waitingForAmbiguousThreatsLeavesOpenGroundAlone() {
        assertThat(written.summary().engaged()).isPositive();
        double[] before = clearlyOpenEngaged(written);
        double[] after = clearlyOpenEngaged(waiting);
        assertThat(after[1]).as("open-ground rockets landing %s m or more from every town", CLEARLY_OPEN_M)
                .isGreaterThan(50);
        assertThat(after[0] / after[1]).as("share of those engaged with the rule").isLessThan(0.05);
        assertThat(after[0]).isLessThan(before[0]);
        RunSummary w = waiting.summary();
        RunSummary s = written.summary();
        assertThat(w.engagedBoundForOpen() / (double) w.boundForOpen())
                .isLessThan(s.engagedBoundForOpen() / (double) s.boundForOpen());
        // it spends fewer interceptors, and still engages most of what is bound for a town
        assertThat(w.interceptorsFired()).isLessThan(s.interceptorsFired());
        assertThat(w.engaged() - w.engagedBoundForOpen()).isGreaterThan(w.boundForDefended() / 2);
    }

    @Test
    void withGoodTracksUnderFivePercentOfAllOpenGroundThreatsAreEngaged() {
        RunSummary g = good.summary();
        RunSummary s = written.summary();
        assertThat(g.boundForOpen()).isEqualTo(s.boundForOpen()).isGreaterThan(100);
        assertThat(g.engagedBoundForOpen() / (double) g.boundForOpen()).as("share of all open-ground threats engaged")
                .isLessThan(0.05);
        assertThat(s.engagedBoundForOpen() / (double) s.boundForOpen()).as("as written").isGreaterThan(0.15);
        // most of what is bound for a town is still engaged, with fewer interceptors
        assertThat(g.engaged() - g.engagedBoundForOpen()).isGreaterThan(g.boundForDefended() * 2 / 3);
        assertThat(g.interceptorsFired()).isLessThan(s.interceptorsFired());
    }

    @Test
    void everyThreatBoundForADefendedAreaLeftAloneHasARecordedReason() {
        for (Run r : List.of(written, waiting, good)) {
            Map<Integer, String> bound = new HashMap<>();
            Set<Integer> engaged = new HashSet<>();
            Set<Integer> decided = new HashSet<>();
            for (SimEvent e : r.events()) {
                if (e instanceof SimEvent.ThreatLaunched l && l.boundFor() != null) {
                    bound.put(l.threatId(), l.boundFor());
                } else if (e instanceof SimEvent.EngagementDecision d) {
                    decided.add(d.threatId());
                    if (d.decision().equals("engage")) {
                        engaged.add(d.threatId());
                    }
                }
            }
            Set<Integer> leftAlone = new HashSet<>(bound.keySet());
            leftAlone.removeAll(engaged);
            RunSummary s = r.summary();
            assertThat(leftAlone).hasSize(s.boundForDefended() - (s.engaged() - s.engagedBoundForOpen()));
            // one reason each in the summary, and a decision in the log for each one that was tracked
            assertThat(s.notEngagedReasons().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(leftAlone.size());
            long undecided = leftAlone.stream().filter(id -> !decided.contains(id)).count();
            assertThat(undecided).isEqualTo(s.notEngagedReasons().getOrDefault("never_tracked", 0)
                    + s.notEngagedReasons().getOrDefault("not_assessed", 0));
            assertThat(s.notEngagedReasons()).allSatisfy((reason, n) -> assertThat(n).isPositive());
        }
    }

    /** {engaged, count} of the threats bound for open ground landing at least {@link #CLEARLY_OPEN_M} from every area. */
    private static double[] clearlyOpenEngaged(Run r) {
        Set<Integer> engaged = new HashSet<>();
        for (SimEvent e : r.events()) {
            if (e instanceof SimEvent.EngagementDecision d && d.decision().equals("engage")) {
                engaged.add(d.threatId());
            }
        }
        double[] out = new double[2];
        for (SimEvent e : r.events()) {
            if (e instanceof SimEvent.ThreatLaunched l && l.boundFor() == null
                    && distanceM(l.predictedImpact(), asWritten.areas()) >= CLEARLY_OPEN_M) {
                out[1]++;
                if (engaged.contains(l.threatId())) {
                    out[0]++;
                }
            }
        }
        return out;
    }

    /** Distance (m) from a point outside them to the nearest edge of the areas, on a local flat plane. */
    private static double distanceM(GeodeticPoint p, List<DefendedArea> areas) {
        double r = 6_371_000;
        double cos = Math.cos(p.latitude());
        double best = Double.POSITIVE_INFINITY;
        for (DefendedArea a : areas) {
            List<GeodeticPoint> v = a.boundary().vertices();
            for (int i = 0; i < v.size(); i++) {
                GeodeticPoint q1 = v.get(i);
                GeodeticPoint q2 = v.get((i + 1) % v.size());
                double ax = (q1.longitude() - p.longitude()) * cos * r;
                double ay = (q1.latitude() - p.latitude()) * r;
                double bx = (q2.longitude() - p.longitude()) * cos * r;
                double by = (q2.latitude() - p.latitude()) * r;
                double dx = bx - ax;
                double dy = by - ay;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
                best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
            }
        }
        return best;
    }
}
