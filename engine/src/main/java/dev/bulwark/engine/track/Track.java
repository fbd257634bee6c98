package dev.bulwark.engine.track;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A track: the tracker's belief about one object, built only from plots.
 *
 * <p>Mutable, owned by its {@link Tracker}; other stages read it through
 * {@link #state()}, {@link #covariance()} and the accessors, during the cycle that follows
 * the tracker's update, and must not keep references to the arrays.
 *
 * <p>Provenance: the track keeps, for every plot that updated its filter, the scan time, the
 * sensor, the plot's index within its scan and its association weight ({@link #provenance()}):
 * the plot that started it, then for {@link GnnTracker} the one plot of each scan that updated
 * it (weight 1), for {@link JpdaTracker} every gated plot whose JPDA probability β reached
 * {@link JpdaTracker#PROVENANCE_MIN_WEIGHT}, with β as weight. Stored compactly: five ints per
 * update (the scan's number in the tracker's log of scan times, the sensor, the plot index and
 * the two halves of the weight's bits) in one growable array, doubled when full and reused from
 * dropped tentative tracks: nothing is allocated per update.
 *
 * <p>Quality: {@link #quality()} is the fraction of the track's recent looks (scans that covered
 * it) that brought it a plot, the running form of the M-of-N rule; {@link #positionSigma()} gives
 * the filter's own position uncertainty beside it.
 */
public final class Track {

    /** Looks over which {@link #quality()} is measured (at most; fewer for a young track). */
    public static final int QUALITY_LOOKS = 8;

    /**
     * One plot that updated the track.
     *
     * @param time   scan time (s)
     * @param sensor the sensor's index
     * @param plot   the plot's index within its scan (0-based, in the order the scan lists its plots)
     * @param weight its association weight: 1 for a plot that alone updated the track (GNN, or the
     *               plot that started it), the JPDA probability β otherwise
     */
    public record PlotUse(double time, int sensor, int plot, double weight) {
    }

    private static final int STRIDE = 5;
    private static final int[] EMPTY = new int[0];

    /**
     * The times of a tracker's scans, by scan number: appended to once per scan (8 bytes a scan,
     * kept for the tracker's life), shared by its tracks, so that an update records an int.
     */
    static final class ScanTimes {
        private double[] times = new double[64];
        private int count;

        /** Logs a scan at time t (s); it becomes the current scan. */
        void add(double t) {
            if (count == times.length) {
                times = Arrays.copyOf(times, 2 * count);
            }
            times[count++] = t;
        }

        /** Number of the current (last logged) scan. */
        int current() {
            return count - 1;
        }

        double time(int scan) {
            return times[scan];
        }
    }

    /** Life-cycle status. */
    public enum Status {
        /** Started from a plot, not yet confirmed. */
        TENTATIVE,
        /** Met the M-of-N rule. */
        CONFIRMED
    }

    private final int id;
    final StateFilter filter;
    // the filter's linear Kalman filter on the tracker's fast path, else null
    final KalmanFilter kalman;
    private final boolean estimatesDrag;
    // position-velocity views of a 7-state filter
    private final double[] state6;
    private final double[] covariance6;
    private Status status = Status.TENTATIVE;
    private double time;
    private final double startTime;
    int hits;
    int looks;
    int consecutiveMisses;
    // the last 32 looks, most recent in bit 0: 1 a hit, 0 a miss
    private int lookHistory;
    private int plotsUsed;
    private int lastSensor = -1;
    // provenance: STRIDE ints per update (scan number, sensor, plot index, weight's low and high bits)
    private int[] uses;
    private int useCount;
    private final ScanTimes scans;

    /**
     * @param buffer the provenance array to start with (any length, contents ignored); reused
     *               from a dropped track to spare an allocation
     * @param scans  the tracker's log of scan times, whose current scan is the one that starts the track
     */
    Track(int id, double time, StateFilter filter, KalmanFilter kalman, boolean estimatesDrag, int[] buffer,
            ScanTimes scans) {
        this.id = id;
        this.time = time;
        this.startTime = time;
        this.filter = filter;
        this.kalman = kalman;
        this.estimatesDrag = estimatesDrag;
        boolean six = filter.dimension() == 6;
        this.state6 = six ? null : new double[6];
        this.covariance6 = six ? null : new double[36];
        this.uses = buffer;
        this.scans = scans;
    }

    /** Track number, unique within the tracker. */
    public int id() {
        return id;
    }

    /** Life-cycle status. */
    public Status status() {
        return status;
    }

    /** Whether confirmed. */
    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }

    /** Time (s) of the state estimate. */
    public double time() {
        return time;
    }

    /** Time (s) of the first plot. */
    public double startTime() {
        return startTime;
    }

    /**
     * ECEF position (m) and velocity (m/s) estimate, 6 values: a live view for a 6-state filter;
     * for a 7-state one a copy refreshed at each call (the seventh state is in {@link #fullState()}).
     */
    public double[] state() {
        if (state6 == null) {
            return filter.state();
        }
        System.arraycopy(filter.state(), 0, state6, 0, 6);
        return state6;
    }

    /** The 6×6 position-velocity covariance, row-major (a live view or a refreshed copy, as {@link #state()}). */
    public double[] covariance() {
        if (covariance6 == null) {
            return filter.covariance();
        }
        double[] p = filter.covariance();
        int n = filter.dimension();
        for (int i = 0; i < 6; i++) {
            System.arraycopy(p, i * n, covariance6, i * 6, 6);
        }
        return covariance6;
    }

    /** The filter's state dimension: 6, or 7 with the inverse ballistic coefficient or the turn rate. */
    public int stateDimension() {
        return filter.dimension();
    }

    /** The filter's whole state (live view; do not modify): position, velocity and any seventh state. */
    public double[] fullState() {
        return filter.state();
    }

    /** The filter's whole covariance, {@link #stateDimension()} squared, row-major (live view). */
    public double[] fullCovariance() {
        return filter.covariance();
    }

    /**
     * The estimated ballistic coefficient β = 1/γ (kg/m²) when the motion model estimates the
     * inverse coefficient γ ({@link BallisticEstimatedDrag}); NaN otherwise, or while γ ≤ 0 (no
     * drag, or a thrust: nothing a ballistic prediction can use).
     */
    public double ballisticCoefficient() {
        if (!estimatesDrag) {
            return Double.NaN;
        }
        double gamma = filter.state()[6];
        return gamma > 0 ? 1 / gamma : Double.NaN;
    }

    /**
     * The standard deviation of ln β to first order, σ_γ / γ (the same as that of ln γ), for the
     * log-normal spread of an impact prediction; NaN when {@link #ballisticCoefficient()} is.
     */
    public double logBallisticCoefficientSigma() {
        double beta = ballisticCoefficient();
        if (Double.isNaN(beta)) {
            return Double.NaN;
        }
        return Math.sqrt(filter.covariance()[48]) * beta;
    }

    /**
     * Scans whose plots counted as a hit for this track, the starting plot included: for
     * {@link GnnTracker} the number of plots that updated it; for {@link JpdaTracker}, whose
     * updates take every gated plot, see {@link #provenance()} for the plots themselves.
     */
    public int plotsUsed() {
        return plotsUsed;
    }

    /** Hits: looks that brought a plot (the starting plot included). */
    public int hits() {
        return hits;
    }

    /** Looks: scans that covered the track, the one that started it included. */
    public int looks() {
        return looks;
    }

    /**
     * Track quality in [0, 1]: the fraction of hits among the last {@link #QUALITY_LOOKS} looks
     * (or all of them, for a track with fewer). 1 means every recent scan that covered the track
     * brought it a plot; a confirmed track about to be dropped for misses is near 0. The running
     * form of the M-of-N history, so it needs no scale of its own; the filter's position
     * uncertainty is apart, in {@link #positionSigma()} (a single score combining the two would
     * need an arbitrary length scale).
     */
    public double quality() {
        int n = Math.min(looks, QUALITY_LOOKS);
        if (n == 0) {
            return 0;
        }
        return Integer.bitCount(lookHistory & ((1 << n) - 1)) / (double) n;
    }

    /** The filter's position uncertainty: √(trace of the 3×3 position covariance / 3) (m). */
    public double positionSigma() {
        double[] p = filter.covariance();
        int n = filter.dimension();
        return Math.sqrt((p[0] + p[n + 1] + p[2 * n + 2]) / 3);
    }

    /** Number of provenance entries: plots that updated this track's filter. */
    public int provenanceSize() {
        return useCount;
    }

    /**
     * The plots that updated this track, scan by scan, oldest first (the plots of one scan in the
     * order the gate found them), as described in the class comment: an unmodifiable
     * list built on demand from the track's compact record. It reads the record live: entries
     * added after the call appear in the list; copy it to keep a snapshot.
     */
    public List<PlotUse> provenance() {
        return new AbstractList<>() {
            @Override
            public PlotUse get(int k) {
                if (k < 0 || k >= useCount) {
                    throw new IndexOutOfBoundsException(k);
                }
                int o = STRIDE * k;
                long bits = uses[o + 3] & 0xFFFF_FFFFL | (long) uses[o + 4] << 32;
                return new PlotUse(scans.time(uses[o]), uses[o + 1], uses[o + 2], Double.longBitsToDouble(bits));
            }

            @Override
            public int size() {
                return useCount;
            }
        };
    }

    /** The radar that last updated this track, or -1. */
    public int lastSensor() {
        return lastSensor;
    }

    /** Consecutive scans that covered the track without a plot for it. */
    public int consecutiveMisses() {
        return consecutiveMisses;
    }

    void setTime(double t) {
        time = t;
    }

    void confirm() {
        status = Status.CONFIRMED;
    }

    /** A look with a hit (not for the starting plot: see {@link #started}). */
    void hit() {
        hits++;
        looks++;
        consecutiveMisses = 0;
        lookHistory = lookHistory << 1 | 1;
    }

    /** A look without a hit. */
    void miss() {
        looks++;
        consecutiveMisses++;
        lookHistory <<= 1;
    }

    /** The starting plot: the first hit and look. */
    void started(int sensor, int plot) {
        hits = 1;
        looks = 1;
        lookHistory = 1;
        plotsUsed = 1;
        lastSensor = sensor;
        addUse(sensor, plot, 1.0);
    }

    /** A hit from one plot of a sensor (counted in {@link #plotsUsed()}, not in the provenance). */
    void recordPlot(int sensor) {
        plotsUsed++;
        lastSensor = sensor;
    }

    /** A plot of the tracker's current scan that updated the filter, with its association weight. */
    void addUse(int sensor, int plot, double weight) {
        int o = STRIDE * useCount;
        if (o + STRIDE > uses.length) {
            uses = Arrays.copyOf(uses, Math.max(8 * STRIDE, 2 * uses.length));
        }
        uses[o] = scans.current();
        uses[o + 1] = sensor;
        uses[o + 2] = plot;
        long bits = Double.doubleToRawLongBits(weight);
        uses[o + 3] = (int) bits;
        uses[o + 4] = (int) (bits >>> 32);
        useCount++;
    }

    /** Hands the provenance array over for reuse (the track, dropped, keeps an empty record). */
    int[] releaseProvenance() {
        int[] b = uses;
        uses = EMPTY;
        useCount = 0;
        return b;
    }
}
