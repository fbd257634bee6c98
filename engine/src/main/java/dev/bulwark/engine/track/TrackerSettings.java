package dev.bulwark.engine.track;

/**
 * How the tracker starts, confirms and drops tracks, and how much it trusts its motion model.
 *
 * @param confirmHits              M of the M-of-N confirmation rule
 * @param confirmWindow            N of the M-of-N confirmation rule (scans since the first plot)
 * @param deleteAfterMisses        consecutive scans without a plot after which a confirmed track is dropped
 * @param processNoise             white-acceleration spectral density q (m²/s³) of the motion model
 * @param initialSpeedSigmaMps     standard deviation of each velocity component of a new track (m/s)
 * @param gateChiSquare            Mahalanobis gate (chi-square, 3 degrees of freedom)
 * @param association              how plots are associated with tracks
 * @param motion                   the motion model of the filters
 */
public record TrackerSettings(
        int confirmHits,
        int confirmWindow,
        int deleteAfterMisses,
        double processNoise,
        double initialSpeedSigmaMps,
        double gateChiSquare,
        Association association,
        Motion motion) {

    /** Data association. */
    public enum Association {
        /** Global nearest neighbour: the optimal 2-D assignment ({@link GnnTracker}). */
        GNN,
        /** Joint probabilistic data association ({@link JpdaTracker}). */
        JPDA
    }

    /** Motion model of the track filters. */
    public enum Motion {
        /** Constant velocity with gravity as a known input ({@link GravityConstantVelocity}): for what falls. */
        GRAVITY,
        /**
         * Gravity and drag at the doctrine's assumed ballistic coefficient, its uncertainty as
         * process noise ({@link BallisticDrag}): for rockets and shells.
         */
        BALLISTIC_DRAG,
        /** Nearly constant velocity without gravity ({@link ConstantVelocity}): for drones and aircraft. */
        CONSTANT_VELOCITY
    }

    /**
     * 3-of-4 confirmation, drop after 3 misses, q = 400 m²/s³, new-track speed σ 400 m/s, 99.9%
     * gate. The process noise is large because the motion model has no drag: a light rocket
     * decelerates by some 30 m/s² just after burn-out, and with q = 50 one Qassam track in ten
     * broke in its first seconds (measured in GnnTrackerTest).
     */
    public static final TrackerSettings DEFAULT = new TrackerSettings(3, 4, 3, 400.0, 400.0, 16.27);

    public TrackerSettings {
        if (confirmHits < 1 || confirmWindow < confirmHits || deleteAfterMisses < 1 || !(processNoise > 0)
                || !(initialSpeedSigmaMps > 0) || !(gateChiSquare > 0) || association == null || motion == null) {
            throw new IllegalArgumentException("invalid tracker settings");
        }
    }

    /** Settings with GNN association and the gravity motion model. */
    public TrackerSettings(int confirmHits, int confirmWindow, int deleteAfterMisses, double processNoise,
            double initialSpeedSigmaMps, double gateChiSquare) {
        this(confirmHits, confirmWindow, deleteAfterMisses, processNoise, initialSpeedSigmaMps, gateChiSquare,
                Association.GNN, Motion.GRAVITY);
    }
}
