package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.track.associate.JpdaAssociator;

/**
 * A multi-target tracker with joint probabilistic data association: the life cycle, gating and
 * Kalman filters of {@link GnnTracker}, but each track is updated with all the plots in its gate,
 * weighted by their JPDA marginal probabilities ({@link JpdaAssociator}), by the PDAF update
 * ({@link KalmanFilter#updateProbabilistic}: combined innovation, and the spread of the
 * innovations added to the covariance). Together, the JPDAF of Fortmann, Bar-Shalom &amp; Scheffe
 * (IEEE J. Oceanic Eng. 8(3), 1983).
 *
 * <p>Life cycle, adapted to soft association: a track counts a hit when the scan's plots are
 * evidence for its target rather than against it, and otherwise a miss. The evidence is the
 * measurement likelihood ratio of the integrated PDA (Musicki, Evans &amp; Stankovic, IEEE Trans.
 * Automatic Control 39(6), 1994), 1 − δ = 1 − P_D P_G + Σ_j P_D N(ν_j; 0, S_j) / λ, which is
 * (1 − P_D P_G) / β_i0 (β_i0: the probability that no gated plot is the track's; exactly so for a
 * lone track, and applied to the JPDA marginal otherwise): a hit when 1 − δ ≥ 1, i.e.
 * β_i0 ≤ 1 − P_D P_G. A looser rule, β_i0 ≤ 1/2, let tracks started on clutter live on: their
 * PDA covariance grows, their gates fill with clutter and they kept being counted as hits
 * (30–40 false confirmed tracks in {@code RaidGospaTest}). M-of-N confirmation and deletion after
 * K misses as in {@link GnnTracker}. A plot starts a tentative track when the probability that it came from any
 * existing track, Σ_i β_ij, is below the initiation threshold (default
 * {@link #DEFAULT_INITIATION_THRESHOLD}).
 *
 * <p>Other filters ({@link TrackModel}: the unscented filter, 7 states, spherical measurements)
 * take the PDA update as a Gaussian mixture collapsed to its moments
 * ({@link #updateMixture}); an IMM's filters do not take it (refused).
 *
 * <p>Simplified: the linear PDAF takes one measurement covariance for all the plots of a track; here
 * the β-weighted mean of their covariances (exact when, as for Cartesian plots of one sensor,
 * they are equal; close for radar plots near one another). A hit's {@link Track#lastSensor()} is
 * the sensor of its most probable plot. P_D and the clutter density λ are fixed and uniform
 * (set in the {@link JpdaAssociator}); they are not estimated from the data.
 *
 * <p>Provenance ({@link Track#provenance()}): every gated plot whose β reached
 * {@link #PROVENANCE_MIN_WEIGHT}, with its β, whether or not the scan counted as a hit (the PDAF
 * update used them all). The plots below it are left out: together they move the estimate by
 * less than that fraction of their innovations, and in clutter they would make the record grow
 * with the clutter density rather than with the target's plots.
 */
public final class JpdaTracker extends PositionTracker {

    /** Default initiation threshold on Σ_i β_ij: 1/2, a plot more likely new than from a track. */
    public static final double DEFAULT_INITIATION_THRESHOLD = 0.5;

    /** Smallest β of a plot recorded in a track's provenance: 1%. */
    public static final double PROVENANCE_MIN_WEIGHT = 0.01;

    private final JpdaAssociator jpda;
    private final double initiationThreshold;
    private double[] pairBeta = new double[0];
    private double[] missBeta = new double[0];
    private double[] plotBeta = new double[0];
    private double[] zBuffer = new double[0];
    private double[] betaBuffer = new double[0];
    private int[] plotBuffer = new int[0];
    private final double[] rBar = new double[9];
    // a track counts a hit when β_i0 is at most this: 1 − P_D P_G
    private final double hitMissBeta;

    /**
     * A JPDA tracker with the default P_D (0.9), clutter density (10⁻¹² m⁻³), exact-enumeration
     * cap and initiation threshold.
     *
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param motion         the motion model (6 states: ECEF position and velocity)
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener       told of confirmations and drops
     */
    public JpdaTracker(TrackerSettings settings, MotionModel motion, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener) {
        this(settings, motion, ellipsoid, groundAltitude, listener, new JpdaAssociator(),
                DEFAULT_INITIATION_THRESHOLD);
    }

    /**
     * @param settings            initiation, confirmation, deletion and gating settings
     * @param motion              the motion model (6 states: ECEF position and velocity)
     * @param ellipsoid           Earth shape, for the below-ground test
     * @param groundAltitude      ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener            told of confirmations and drops
     * @param jpda                the association probabilities (P_D, λ, cap; owned by this tracker)
     * @param initiationThreshold a plot starts a track when Σ_i β_ij is below this, in (0, 1]
     */
    public JpdaTracker(TrackerSettings settings, MotionModel motion, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener, JpdaAssociator jpda, double initiationThreshold) {
        this(settings, TrackModel.of(motion).with(settings.filter(), settings.measurement()), ellipsoid,
                groundAltitude, listener, jpda, initiationThreshold);
    }

