package dev.bulwark.engine.track.associate;

/**
 * Joint probabilistic data association (JPDA): for one scan, the marginal probability β_ij
 * that gated plot j originated from track i, and β_i0 that no plot did, computed cluster by
 * cluster over the joint association events (Fortmann, Bar-Shalom &amp; Scheffe, "Sonar tracking
 * of multiple targets using joint probabilistic data association", IEEE J. Oceanic Eng. 8(3),
 * 1983, 173–184; Bar-Shalom, Willett &amp; Tian, <i>Tracking and Data Fusion</i>, YBS 2011,
 * ch. 6, the parametric JPDA).
 *
 * <p>Model. A joint event θ gives each track at most one of its gated plots and each plot at
 * most one track; plots not given to a track are clutter, Poisson with spatial density λ
 * (m⁻³). Then, up to a factor common to all events,
 * P(θ | Z) ∝ Π over (i, j) ∈ θ of P_D N(ν_ij; 0, S_ij) / λ × Π over tracks i without a plot of
 * (1 − P_D P_G), with N the 3-D Gaussian density (m⁻³), ν_ij the innovation, S_ij its covariance,
 * P_D the detection probability and P_G the probability that a target's plot falls in its gate
 * (the chi-square(3) distribution function at the gate γ). Dividing by the miss factor, each
 * pair carries the weight w_ij = P_D N(ν_ij; 0, S_ij) / (λ (1 − P_D P_G)) against 1 for a miss;
 * β_ij is the sum of P(θ) over the events that contain (i, j), and β_i0 = 1 − Σ_j β_ij.
 * The gated pairs must carry d² and √|S| ({@link GatedPairs#sqrtDetS}); {@link MahalanobisGate}
 * supplies both.
 *
 * <p>Computation. The events of different clusters of the gating graph ({@link Clusters}) are
 * independent, so the marginals factor by cluster. A track alone in its cluster has the closed
 * form of the PDA, β_ij = w_ij / (1 + Σ_j w_ij). A larger cluster is enumerated exactly (depth-first
 * over its tracks, each track's weights scaled by their largest so that products cannot
 * overflow) when the number of events, bounded above by Π_i (1 + m_i) with m_i the gated plots
 * of track i, is at most {@link #maxHypotheses()}. Beyond it: the "cheap JPDA" of Fitzgerald
 * ("Development of practical PDA logic for multitarget tracking by microprocessor", in
 * Bar-Shalom (ed.), <i>Multitarget-Multisensor Tracking: Advanced Applications</i>, Artech House,
 * 1990, 1–23), β_ij = w_ij / (1 + T_i + R_j − w_ij) with
 * T_i = Σ_j w_ij and R_j = Σ_i w_ij, where the bias term B of Fitzgerald's formula is the miss
 * weight 1 of the normalisation above; it is exact for a lone track and is tested against the
 * exact marginals on small clusters ({@code JpdaAssociatorTest}). Simplified: the weights are
 * capped at e⁶⁰⁰ in the cheap formula (no overflow), and P_D and λ are the same for every track
 * and everywhere in space.
 *
 * <p>Results are per gated pair, aligned with the pair index k of {@link GatedPairs}. Reusable,
 * not thread-safe; a scan allocates nothing once the work arrays have grown.
 */
public final class JpdaAssociator {

    /** Default detection probability P_D: 0.9, that of the Stone Soup tracking workload. */
    public static final double DEFAULT_DETECTION_PROBABILITY = 0.9;
    /**
     * Default clutter density λ: 10⁻¹² m⁻³, one false plot per 1,000 km³, the density of the
     * Stone Soup tracking workload (N false plots per scan in a √N × 10 km square, 10 km high box).
     */
    public static final double DEFAULT_CLUTTER_DENSITY = 1e-12;
    /** Default cap on the joint events enumerated exactly in one cluster. */
    public static final int DEFAULT_MAX_HYPOTHESES = 10_000;

    private static final double LOG_2PI_3_2 = 1.5 * Math.log(2 * Math.PI);
    private static final double MAX_LOG_WEIGHT = 600;

    private final double detection;
    private final double clutterDensity;
    private final int maxHypotheses;
    private final Clusters clusters = new Clusters();
    private double gateSeen = Double.NaN;
    private double logScale;
    // per pair: weight (scaled per track for the exact enumeration), per plot: in use, column sums
    private double[] weight = new double[0];
    private boolean[] used = new boolean[0];
    private double[] plotSum = new double[0];
    private double[] missWeight = new double[0];
    // the depth-first enumeration: tracks of the cluster, the pair chosen at each level (-1 miss)
    private int[] levelTrack = new int[0];
    private int[] choice = new int[0];
    private double total;
    private int exactClusters;
    private int approximateClusters;

