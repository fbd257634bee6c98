package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.sensor.Plot;
import dev.bulwark.engine.sensor.Scan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A multi-target tracker: Kalman filters on converted position measurements, Mahalanobis
 * gating, greedy nearest-neighbour association, single-plot initiation, M-of-N confirmation
 * and deletion after consecutive misses.
 *
 * <p>Association (first version): all track–plot pairs inside the gate are sorted by
 * Mahalanobis distance and taken greedily, each track and plot used at most once. This is
 * the "greedy GNN" approximation of the optimal 2-D assignment; the two differ only when
 * gates overlap, rare at the target densities of a rocket raid. Optimal assignment and JPDA
 * arrive with the tracking work.
 *
 * <p>Initiation: an unassociated plot starts a tentative track at its position with zero
 * velocity and a velocity standard deviation of {@link TrackerSettings#initialSpeedSigmaMps()}
 * per axis. A tentative track is confirmed after M hits in its first N looks (scans that
 * covered it) and dropped as soon as that can no longer happen. A confirmed track is dropped
 * after K consecutive looks without a plot, or when its prediction is below the ground.
 *
 * <p>Reads only plots: it cannot know which plots are false alarms.
 */
public final class GnnTracker implements Tracker {

    private final TrackerSettings settings;
    private final MotionModel motion;
    private final Ellipsoid ellipsoid;
    private final double groundAltitude;
    private final Listener listener;
    private final List<Track> tracks = new ArrayList<>();
    private final List<Track> view = Collections.unmodifiableList(tracks);
    private int nextId = 1;

    private final double[] f = new double[36];
    private final double[] b = new double[6];
    private final double[] q = new double[36];
    private final double[] geo = new double[3];
    private final ConvertedPosition converter = new ConvertedPosition();

    /**
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param motion         the motion model (6 states: ECEF position and velocity)
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m)
     * @param listener       told of confirmations and drops
     */
    public GnnTracker(TrackerSettings settings, MotionModel motion, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener) {
        if (motion.dimension() != 6) {
            throw new IllegalArgumentException("GnnTracker needs a 6-state motion model");
        }
        this.settings = settings;
        this.motion = motion;
        this.ellipsoid = ellipsoid;
        this.groundAltitude = groundAltitude;
        this.listener = listener;
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
        motion.transition(track.filter.state(), dt, f, b, q);
        track.filter.predict(f, b, q);
        track.setTime(t);
    }

    @Override
    public void update(Scan scan) {
        double t = scan.time();
        predictTo(t);
        List<Plot> plots = scan.plots();
        int np = plots.size();
        double[][] zs = new double[np][];
        double[][] rs = new double[np][];
        for (int j = 0; j < np; j++) {
            converter.convert(plots.get(j));
            zs[j] = converter.z().clone();
            rs[j] = converter.r().clone();
        }
        // gate every pair, then take the closest pairs first
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            KalmanFilter kf = tracks.get(i).filter;
            for (int j = 0; j < np; j++) {
                double d2 = kf.mahalanobis(zs[j], ConvertedPosition.H, rs[j], 3);
                if (d2 <= settings.gateChiSquare()) {
                    pairs.add(new double[] {d2, i, j});
                }
            }
        }
        pairs.sort((p1, p2) -> {
            int c = Double.compare(p1[0], p2[0]);
            if (c != 0) {
                return c;
            }
            c = Double.compare(p1[1], p2[1]);
            return c != 0 ? c : Double.compare(p1[2], p2[2]);
        });
        boolean[] trackUsed = new boolean[tracks.size()];
        boolean[] plotUsed = new boolean[np];
        for (double[] pair : pairs) {
            int i = (int) pair[1];
            int j = (int) pair[2];
            if (trackUsed[i] || plotUsed[j]) {
                continue;
            }
            trackUsed[i] = true;
            plotUsed[j] = true;
            Track track = tracks.get(i);
            track.filter.update(zs[j], ConvertedPosition.H, rs[j], 3);
            track.recordPlot(plots.get(j).sensor());
            track.hits++;
            track.looks++;
            track.consecutiveMisses = 0;
        }
        // misses, confirmation and deletion
        List<Track> survivors = new ArrayList<>(tracks.size() + np);
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            double[] x = track.filter.state();
            if (!trackUsed[i] && scan.covers(x[0], x[1], x[2])) {
                track.looks++;
                track.consecutiveMisses++;
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
            if (drop == null) {
                ellipsoid.toGeodetic(x[0], x[1], x[2], geo);
                if (geo[2] < groundAltitude - 50.0) {
                    drop = "below_ground";
                }
            }
            if (drop == null) {
                survivors.add(track);
            } else if (track.confirmed()) {
                listener.dropped(track, drop);
            }
        }
        tracks.clear();
        tracks.addAll(survivors);
        for (int j = 0; j < np; j++) {
            if (!plotUsed[j]) {
                tracks.add(start(t, zs[j], rs[j], plots.get(j).sensor()));
            }
        }
    }

    private Track start(double t, double[] z, double[] r, int sensor) {
        KalmanFilter kf = new KalmanFilter(6, 3);
        double[] x0 = {z[0], z[1], z[2], 0, 0, 0};
        double[] p0 = new double[36];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p0[i * 6 + j] = r[i * 3 + j];
            }
        }
        double sv = settings.initialSpeedSigmaMps();
        for (int i = 3; i < 6; i++) {
            p0[i * 6 + i] = sv * sv;
        }
        kf.initialise(x0, p0);
        Track track = new Track(nextId++, t, kf);
        track.hits = 1;
        track.looks = 1;
        track.recordPlot(sensor);
        return track;
    }

    /** Number of tracks ever started. */
    public int tracksStarted() {
        return nextId - 1;
    }

}
