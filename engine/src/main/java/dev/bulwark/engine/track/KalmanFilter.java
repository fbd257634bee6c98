package dev.bulwark.engine.track;

/**
 * The linear Kalman filter's predict and update steps on a state of any dimension, apart
 * from any motion or measurement model (those supply the matrices).
 *
 * <p>Matrices are dense row-major {@code double[]}. The update uses the Joseph form
 * P = (I − KH) P (I − KH)ᵀ + K R Kᵀ, which keeps P symmetric positive definite under
 * rounding, and solves with the Cholesky factor of the innovation covariance instead of
 * inverting it (Bar-Shalom, Li &amp; Kirubarajan, <i>Estimation with Applications to
 * Tracking and Navigation</i>, 2001, §5.2.3 and §7.2). All work arrays are allocated once:
 * a step allocates nothing.
 *
 * <p>Not thread-safe: one filter belongs to one track.
 */
public final class KalmanFilter {

    private final int n;
    private final int m;
    /** Tests only: take the general loops even where a written-out special case applies. */
    boolean generalOnly;
    private final double[] x;
    private final double[] p;
    // work arrays, no state kept between calls (so filters of one owner may share them)
    private final double[] fp;
    private final double[] nn;
    private final double[] innovation;
    private final double[] s;
    private final double[] chol;
    private final double[] ph;   // P Hᵀ (n×m)
    private final double[] k;    // gain (n×m)
    private final double[] ikh;  // I − K H (n×n)
    private final double[] tmpM;
    private final double[] stateScratch;
    private final double[] combined;
    private final double[] spread;
    private final double[] prior;
    private final int[] nonZero; // column indices of the non-zero entries of each row of F, H or I − KH
    private final int[] nonZeroCount;
    private int lastMd; // dimension of the last successful factorisation of S, 0 if none

    /**
     * @param stateDimension       n
     * @param measurementDimension m (largest measurement the filter will take)
     */
    public KalmanFilter(int stateDimension, int measurementDimension) {
        this.n = stateDimension;
        this.m = measurementDimension;
        x = new double[n];
        p = new double[n * n];
        fp = new double[n * n];
        nn = new double[n * n];
        innovation = new double[m];
        s = new double[m * m];
        chol = new double[m * m];
        ph = new double[n * m];
        k = new double[n * m];
        ikh = new double[n * n];
        tmpM = new double[m];
        stateScratch = new double[n];
        combined = new double[m];
        spread = new double[m * m];
        prior = new double[n * n];
        nonZero = new int[Math.max(n, m) * n];
        nonZeroCount = new int[Math.max(n, m)];
    }

    /**
     * A filter of the same dimensions that shares the work arrays of another, so that it costs
     * only its state and covariance (for a tracker that starts many short-lived tracks). Filters
     * sharing work arrays must be used from one thread, one call at a time.
     *
     * @param workOf the filter whose work arrays to share
     */
    public KalmanFilter(KalmanFilter workOf) {
        this.n = workOf.n;
        this.m = workOf.m;
        x = new double[n];
        p = new double[n * n];
        fp = workOf.fp;
        nn = workOf.nn;
        innovation = workOf.innovation;
        s = workOf.s;
        chol = workOf.chol;
        ph = workOf.ph;
        k = workOf.k;
        ikh = workOf.ikh;
        tmpM = workOf.tmpM;
        stateScratch = workOf.stateScratch;
        combined = workOf.combined;
        spread = workOf.spread;
        prior = workOf.prior;
        nonZero = workOf.nonZero;
        nonZeroCount = workOf.nonZeroCount;
    }

    /** State dimension. */
    public int stateDimension() {
        return n;
    }

    /** Sets the state and covariance (copied). */
    public void initialise(double[] state, double[] covariance) {
        System.arraycopy(state, 0, x, 0, n);
        System.arraycopy(covariance, 0, p, 0, n * n);
    }

    /** The state estimate (live view; do not modify). */
    public double[] state() {
        return x;
    }

    /** The state covariance, row-major (live view; do not modify). */
    public double[] covariance() {
        return p;
    }

