package dev.bulwark.engine.fusion;

/**
 * Small dense symmetric-positive-definite algebra on row-major arrays, by Cholesky
 * factorisation (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., 2013, §4.2): the
 * inverse and the log-determinant of a covariance, and Mahalanobis distances. Written by hand
 * because the matrices are 3×3 or 6×6 and are factorised tens of times per fused pair.
 */
final class Dense {

    private Dense() {
    }

    /**
     * Lower Cholesky factor of an n×n SPD matrix into {@code l} (row-major, upper part zeroed);
     * false if the matrix is not positive definite.
     */
    static boolean cholesky(int n, double[] a, double[] l) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return false;
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
            for (int j = i + 1; j < n; j++) {
                l[i * n + j] = 0;
            }
        }
        return true;
    }

    /** Inverse of an n×n SPD matrix into {@code out} (may not alias {@code a}). */
    static void invert(int n, double[] a, double[] out) {
        double[] l = new double[n * n];
        if (!cholesky(n, a, l)) {
            throw new IllegalArgumentException("covariance is not positive definite");
        }
        double[] col = new double[n];
        for (int c = 0; c < n; c++) {
            // solve L y = e_c, then Lᵀ x = y
            for (int i = 0; i < n; i++) {
                double s = i == c ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    s -= l[i * n + k] * col[k];
                }
                col[i] = s / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = col[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k * n + i] * col[k];
                }
                col[i] = s / l[i * n + i];
            }
            for (int i = 0; i < n; i++) {
                out[i * n + c] = col[i];
            }
        }
        symmetrise(n, out);
    }

    /** ln det of an n×n SPD matrix. */
    static double logDet(int n, double[] a) {
        double[] l = new double[n * n];
        if (!cholesky(n, a, l)) {
            throw new IllegalArgumentException("covariance is not positive definite");
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return 2 * s;
    }

    /** Trace of an n×n matrix. */
    static double trace(int n, double[] a) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i * n + i];
        }
        return s;
    }

    /** Replaces a by (a + aᵀ) / 2. */
    static void symmetrise(int n, double[] a) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double m = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = m;
                a[j * n + i] = m;
            }
        }
    }

    /**
     * Squared Mahalanobis distance of the position difference of two 6-states,
     * (pa − pb)ᵀ (Pa + Pb)⁻¹ (pa − pb) on the 3×3 position blocks; +∞ if the sum is not
     * positive definite.
     */
    static double positionDistance2(double[] xa, double[] pa, double[] xb, double[] pb) {
        double[] s = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s[3 * i + j] = pa[6 * i + j] + pb[6 * i + j];
            }
        }
        double[] l = new double[9];
        if (!cholesky(3, s, l)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] y = new double[3];
        double d2 = 0;
        for (int i = 0; i < 3; i++) {
            double v = xa[i] - xb[i];
            for (int k = 0; k < i; k++) {
                v -= l[3 * i + k] * y[k];
            }
            y[i] = v / l[3 * i + i];
            d2 += y[i] * y[i];
        }
        return d2;
    }
}