    /** JPDA with the default P_D, λ and cap. */
    public JpdaAssociator() {
        this(DEFAULT_DETECTION_PROBABILITY, DEFAULT_CLUTTER_DENSITY, DEFAULT_MAX_HYPOTHESES);
    }

    /**
     * @param detectionProbability P_D, in (0, 1)
     * @param clutterDensity       λ, false plots per m³ per scan, &gt; 0
     * @param maxHypotheses        largest bound on the number of joint events of a cluster that is
     *                             enumerated exactly (≥ 1; 1 makes every cluster of two or more tracks
     *                             use the cheap approximation)
     */
    public JpdaAssociator(double detectionProbability, double clutterDensity, int maxHypotheses) {
        if (!(detectionProbability > 0 && detectionProbability < 1) || !(clutterDensity > 0)
                || Double.isInfinite(clutterDensity) || maxHypotheses < 1) {
            throw new IllegalArgumentException("JPDA needs 0 < P_D < 1, a finite clutter density > 0 and a cap >= 1");
        }
        this.detection = detectionProbability;
        this.clutterDensity = clutterDensity;
        this.maxHypotheses = maxHypotheses;
    }

    /** P_D. */
    public double detectionProbability() {
        return detection;
    }

    /** λ (m⁻³). */
    public double clutterDensity() {
        return clutterDensity;
    }

    /** The cap on exactly enumerated joint events per cluster. */
    public int maxHypotheses() {
        return maxHypotheses;
    }

    /**
     * P_G of a 3-D gate γ on d²: the chi-square distribution function with 3 degrees of freedom,
     * P(3/2, γ/2) = erf(√(γ/2)) − √(2γ/π) e^{−γ/2}.
     *
     * @param gamma the gate γ (&gt; 0)
     * @return the probability that a target's plot falls inside the gate
     */
    public static double gateProbability(double gamma) {
        double h = Math.sqrt(gamma / 2);
        return org.hipparchus.special.Erf.erf(h) - Math.sqrt(2 * gamma / Math.PI) * Math.exp(-gamma / 2);
    }

    /** Clusters solved exactly in the last call (for tests and profiles). */
    public int exactClusters() {
        return exactClusters;
    }

    /** Clusters solved by the cheap approximation in the last call. */
    public int approximateClusters() {
        return approximateClusters;
    }

    /**
     * The association probabilities of one scan.
     *
     * @param gated    the pairs inside the gate, with d² and √|S|
     * @param pairBeta receives β_ij for each pair k (length ≥ {@code gated.size()})
     * @param missBeta receives β_i0 for each track (length ≥ {@code gated.tracks()})
     */
    public void associate(GatedPairs gated, double[] pairBeta, double[] missBeta) {
        int nt = gated.tracks();
        int np = gated.plots();
        int size = gated.size();
        if (gated.gate() != gateSeen) {
            gateSeen = gated.gate();
            logScale = Math.log(detection / (clutterDensity * (1 - detection * gateProbability(gateSeen))))
                    - LOG_2PI_3_2;
        }
        if (weight.length < size) {
            weight = new double[Math.max(size, 2 * weight.length)];
        }
        if (used.length < np) {
            int cap = Math.max(np, 2 * used.length);
            used = new boolean[cap];
            plotSum = new double[cap];
        }
        if (missWeight.length < nt) {
            int cap = Math.max(nt, 2 * missWeight.length);
            missWeight = new double[cap];
            levelTrack = new int[cap];
            choice = new int[cap];
        }
        int[] start = gated.rowStarts();
        int[] plot = gated.plotArray();
        double[] d2 = gated.distance2Array();
        double[] sqrtDet = gated.sqrtDetArray();
        exactClusters = 0;
        approximateClusters = 0;
        clusters.compute(gated);
        for (int c = 0; c < clusters.count(); c++) {
            int tracks = clusters.trackCount(c);
            if (tracks == 1) {
                int t = clusters.track(c, 0);
                lone(t, start[t], start[t + 1], d2, sqrtDet, pairBeta, missBeta);
                continue;
            }
            // bound on the number of events: Π (1 + m_i), stopped at the cap
            long bound = 1;
            for (int m = 0; m < tracks && bound <= maxHypotheses; m++) {
                int t = clusters.track(c, m);
                bound *= 1 + start[t + 1] - start[t];
            }
            if (bound <= maxHypotheses) {
                exact(c, start, plot, d2, sqrtDet, pairBeta, missBeta);
                exactClusters++;
            } else {
                cheap(c, start, plot, d2, sqrtDet, pairBeta, missBeta);
                approximateClusters++;
            }
        }
    }

