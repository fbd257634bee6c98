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
 * @param filter                   the filter that runs the motion model
 * @param measurement              what the filters are updated with
 * @param dragCurve                the drag curve's shape assumed by the ballistic motion models (and by the
 *                                 impact prediction of their tracks), or null for a drag coefficient constant
 *                                 with speed (the first version's)
 */
public record TrackerSettings(
        int confirmHits,
        int confirmWindow,
        int deleteAfterMisses,
        double processNoise,
        double initialSpeedSigmaMps,
        double gateChiSquare,
        Association association,
        Motion motion,
        Filter filter,
        Measurement measurement,
        DragCurve dragCurve) {

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
        CONSTANT_VELOCITY,
        /**
         * Gravity and drag with the inverse ballistic coefficient γ = 1/β estimated as a seventh
         * state ({@link BallisticEstimatedDrag}): for rockets and shells of unknown type; the
         * track then reports its β ({@link Track#ballisticCoefficient()}).
         */
        BALLISTIC_ESTIMATED_DRAG,
        /** Nearly coordinated turn, the turn rate a seventh state ({@link CoordinatedTurn}): for drones and cruise missiles. */
        COORDINATED_TURN,
        /**
         * An interacting multiple model filter ({@link ImmFilter}) of nearly constant velocity and
         * coordinated turn ({@link TrackModel#immSwitching()}): for targets that fly straight legs and turn.
         */
        IMM;

        /** State dimension of the tracks' filters: 6 (position, velocity) or 7 (and γ or ω). */
        public int dimension() {
            return this == BALLISTIC_ESTIMATED_DRAG || this == COORDINATED_TURN || this == IMM ? 7 : 6;
        }
    }

    /** The filter that runs the motion model. */
    public enum Filter {
        /** Extended Kalman filter ({@link ExtendedKalmanFilter}); the linear Kalman filter on linear models. */
        EKF,
        /** Unscented Kalman filter ({@link UnscentedKalmanFilter}). */
        UKF
    }

    /** What the filters are updated with (gating always uses the converted position). */
    public enum Measurement {
        /** The plot converted to an ECEF position with its linearised covariance ({@link ConvertedPosition}): linear. */
        CONVERTED,
        /**
         * The radar's own range, azimuth, elevation and, when the plot has it, radial speed
         * ({@link SphericalMeasurement}): nonlinear, no conversion bias, and the radial speed observes velocity.
         */
        SPHERICAL
    }

    /**
     * 3-of-4 confirmation, drop after 3 misses, q = 400 m²/s³, new-track speed σ 400 m/s, 99.9%
     * gate; GNN, the gravity model, the extended Kalman filter on converted positions. The process noise is large because the motion model has no drag: a light rocket
     * decelerates by some 30 m/s² just after burn-out, and with q = 50 one Qassam track in ten
     * broke in its first seconds (measured in GnnTrackerTest).
     */
    public static final TrackerSettings DEFAULT = new TrackerSettings(3, 4, 3, 400.0, 400.0, 16.27);

    public TrackerSettings {
        if (confirmHits < 1 || confirmWindow < confirmHits || deleteAfterMisses < 1 || !(processNoise > 0)
                || !(initialSpeedSigmaMps > 0) || !(gateChiSquare > 0) || association == null || motion == null
                || filter == null || measurement == null) {
            throw new IllegalArgumentException("invalid tracker settings");
        }
        if (association == Association.JPDA && motion == Motion.IMM) {
            throw new IllegalArgumentException(IMM_WITH_JPDA);
        }
    }

    /** Why JPDA and the IMM motion model do not go together. */
    public static final String IMM_WITH_JPDA = "the imm motion model does not take the JPDA update (its mode "
            + "probabilities have no probabilistic-association form here): use association gnn";

    /** Settings with a drag coefficient constant with speed. */
    public TrackerSettings(int confirmHits, int confirmWindow, int deleteAfterMisses, double processNoise,
            double initialSpeedSigmaMps, double gateChiSquare, Association association, Motion motion, Filter filter,
            Measurement measurement) {
        this(confirmHits, confirmWindow, deleteAfterMisses, processNoise, initialSpeedSigmaMps, gateChiSquare,
                association, motion, filter, measurement, null);
    }

    /** Settings with the extended Kalman filter on converted positions (the first version's filter). */
    public TrackerSettings(int confirmHits, int confirmWindow, int deleteAfterMisses, double processNoise,
            double initialSpeedSigmaMps, double gateChiSquare, Association association, Motion motion) {
        this(confirmHits, confirmWindow, deleteAfterMisses, processNoise, initialSpeedSigmaMps, gateChiSquare,
                association, motion, Filter.EKF, Measurement.CONVERTED);
    }

    /** These settings with another filter, measurement and motion model. */
    public TrackerSettings with(Filter newFilter, Measurement newMeasurement, Motion newMotion) {
        return new TrackerSettings(confirmHits, confirmWindow, deleteAfterMisses, processNoise, initialSpeedSigmaMps,
                gateChiSquare, association, newMotion, newFilter, newMeasurement, dragCurve);
    }

    /** These settings with another drag curve (null: a drag coefficient constant with speed). */
    public TrackerSettings withDragCurve(DragCurve curve) {
        return new TrackerSettings(confirmHits, confirmWindow, deleteAfterMisses, processNoise, initialSpeedSigmaMps,
                gateChiSquare, association, motion, filter, measurement, curve);
    }

    /** Settings with GNN association and the gravity motion model. */
    public TrackerSettings(int confirmHits, int confirmWindow, int deleteAfterMisses, double processNoise,
            double initialSpeedSigmaMps, double gateChiSquare) {
        this(confirmHits, confirmWindow, deleteAfterMisses, processNoise, initialSpeedSigmaMps, gateChiSquare,
                Association.GNN, Motion.GRAVITY);
    }
}
