package dev.bulwark.engine.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.network.TrackReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A spoofing partner is isolated within a few scans of starting to inject false tracks into the
 * node's coverage; an honest partner is not; after isolation nothing of the spoofer's is in the
 * picture: no system track holds anything of the spoofer's, real or false (its real tracks go
 * too: an isolated partner is not trusted at all).
 *
 * <p>Node A (0) sees a disc of 15 km radius around (20, 20) km with P_d 0.9 and σ (80, 15, 15) m;
 * partners B (1, honest) and C (2) see the whole 40 × 40 km box with P_d 0.9 and σ (15, 80, 15) m.
 * Ten targets cross the box at 150–300 m/s, in and out of A's disc. From scan 20, C adds three
 * false tracks flying through A's disc. 60 scans of 1 s, 200 seeds.
 */
class ConsistencyCheckerTest {

    private static final double R = 15_000;
    private static final int SPOOF_FROM = 20;
    private static final int SCANS = 60;

    private static boolean inDisc(double x, double y) {
        double dx = x - 20_000;
        double dy = y - 20_000;
        return dx * dx + dy * dy <= R * R;
    }

    /** What one seed gives. */
    private record Outcome(int spooferIsolatedAt, int honestIsolatedAt, boolean spooferInPictureAfter) {
    }

    private static Outcome run(long seed) {
        Random rnd = new Random(seed);
        CoalitionWorld w = new CoalitionWorld(rnd);
        for (int i = 0; i < 10; i++) {
            double heading = 2 * Math.PI * rnd.nextDouble();
            double speed = 150 + 150 * rnd.nextDouble();
            w.target(40_000 * rnd.nextDouble(), 40_000 * rnd.nextDouble(), 2_000 + 3_000 * rnd.nextDouble(),
                    speed * Math.sin(heading), speed * Math.cos(heading));
        }
        CoalitionWorld.Node a = new CoalitionWorld.Node(0, CoalitionWorld.diagonal(80, 15, 15), 0.9,
                x -> inDisc(x[0], x[1]));
        CoalitionWorld.Node b = new CoalitionWorld.Node(1, CoalitionWorld.diagonal(15, 80, 15), 0.9, x -> true);
        CoalitionWorld.Node c = new CoalitionWorld.Node(2, CoalitionWorld.diagonal(15, 80, 15), 0.9, x -> true);
        ConsistencyChecker checker = new ConsistencyChecker(0, ConsistencyChecker.Settings.DEFAULT,
                (x, y, z) -> inDisc(x, y) ? 0.9 : 0, CoalitionWorld.PROCESS_NOISE);
        NationalPicture picture = new NationalPicture(0, new SystemTrackTable(0, SystemTrackTable.GATE_99999,
                CoalitionWorld.PROCESS_NOISE, CovarianceIntersection.Criterion.TRACE), checker, 3);
        // three false tracks entering A's disc from its centre outwards
        double[][] fakes = new double[3][];
        for (int k = 0; k < 3; k++) {
            double heading = 2 * Math.PI * rnd.nextDouble();
            fakes[k] = new double[] {20_000 + 3_000 * (k - 1), 20_000 - 2_000 * k, 3_000, 200 * Math.sin(heading),
                200 * Math.cos(heading), 0};
        }
        double[] fakeCov = new double[36];
        for (int i = 0; i < 6; i++) {
            fakeCov[7 * i] = i < 3 ? 30 * 30 : 10 * 10;
        }
        int spoofer = -1;
        int honest = -1;
        boolean spooferAfter = false;
        for (int s = 0; s < SCANS; s++) {
            if (s > 0) {
                w.step();
            }
            a.scan(s, w.truth, rnd);
            b.scan(s, w.truth, rnd);
            c.scan(s, w.truth, rnd);
            b.reports(s).forEach(picture::receive);
            List<TrackReport> fromC = new ArrayList<>(c.reports(s));
            if (s >= SPOOF_FROM) {
                for (int k = 0; k < 3; k++) {
                    double dt = s - SPOOF_FROM;
                    double[] x = {fakes[k][0] + fakes[k][3] * dt, fakes[k][1] + fakes[k][4] * dt, fakes[k][2],
                        fakes[k][3], fakes[k][4], 0};
                    fromC.add(new TrackReport(2, 10_000 + k, s, x, fakeCov));
                }
            }
            fromC.forEach(picture::receive);
            AirPicture p = picture.update(s, a.reports(s));
            if (spoofer < 0 && picture.isolated(2)) {
                spoofer = s;
            } else if (spoofer >= 0) {
                for (SystemTrack t : p.tracks()) {
                    spooferAfter |= t.hasSource(2);
                }
            }
            if (honest < 0 && picture.isolated(1)) {
                honest = s;
            }
        }
        return new Outcome(spoofer, honest, spooferAfter);
    }