    // ln w_ij
    private double logWeight(double d2, double sqrtDet) {
        if (!(sqrtDet > 0)) {
            throw new IllegalArgumentException("JPDA needs √|S| > 0 of every gated pair (GatedPairs.add with sqrtDetS)");
        }
        return logScale - 0.5 * d2 - Math.log(sqrtDet);
    }

    // the PDA of a track alone in its cluster: β_ij = w_ij / (1 + Σ w), in the scaled form
    private void lone(int t, int from, int to, double[] d2, double[] sqrtDet, double[] pairBeta, double[] missBeta) {
        double max = 0; // the miss has log weight 0
        for (int k = from; k < to; k++) {
            double lw = logWeight(d2[k], sqrtDet[k]);
            weight[k] = lw;
            max = Math.max(max, lw);
        }
        double miss = Math.exp(-max);
        double sum = miss;
        for (int k = from; k < to; k++) {
            weight[k] = Math.exp(weight[k] - max);
            sum += weight[k];
        }
        for (int k = from; k < to; k++) {
            pairBeta[k] = weight[k] / sum;
        }
        missBeta[t] = miss / sum;
    }

    private void exact(int c, int[] start, int[] plot, double[] d2, double[] sqrtDet, double[] pairBeta,
            double[] missBeta) {
        int tracks = clusters.trackCount(c);
        for (int m = 0; m < tracks; m++) {
            int t = clusters.track(c, m);
            levelTrack[m] = t;
            double max = 0;
            for (int k = start[t]; k < start[t + 1]; k++) {
                weight[k] = logWeight(d2[k], sqrtDet[k]);
                max = Math.max(max, weight[k]);
            }
            for (int k = start[t]; k < start[t + 1]; k++) {
                weight[k] = Math.exp(weight[k] - max);
                pairBeta[k] = 0;
            }
            missWeight[t] = Math.exp(-max);
            missBeta[t] = 0;
        }
        total = 0;
        enumerate(0, tracks, 1.0, start, plot, pairBeta, missBeta);
        for (int m = 0; m < tracks; m++) {
            int t = levelTrack[m];
            for (int k = start[t]; k < start[t + 1]; k++) {
                pairBeta[k] /= total;
            }
            missBeta[t] /= total;
        }
    }

    // depth-first over the cluster's tracks: each takes no plot or one of its free gated plots;
    // at a leaf the event's weight goes to every pair (and miss) it contains
    private void enumerate(int level, int tracks, double w, int[] start, int[] plot, double[] pairBeta,
            double[] missBeta) {
        if (level == tracks) {
            total += w;
            for (int m = 0; m < tracks; m++) {
                int k = choice[m];
                if (k >= 0) {
                    pairBeta[k] += w;
                } else {
                    missBeta[levelTrack[m]] += w;
                }
            }
            return;
        }
        int t = levelTrack[level];
        choice[level] = -1;
        enumerate(level + 1, tracks, w * missWeight[t], start, plot, pairBeta, missBeta);
        for (int k = start[t]; k < start[t + 1]; k++) {
            int j = plot[k];
            if (!used[j]) {
                used[j] = true;
                choice[level] = k;
                enumerate(level + 1, tracks, w * weight[k], start, plot, pairBeta, missBeta);
                used[j] = false;
            }
        }
    }

    // Fitzgerald's cheap JPDA with the miss weight 1 as the bias term
    private void cheap(int c, int[] start, int[] plot, double[] d2, double[] sqrtDet, double[] pairBeta,
            double[] missBeta) {
        int tracks = clusters.trackCount(c);
        for (int m = 0; m < clusters.plotCount(c); m++) {
            plotSum[clusters.plot(c, m)] = 0;
        }
        for (int m = 0; m < tracks; m++) {
            int t = clusters.track(c, m);
            double rowSum = 0;
            for (int k = start[t]; k < start[t + 1]; k++) {
                double w = Math.exp(Math.min(MAX_LOG_WEIGHT, logWeight(d2[k], sqrtDet[k])));
                weight[k] = w;
                rowSum += w;
                plotSum[plot[k]] += w;
            }
            missWeight[t] = rowSum;
        }
        for (int m = 0; m < tracks; m++) {
            int t = clusters.track(c, m);
            double detected = 0;
            for (int k = start[t]; k < start[t + 1]; k++) {
                double b = weight[k] / (1 + missWeight[t] + plotSum[plot[k]] - weight[k]);
                pairBeta[k] = b;
                detected += b;
            }
            missBeta[t] = Math.max(0, 1 - detected);
        }
    }
}
