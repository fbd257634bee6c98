package dev.bulwark.engine.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.metrics.Gospa;
import dev.bulwark.engine.metrics.SetDistance;
import dev.bulwark.engine.network.TrackReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** System track numbers and the accuracy of the fused picture, on two nodes with two radars. */
class SystemTrackTableTest {

    /** Node A measures y and z well and x badly; node B the other way round in x and y. */
    private static CoalitionWorld.Node nodeA() {
        return new CoalitionWorld.Node(0, CoalitionWorld.diagonal(80, 15, 15), 0.9, x -> true);
    }

    private static CoalitionWorld.Node nodeB() {
        return new CoalitionWorld.Node(1, CoalitionWorld.diagonal(15, 80, 15), 0.9, x -> true);
    }

    private static void raid(CoalitionWorld w, Random rnd, int n) {
        for (int i = 0; i < n; i++) {
            double heading = 2 * Math.PI * rnd.nextDouble();
            double speed = 150 + 150 * rnd.nextDouble();
            // a 4 × 4 grid 5 km apart, jittered: objects never closer than ~3 km
            w.target(5_000 * (i % 4) + 1_000 * rnd.nextDouble(), 5_000 * (i / 4) + 1_000 * rnd.nextDouble(),
                    2_000 + 3_000 * rnd.nextDouble(), speed * Math.sin(heading), speed * Math.cos(heading));
        }
    }

    @Test
    void systemTrackNumbersStayWithTheirObjects() {
        Random rnd = new Random(11);
        CoalitionWorld w = new CoalitionWorld(rnd);
        raid(w, rnd, 8);
        CoalitionWorld.Node a = nodeA();
        CoalitionWorld.Node b = nodeB();
        SystemTrackTable table = new SystemTrackTable(0, SystemTrackTable.GATE_99999, 1.0,
                CovarianceIntersection.Criterion.TRACE);
        Map<Integer, Integer> numberOfTarget = new HashMap<>();
        int bothSources = 0;
        int checked = 0;
        for (int s = 0; s < 40; s++) {
            if (s > 0) {
                w.step();
            }
            a.scan(s, w.truth, rnd);
            b.scan(s, w.truth, rnd);
            List<TrackReport> reports = new ArrayList<>(a.reports(s));
            reports.addAll(b.reports(s));
            AirPicture picture = table.fuse(s, reports);
            if (s < 8) {
                continue; // the trackers confirm in 3 of 4 scans and settle their velocities
            }
            // one system track per object, and the same number every scan
            assertThat(picture.tracks()).as("scan %d", s).hasSize(w.truth.size());
            for (int i = 0; i < w.truth.size(); i++) {
                SystemTrack nearest = nearest(picture, w.truth.get(i));
                Integer before = numberOfTarget.putIfAbsent(i, nearest.number());
                assertThat(nearest.number()).as("target %d at scan %d", i, s)
                        .isEqualTo(before == null ? nearest.number() : before);
                checked++;
                if (nearest.hasSource(0) && nearest.hasSource(1)) {
                    bothSources++;
                }
            }
        }
        assertThat(numberOfTarget.values()).doesNotHaveDuplicates();
        // nearly every system track fuses both nodes (each node's track may be missing only while (re)confirming)
        assertThat(bothSources).isGreaterThan(checked * 95 / 100);
    }

    @Test
    void aLocalTrackThatSwapsObjectsLosesItsBinding() {
        SystemTrackTable table = new SystemTrackTable(0, SystemTrackTable.GATE_99999, 1.0,
                CovarianceIntersection.Criterion.TRACE);
        TrackReport a1 = report(0, 1, 0, 0);
        TrackReport a2 = report(0, 2, 10_000, 0);
        TrackReport b7 = report(1, 7, 0, 0);
        AirPicture first = table.fuse(0, List.of(a1, a2, b7));
        assertThat(first.tracks()).hasSize(2);
        int near = table.numberOf(0, 1);
        assertThat(table.numberOf(1, 7)).isEqualTo(near);
        // B's local track 7 now reports the other object
        table.fuse(0, List.of(a1, a2, report(1, 7, 10_000, 0)));
        assertThat(table.numberOf(1, 7)).isEqualTo(table.numberOf(0, 2)).isNotEqualTo(near);
        assertThat(table.numberOf(0, 1)).isEqualTo(near);
    }

    private static TrackReport report(int source, int local, double x, double y) {
        double[] p = new double[36];
        for (int i = 0; i < 6; i++) {
            p[7 * i] = i < 3 ? 100 : 25;
        }
        return new TrackReport(source, local, 0, new double[] {x, y, 3_000, 200, 0, 0}, p);
    }

    private static SystemTrack nearest(AirPicture picture, double[] x) {
        SystemTrack best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (SystemTrack t : picture.tracks()) {
            double d = 0;
            for (int i = 0; i < 3; i++) {
                d += (t.state(i) - x[i]) * (t.state(i) - x[i]);
            }
            if (d < bestD) {
                bestD = d;
                best = t;
            }
        }
        return best;
    }

    /**
     * Monte Carlo, perfect links and full sharing: the GOSPA of node A's fused picture (its own
     * tracks and B's) against the GOSPA of A alone and of B alone, averaged over scans 5–29 of
     * 20 runs of 12 targets. GOSPA c = 200 m, p = 1, α = 2, on position.
     */
    @Test
    void theFusedPictureIsAtLeastAsAccurateAsTheBestSingleNode() {
        Gospa gospa = new Gospa(200, 1);
        double fused = 0;
        double aloneA = 0;
        double aloneB = 0;
        int samples = 0;
        for (int run = 0; run < 20; run++) {
            Random rnd = new Random(1000 + run);
            CoalitionWorld w = new CoalitionWorld(rnd);
            raid(w, rnd, 12);
            CoalitionWorld.Node a = nodeA();
            CoalitionWorld.Node b = nodeB();
            NationalPicture picture = new NationalPicture(0, new SystemTrackTable(0, SystemTrackTable.GATE_99999,
                    CoalitionWorld.PROCESS_NOISE, CovarianceIntersection.Criterion.TRACE), null, 5);
            for (int s = 0; s < 30; s++) {
                if (s > 0) {
                    w.step();
                }
                a.scan(s, w.truth, rnd);
                b.scan(s, w.truth, rnd);
                List<TrackReport> ra = a.reports(s);
                List<TrackReport> rb = b.reports(s);
                rb.forEach(picture::receive);
                AirPicture p = picture.update(s, ra);
                if (s < 5) {
                    continue;
                }
                double[] truth = w.positions();
                int n = w.truth.size();
                SetDistance f = gospa.distance(n, truth, p.tracks().size(), p.positions(), 3);
                fused += f.distance();
                aloneA += gospa.distance(n, truth, ra.size(), CoalitionWorld.positions(ra), 3).distance();
                aloneB += gospa.distance(n, truth, rb.size(), CoalitionWorld.positions(rb), 3).distance();
                samples++;
            }
        }
        fused /= samples;
        aloneA /= samples;
        aloneB /= samples;
        System.out.printf(java.util.Locale.ROOT,
                "two-node GOSPA (c 200 m, p 1, 12 targets, mean of %d scans): fused %.1f m, A alone %.1f m, B alone %.1f m%n",
                samples, fused, aloneA, aloneB);
        assertThat(fused).isLessThanOrEqualTo(Math.min(aloneA, aloneB));
    }
}