    /**
     * A JPDA tracker with any track filters but an IMM's, with the default P_D, clutter density,
     * cap and initiation threshold.
     *
     * @param settings       initiation, confirmation, deletion and gating settings
     * @param model          the track filters (not an IMM)
     * @param ellipsoid      Earth shape, for the below-ground test
     * @param groundAltitude ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener       told of confirmations and drops
     */
    public JpdaTracker(TrackerSettings settings, TrackModel model, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener) {
        this(settings, model, ellipsoid, groundAltitude, listener, new JpdaAssociator(),
                DEFAULT_INITIATION_THRESHOLD);
    }

    /**
     * @param settings            initiation, confirmation, deletion and gating settings
     * @param model               the track filters (not an IMM)
     * @param ellipsoid           Earth shape, for the below-ground test
     * @param groundAltitude      ground height (m); {@code Double.NEGATIVE_INFINITY} turns the test off
     * @param listener            told of confirmations and drops
     * @param jpda                the association probabilities (P_D, λ, cap; owned by this tracker)
     * @param initiationThreshold a plot starts a track when Σ_i β_ij is below this, in (0, 1]
     */
    public JpdaTracker(TrackerSettings settings, TrackModel model, Ellipsoid ellipsoid, double groundAltitude,
            Listener listener, JpdaAssociator jpda, double initiationThreshold) {
        super(settings, model, ellipsoid, groundAltitude, listener);
        if (model.isImm()) {
            throw new IllegalArgumentException(TrackerSettings.IMM_WITH_JPDA);
        }
        if (!(initiationThreshold > 0 && initiationThreshold <= 1)) {
            throw new IllegalArgumentException("initiation threshold must be in (0, 1], got " + initiationThreshold);
        }
        this.jpda = jpda;
        this.initiationThreshold = initiationThreshold;
        this.hitMissBeta = 1 - jpda.detectionProbability() * JpdaAssociator.gateProbability(settings.gateChiSquare());
    }

    @Override
    void associateAndUpdate(int nt, int np) {
        int pairs = gated.size();
        if (pairBeta.length < pairs) {
            pairBeta = new double[Math.max(pairs, 2 * pairBeta.length)];
        }
        if (missBeta.length < nt) {
            missBeta = new double[Math.max(nt, 2 * missBeta.length)];
        }
        if (plotBeta.length < np) {
            plotBeta = new double[Math.max(np, 2 * plotBeta.length)];
        }
        java.util.Arrays.fill(plotBeta, 0, np, 0.0);
        jpda.associate(gated, pairBeta, missBeta);
        for (int i = 0; i < nt; i++) {
            int from = gated.start(i);
            int to = gated.start(i + 1);
            int count = to - from;
            if (count == 0) {
                continue;
            }
            if (betaBuffer.length < count) {
                betaBuffer = new double[Math.max(count, 2 * betaBuffer.length)];
                zBuffer = new double[3 * betaBuffer.length];
                plotBuffer = new int[betaBuffer.length];
            }
            java.util.Arrays.fill(rBar, 0.0);
            Track track = tracks.get(i);
            double sum = 0;
            int best = -1;
            double bestBeta = -1;
            for (int k = from; k < to; k++) {
                int j = gated.plot(k);
                double b = pairBeta[k];
                plotBeta[j] += b;
                betaBuffer[k - from] = b;
                plotBuffer[k - from] = j;
                System.arraycopy(zs, 3 * j, zBuffer, 3 * (k - from), 3);
                for (int e = 0; e < 9; e++) {
                    rBar[e] += b * rs[9 * j + e];
                }
                sum += b;
                if (b >= PROVENANCE_MIN_WEIGHT) {
                    track.addUse(plotSensor[j], j, b);
                }
                if (b > bestBeta) {
                    bestBeta = b;
                    best = j;
                }
            }
            if (!linear) {
                updateMixture(track, plotBuffer, betaBuffer, count);
            } else {
                if (sum > 0) {
                    for (int e = 0; e < 9; e++) {
                        rBar[e] /= sum;
                    }
                } else {
                    System.arraycopy(rs, 9 * best, rBar, 0, 9);
                }
                track.kalman.updateProbabilistic(zBuffer, betaBuffer, count, h, rBar, 3);
            }
            if (missBeta[i] <= hitMissBeta) {
                detected[i] = true;
                track.recordPlot(plotSensor[best]);
            }
        }
        for (int j = 0; j < np; j++) {
            plotUsed[j] = plotBeta[j] >= initiationThreshold;
        }
    }

    /** The JPDA in use (for its settings and cluster counts). */
    public JpdaAssociator associator() {
        return jpda;
    }
}
