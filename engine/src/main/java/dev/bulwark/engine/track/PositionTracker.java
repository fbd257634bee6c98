package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.sensor.Plot;
import dev.bulwark.engine.sensor.Scan;
import dev.bulwark.engine.track.associate.GatedPairs;
import dev.bulwark.engine.track.associate.MahalanobisGate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the trackers on 3-D position plots share: Kalman filters (6 states, ECEF position and
 * velocity), the conversion of radar plots, Mahalanobis gating behind a spatial index
 * ({@link MahalanobisGate}), single-plot initiation, M-of-N confirmation and deletion after
 * consecutive misses. A subclass supplies only the association and the filter updates of one
 * scan ({@link #associateAndUpdate}): {@link GnnTracker} (one plot per track, global nearest
 * neighbour) and {@link JpdaTracker} (all gated plots, weighted by their JPDA probabilities).
 *
 * <p>Initiation: a plot the subclass does not mark as used starts a tentative track at its
 * position with zero velocity and a velocity standard deviation of
 * {@link TrackerSettings#initialSpeedSigmaMps()} per axis. A tentative track is confirmed after
 * M hits in its first N looks (scans that covered it) and dropped as soon as that can no longer
 * happen. A confirmed track is dropped after K consecutive looks without a hit, or when its
 * prediction is below the ground.
 *
 * <p>Reads only plots: it cannot know which plots are false alarms.
 */
abstract class PositionTracker implements Tracker {

    final TrackerSettings settings;
    private final MotionModel motion;
    private final Ellipsoid ellipsoid;
    private final double groundAltitude;
    private final Listener listener;
    final List<Track> tracks = new ArrayList<>();
    private final List<Track> view = Collections.unmodifiableList(tracks);
    private int nextId = 1;

    private final double[] f = new double[36];
    private final double[] b = new double[6];
    private final double[] q = new double[36];
    private double matricesDt = Double.NaN; // the dt of f, b and q, when the motion model ignores the state
    private final double[] geo = new double[3];
    private final ConvertedPosition converter = new ConvertedPosition();
    final MahalanobisGate gate;
    final GatedPairs gated = new GatedPairs();
    private final List<Track> survivors = new ArrayList<>();
    // per-scan buffers, grown as needed: plots (z, R, sensor), tracks (ẑ, H P Hᵀ, plot)
    double[] zs = new double[0];
    double[] rs = new double[0];
    int[] plotSensor = new int[0];
    boolean[] plotUsed = new boolean[0];
    private double[] zHat = new double[0];
    private double[] hph = new double[0];
    // per track: whether the subclass counted a hit this scan
    boolean[] detected = new boolean[0];
    // every track's filter shares this one's work arrays: the tracker runs its filters one at a time
    private final KalmanFilter workspace = new KalmanFilter(6, 3);
    private final List<KalmanFilter> spareFilters = new ArrayList<>();
    private final List<int[]> spareProvenance = new ArrayList<>();
    private final Track.ScanTimes scanTimes = new Track.ScanTimes();
    private final double[] startState = new double[6];
    private final double[] startCovariance = new double[36];

    /**
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param motion         the motion model (6 states: ECEF position and velocity)
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener       told of confirmations and drops
     */
    PositionTracker(TrackerSettings settings, MotionModel motion, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener) {
        if (motion.dimension() != 6) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a 6-state motion model");
        }
        this.settings = settings;
        this.motion = motion;
        this.ellipsoid = ellipsoid;
        this.groundAltitude = groundAltitude;
        this.listener = listener;
        this.gate = new MahalanobisGate(settings.gateChiSquare());
    }

    @Override
    public List<Track> tracks() {
        return view;
    }

    @Override
    public void predictTo(double t) {
        for (Track track : tracks) {
            predict(track, t);
        }
    }

    private void predict(Track track, double t) {
        double dt = t - track.time();
        if (dt <= 0) {
            return;
        }
        if (dt != matricesDt || motion.dependsOnState()) {
            motion.transition(track.filter.state(), dt, f, b, q);
            matricesDt = dt;
        }
        track.filter.predict(f, b, q);
        track.setTime(t);
    }

    @Override
    public void update(Scan scan) {
        List<Plot> plots = scan.plots();
        int np = plots.size();
        ensurePlots(np);
        for (int j = 0; j < np; j++) {
            converter.convert(plots.get(j));
            System.arraycopy(converter.z(), 0, zs, 3 * j, 3);
            System.arraycopy(converter.r(), 0, rs, 9 * j, 9);
            plotSensor[j] = plots.get(j).sensor();
        }
        step(scan.time(), np, scan);
    }

    /**
     * Takes one scan of position measurements already in the tracker's frame (ECEF, m), for
     * sensors that report Cartesian positions (and for benchmarks on Cartesian workloads). Every
     * live track counts as covered by the scan: a track without a plot has a miss.
     *
     * @param t      scan time (s)
     * @param sensor sensor index, recorded as the tracks' {@link Track#lastSensor()}
     * @param count  number of measurements
     * @param z      positions, 3 per measurement (m); read, not kept
     * @param r      their covariances, 9 per measurement, row-major (m²); read, not kept
     */
    public void update(double t, int sensor, int count, double[] z, double[] r) {
        ensurePlots(count);
        System.arraycopy(z, 0, zs, 0, 3 * count);
        System.arraycopy(r, 0, rs, 0, 9 * count);
        Arrays.fill(plotSensor, 0, count, sensor);
        step(t, count, null);
    }

    private void ensurePlots(int np) {
        if (plotSensor.length < np) {
            int cap = Math.max(np, 2 * plotSensor.length);
            zs = new double[3 * cap];
            rs = new double[9 * cap];
            plotSensor = new int[cap];
            plotUsed = new boolean[cap];
        }
    }

    // one scan of np plots in zs, rs, plotSensor; scan null means every track is covered
    private void step(double t, int np, Scan scan) {
        int nt = tracks.size();
        if (detected.length < nt) {
            int cap = Math.max(nt, 2 * detected.length);
            zHat = new double[3 * cap];
            hph = new double[9 * cap];
            detected = new boolean[cap];
        }
        for (int i = 0; i < nt; i++) {
            Track track = tracks.get(i);
            // predicted and read in one pass, while the filter's arrays are in cache (as predictTo, track by track)
            predict(track, t);
            double[] x = track.filter.state();
            double[] p = track.filter.covariance();
            // H = [I₃ 0₃]: ẑ is the position, H P Hᵀ its 3×3 block
            for (int a = 0; a < 3; a++) {
                zHat[3 * i + a] = x[a];
                for (int b = 0; b < 3; b++) {
                    hph[9 * i + 3 * a + b] = p[6 * a + b];
                }
            }
        }
        gate.gate(nt, zHat, hph, np, zs, rs, gated);
        Arrays.fill(plotUsed, 0, np, false);
        Arrays.fill(detected, 0, nt, false);
        scanTimes.add(t);
        associateAndUpdate(nt, np);
        // hits, misses, confirmation and deletion
        survivors.clear();
        for (int i = 0; i < nt; i++) {
            Track track = tracks.get(i);
            double[] x = track.filter.state();
            if (detected[i]) {
                track.hit();
            } else if (scan == null || scan.covers(x[0], x[1], x[2])) {
                track.miss();
            }
            String drop = null;
            if (!track.confirmed()) {
                if (track.hits >= settings.confirmHits()) {
                    track.confirm();
                    listener.confirmed(track);
                } else if (track.looks - track.hits > settings.confirmWindow() - settings.confirmHits()) {
                    drop = "not_confirmed";
                }
            } else if (track.consecutiveMisses >= settings.deleteAfterMisses()) {
                drop = "lost";
            }
            if (drop == null && groundAltitude > Double.NEGATIVE_INFINITY) {
                ellipsoid.toGeodetic(x[0], x[1], x[2], geo);
                if (geo[2] < groundAltitude - 50.0) {
                    drop = "below_ground";
                }
            }
            if (drop == null) {
                survivors.add(track);
            } else if (track.confirmed()) {
                listener.dropped(track, drop);
            } else {
                // never reported to anyone: its filter and provenance array serve the next new track
                spareFilters.add(track.filter);
                spareProvenance.add(track.releaseProvenance());
            }
        }
        tracks.clear();
        tracks.addAll(survivors);
        for (int j = 0; j < np; j++) {
            if (!plotUsed[j]) {
                tracks.add(start(t, j));
            }
        }
    }

    /**
     * Associates one scan and updates the tracks' filters. On entry {@link #gated} holds the gated
     * pairs of the {@code nt} tracks (in {@link #tracks} order) and {@code np} plots ({@link #zs},
     * {@link #rs}, {@link #plotSensor}), every track predicted to the scan time, and
     * {@link #detected} and {@link #plotUsed} are false. Sets {@code detected[i]} for each track
     * that counts a hit (recording its sensor with {@link Track#recordPlot}), records every plot
     * that updated a track's filter with {@link Track#addUse} (the plot's index j in the scan)
     * and sets {@code plotUsed[j]} for each plot that must not start a track.
     */
    abstract void associateAndUpdate(int nt, int np);

    private Track start(double t, int plot) {
        KalmanFilter kf = spareFilters.isEmpty() ? new KalmanFilter(workspace)
                : spareFilters.remove(spareFilters.size() - 1);
        double[] x0 = startState;
        double[] p0 = startCovariance;
        Arrays.fill(p0, 0);
        x0[0] = zs[3 * plot];
        x0[1] = zs[3 * plot + 1];
        x0[2] = zs[3 * plot + 2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p0[i * 6 + j] = rs[9 * plot + i * 3 + j];
            }
        }
        int sensor = plotSensor[plot];
        double sv = settings.initialSpeedSigmaMps();
        for (int i = 3; i < 6; i++) {
            p0[i * 6 + i] = sv * sv;
        }
        kf.initialise(x0, p0);
        int[] buffer = spareProvenance.isEmpty() ? new int[40] : spareProvenance.remove(spareProvenance.size() - 1);
        Track track = new Track(nextId++, t, kf, buffer, scanTimes);
        track.started(sensor, plot);
        return track;
    }

    /** Number of tracks ever started. */
    public int tracksStarted() {
        return nextId - 1;
    }

}
