package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.Ellipsoid;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * What a tracker's track filters are: the {@link StateFilter} (extended or unscented Kalman, or
 * an IMM of them), the motion model (or the IMM's modes), the measurement the filters are updated
 * with, and the prior of a seventh state. The state always starts with the ECEF position (m) and
 * velocity (m/s); a seventh entry is the inverse ballistic coefficient γ = 1/β (m²/kg,
 * {@link BallisticEstimatedDrag}) or the turn rate ω (rad/s, {@link CoordinatedTurn} and the IMM).
 *
 * <p>Priors of a new track's seventh state (uncorrelated with the rest):
 * <ul>
 * <li>γ: mean 1/β with β the assumed ballistic coefficient (the doctrine's, 10,000 kg/m² by
 * default), σ_γ = {@link #GAMMA_PRIOR_SIGMA} = 3·10⁻⁴ m²/kg. The rockets and shells of the
 * catalogue have β between about 1,500 and 20,000 kg/m² (γ from 5·10⁻⁵ to 7·10⁻⁴): with the
 * default mean, the prior's 2σ interval reaches β ≈ 1,400 kg/m² on the heavy-drag side. γ then
 * walks with density {@link #GAMMA_NOISE} (the drag coefficient changes with the Mach number, so
 * the effective γ of a real round is not constant).</li>
 * <li>ω: mean 0, σ_ω = {@link #TURN_RATE_PRIOR_SIGMA} = 0.05 rad/s (a 3°/s turn, a standard-rate
 * turn of an aircraft, at 1σ), then a random walk of density {@link #TURN_RATE_NOISE}.</li>
 * </ul>
 *
 * <p>The IMM ({@link TrackerSettings.Motion#IMM}): two modes in the turn model's seven states,
 * nearly constant velocity ({@link ZeroTurnRate} of {@link ConstantVelocity}, ω held at 0 with
 * σ {@link #STRAIGHT_TURN_RATE_SIGMA}) and coordinated turn, both with the tracker's acceleration
 * noise q; switching matrix π = [[0.95, 0.05], [0.10, 0.90]] per scan ({@link #immSwitching()}:
 * a straight leg lasts some 20 scans, a turn some 10, the usual choice of Bar-Shalom, Li &amp;
 * Kirubarajan 2001, §11.7.2, for sampling intervals of about a second); a new track starts
 * straight with probability 0.8.
 *
 * <p>Immutable; the filters it makes are not (one per track).
 */
public final class TrackModel {

    /** σ of a new track's inverse ballistic coefficient γ (m²/kg). */
    public static final double GAMMA_PRIOR_SIGMA = 3e-4;
    /** Random-walk density of γ ((m²/kg)²/s): about 10⁻⁵ m²/kg per √s, 10% of a typical γ. */
    public static final double GAMMA_NOISE = 1e-10;
    /**
     * Random-walk density of γ with a drag curve ((m²/kg)²/s): the curve carries the change of the
     * drag coefficient with Mach number, so γ walks only for what the curve gets wrong, about
     * 10⁻⁶ m²/kg per √s (1% of a typical γ).
     */
    public static final double GAMMA_NOISE_WITH_CURVE = 1e-12;
    /** σ of a new track's turn rate (rad/s). */
    public static final double TURN_RATE_PRIOR_SIGMA = 0.05;
    /** Random-walk density of the turn rate (rad²/s³): about 0.01 rad/s per √s. */
    public static final double TURN_RATE_NOISE = 1e-4;
    /** σ_ω (rad/s) of the IMM's straight mode, which pins ω at zero ({@link ZeroTurnRate}). */
    public static final double STRAIGHT_TURN_RATE_SIGMA = 1e-4;
    /** The ballistic coefficient assumed without a doctrine (kg/m²): that of {@code Doctrine}'s default. */
    public static final double DEFAULT_BETA_KG_M2 = 10_000;

    private static final double[] IMM_SWITCHING = {0.95, 0.05, 0.10, 0.90};
    private static final double[] IMM_INITIAL = {0.8, 0.2};

    private final TrackerSettings.Filter filter;
    private final TrackerSettings.Measurement measurement;
    private final MotionModel motion;
    private final List<MotionModel> modes;
    private final int n;
    private final double seventhMean;
    private final double seventhSigma;
    private final boolean estimatesDrag;

    /**
     * Filters of one motion model.
     *
     * @param filter       the filter kind
     * @param measurement  what the filters are updated with
     * @param motion       the motion model: 6 states (position, velocity) or 7 (and one more)
     * @param seventhMean  prior mean of the seventh state (ignored for 6 states)
     * @param seventhSigma prior σ of the seventh state, &gt; 0 (ignored for 6 states)
     */
    public TrackModel(TrackerSettings.Filter filter, TrackerSettings.Measurement measurement, MotionModel motion,
            double seventhMean, double seventhSigma) {
        this(filter, measurement, motion, null, seventhMean, seventhSigma);
    }

    private TrackModel(TrackerSettings.Filter filter, TrackerSettings.Measurement measurement, MotionModel motion,
            List<MotionModel> modes, double seventhMean, double seventhSigma) {
        if (filter == null || measurement == null || (motion == null) == (modes == null)) {
            throw new IllegalArgumentException("need a filter, a measurement and a motion model");
        }
        int dim = motion != null ? motion.dimension() : modes.get(0).dimension();
        if (dim != 6 && dim != 7) {
            throw new IllegalArgumentException("a tracker needs a 6-state (position, velocity) or 7-state motion "
                    + "model, got " + dim + " states");
        }
        if (dim == 7 && (!Double.isFinite(seventhMean) || !(seventhSigma > 0) || Double.isInfinite(seventhSigma))) {
            throw new IllegalArgumentException("a 7-state model needs a finite prior mean and a positive σ of its "
                    + "seventh state, got " + seventhMean + " and " + seventhSigma);
        }
        this.filter = filter;
        this.measurement = measurement;
        this.motion = motion;
        this.modes = modes;
        this.n = dim;
        this.seventhMean = seventhMean;
        this.seventhSigma = seventhSigma;
        this.estimatesDrag = motion instanceof BallisticEstimatedDrag;
    }

    /**
     * The extended Kalman filter on converted positions with a motion model; a 7-state model's
     * seventh state gets the prior of the class comment ({@link BallisticEstimatedDrag}: β =
     * {@link #DEFAULT_BETA_KG_M2}; {@link CoordinatedTurn}).
     *
     * @throws IllegalArgumentException for a 7-state model of another kind (use the constructor)
     */
    public static TrackModel of(MotionModel motion) {
        if (motion == null) {
            throw new IllegalArgumentException("need a motion model");
        }
        if (motion.dimension() == 7 && motion instanceof BallisticEstimatedDrag) {
            return new TrackModel(TrackerSettings.Filter.EKF, TrackerSettings.Measurement.CONVERTED, motion,
                    1 / DEFAULT_BETA_KG_M2, GAMMA_PRIOR_SIGMA);
        }
        if (motion.dimension() == 7 && motion instanceof CoordinatedTurn) {
            return new TrackModel(TrackerSettings.Filter.EKF, TrackerSettings.Measurement.CONVERTED, motion, 0,
                    TURN_RATE_PRIOR_SIGMA);
        }
        if (motion.dimension() != 6) {
            throw new IllegalArgumentException("a tracker needs a 6-state (position, velocity) motion model here, got "
                    + motion.dimension() + " states");
        }
        return new TrackModel(TrackerSettings.Filter.EKF, TrackerSettings.Measurement.CONVERTED, motion, 0, 1);
    }

    /**
     * The constant-velocity and coordinated-turn IMM of the class comment.
     *
     * @param filter       the modes' filter kind
     * @param measurement  what the filters are updated with
     * @param processNoise white-acceleration density q of both modes (m²/s³)
     */
    public static TrackModel imm(TrackerSettings.Filter filter, TrackerSettings.Measurement measurement,
            double processNoise) {
        return new TrackModel(filter, measurement, null,
                List.of(new ZeroTurnRate(new ConstantVelocity(processNoise), STRAIGHT_TURN_RATE_SIGMA),
                        new CoordinatedTurn(processNoise, TURN_RATE_NOISE)),
                0, TURN_RATE_PRIOR_SIGMA);
    }

    /**
     * The track model that tracker settings ask for.
     *
     * @param settings         filter, measurement, motion model and process noise
     * @param mu               gravitational parameter (m³/s²)
     * @param j2               second zonal harmonic
     * @param ellipsoid        the Earth's shape
     * @param rotationRate     Earth rotation rate (rad/s)
     * @param assumedBeta      the ballistic coefficient assumed (kg/m²): {@code ballistic_drag}'s β and
     *                         the prior mean of {@code ballistic_estimated_drag}'s γ = 1/β
     * @param dragUncertainty  {@code ballistic_drag}'s relative σ of the drag
     * @param density          air density (kg/m³) at a geodetic height (m)
     */
    public static TrackModel of(TrackerSettings settings, double mu, double j2, Ellipsoid ellipsoid,
            double rotationRate, double assumedBeta, double dragUncertainty, DoubleUnaryOperator density) {
        return of(settings, mu, j2, ellipsoid, rotationRate, assumedBeta, dragUncertainty, density, null);
    }

    /**
     * As {@link #of(TrackerSettings, double, double, Ellipsoid, double, double, double, DoubleUnaryOperator)},
     * with the speed of sound that the settings' drag curve ({@link TrackerSettings#dragCurve()}) needs: with
     * a curve, the ballistic models' drag follows it against Mach number, their β (and γ's prior) being
     * the one at the curve's first Mach number, and γ walks with {@link #GAMMA_NOISE_WITH_CURVE}.
     *
     * @param speedOfSound speed of sound (m/s) at a geodetic height (m); may be null without a drag curve
     * @throws IllegalArgumentException if the settings have a drag curve and no speed of sound is given
     */
    public static TrackModel of(TrackerSettings settings, double mu, double j2, Ellipsoid ellipsoid,
            double rotationRate, double assumedBeta, double dragUncertainty, DoubleUnaryOperator density,
            DoubleUnaryOperator speedOfSound) {
        DragCurve curve = settings.dragCurve();
        if (curve != null && speedOfSound == null) {
            throw new IllegalArgumentException("a drag curve needs the speed of sound");
        }
        double q = settings.processNoise();
        TrackerSettings.Filter f = settings.filter();
        TrackerSettings.Measurement m = settings.measurement();
        return switch (settings.motion()) {
            case GRAVITY -> new TrackModel(f, m, new GravityConstantVelocity(q, mu, j2, ellipsoid.equatorialRadius(),
                    rotationRate), 0, 1);
            case BALLISTIC_DRAG -> new TrackModel(f, m, new BallisticDrag(q, mu, j2, ellipsoid, rotationRate,
                    assumedBeta, dragUncertainty, density, curve, speedOfSound), 0, 1);
            case CONSTANT_VELOCITY -> new TrackModel(f, m, new ConstantVelocity(q), 0, 1);
            case BALLISTIC_ESTIMATED_DRAG -> new TrackModel(f, m, new BallisticEstimatedDrag(q,
                    curve == null ? GAMMA_NOISE : GAMMA_NOISE_WITH_CURVE, mu, j2, ellipsoid, rotationRate, density,
                    curve, speedOfSound), 1 / assumedBeta, GAMMA_PRIOR_SIGMA);
            case COORDINATED_TURN -> new TrackModel(f, m, new CoordinatedTurn(q, TURN_RATE_NOISE), 0,
                    TURN_RATE_PRIOR_SIGMA);
            case IMM -> imm(f, m, q);
        };
    }

    /** This model with another filter kind and measurement. */
    public TrackModel with(TrackerSettings.Filter newFilter, TrackerSettings.Measurement newMeasurement) {
        return new TrackModel(newFilter, newMeasurement, motion, modes, seventhMean, seventhSigma);
    }

    /** Whether the filters are IMMs. */
    public boolean isImm() {
        return modes != null;
    }

    /** The IMM's switching matrix π (2×2 row-major, straight then turning): a copy. */
    public static double[] immSwitching() {
        return IMM_SWITCHING.clone();
    }

    /** State dimension: 6 or 7. */
    public int dimension() {
        return n;
    }

    /** The filter kind. */
    public TrackerSettings.Filter filter() {
        return filter;
    }

    /** What the filters are updated with. */
    public TrackerSettings.Measurement measurement() {
        return measurement;
    }

    /** The motion model; null for an IMM, whose modes carry their own. */
    public MotionModel motion() {
        return motion;
    }

    /** Whether the seventh state is the inverse ballistic coefficient γ. */
    public boolean estimatesDrag() {
        return estimatesDrag;
    }

    /** Largest measurement the filters take: 4 for spherical (with radial speed), else 3. */
    int measurementDimension() {
        return measurement == TrackerSettings.Measurement.SPHERICAL ? 4 : 3;
    }

    /** Whether the tracker may run its allocation-free linear path: one model, EKF, converted positions. */
    boolean linearPath() {
        return motion != null && filter == TrackerSettings.Filter.EKF
                && measurement == TrackerSettings.Measurement.CONVERTED;
    }

    /** A filter whose work arrays the tracker's filters share, where the kind allows (the EKF's). */
    ExtendedKalmanFilter newWorkspace() {
        return new ExtendedKalmanFilter(n, measurementDimension());
    }

    /** A new track's filter (uninitialised); EKFs share the workspace's work arrays. */
    StateFilter newFilter(ExtendedKalmanFilter workspace) {
        if (modes == null) {
            return single(workspace);
        }
        return new ImmFilter(List.of(single(workspace), single(workspace)), modes, IMM_SWITCHING, IMM_INITIAL,
                measurementDimension());
    }

    private StateFilter single(ExtendedKalmanFilter workspace) {
        return filter == TrackerSettings.Filter.EKF ? new ExtendedKalmanFilter(workspace)
                : new UnscentedKalmanFilter(n, measurementDimension());
    }

    /** Writes the seventh state's prior into a new track's x (n) and P (n×n, its seventh row and column zero). */
    void seventhPrior(double[] x, double[] p) {
        if (n == 7) {
            x[6] = seventhMean;
            p[48] = seventhSigma * seventhSigma;
        }
    }
}