    /**
     * Prediction x ← F x + b, P ← F P Fᵀ + Q.
     *
     * @param f transition matrix (n×n)
     * @param b known input added to the state (n), e.g. the effect of gravity; may be null
     * @param q process noise covariance (n×n)
     */
    public void predict(double[] f, double[] b, double[] q) {
        if (n == 6 && !generalOnly && constantVelocity(f)) {
            predictConstantVelocity(f[3], b, q);
            return;
        }
        double[] fx = stateScratch;
        // F is mostly zeros (a constant-velocity F has 12 non-zeros in 36): the products run over
        // the non-zero entries only, summed in the same order as the dense loops, so the result
        // is the same to the bit
        indexNonZeros(f, n);
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int t = 0; t < nonZeroCount[i]; t++) {
                int j = nonZero[i * n + t];
                acc += f[i * n + j] * x[j];
            }
            fx[i] = acc + (b == null ? 0 : b[i]);
        }
        System.arraycopy(fx, 0, x, 0, n);
        // fp = F P
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int t = 0; t < nonZeroCount[i]; t++) {
                    int l = nonZero[i * n + t];
                    acc += f[i * n + l] * p[l * n + j];
                }
                fp[i * n + j] = acc;
            }
        }
        // P = fp Fᵀ + Q, symmetrised
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int t = 0; t < nonZeroCount[j]; t++) {
                    int l = nonZero[j * n + t];
                    acc += fp[i * n + l] * f[j * n + l];
                }
                double v = acc + q[i * n + j];
                if (j != i) {
                    v = 0.5 * (v + acc + q[j * n + i]);
                }
                p[i * n + j] = v;
                p[j * n + i] = v;
            }
        }
    }

    /** Whether a 6×6 F is [[I, dt I], [0, I]] with dt ≠ 0 (dt in f[3]): the commonest transition. */
    private static boolean constantVelocity(double[] f) {
        double dt = f[3];
        if (dt == 0) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double e = i == j ? 1 : j == i + 3 ? dt : 0;
                if (f[i * 6 + j] != e) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@link #predict} for F = [[I, dt I], [0, I]], written out: the same products summed in the
     * same order as the general sparse loops (a factor 1 is exact), so the result is the same to
     * the bit, without the index of F's non-zero entries and the indirection through it.
     */
    private void predictConstantVelocity(double dt, double[] b, double[] q) {
        for (int i = 0; i < 3; i++) {
            x[i] = x[i] + dt * x[i + 3] + (b == null ? 0 : b[i]);
            x[i + 3] = x[i + 3] + (b == null ? 0 : b[i + 3]);
        }
        // fp = F P: rows 0-2 are P's rows plus dt times rows 3-5; rows 3-5 are P's
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 6; j++) {
                fp[i * 6 + j] = p[i * 6 + j] + dt * p[(i + 3) * 6 + j];
                fp[(i + 3) * 6 + j] = p[(i + 3) * 6 + j];
            }
        }
        // P = fp Fᵀ + Q, symmetrised as in the general loop
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = j < 3 ? fp[i * 6 + j] + fp[i * 6 + j + 3] * dt : fp[i * 6 + j];
                double v = acc + q[i * 6 + j];
                if (j != i) {
                    v = 0.5 * (v + acc + q[j * 6 + i]);
                }
                p[i * 6 + j] = v;
                p[j * 6 + i] = v;
            }
        }
    }

    // lists, row by row, the columns of the non-zero entries of a rows×n matrix
    private void indexNonZeros(double[] a, int rows) {
        for (int i = 0; i < rows; i++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (a[i * n + j] != 0) {
                    nonZero[i * n + c++] = j;
                }
            }
            nonZeroCount[i] = c;
        }
    }

    /**
     * Squared Mahalanobis distance of a measurement from the prediction, (z − Hx)ᵀ S⁻¹ (z − Hx)
     * with S = H P Hᵀ + R; leaves the filter unchanged. Returns +∞ if S is not positive definite.
     *
     * @param z  measurement (dimension md)
     * @param h  measurement matrix (md×n)
     * @param r  measurement noise covariance (md×md)
     * @param md measurement dimension, at most m
     */
    public double mahalanobis(double[] z, double[] h, double[] r, int md) {
        if (!innovationAndFactor(z, h, r, md)) {
            return Double.POSITIVE_INFINITY;
        }
        return distance(md);
    }

    /**
     * As {@link #mahalanobis}, but for an innovation ν computed by the caller, e.g. z − h(x)
     * with an angle wrapped, for an extended filter: νᵀ S⁻¹ ν with S = H P Hᵀ + R.
     *
     * @param nu innovation (md)
     * @param h  measurement matrix or Jacobian (md×n)
     * @param r  measurement noise covariance (md×md)
     * @param md measurement dimension, at most m
     * @return the squared distance, or +∞ if S is not positive definite
     */
    public double mahalanobisOfInnovation(double[] nu, double[] h, double[] r, int md) {
        if (!givenInnovationAndFactor(nu, h, r, md)) {
            return Double.POSITIVE_INFINITY;
        }
        return distance(md);
    }

    /**
     * As {@link #update}, but for an innovation ν computed by the caller (an extended Kalman
     * filter's z − h(x)): x ← x + K ν, P in Joseph form with the Jacobian H.
     *
     * @param nu innovation (md)
     * @param h  measurement Jacobian (md×n)
     * @param r  measurement noise covariance (md×md)
     * @param md measurement dimension, at most m
     * @return the NIS, or +∞ (no update) if S was not positive definite or ν not finite
     */
    public double updateWithInnovation(double[] nu, double[] h, double[] r, int md) {
        double nis = mahalanobisOfInnovation(nu, h, r, md);
        if (!(nis < Double.POSITIVE_INFINITY)) {
            return Double.POSITIVE_INFINITY;
        }
        correct(h, r, md);
        return nis;
    }

    /**
     * ln det S of the innovation covariance of the last {@link #mahalanobis}, {@link #update} or
     * their innovation forms (from its Cholesky factor), for a measurement's Gaussian likelihood;
     * NaN before any.
     */
    public double innovationLogDeterminant() {
        if (lastMd == 0) {
            return Double.NaN;
        }
        double acc = 0;
        for (int i = 0; i < lastMd; i++) {
            acc += Math.log(chol[i * lastMd + i]);
        }
        return 2 * acc;
    }

    // d² = |L⁻¹ ν|² with the factor and innovation in place
    private double distance(int md) {
        // solve L y = ν; d² = |y|²
        double d2 = 0;
        for (int i = 0; i < md; i++) {
            double acc = innovation[i];
            for (int j = 0; j < i; j++) {
                acc -= chol[i * md + j] * tmpM[j];
            }
            tmpM[i] = acc / chol[i * md + i];
            d2 += tmpM[i] * tmpM[i];
        }
        return d2;
    }

    /**
     * Update with a measurement z = H x + v, v ~ N(0, R), in Joseph form.
     *
     * @return the normalised innovation squared (NIS), or +∞ if S was not positive definite or the
     *         measurement not finite (no update made)
     */
    public double update(double[] z, double[] h, double[] r, int md) {
        double nis = mahalanobis(z, h, r, md);
        if (!(nis < Double.POSITIVE_INFINITY)) {
            return Double.POSITIVE_INFINITY; // S not positive definite, or a NaN measurement: no update
        }
        correct(h, r, md);
        return nis;
    }

    // x += K ν and the Joseph-form P, with the innovation and factor in place
    private void correct(double[] h, double[] r, int md) {
        gain(md);
        // x += K ν
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = 0; j < md; j++) {
                acc += k[i * md + j] * innovation[j];
            }
            x[i] += acc;
        }
        joseph(h, r, md);
    }

    /**
     * The probabilistic data association update (PDAF; Bar-Shalom, Daum &amp; Huang, "The
     * probabilistic data association filter", IEEE Control Systems Magazine 29(6), 2009, 82–100,
     * eqs. 30–40; Bar-Shalom, Willett &amp; Tian, <i>Tracking and Data Fusion</i>, 2011, ch. 3):
     * with ν_j = z_j − H x the innovations of the gated measurements, β_j their association
     * probabilities and β₀ = 1 − Σ β_j that none is the target's,
     * x ← x + K ν with the combined innovation ν = Σ β_j ν_j, and
     * P ← β₀ P⁻ + (1 − β₀) Pᶜ + K (Σ β_j ν_j ν_jᵀ − ν νᵀ) Kᵀ, where Pᶜ is the covariance of an
     * ordinary update (here in Joseph form) and the last term the spread of the innovations.
     * One gain K = P Hᵀ S⁻¹ for all measurements, S = H P Hᵀ + R with the one R given: the PDAF
     * assumes the measurements share their noise covariance.
     *
     * @param z     the measurements, md values each, one after the other
     * @param beta  β_j of each measurement
     * @param count number of measurements (0 leaves x and P unchanged)
     * @param h     measurement matrix (md×n)
     * @param r     the measurement noise covariance common to the measurements (md×md)
     * @param md    measurement dimension, at most m
     * @return false (and no update) if S is not positive definite or a measurement not finite
     */
    public boolean updateProbabilistic(double[] z, double[] beta, int count, double[] h, double[] r, int md) {
        if (count == 0) {
            return true;
        }
        if (!innovationAndFactor(null, h, r, md)) {
            return false;
        }
        // innovation now holds −H x; combined innovation and Σ β_j ν_j ν_jᵀ
        double betaDetected = 0;
        java.util.Arrays.fill(combined, 0, md, 0.0);
        java.util.Arrays.fill(spread, 0, md * md, 0.0);
        for (int j = 0; j < count; j++) {
            double bj = beta[j];
            betaDetected += bj;
            for (int a = 0; a < md; a++) {
                double va = z[j * md + a] + innovation[a];
                if (!Double.isFinite(va)) {
                    return false;
                }
                tmpM[a] = va;
                combined[a] += bj * va;
            }
            for (int a = 0; a < md; a++) {
                for (int b = 0; b < md; b++) {
                    spread[a * md + b] += bj * tmpM[a] * tmpM[b];
                }
            }
        }
        for (int a = 0; a < md; a++) {
            for (int b = 0; b < md; b++) {
                spread[a * md + b] -= combined[a] * combined[b];
            }
        }
        double beta0 = 1 - betaDetected;
        System.arraycopy(p, 0, prior, 0, n * n);
        gain(md);
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = 0; j < md; j++) {
                acc += k[i * md + j] * combined[j];
            }
            x[i] += acc;
        }
        joseph(h, r, md);
        // P = β₀ P⁻ + (1 − β₀) Pᶜ + K spread Kᵀ; spread is symmetric positive semi-definite
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < md; a++) {
                double acc = 0;
                for (int b = 0; b < md; b++) {
                    acc += spread[a * md + b] * k[i * md + b];
                }
                ph[i * md + a] = acc; // (K spread)ᵀ row i, reusing P Hᵀ's array, no longer needed
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int a = 0; a < md; a++) {
                    acc += k[i * md + a] * ph[j * md + a];
                }
                double v = beta0 * prior[i * n + j] + (1 - beta0) * p[i * n + j] + acc;
                p[i * n + j] = v;
                p[j * n + i] = v;
            }
        }
        return true;
    }

    // K = P Hᵀ S⁻¹: solve S Kᵀ = H P (S symmetric) column by column with the Cholesky factor
    private void gain(int md) {
        for (int row = 0; row < n; row++) {
            // rhs = (P Hᵀ)[row, :]
            for (int i = 0; i < md; i++) {
                tmpM[i] = ph[row * md + i];
            }
            choleskySolve(md, tmpM);
            for (int i = 0; i < md; i++) {
                k[row * md + i] = tmpM[i];
            }
        }
    }

    // P = (I − KH) P (I − KH)ᵀ + K R Kᵀ with the gain in k
    private void joseph(double[] h, double[] r, int md) {
        if (n == 6 && md == 3 && !generalOnly && isPositionSelector(h)) {
            josephPosition(r);
            return;
        }
        // I − K H
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int l = 0; l < md; l++) {
                    double hlj = h[l * n + j];
                    if (hlj != 0) {
                        acc += k[i * md + l] * hlj;
                    }
                }
                ikh[i * n + j] = (i == j ? 1 : 0) - acc;
            }
        }
        // nn = (I − KH) P, then P = nn (I − KH)ᵀ + K R Kᵀ, over the non-zeros of I − KH
        indexNonZeros(ikh, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int t = 0; t < nonZeroCount[i]; t++) {
                    int l = nonZero[i * n + t];
                    acc += ikh[i * n + l] * p[l * n + j];
                }
                nn[i * n + j] = acc;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int t = 0; t < nonZeroCount[j]; t++) {
                    int l = nonZero[j * n + t];
                    acc += nn[i * n + l] * ikh[j * n + l];
                }
                double krk = 0;
                for (int a = 0; a < md; a++) {
                    double ka = k[i * md + a];
                    if (ka == 0) {
                        continue;
                    }
                    for (int b = 0; b < md; b++) {
                        krk += ka * r[a * md + b] * k[j * md + b];
                    }
                }
                double v = acc + krk;
                p[i * n + j] = v;
                p[j * n + i] = v;
            }
        }
    }

    /** Whether a 3×6 H is [I₃ 0₃]: a position measurement of a position-velocity state. */
    private static boolean isPositionSelector(double[] h) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 6; j++) {
                if (h[i * 6 + j] != (i == j ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@link #joseph} for H = [I₃ 0₃] on 6 states, written out: I − KH is I − K in its first three
     * columns and the identity in the others, and the products run over the same non-zero terms in
     * the same order as the general loops (a factor 1 is exact, a zero term is skipped as there),
     * so the result is the same to the bit, without building and following the index of I − KH.
     */
    private void josephPosition(double[] r) {
        for (int i = 0; i < 6; i++) {
            for (int c = 0; c < 3; c++) {
                ikh[i * 6 + c] = (i == c ? 1 : 0) - k[i * 3 + c];
            }
        }
        // nn = (I − KH) P
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double acc = 0;
                for (int c = 0; c < 3; c++) {
                    double a = ikh[i * 6 + c];
                    if (a != 0) {
                        acc += a * p[c * 6 + j];
                    }
                }
                if (i >= 3) {
                    acc += p[i * 6 + j];
                }
                nn[i * 6 + j] = acc;
            }
        }
        // P = nn (I − KH)ᵀ + K R Kᵀ
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int c = 0; c < 3; c++) {
                    double a = ikh[j * 6 + c];
                    if (a != 0) {
                        acc += nn[i * 6 + c] * a;
                    }
                }
                if (j >= 3) {
                    acc += nn[i * 6 + j];
                }
                double krk = 0;
                for (int a = 0; a < 3; a++) {
                    double ka = k[i * 3 + a];
                    if (ka == 0) {
                        continue;
                    }
                    for (int b = 0; b < 3; b++) {
                        krk += ka * r[a * 3 + b] * k[j * 3 + b];
                    }
                }
                double v = acc + krk;
                p[i * 6 + j] = v;
                p[j * 6 + i] = v;
            }
        }
    }

    // innovation ν = z − Hx (−Hx if z is null); S = H P Hᵀ + R; chol = L with S = L Lᵀ; also fills ph = P Hᵀ
    private boolean innovationAndFactor(double[] z, double[] h, double[] r, int md) {
        prepare(h, md);
        for (int i = 0; i < md; i++) {
            double acc = 0;
            for (int t = 0; t < nonZeroCount[i]; t++) {
                int j = nonZero[i * n + t];
                acc += h[i * n + j] * x[j];
            }
            innovation[i] = z == null ? -acc : z[i] - acc;
        }
        return factor(h, r, md);
    }

    // the innovation given; S = H P Hᵀ + R and its factor as above
    private boolean givenInnovationAndFactor(double[] nu, double[] h, double[] r, int md) {
        prepare(h, md);
        System.arraycopy(nu, 0, innovation, 0, md);
        return factor(h, r, md);
    }

    private void prepare(double[] h, int md) {
        if (md > m) {
            throw new IllegalArgumentException("measurement dimension " + md + " exceeds " + m);
        }
        lastMd = 0;
        // over the non-zeros of H only (a position measurement has 3 in 18), in the dense order
        indexNonZeros(h, md);
    }

    // ph = P Hᵀ, S = H P Hᵀ + R, chol = L with S = L Lᵀ; H's non-zeros indexed
    private boolean factor(double[] h, double[] r, int md) {
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < md; a++) {
                double acc = 0;
                for (int t = 0; t < nonZeroCount[a]; t++) {
                    int j = nonZero[a * n + t];
                    acc += p[i * n + j] * h[a * n + j];
                }
                ph[i * md + a] = acc;
            }
        }
        for (int a = 0; a < md; a++) {
            for (int b = 0; b <= a; b++) {
                double acc = 0;
                for (int t = 0; t < nonZeroCount[a]; t++) {
                    int i = nonZero[a * n + t];
                    acc += h[a * n + i] * ph[i * md + b];
                }
                double v = acc + 0.5 * (r[a * md + b] + r[b * md + a]);
                s[a * md + b] = v;
                s[b * md + a] = v;
            }
        }
        // Cholesky
        for (int i = 0; i < md; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = s[i * md + j];
                for (int l = 0; l < j; l++) {
                    acc -= chol[i * md + l] * chol[j * md + l];
                }
                if (i == j) {
                    if (!(acc > 0)) {
                        return false;
                    }
                    chol[i * md + i] = Math.sqrt(acc);
                } else {
                    chol[i * md + j] = acc / chol[j * md + j];
                }
            }
        }
        lastMd = md;
        return true;
    }

    // solves S y = b in place with the Cholesky factor in `chol`
    private void choleskySolve(int md, double[] b) {
        for (int i = 0; i < md; i++) {
            double acc = b[i];
            for (int j = 0; j < i; j++) {
                acc -= chol[i * md + j] * b[j];
            }
            b[i] = acc / chol[i * md + i];
        }
        for (int i = md - 1; i >= 0; i--) {
            double acc = b[i];
            for (int j = i + 1; j < md; j++) {
                acc -= chol[j * md + i] * b[j];
            }
            b[i] = acc / chol[i * md + i];
        }
    }
}
