package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.track.associate.Associator;
import dev.bulwark.engine.track.associate.MahalanobisGate;
import dev.bulwark.engine.track.associate.OptimalAssociator;

/**
 * A multi-target tracker: track filters ({@link TrackModel}; by default the Kalman filter on
 * position measurements, radar plots converted to ECEF or Cartesian positions given directly;
 * optionally the radar's spherical measurements), Mahalanobis gating behind a spatial index,
 * global nearest neighbour association, single-plot initiation, M-of-N confirmation and
 * deletion after consecutive misses.
 *
 * <p>Association: the pairs inside the gate ({@link MahalanobisGate}, d² ≤ γ) go to an
 * {@link Associator}; by default the {@link OptimalAssociator}, the exact 2-D assignment that
 * minimises Σ d² + γ per track left without a plot, solved cluster by cluster. The greedy
 * closest-pair-first association of the first version remains available
 * ({@link dev.bulwark.engine.track.associate.GreedyAssociator}); the two differ only where
 * gates overlap. Each track takes at most one plot and each plot updates at most one track.
 *
 * <p>The life cycle is that of every position tracker here (see {@link JpdaTracker} for the
 * other association). Initiation: an unassociated plot starts a tentative track at its position with zero
 * velocity and a velocity standard deviation of {@link TrackerSettings#initialSpeedSigmaMps()}
 * per axis. A tentative track is confirmed after M hits in its first N looks (scans that
 * covered it) and dropped as soon as that can no longer happen. A confirmed track is dropped
 * after K consecutive looks without a plot, or when its prediction is below the ground.
 *
 * <p>Reads only plots: it cannot know which plots are false alarms.
 */
public final class GnnTracker extends PositionTracker {

    private final Associator associator;
    private int[] trackToPlot = new int[0];
    private final double[] zj = new double[3];
    private final double[] rj = new double[9];

    /**
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param motion         the motion model (6 states: ECEF position and velocity)
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m)
     * @param listener       told of confirmations and drops
     */
    public GnnTracker(TrackerSettings settings, MotionModel motion, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener) {
        this(settings, motion, ellipsoid, groundAltitude, listener, new OptimalAssociator());
    }

    /**
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param motion         the motion model (6 states: ECEF position and velocity)
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener       told of confirmations and drops
     * @param associator     the association (owned by this tracker from now on)
     */
    public GnnTracker(TrackerSettings settings, MotionModel motion, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener, Associator associator) {
        super(settings, motion, ellipsoid, groundAltitude, listener);
        this.associator = associator;
    }

    /**
     * A tracker with any track filters ({@link TrackModel#of(TrackerSettings, double, double, Ellipsoid,
     * double, double, double, java.util.function.DoubleUnaryOperator)} builds them from the settings) and
     * the optimal association.
     *
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param model          the track filters
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener       told of confirmations and drops
     */
    public GnnTracker(TrackerSettings settings, TrackModel model, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener) {
        super(settings, model, ellipsoid, groundAltitude, listener);
        this.associator = new OptimalAssociator();
    }

    @Override
    void associateAndUpdate(int nt, int np) {
        if (trackToPlot.length < nt) {
            trackToPlot = new int[Math.max(nt, 2 * trackToPlot.length)];
        }
        associator.associate(gated, trackToPlot);
        for (int i = 0; i < nt; i++) {
            int j = trackToPlot[i];
            if (j < 0) {
                continue;
            }
            plotUsed[j] = true;
            detected[i] = true;
            Track track = tracks.get(i);
            if (linear) {
                System.arraycopy(zs, 3 * j, zj, 0, 3);
                System.arraycopy(rs, 9 * j, rj, 0, 9);
                track.kalman.update(zj, h, rj, 3);
            } else {
                updateGeneral(track, j);
            }
            track.recordPlot(plotSensor[j]);
            track.addUse(plotSensor[j], j, 1.0);
        }
    }
}