    @Test
    void aSpooferIsIsolatedWithinAFewScansAndAnHonestPartnerIsNot() {
        int seeds = 200;
        int honestFalseAlarms = 0;
        int spooferEarly = 0;
        int detected = 0;
        int maxDelay = 0;
        double sumDelay = 0;
        for (long seed = 0; seed < seeds; seed++) {
            Outcome o = run(seed);
            if (o.honestIsolatedAt() >= 0) {
                honestFalseAlarms++;
            }
            if (o.spooferIsolatedAt() >= 0 && o.spooferIsolatedAt() < SPOOF_FROM) {
                spooferEarly++; // isolated while still honest: a false alarm too
            } else if (o.spooferIsolatedAt() >= 0) {
                detected++;
                int delay = o.spooferIsolatedAt() - SPOOF_FROM;
                maxDelay = Math.max(maxDelay, delay);
                sumDelay += delay;
                assertThat(o.spooferInPictureAfter()).as("seed %d: spoofer's tracks after isolation", seed).isFalse();
            }
        }
        int honestScans = seeds * SCANS + seeds * SPOOF_FROM;
        System.out.printf(java.util.Locale.ROOT,
                "consistency check over %d seeds: spoofer isolated in %d, delay after injection mean %.2f s, max %d s "
                        + "(grace %.0f s); false isolations of honest partners %d (B) + %d (C before spoofing) in %d partner-scans%n",
                seeds, detected, sumDelay / Math.max(1, detected), maxDelay, ConsistencyChecker.Settings.DEFAULT.grace(),
                honestFalseAlarms, spooferEarly, honestScans);
        assertThat(detected).isEqualTo(seeds);
        // the false tracks are tested once they have spent the 5 s grace in coverage; then a few scans suffice
        // (measured: mean 1.5 scans after the grace, at most 4)
        double grace = ConsistencyChecker.Settings.DEFAULT.grace();
        assertThat(maxDelay).isLessThanOrEqualTo((int) grace + 5);
        assertThat(sumDelay / detected).isLessThanOrEqualTo(grace + 3);
        assertThat(honestFalseAlarms + spooferEarly).isLessThanOrEqualTo(2);
    }

    @Test
    void theStatisticFollowsPagesCusum() {
        ConsistencyChecker.Coverage everywhere = (x, y, z) -> 1;
        ConsistencyChecker checker = new ConsistencyChecker(0, new ConsistencyChecker.Settings(0.8, 0.9, 0.1, 4, 0,
                SystemTrackTable.GATE_99999), everywhere, 1);
        double[] cov = new double[36];
        for (int i = 0; i < 6; i++) {
            cov[7 * i] = 100;
        }
        TrackReport own = new TrackReport(0, 1, 0, new double[] {0, 0, 0, 0, 0, 0}, cov);
        TrackReport confirmed = new TrackReport(1, 1, 0, new double[] {5, 0, 0, 0, 0, 0}, cov);
        TrackReport lonely = new TrackReport(1, 2, 0, new double[] {5_000, 0, 0, 0, 0, 0}, cov);
        double up = Math.log(0.9 / 0.1);
        assertThat(checker.check(0, List.of(own), List.of(lonely))).isEmpty();
        assertThat(checker.statistic(1)).isCloseTo(up, org.assertj.core.api.Assertions.within(1e-12));
        checker.check(0, List.of(own), List.of(confirmed, confirmed));
        assertThat(checker.statistic(1)).isZero(); // clamped at zero, not negative
        assertThat(checker.check(0, List.of(own), List.of(lonely))).isEmpty();
        assertThat(checker.statistic(1)).isCloseTo(up, org.assertj.core.api.Assertions.within(1e-12));
        List<Alert> alerts = checker.check(0, List.of(own), List.of(lonely));
        assertThat(checker.statistic(1)).isCloseTo(2 * up, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).partner()).isEqualTo(1);
        assertThat(alerts.get(0).observations()).isEqualTo(5);
        assertThat(alerts.get(0).unconfirmed()).isEqualTo(3);
        assertThat(alerts.get(0).describe()).contains("isolated partner 1");
        assertThat(checker.isolated(1)).isTrue();
        assertThat(checker.check(0, List.of(own), List.of(lonely))).isEmpty(); // latched, no second alert
        checker.restore(1);
        assertThat(checker.isolated(1)).isFalse();
        assertThat(checker.statistic(1)).isZero();
    }
}
