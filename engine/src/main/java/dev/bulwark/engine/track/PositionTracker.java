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
 * What the trackers on 3-D position plots share: track filters ({@link TrackModel}: any
 * {@link StateFilter} with a motion model whose state starts with ECEF position and velocity, 6
 * or 7 states), the conversion of radar plots, Mahalanobis gating behind a spatial index
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
 * <p>Gating and association always work on the plots converted to ECEF positions
 * ({@link ConvertedPosition}): the gate compares the converted position with the predicted
 * position and its covariance, H P Hᵀ + R with H = [I₃ 0], whatever the filter, so that the
 * spatial index stays one search in one space. The update then takes either that same converted
 * position (linear, {@link PositionMeasurement}) or the plot's own range, azimuth, elevation and,
 * when the plot has it, radial speed ({@link SphericalMeasurement};
 * {@link TrackerSettings.Measurement#SPHERICAL}). Positions given directly in ECEF
 * ({@link #update(double, int, int, double[], double[])}) have no spherical form and always
 * update as converted positions. The extended Kalman filter on converted positions with one
 * motion model (the default) runs a fast path: the transition matrices computed once per time
 * step for a state-independent model, the work arrays shared by all tracks, nothing allocated
 * per scan.
 *
 * <p>Reads only plots: it cannot know which plots are false alarms.
 */
abstract class PositionTracker implements Tracker {

    final TrackerSettings settings;
    final TrackModel model;
    private final MotionModel motion;
    // the fast path: EKF on converted positions, driven through its KalmanFilter with H = [I₃ 0]
    final boolean linear;
    private final boolean spherical;
    final int n;
    final double[] h;
    private final Ellipsoid ellipsoid;
    private final double groundAltitude;
    private final Listener listener;
    final List<Track> tracks = new ArrayList<>();
    private final List<Track> view = Collections.unmodifiableList(tracks);
    private int nextId = 1;

    private final double[] f;
    private final double[] b;
    private final double[] q;
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
    // every track's extended Kalman filter shares this one's work arrays: the tracker runs its filters one at a time
    private final ExtendedKalmanFilter workspace;
    private final List<StateFilter> spareFilters = new ArrayList<>();
    private final List<int[]> spareProvenance = new ArrayList<>();
    private final Track.ScanTimes scanTimes = new Track.ScanTimes();
    private final double[] startState;
    private final double[] startCovariance;
    // the general path's measurements: the scan's plots (null for Cartesian positions), one spherical model per sensor
    private List<Plot> scanPlots;
    private final List<SphericalMeasurement> sphericalModels = new ArrayList<>();
    private final PositionMeasurement positionModel = new PositionMeasurement(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    private final double[] rSym = new double[9];
    final double[] zModel = new double[4];
    // the JPDA mixture on the general path: the prior, the spread and mean of the updated states
    private double[] mixX0 = new double[0];
    private double[] mixP0 = new double[0];
    private double[] mixMean = new double[0];
    private double[] mixCov = new double[0];

    /**
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param motion         the motion model (6 states: ECEF position and velocity)
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener       told of confirmations and drops
     */
    PositionTracker(TrackerSettings settings, MotionModel motion, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener) {
        this(settings, modelOf(settings, motion), ellipsoid, groundAltitude, listener);
    }

    /**
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param model          the track filters
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener       told of confirmations and drops
     */
    PositionTracker(TrackerSettings settings, TrackModel model, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener) {
        this.settings = settings;
        this.model = model;
        this.motion = model.motion();
        this.linear = model.linearPath();
        this.spherical = model.measurement() == TrackerSettings.Measurement.SPHERICAL;
        this.n = model.dimension();
        this.h = new double[3 * n];
        h[0] = 1;
        h[n + 1] = 1;
        h[2 * n + 2] = 1;
        f = new double[n * n];
        b = new double[n];
        q = new double[n * n];
        startState = new double[n];
        startCovariance = new double[n * n];
        workspace = model.newWorkspace();
        this.ellipsoid = ellipsoid;
        this.groundAltitude = groundAltitude;
        this.listener = listener;
        this.gate = new MahalanobisGate(settings.gateChiSquare());
    }

    // a motion model with the settings' filter and measurement (6 states, or 7 with the default prior)
    private static TrackModel modelOf(TrackerSettings settings, MotionModel motion) {
        TrackModel m = TrackModel.of(motion);
        return settings.filter() == m.filter() && settings.measurement() == m.measurement() ? m
                : m.with(settings.filter(), settings.measurement());
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
        if (linear) {
            if (dt != matricesDt || motion.dependsOnState()) {
                motion.transition(track.kalman.state(), dt, f, b, q);
                matricesDt = dt;
            }
            track.kalman.predict(f, b, q);
        } else {
            track.filter.predict(motion, dt);
        }
        track.setTime(t);
    }

    /**
     * Takes one scan of radar plots without a searched volume (recorded plots): every live track
     * counts as covered by it, so a track without a plot has a miss. The plots update the tracks
     * as a {@link Scan}'s do, spherical measurements included.
     *
     * @param t     scan time (s)
     * @param plots the scan's plots (read during the call, not kept)
     */
    public void update(double t, List<Plot> plots) {
        convert(plots);
        scanPlots = plots;
        step(t, plots.size(), null);
        scanPlots = null;
    }

    @Override
    public void update(Scan scan) {
        List<Plot> plots = scan.plots();
        convert(plots);
        scanPlots = plots;
        step(scan.time(), plots.size(), scan);
        scanPlots = null;
    }

    private void convert(List<Plot> plots) {
        int np = plots.size();
        ensurePlots(np);
        for (int j = 0; j < np; j++) {
            converter.convert(plots.get(j));
            System.arraycopy(converter.z(), 0, zs, 3 * j, 3);
            System.arraycopy(converter.r(), 0, rs, 9 * j, 9);
            plotSensor[j] = plots.get(j).sensor();
        }
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
            double[] x = linear ? track.kalman.state() : track.filter.state();
            double[] p = linear ? track.kalman.covariance() : track.filter.covariance();
            // H = [I₃ 0]: ẑ is the position, H P Hᵀ its 3×3 block
            for (int a = 0; a < 3; a++) {
                zHat[3 * i + a] = x[a];
                for (int b = 0; b < 3; b++) {
                    hph[9 * i + 3 * a + b] = p[n * a + b];
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
            double[] x = linear ? track.kalman.state() : track.filter.state();
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

    /**
     * Updates a track's filter with plot j of the scan alone (on the general path; the linear path
     * is the subclass's): as a converted position or as the radar's spherical measurement.
     */
    final void updateGeneral(Track track, int j) {
        track.filter.update(measurement(j), zModel);
    }

    // plot j's measurement model, its values in zModel
    private MeasurementModel measurement(int j) {
        if (spherical && scanPlots != null) {
            Plot plot = scanPlots.get(j);
            SphericalMeasurement m = sphericalModel(plot);
            m.values(plot, zModel);
            return m;
        }
        System.arraycopy(zs, 3 * j, zModel, 0, 3);
        // the conversion's R is symmetric up to rounding; the model wants it exactly so
        for (int a = 0; a < 3; a++) {
            rSym[4 * a] = rs[9 * j + 4 * a];
            for (int c = 0; c < a; c++) {
                double v = 0.5 * (rs[9 * j + 3 * a + c] + rs[9 * j + 3 * c + a]);
                rSym[3 * a + c] = v;
                rSym[3 * c + a] = v;
            }
        }
        positionModel.set(rSym);
        return positionModel;
    }

    // one model per sensor, remade only when a plot's site or accuracies differ from the last
    private SphericalMeasurement sphericalModel(Plot plot) {
        int s = Math.max(plot.sensor(), 0);
        while (sphericalModels.size() <= s) {
            sphericalModels.add(null);
        }
        SphericalMeasurement m = sphericalModels.get(s);
        if (m == null || !m.fits(plot)) {
            m = SphericalMeasurement.of(plot);
            sphericalModels.set(s, m);
        }
        return m;
    }

    /**
     * The probabilistic data association update on the general path, for any filter: the
     * Gaussian mixture of the prediction (weight β₀ = 1 − Σ β_k) and of the prediction updated
     * with each gated plot k alone (weight β_k), collapsed to its mean and covariance. On a linear
     * model with one shared R this is the PDAF of {@link KalmanFilter#updateProbabilistic} (its
     * spread-of-innovations term is the spread of the mixture's means); here each plot keeps its
     * own R and its own nonlinear update. A plot the filter refuses counts as the prediction.
     *
     * @param track  the track, predicted to the scan
     * @param plots  the scan indices of the gated plots
     * @param betas  their association probabilities β_k
     * @param count  number of plots (at least 1)
     */
    final void updateMixture(Track track, int[] plots, double[] betas, int count) {
        int nn = n * n;
        if (mixX0.length < n) {
            mixX0 = new double[n];
            mixP0 = new double[nn];
            mixMean = new double[n];
            mixCov = new double[nn];
        }
        System.arraycopy(track.filter.state(), 0, mixX0, 0, n);
        System.arraycopy(track.filter.covariance(), 0, mixP0, 0, nn);
        java.util.Arrays.fill(mixMean, 0, n, 0.0);
        double beta0 = 1;
        for (int k = 0; k < count; k++) {
            beta0 -= betas[k];
        }
        beta0 = Math.max(beta0, 0);
        for (int e = 0; e < nn; e++) {
            mixCov[e] = beta0 * mixP0[e];
        }
        // moments about the prediction x₀ (the ECEF coordinates are ~6·10⁶ m: raw second moments would cancel)
        for (int k = 0; k < count; k++) {
            double w = betas[k];
            if (k > 0) {
                track.filter.initialise(mixX0, mixP0);
            }
            double nis = track.filter.update(measurement(plots[k]), zModel);
            if (!(nis < Double.POSITIVE_INFINITY)) {
                for (int e = 0; e < nn; e++) {
                    mixCov[e] += w * mixP0[e];
                }
                continue;
            }
            double[] xk = track.filter.state();
            double[] pk = track.filter.covariance();
            for (int a = 0; a < n; a++) {
                double da = xk[a] - mixX0[a];
                mixMean[a] += w * da;
                for (int c = 0; c < n; c++) {
                    mixCov[a * n + c] += w * (pk[a * n + c] + da * (xk[c] - mixX0[c]));
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int c = 0; c <= a; c++) {
                double v = 0.5 * (mixCov[a * n + c] + mixCov[c * n + a]) - mixMean[a] * mixMean[c];
                mixCov[a * n + c] = v;
                mixCov[c * n + a] = v;
            }
        }
        for (int a = 0; a < n; a++) {
            mixMean[a] += mixX0[a];
        }
        track.filter.initialise(mixMean, mixCov);
    }

    private Track start(double t, int plot) {
        StateFilter filter = spareFilters.isEmpty() ? model.newFilter(workspace)
                : spareFilters.remove(spareFilters.size() - 1);
        double[] x0 = startState;
        double[] p0 = startCovariance;
        Arrays.fill(x0, 0);
        Arrays.fill(p0, 0);
        x0[0] = zs[3 * plot];
        x0[1] = zs[3 * plot + 1];
        x0[2] = zs[3 * plot + 2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p0[i * n + j] = rs[9 * plot + i * 3 + j];
            }
        }
        int sensor = plotSensor[plot];
        double sv = settings.initialSpeedSigmaMps();
        for (int i = 3; i < 6; i++) {
            p0[i * n + i] = sv * sv;
        }
        model.seventhPrior(x0, p0);
        KalmanFilter kf = linear ? ((ExtendedKalmanFilter) filter).kalman() : null;
        if (kf != null) {
            kf.initialise(x0, p0);
        } else {
            // the general filters check P's symmetry: the converted R is symmetric only up to rounding
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < i; j++) {
                    double v = 0.5 * (p0[i * n + j] + p0[j * n + i]);
                    p0[i * n + j] = v;
                    p0[j * n + i] = v;
                }
            }
            filter.initialise(x0, p0);
        }
        int[] buffer = spareProvenance.isEmpty() ? new int[40] : spareProvenance.remove(spareProvenance.size() - 1);
        Track track = new Track(nextId++, t, filter, kf, model.estimatesDrag(), buffer, scanTimes);
        track.started(sensor, plot);
        return track;
    }

    /** Number of tracks ever started. */
    public int tracksStarted() {
        return nextId - 1;
    }

}
