package dev.bulwark.engine.track.associate;

import java.util.Arrays;

/**
 * The track–plot pairs of one scan that fall inside the gate, each with its squared
 * Mahalanobis distance d² = νᵀ S⁻¹ ν (dimensionless) and, when the gate supplies it, the
 * square root of the determinant of its innovation covariance, √|S| (m³ for position plots, S
 * in m²; the normaliser of the Gaussian likelihood N(ν; 0, S) in {@link JpdaAssociator}), stored row by row (compressed sparse rows, one row per track, tracks
 * in increasing order).
 *
 * <p>A reusable buffer with one owner (the tracker or the test that fills it): {@link #clear}
 * starts a scan, {@link #add} appends pairs in non-decreasing track order, and the arrays only
 * grow. Readers use {@link #start}, {@link #plot} and {@link #distance2}: the pairs of track i
 * are the indices {@code start(i) ≤ k < start(i + 1)}.
 */
public final class GatedPairs {

    private int tracks;
    private int plots;
    private double gate;
    private int size;
    private int lastTrack;
    private int[] start = new int[16];
    private int[] plot = new int[64];
    private double[] d2 = new double[64];
    private double[] sqrtDet = new double[64];

    /**
     * Starts an empty scan.
     *
     * @param trackCount number of tracks
     * @param plotCount  number of plots
     * @param chiSquare  the gate γ on d² that was applied; also the cost of leaving a track
     *                   without a plot in {@link OptimalAssociator}
     */
    public void clear(int trackCount, int plotCount, double chiSquare) {
        if (trackCount < 0 || plotCount < 0 || !(chiSquare > 0)) {
            throw new IllegalArgumentException("track and plot counts must be >= 0 and the gate > 0");
        }
        tracks = trackCount;
        plots = plotCount;
        gate = chiSquare;
        size = 0;
        lastTrack = 0;
        if (start.length < trackCount + 1) {
            start = new int[Math.max(trackCount + 1, 2 * start.length)];
        }
        Arrays.fill(start, 0, trackCount + 1, 0);
    }

    /**
     * Appends a pair. Tracks must come in non-decreasing order; within a track, in any order.
     *
     * @param track     track index
     * @param plotIndex plot index
     * @param distance2 squared Mahalanobis distance (finite, ≥ 0)
     */
    public void add(int track, int plotIndex, double distance2) {
        add(track, plotIndex, distance2, Double.NaN);
    }

    /**
     * Appends a pair with the square root of the determinant of its innovation covariance. Tracks must come in
     * non-decreasing order; within a track, in any order.
     *
     * @param track       track index
     * @param plotIndex   plot index
     * @param distance2   squared Mahalanobis distance (finite, ≥ 0)
     * @param sqrtDetS    √|S| of the pair's innovation covariance (m³ for 3-D positions), or NaN if unknown
     */
    public void add(int track, int plotIndex, double distance2, double sqrtDetS) {
        if (track < lastTrack || track >= tracks || plotIndex < 0 || plotIndex >= plots) {
            throw new IllegalArgumentException("pair (" + track + ", " + plotIndex + ") out of order or range");
        }
        if (size == plot.length) {
            plot = Arrays.copyOf(plot, 2 * size);
            d2 = Arrays.copyOf(d2, 2 * size);
            sqrtDet = Arrays.copyOf(sqrtDet, 2 * size);
        }
        // rows between the last track and this one are empty: their ends are the current size
        for (int t = lastTrack; t < track; t++) {
            start[t + 1] = size;
        }
        lastTrack = track;
        plot[size] = plotIndex;
        d2[size] = distance2;
        sqrtDet[size] = sqrtDetS;
        size++;
        start[track + 1] = size;
    }

    /** Number of tracks. */
    public int tracks() {
        return tracks;
    }

    /** Number of plots. */
    public int plots() {
        return plots;
    }

    /** The gate γ applied to d². */
    public double gate() {
        return gate;
    }

    /** Number of pairs. */
    public int size() {
        return size;
    }

    /** First pair index of a track ({@code start(tracks())} is {@link #size()}). */
    public int start(int track) {
        // rows after the last added track are empty
        return track <= lastTrack ? start[track] : size;
    }

    // the row offsets, complete for every track (package use: the solvers read them in place)
    int[] rowStarts() {
        for (int t = lastTrack + 1; t <= tracks; t++) {
            start[t] = size;
        }
        return start;
    }

    int[] plotArray() {
        return plot;
    }

    double[] distance2Array() {
        return d2;
    }

    /** Plot of pair k. */
    public int plot(int k) {
        return plot[k];
    }

    /** √|S| of pair k's innovation covariance (m³ for 3-D positions), or NaN if the filler did not give it. */
    public double sqrtDetS(int k) {
        return sqrtDet[k];
    }

    double[] sqrtDetArray() {
        return sqrtDet;
    }

    /** Squared Mahalanobis distance of pair k. */
    public double distance2(int k) {
        return d2[k];
    }
}
