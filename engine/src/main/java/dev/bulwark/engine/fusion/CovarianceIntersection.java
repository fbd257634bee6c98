package dev.bulwark.engine.fusion;

/**
 * Covariance intersection (Julier &amp; Uhlmann, "A non-divergent estimation algorithm in the
 * presence of unknown correlations", Proc. American Control Conference 1997, 2369–2373): fuses
 * two estimates (a, A) and (b, B) of one state whose cross-correlation is unknown,
 *
 * <pre>
 *   C⁻¹ = ω A⁻¹ + (1 − ω) B⁻¹,     c = C (ω A⁻¹ a + (1 − ω) B⁻¹ b),     ω ∈ [0, 1].
 * </pre>
 *
 * <p>For every ω and every cross-covariance consistent with A and B, C is no smaller than the
 * actual covariance of c's error (the fused estimate is consistent): this is why it suits
 * track-to-track fusion across nodes, whose tracks share process noise and, through earlier
 * exchanges, data, so that their errors are correlated by an amount nobody knows. The price is
 * conservatism: with truly independent inputs C is larger than the Kalman (Bar-Shalom–Campo)
 * fusion would give.
 *
 * <p>ω is chosen to minimise tr C (the criterion used here by default) or ln det C, as
 * Julier &amp; Uhlmann propose. Both are convex in ω (the matrix inverse is operator-convex and
 * −ln det is convex on positive-definite matrices; Boyd &amp; Vandenberghe, <i>Convex
 * Optimization</i>, 2004, §3.1.5 and §3.6), so a golden-section search on [0, 1] finds the
 * minimum; the end points (ω = 0 gives B, ω = 1 gives A) are compared too, so the fused trace
 * (or determinant) is never larger than the smaller input's. Trace by default because it is the
 * sum of the variances, i.e. the mean square error that GOSPA and the threat evaluator feel;
 * the determinant minimises the volume of the uncertainty ellipsoid instead.
 *
 * <p>Reusable; not thread-safe (work arrays).
 */
public final class CovarianceIntersection {

    /** What ω minimises. */
    public enum Criterion {
        /** tr C: the total mean square error. */
        TRACE,
        /** ln det C: the volume of the uncertainty ellipsoid. */
        DETERMINANT
    }

    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;
    private static final int ITERATIONS = 40; // interval 0.618⁴⁰ ≈ 4 × 10⁻⁹

    private final Criterion criterion;
    private double[] ia = new double[0];
    private double[] ib = new double[0];
    private double[] work = new double[0];
    private double[] inverse = new double[0];

    /** Covariance intersection minimising the given criterion. */
    public CovarianceIntersection(Criterion criterion) {
        this.criterion = criterion;
    }

    /** The criterion ω minimises. */
    public Criterion criterion() {
        return criterion;
    }

    /**
     * Fuses (a, A) and (b, B) into (c, C).
     *
     * @param n dimension
     * @param a first estimate (n)
     * @param pa its covariance (n×n, row-major, positive definite)
     * @param b second estimate (n)
     * @param pb its covariance (n×n, positive definite)
     * @param c receives the fused estimate (n)
     * @param pc receives the fused covariance (n×n)
     * @return the weight ω of the first estimate
     */
    public double fuse(int n, double[] a, double[] pa, double[] b, double[] pb, double[] c, double[] pc) {
        invertInputs(n, pa, pb);
        double lo = 0;
        double hi = 1;
        double x1 = hi - GOLDEN * (hi - lo);
        double x2 = lo + GOLDEN * (hi - lo);
        double f1 = cost(n, x1);
        double f2 = cost(n, x2);
        for (int k = 0; k < ITERATIONS; k++) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - GOLDEN * (hi - lo);
                f1 = cost(n, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + GOLDEN * (hi - lo);
                f2 = cost(n, x2);
            }
        }
        double omega = f1 <= f2 ? x1 : x2;
        double best = Math.min(f1, f2);
        double atB = criterion == Criterion.TRACE ? Dense.trace(n, pb) : Dense.logDet(n, pb);
        double atA = criterion == Criterion.TRACE ? Dense.trace(n, pa) : Dense.logDet(n, pa);
        if (atB <= best && atB <= atA) {
            omega = 0;
        } else if (atA <= best) {
            omega = 1;
        }
        if (omega == 1 || omega == 0) {
            copy(n, omega, a, pa, b, pb, c, pc);
        } else {
            combineInverted(n, omega, a, b, c, pc);
        }
        return omega;
    }

    /**
     * (c, C) for a given ω, without the search: the fusion equations above. Public for tests and
     * for callers that fix ω.
     */
    public void combine(int n, double omega, double[] a, double[] pa, double[] b, double[] pb, double[] c,
            double[] pc) {
        if (!(omega >= 0 && omega <= 1)) {
            throw new IllegalArgumentException("omega must be in [0, 1], got " + omega);
        }
        if (omega == 1 || omega == 0) {
            copy(n, omega, a, pa, b, pb, c, pc);
            return;
        }
        invertInputs(n, pa, pb);
        combineInverted(n, omega, a, b, c, pc);
    }

    private static void copy(int n, double omega, double[] a, double[] pa, double[] b, double[] pb, double[] c,
            double[] pc) {
        System.arraycopy(omega == 1 ? a : b, 0, c, 0, n);
        System.arraycopy(omega == 1 ? pa : pb, 0, pc, 0, n * n);
    }

    /** Pa⁻¹ and Pb⁻¹ into ia and ib (the work arrays grown to n × n if needed). */
    private void invertInputs(int n, double[] pa, double[] pb) {
        int nn = n * n;
        if (ia.length < nn) {
            ia = new double[nn];
            ib = new double[nn];
            work = new double[nn];
            inverse = new double[nn];
        }
        Dense.invert(n, pa, ia);
        Dense.invert(n, pb, ib);
    }

    /** The fusion equations for 0 &lt; ω &lt; 1, with Pa⁻¹ and Pb⁻¹ already in ia and ib. */
    private void combineInverted(int n, double omega, double[] a, double[] b, double[] c, double[] pc) {
        int nn = n * n;
        for (int k = 0; k < nn; k++) {
            work[k] = omega * ia[k] + (1 - omega) * ib[k];
        }
        Dense.invert(n, work, pc);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += omega * ia[i * n + j] * a[j] + (1 - omega) * ib[i * n + j] * b[j];
            }
            y[i] = s;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += pc[i * n + j] * y[j];
            }
            c[i] = s;
        }
    }

    /** tr C(ω) or ln det C(ω) = −ln det C⁻¹(ω), from the inverses already in ia and ib. */
    private double cost(int n, double omega) {
        int nn = n * n;
        for (int k = 0; k < nn; k++) {
            work[k] = omega * ia[k] + (1 - omega) * ib[k];
        }
        if (criterion == Criterion.DETERMINANT) {
            return -Dense.logDet(n, work);
        }
        Dense.invert(n, work, inverse);
        return Dense.trace(n, inverse);
    }
}
