package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sensor.Plot;
import dev.bulwark.engine.sensor.Radar;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.sensor.Scan;
import dev.bulwark.engine.sensor.SensorTarget;
import dev.bulwark.engine.sensor.SensorTargets;
import dev.bulwark.engine.sim.RandomStream;
import dev.bulwark.engine.sim.TinyWorlds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * Contract tests for any {@link Tracker}: run against an implementation by extending this class
 * and supplying {@link #newTracker}. They drive the tracker with real {@link Radar} scans of
 * flown rockets (or of clutter alone) and compare its tracks with the truth, which the tracker
 * never sees.
 *
 * <p>Laydown: the notional Sderot laydown of {@link TinyWorlds} (radar at 31.45° N 34.62° E,
 * 0.5–100 km, σ 15 m and 2 mrad, 1 s revisit); Qassam-class rockets flown by the engine's flight
 * model from 14 km north-west of the radar. The rockets' cross-section is set to 1,000 m² so
 * that P_d = 1 − O(10⁻⁷) everywhere on their path: the tests are about the tracker, not the
 * detection statistics.
 */
abstract class TrackerContract {

    /** Radar index in the scenario; non-zero so that a tracker which ignores it shows. */
    static final int RADAR_INDEX = 7;
    static final double GROUND = 0.0;
    static final double SURE_RCS = 1_000;
    static final GeodeticPoint LAUNCH = GeodeticPoint.ofDegrees(31.535, 34.51, 0);
    static final double LAUNCH_AZIMUTH = Math.toRadians(97);
    static final double LAUNCH_ELEVATION = Math.toRadians(35);
    /**
     * DEFAULT with q raised to 400 m²/s³. The Qassam decelerates by 30 m/s² at launch and still
     * 15 m/s² ten seconds later (drag the motion model leaves to q); with DEFAULT's q = 50 the
     * prediction lags by up to ~100 m, near the edge of the 99.9% gate, and about one rocket in ten
     * loses its track in the first seconds (see {@link #defaultSettingsKeepARocketsTrack()}).
     */
    static final TrackerSettings ROCKET_SETTINGS = new TrackerSettings(3, 4, 3, 400.0, 400.0, 16.27);

    /**
     * A new tracker.
     *
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param ellipsoid      Earth shape
     * @param groundAltitude ground height (m)
     * @param listener       told of confirmations and drops
     */
    protected abstract Tracker newTracker(TrackerSettings settings, Ellipsoid ellipsoid, double groundAltitude,
            Tracker.Listener listener);

    /** What the listener heard, with the time of the scan that caused it. */
    record Event(double time, String kind, Track track, String reason) {
    }

    /** A tracker, its radar and its listener's log, stepped one scan at a time. */
    final class Harness implements Tracker.Listener {
        final Tracker tracker;
        final Radar radar;
        final List<Event> events = new ArrayList<>();
        double now;

        Harness(TrackerSettings settings, RadarSpec spec, long seed) {
            tracker = newTracker(settings, Ellipsoid.WGS84, GROUND, this);
            radar = new Radar(spec, RADAR_INDEX, Ellipsoid.WGS84, seed, new RandomStream(seed + 1));
        }

        Scan scan(double t, List<? extends SensorTarget> targets) {
            now = t;
            Scan scan = radar.scan(t, targets);
            tracker.update(scan);
            return scan;
        }

        @Override
        public void confirmed(Track track) {
            events.add(new Event(now, "confirmed", track, null));
        }

        @Override
        public void dropped(Track track, String reason) {
            events.add(new Event(now, "dropped", track, reason));
        }

        List<Event> of(String kind) {
            return events.stream().filter(e -> e.kind().equals(kind)).toList();
        }

        List<Track> confirmedTracks() {
            return tracker.tracks().stream().filter(Track::confirmed).toList();
        }
    }

    static RadarSpec radarSpec() {
        return TinyWorlds.radar("R1", 31.45, 34.62);
    }

    /** A Qassam flown from a launch point, to the ground. */
    static Trajectory rocket(double launchTime, GeodeticPoint launch) {
        Aiming aiming = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.05), 300);
        return aiming.fly(TinyWorlds.QASSAM, launchTime, launch, LAUNCH_AZIMUTH, LAUNCH_ELEVATION, GROUND);
    }

    static double distance(double[] a, double[] b) {
        return Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
    }

    static double sq(double x) {
        return x * x;
    }

    // ------------------------------------------------------------------------------ one rocket

    @Test
    void aSingleRocketGivesOneTrackConfirmedOnTheThirdScanThatFollowsIt() {
        // DEFAULT settings (3 of 4): with every scan detecting the rocket, the track is confirmed by
        // the scan that brings its third plot, two revisits after the first; every plot updates
        // the one track (plotsUsed counts them all), and nothing else is ever tracked.
        //
        // (On this seed the track holds through the high-drag first seconds, as it does for about
        // nine rockets in ten under DEFAULT; see defaultSettingsKeepARocketsTrack.)
        //
        // Accuracy: with q = 50 m²/s³ (for the rocket's unmodelled drag) and a 1 s revisit the filter
        // averages only a few plots, so its 3-D error stays near the plots' single-axis cross-range
        // error. Measured over the scans from 5 s after confirmation to the last plot (37 scans,
        // 8–12 km from the radar): 3-D RMSE 23.0 m, i.e. 13.3 m per axis, against a cross-range σ
        // (r σ_angle) of 19.6 m and a 3-D plot error √trace(R) of 31.3 m. Checked: per-axis RMSE below
        // the cross-range σ, 3-D RMSE below the 3-D plot error. Including the first 5 s after
        // confirmation (velocity still converging from the zero-velocity start) the 3-D RMSE is
        // 28.9 m; bounded by twice the cross-range σ.
        TrackerSettings settings = TrackerSettings.DEFAULT;
        Harness h = new Harness(settings, radarSpec(), 11);
        Trajectory flight = rocket(0.35, LAUNCH);
        List<SensorTarget> targets = List.of(SensorTargets.Flying.of(1, flight, SURE_RCS));
        double firstPlot = Double.NaN;
        int plotsSoFar = 0;
        double[] sums = new double[5];
        int[] counts = new int[2];
        double[] truth = new double[6];
        double[] rae = new double[3];
        for (double t = 1.0; t < flight.impactTime(); t += 1.0) {
            Scan scan = h.scan(t, targets);
            assertThat(scan.plots()).as("plots at %s s", t).hasSizeLessThanOrEqualTo(1);
            if (scan.plots().isEmpty()) {
                // the rocket is under the radar's elevation floor only at the start and the end
                assertThat(Double.isNaN(firstPlot) || t > flight.impactTime() - 10).as("miss at %s s", t).isTrue();
                continue;
            }
            if (Double.isNaN(firstPlot)) {
                firstPlot = t;
            }
            plotsSoFar++;
            assertThat(h.tracker.tracks()).as("tracks at %s s", t).hasSize(1);
            Track track = h.tracker.tracks().get(0);
            assertThat(track.plotsUsed()).as("plots used at %s s", t).isEqualTo(plotsSoFar);
            assertThat(track.lastSensor()).isEqualTo(RADAR_INDEX);
            // provenance: one entry per scan, this scan's only plot (index 0) the last
            assertThat(track.provenance()).as("provenance at %s s", t).hasSize(plotsSoFar);
            Track.PlotUse last = track.provenance().get(plotsSoFar - 1);
            assertThat(last.time()).isEqualTo(t);
            assertThat(last.sensor()).isEqualTo(RADAR_INDEX);
            assertThat(last.plot()).isZero();
            assertThat(last.weight()).isBetween(JpdaTracker.PROVENANCE_MIN_WEIGHT, 1.0);
            assertThat(track.quality()).isEqualTo(1.0);
            assertThat(track.time()).isEqualTo(t);
            assertThat(track.startTime()).isEqualTo(firstPlot);
            assertThat(track.consecutiveMisses()).isZero();
            boolean shouldBeConfirmed = t >= firstPlot + (settings.confirmHits() - 1) * 1.0;
            assertThat(track.confirmed()).as("confirmed at %s s", t).isEqualTo(shouldBeConfirmed);
            assertThat(track.status()).isEqualTo(shouldBeConfirmed ? Track.Status.CONFIRMED : Track.Status.TENTATIVE);
            if (track.confirmed()) {
                flight.stateAt(t, truth);
                double error2 = sq(distance(track.state(), truth));
                sums[0] += error2;
                counts[0]++;
                if (t >= firstPlot + 2.0 + 5.0) {
                    Plot plot = scan.plots().get(0);
                    h.radar.frame().ecefToRae(truth[0], truth[1], truth[2], rae);
                    sums[1] += error2;
                    sums[2] += sq(rae[0] * plot.sigmaAzimuth());
                    sums[3] += sq(plot.sigmaRange()) + sq(rae[0] * Math.cos(rae[2]) * plot.sigmaAzimuth())
                            + sq(rae[0] * plot.sigmaElevation());
                    counts[1]++;
                }
            }
        }
        assertThat(h.of("confirmed")).hasSize(1);
        assertThat(h.of("confirmed").get(0).time()).as("confirmation time").isEqualTo(firstPlot + 2.0);
        assertThat(h.of("confirmed").get(0).track()).isSameAs(h.tracker.tracks().get(0));
        assertThat(h.of("dropped")).isEmpty();
        assertThat(counts[1]).isGreaterThan(30);
        double rmseAll = Math.sqrt(sums[0] / counts[0]);
        double rmse = Math.sqrt(sums[1] / counts[1]);
        double crossRange = Math.sqrt(sums[2] / counts[1]);
        double plotError = Math.sqrt(sums[3] / counts[1]);
        assertThat(rmse / Math.sqrt(3)).as("per-axis position RMSE (m) against the cross-range σ %.1f m", crossRange)
                .isLessThan(crossRange);
        assertThat(rmse).as("3-D position RMSE (m) against the 3-D plot error %.1f m", plotError)
                .isLessThan(plotError);
        assertThat(rmseAll).as("3-D position RMSE (m) from confirmation").isLessThan(2 * crossRange);
    }

    // ------------------------------------------------------------------------------ two rockets

    @Test
    void twoRocketsFiveKilometresApartGiveTwoTracksThatNeverSwap() {
        // Two rockets fired together on parallel paths from launchers 5 km apart (north–south): each
        // confirmed track is, at every scan, nearer its own rocket than the other, for its whole life,
        // and there are exactly two. ROCKET_SETTINGS, because under DEFAULT this very seed loses
        // rocket A's track at 7 s to drag lag (not a swap: a new track takes over and is confirmed
        // at 9 s); that weakness is tested on its own below.
        Harness h = new Harness(ROCKET_SETTINGS, radarSpec(), 12);
        GeodeticPoint south = GeodeticPoint.ofDegrees(LAUNCH.latitudeDegrees() - 5_000 / 110_900.0,
                LAUNCH.longitudeDegrees(), 0);
        Trajectory a = rocket(0.2, LAUNCH);
        Trajectory b = rocket(0.2, south);
        List<SensorTarget> targets = List.of(SensorTargets.Flying.of(1, a, SURE_RCS),
                SensorTargets.Flying.of(2, b, SURE_RCS));
        Map<Integer, Integer> follows = new HashMap<>();
        double[] sa = new double[6];
        double[] sb = new double[6];
        double separation = Double.POSITIVE_INFINITY;
        int checks = 0;
        double end = Math.min(a.impactTime(), b.impactTime());
        for (double t = 1.0; t < end; t += 1.0) {
            h.scan(t, targets);
            a.stateAt(t, sa);
            b.stateAt(t, sb);
            separation = Math.min(separation, distance(sa, sb));
            for (Track track : h.confirmedTracks()) {
                double da = distance(track.state(), sa);
                double db = distance(track.state(), sb);
                int nearest = da < db ? 1 : 2;
                assertThat(Math.min(da, db)).as("track %d error at %s s", track.id(), t).isLessThan(300);
                Integer before = follows.putIfAbsent(track.id(), nearest);
                assertThat(before == null ? nearest : before).as("target of track %d at %s s", track.id(), t)
                        .isEqualTo(nearest);
                checks++;
            }
        }
        assertThat(separation).as("closest approach of the rockets (m)").isGreaterThan(4_500);
        assertThat(h.of("confirmed")).hasSize(2);
        assertThat(follows).hasSize(2);
        assertThat(follows.values()).containsExactlyInAnyOrder(1, 2);
        assertThat(checks).isGreaterThan(60);
        assertThat(h.of("dropped")).isEmpty();
    }

    // ------------------------------------------------------------------------------ clutter

    @Test
    void clutterAloneConfirmsAlmostNoTracks() {
        // λ = 2 false plots per scan, no targets, 100 scans, over a coverage that starts at 20 km (so
        // the clutter density in space, uniform in range, azimuth and elevation, stays bounded).
        //
        // Bound on the expected number of false confirmations. Each false plot starts at most one
        // tentative track; it is confirmed only with plots in its gate on two of its next three
        // looks. Its gate at τ s after its first plot is largest with no update: S ≤ s_τ² I with
        // s_τ² = τ² σ_v² + q τ³/3 + 2 λ_max(R), λ_max(R) = (r_max σ_angle)², volume
        // V_τ = 4/3 π γ^{3/2} s_τ³. The clutter density is at most ρ = λ / (Δr · 2π · Δel · r_min² · cos el_max)
        // per m³, so a look finds a plot in the gate with probability p_τ ≤ ρ V_τ. Looks are
        // independent, so P(confirm) ≤ p₁p₂ + p₁p₃ + p₂p₃, and E[confirmed] ≤ λ · scans · P(confirm)
        // (≈ 0.008 here). Neglected: a track that leaves the coverage gets extra looks. The assertion
        // allows the 99.9% Poisson quantile of that expectation (1). Measured: 200 false plots, up to
        // 9 tentative tracks alive at once, none with a second plot, none confirmed (and none confirmed
        // in 50 × 100 scans on the TinyWorlds coverage from 500 m, where this bound does not hold).
        TrackerSettings settings = TrackerSettings.DEFAULT;
        double lambda = 2;
        int scans = 100;
        double minRange = 20_000;
        double maxRange = 100_000;
        double minEl = Math.toRadians(0.5);
        double maxEl = Math.toRadians(60);
        double sigmaAngle = 0.002;
        RadarSpec spec = new RadarSpec("clutter", GeodeticPoint.ofDegrees(31.45, 34.62, 0), minRange, maxRange, minEl,
                maxEl, 1.0, 60_000, lambda, 15, sigmaAngle, sigmaAngle);
        double density = lambda / ((maxRange - minRange) * 2 * Math.PI * (maxEl - minEl) * minRange * minRange
                * Math.cos(maxEl));
        double[] p = new double[4];
        for (int tau = 1; tau <= 3; tau++) {
            double s2 = sq(tau * settings.initialSpeedSigmaMps()) + settings.processNoise() * tau * tau * tau / 3
                    + 2 * Math.max(sq(spec.sigmaRangeM()), sq(maxRange * sigmaAngle));
            double volume = 4.0 / 3.0 * Math.PI * Math.pow(settings.gateChiSquare(), 1.5) * Math.pow(s2, 1.5);
            p[tau] = Math.min(1, density * volume);
        }
        double confirmProbability = p[1] * p[2] + p[1] * p[3] + p[2] * p[3];
        double expected = lambda * scans * confirmProbability;
        int allowed = new PoissonDistribution(expected).inverseCumulativeProbability(0.999);
        // Likewise a tentative track takes a second plot (by its third look at the latest, or it is
        // dropped) with probability at most p₁ + p₂: a bound on clutter tracks with two plots (≈ 0.76),
        // which a gate much larger than γ would exceed.
        double expectedPairs = lambda * scans * (p[1] + p[2]);
        int allowedPairs = new PoissonDistribution(expectedPairs).inverseCumulativeProbability(0.999);

        Harness h = new Harness(settings, spec, 2024);
        int plots = 0;
        int mostTracks = 0;
        java.util.Set<Track> paired = new java.util.HashSet<>();
        for (int i = 0; i < scans; i++) {
            plots += h.scan(1.0 + i, List.of()).plots().size();
            mostTracks = Math.max(mostTracks, h.tracker.tracks().size());
            for (Track track : h.tracker.tracks()) {
                assertThat(track.plotsUsed()).isPositive();
                if (track.plotsUsed() >= 2) {
                    paired.add(track);
                }
            }
        }
        assertThat(expected).isLessThan(0.05);
        assertThat(plots).isBetween(150, 250);
        // the clutter did start tracks: the tracker is not simply ignoring plots
        assertThat(mostTracks).isGreaterThanOrEqualTo(2);
        assertThat(h.of("confirmed")).as("false confirmations; expected at most %.4f", expected)
                .hasSizeLessThanOrEqualTo(allowed);
        assertThat(paired).as("clutter tracks with a second plot; expected at most %.3f", expectedPairs)
                .hasSizeLessThanOrEqualTo(allowedPairs);
    }

    // ------------------------------------------------------------------------------ continuity

    /** Flies one rocket past the radar on each of 100 seeds; returns how many did not give exactly one confirmed track. */
    private int brokenTracks(TrackerSettings settings) {
        Trajectory flight = rocket(0.35, LAUNCH);
        List<SensorTarget> targets = List.of(SensorTargets.Flying.of(1, flight, SURE_RCS));
        int broken = 0;
        for (int seed = 0; seed < 100; seed++) {
            Harness h = new Harness(settings, radarSpec(), 1_000 + seed);
            for (double t = 1.0; t < flight.impactTime(); t += 1.0) {
                h.scan(t, targets);
            }
            if (h.of("confirmed").size() != 1) {
                broken++;
            }
        }
        return broken;
    }

    @Test
    void aRocketKeepsOneTrackFromConfirmationToImpact() {
        // 100 flights of the same rocket, each seen through a radar on a different seed. A broken
        // track (lost to a gate miss and started again) shows as a second confirmation. At most 1 of
        // 100 allowed: a true break rate of 5% would pass this with probability 0.037, DEFAULT's
        // ~10% with ≤ 0.0005. Measured with ROCKET_SETTINGS: 0 of 100 (and 0 of 200).
        assertThat(brokenTracks(ROCKET_SETTINGS)).as("flights with a broken track, of 100").isLessThanOrEqualTo(1);
    }

    @Test
    void defaultSettingsKeepARocketsTrack() {
        assertThat(brokenTracks(TrackerSettings.DEFAULT)).as("flights with a broken track, of 100")
                .isLessThanOrEqualTo(1);
    }

    // ------------------------------------------------------------------------------ life cycle

    @Test
    void aConfirmedTrackWhoseTargetDisappearsIsDroppedAsLostAfterTheSetNumberOfMisses() {
        // The rocket vanishes (as if killed) mid-flight while the track's prediction stays in the
        // coverage: the track is dropped, reason "lost", by the deleteAfterMisses-th scan without it.
        TrackerSettings settings = TrackerSettings.DEFAULT;
        Harness h = new Harness(settings, radarSpec(), 13);
        Trajectory flight = rocket(0.0, LAUNCH);
        double vanish = 20.5;
        List<SensorTarget> targets = List.of(new SensorTargets.Flying(1, flight, SURE_RCS, 0, vanish));
        Track confirmed = null;
        double dropTime = 21.0 + (settings.deleteAfterMisses() - 1);
        for (double t = 1.0; t <= dropTime + 3; t += 1.0) {
            h.scan(t, targets);
            if (confirmed == null && !h.confirmedTracks().isEmpty()) {
                confirmed = h.confirmedTracks().get(0);
            }
            if (t > vanish && t < dropTime) {
                assertThat(h.tracker.tracks()).as("tracks at %s s", t).containsExactly(confirmed);
                assertThat(confirmed.consecutiveMisses()).isEqualTo((int) (t - 20.0));
                assertThat(confirmed.plotsUsed()).isEqualTo(20);
            }
            if (t >= dropTime) {
                assertThat(h.tracker.tracks()).as("tracks at %s s", t).isEmpty();
            }
        }
        assertThat(confirmed).isNotNull();
        assertThat(h.of("dropped")).hasSize(1);
        Event drop = h.of("dropped").get(0);
        assertThat(drop.track()).isSameAs(confirmed);
        assertThat(drop.reason()).isEqualTo("lost");
        assertThat(drop.time()).isEqualTo(dropTime);
    }

    @Test
    void aTrackPredictedBelowTheGroundIsDropped() {
        // The rocket lands; the track's prediction carries on into the ground and the track is
        // dropped there, reason "below_ground", within two scans of the impact and before enough
        // misses accumulate for "lost".
        Harness h = new Harness(TrackerSettings.DEFAULT, radarSpec(), 14);
        Trajectory flight = rocket(0.5, LAUNCH);
        List<SensorTarget> targets = List.of(SensorTargets.Flying.of(1, flight, SURE_RCS));
        Track confirmed = null;
        for (double t = 1.0; t < flight.impactTime() + 5; t += 1.0) {
            h.scan(t, targets);
            if (confirmed == null && !h.confirmedTracks().isEmpty()) {
                confirmed = h.confirmedTracks().get(0);
            }
        }
        assertThat(confirmed).isNotNull();
        assertThat(h.tracker.tracks()).isEmpty();
        assertThat(h.of("dropped")).hasSize(1);
        Event drop = h.of("dropped").get(0);
        assertThat(drop.track()).isSameAs(confirmed);
        assertThat(drop.reason()).isEqualTo("below_ground");
        assertThat(drop.time()).isBetween(flight.impactTime(), flight.impactTime() + 2);
    }

    @Test
    void aTentativeTrackThatCannotBeConfirmedIsDroppedSilently() {
        // A target seen on one scan only. With M of N it stays tentative through N − M misses, and
        // is dropped on the next one, without telling the listener (it was never confirmed).
        TrackerSettings settings = TrackerSettings.DEFAULT;
        Harness h = new Harness(settings, radarSpec(), 15);
        Trajectory flight = rocket(0.0, LAUNCH);
        List<SensorTarget> targets = List.of(new SensorTargets.Flying(1, flight, SURE_RCS, 9.5, 10.5));
        int missesAllowed = settings.confirmWindow() - settings.confirmHits();
        for (int k = 0; k <= missesAllowed + 2; k++) {
            double t = 10.0 + k;
            h.scan(t, targets);
            if (k <= missesAllowed) {
                assertThat(h.tracker.tracks()).as("tracks at %s s", t).hasSize(1);
                Track track = h.tracker.tracks().get(0);
                assertThat(track.status()).isEqualTo(Track.Status.TENTATIVE);
                assertThat(track.plotsUsed()).isEqualTo(1);
                assertThat(track.startTime()).isEqualTo(10.0);
            } else {
                assertThat(h.tracker.tracks()).as("tracks at %s s", t).isEmpty();
            }
        }
        assertThat(h.events).isEmpty();
    }

    @Test
    void predictToMovesEveryTrackWithoutAMeasurement() {
        Harness h = new Harness(TrackerSettings.DEFAULT, radarSpec(), 16);
        Trajectory flight = rocket(0.0, LAUNCH);
        List<SensorTarget> targets = List.of(SensorTargets.Flying.of(1, flight, SURE_RCS));
        for (double t = 1.0; t <= 15.0; t += 1.0) {
            h.scan(t, targets);
        }
        Track track = h.confirmedTracks().get(0);
        int used = track.plotsUsed();
        h.tracker.predictTo(15.5);
        double[] truth = new double[6];
        flight.stateAt(15.5, truth);
        assertThat(track.time()).isEqualTo(15.5);
        assertThat(track.plotsUsed()).isEqualTo(used);
        // half a second's flight is ~150 m; the prediction lands within the track's usual error
        assertThat(distance(track.state(), truth)).isLessThan(100);
    }
}
