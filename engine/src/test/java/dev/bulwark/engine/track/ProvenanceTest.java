package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.track.associate.JpdaAssociator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The provenance ({@link Track#provenance()}) and quality ({@link Track#quality()}) of tracks on
 * Cartesian scans built so that the answer is known: which plot of which scan updated which track.
 */
class ProvenanceTest {

    // still targets, 25 m noise per axis, new-track speed σ 10 m/s, q = 1: plots at the targets are well inside the gate
    static final TrackerSettings SETTINGS = new TrackerSettings(3, 4, 3, 1.0, 10.0, 16.27);
    static final double FAR = 100_000;

    static double[] r(int n) {
        double[] r = new double[9 * n];
        for (int k = 0; k < n; k++) {
            r[9 * k] = r[9 * k + 4] = r[9 * k + 8] = 625;
        }
        return r;
    }

    static GnnTracker gnn() {
        return new GnnTracker(SETTINGS, new ConstantVelocity(1.0), Ellipsoid.WGS84, Double.NEGATIVE_INFINITY,
                new Tracker.Listener() { });
    }

    static Track withId(Tracker tracker, int id) {
        return tracker.tracks().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Test
    void gnnRecordsExactlyThePlotThatUpdatedEachTrackInEachScan() {
        GnnTracker tracker = gnn();
        // scan 0, sensor 3: A at the origin (plot 0), B 100 km east (plot 1): tracks 1 and 2
        tracker.update(0, 3, 2, new double[] {0, 0, 0, FAR, 0, 0}, r(2));
        // scan 1, sensor 3, plots listed in the other order, then clutter 200 km away (plot 2, starts track 3)
        tracker.update(1, 3, 3, new double[] {FAR + 10, 0, 0, 10, -5, 0, 2 * FAR, 0, 0}, r(3));
        // scan 2, sensor 5: clutter first (plot 0, track 4), A (plot 1); B not detected
        tracker.update(2, 5, 2, new double[] {-2 * FAR, 0, 0, -8, 4, 3}, r(2));

        assertThat(withId(tracker, 1).provenance()).containsExactly(
                new Track.PlotUse(0, 3, 0, 1.0), new Track.PlotUse(1, 3, 1, 1.0), new Track.PlotUse(2, 5, 1, 1.0));
        assertThat(withId(tracker, 2).provenance()).containsExactly(
                new Track.PlotUse(0, 3, 1, 1.0), new Track.PlotUse(1, 3, 0, 1.0));
        assertThat(withId(tracker, 3).provenance()).containsExactly(new Track.PlotUse(1, 3, 2, 1.0));
        assertThat(withId(tracker, 4).provenance()).containsExactly(new Track.PlotUse(2, 5, 0, 1.0));
        for (Track t : tracker.tracks()) {
            assertThat(t.provenanceSize()).isEqualTo(t.plotsUsed()).isEqualTo(t.hits());
        }
        // quality: A three hits in three looks; B two in three; the clutter track one in two
        assertThat(withId(tracker, 1).quality()).isEqualTo(1.0);
        assertThat(withId(tracker, 2).quality()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(withId(tracker, 3).quality()).isEqualTo(0.5);
        assertThat(withId(tracker, 2).looks()).isEqualTo(3);
        assertThat(withId(tracker, 2).hits()).isEqualTo(2);
    }

    @Test
    void aTrackThatLivesLongKeepsEveryPlotAndReusedRecordsDoNotLeakIntoNewTracks() {
        // One target seen for 50 scans at plot index 1 behind a clutter plot (index 0) that is new every
        // scan: the clutter tracks are dropped unconfirmed and their records reused by the next ones,
        // which must start empty. The quality window forgets old misses: one miss at scan 10, then
        // 8 hits, is quality 1 again.
        GnnTracker tracker = gnn();
        for (int s = 0; s < 50; s++) {
            double[] z = {-FAR - 10_000 * s, 0, 0, 0, 0, 0};
            if (s == 10) {
                tracker.update(s, 0, 1, z, r(1));
            } else {
                tracker.update(s, 0, 2, z, r(2));
            }
            for (Track t : tracker.tracks()) {
                if (t.id() != 2) {
                    List<Track.PlotUse> p = t.provenance();
                    assertThat(p).as("clutter track %d at scan %d", t.id(), s).hasSize(1);
                    assertThat(p.get(0).plot()).isZero();
                    assertThat(p.get(0).time()).isEqualTo(t.startTime());
                }
            }
            if (s == 11) {
                assertThat(withId(tracker, 2).quality()).isEqualTo(7.0 / 8);
            }
        }
        Track target = withId(tracker, 2);
        assertThat(target.confirmed()).isTrue();
        assertThat(target.provenance()).hasSize(49);
        for (int k = 0; k < 49; k++) {
            Track.PlotUse u = target.provenance().get(k);
            assertThat(u.time()).isEqualTo(k < 10 ? k : k + 1);
            assertThat(u.plot()).isEqualTo(1);
        }
        assertThat(target.quality()).isEqualTo(1.0);
    }

    @Test
    void jpdaRecordsEveryGatedPlotWithItsProbabilityAndLeavesOutThoseOutsideTheGate() {
        // As in JpdaTrackerTest: plots A (+30 m) and B (−30 m) symmetric about the track's prediction
        // share the track with equal β; C, 100 km away, is outside the gate and starts its own track.
        JpdaTracker tracker = new JpdaTracker(SETTINGS, new ConstantVelocity(1.0), Ellipsoid.WGS84,
                Double.NEGATIVE_INFINITY, new Tracker.Listener() { }, new JpdaAssociator(0.9, 1e-6, 100), 0.5);
        tracker.update(0, 2, 1, new double[] {0, 0, 0}, r(1));
        tracker.update(1, 2, 3, new double[] {FAR, 0, 0, 30, 0, 0, -30, 0, 0}, r(3));
        List<Track.PlotUse> p = withId(tracker, 1).provenance();
        assertThat(p).hasSize(3);
        assertThat(p.get(0)).isEqualTo(new Track.PlotUse(0, 2, 0, 1.0));
        // within a scan, in the gate's order
        assertThat(p.subList(1, 3)).extracting(Track.PlotUse::plot).containsExactlyInAnyOrder(1, 2);
        assertThat(p.subList(1, 3)).extracting(Track.PlotUse::time).containsOnly(1.0);
        assertThat(p.subList(1, 3)).extracting(Track.PlotUse::sensor).containsOnly(2);
        double beta = p.get(1).weight();
        assertThat(beta).isBetween(JpdaTracker.PROVENANCE_MIN_WEIGHT, 0.5);
        assertThat(p.get(2).weight()).isCloseTo(beta, within(1e-12));
        // C's own track holds C alone, with weight 1
        Track c = tracker.tracks().stream().filter(t -> t.startTime() == 1 && t.state()[0] > FAR / 2)
                .findFirst().orElseThrow();
        assertThat(c.provenance()).containsExactly(new Track.PlotUse(1, 2, 0, 1.0));
    }

    @Test
    void jpdaLeavesOutAPlotWhoseProbabilityIsBelowTheThreshold() {
        // Plot A at the prediction and plot B near the gate's edge (d² = 14, the gate 16.27): with a
        // low clutter density B's β is far below 1%, so only A is recorded.
        JpdaTracker tracker = new JpdaTracker(SETTINGS, new ConstantVelocity(1.0), Ellipsoid.WGS84,
                Double.NEGATIVE_INFINITY, new Tracker.Listener() { }, new JpdaAssociator(0.9, 1e-15, 100), 0.5);
        tracker.update(0, 0, 1, new double[] {0, 0, 0}, r(1));
        double s = Math.sqrt(625 + 625 + 100 + 1.0 / 3); // √S_xx after 1 s
        tracker.update(1, 0, 2, new double[] {0, 0, 0, Math.sqrt(14) * s, 0, 0}, r(2));
        List<Track.PlotUse> p = withId(tracker, 1).provenance();
        assertThat(p).hasSize(2);
        assertThat(p.get(1).plot()).isZero();
        assertThat(p.get(1).weight()).isGreaterThan(0.99);
    }
}
