package dev.bulwark.engine.track;

/**
 * The unscented Kalman filter with scaled sigma points, for additive process and measurement
 * noise (Julier &amp; Uhlmann, "A new extension of the Kalman filter to nonlinear systems",
 * SPIE 3068, 1997; Julier, "The scaled unscented transformation", ACC 2002; Wan &amp; van der
 * Merwe, "The unscented Kalman filter for nonlinear estimation", IEEE AS-SPCC 2000, eqs. 15–17
 * for the additive-noise form used here).
 *
 * <p>Sigma points χ₀ = x, χ_i = x ± √(n+λ) L_i (L_i the columns of the Cholesky factor of P),
 * λ = α²(n+κ) − n; weights W₀ᵐ = λ/(n+λ), W₀ᶜ = W₀ᵐ + 1 − α² + β, W_iᵐ = W_iᶜ = 1/(2(n+λ)).
 * Prediction: each sigma point flown by {@link MotionModel#propagate} (the model's nonlinear
 * dynamics), x = Σ Wᵐ χ'_i, P = Σ Wᶜ (χ'_i − x)(χ'_i − x)ᵀ + Q, Q from
 * {@link MotionModel#transition} at the prior mean. Update: sigma points redrawn from the
 * prediction, Z_i = h(χ_i), ẑ = Z₀ ⊕ Σ Wᵐ (Z_i ⊖ Z₀) (so that an azimuth near 0 and 2π averages
 * right), S = Σ Wᶜ (Z_i ⊖ ẑ)(Z_i ⊖ ẑ)ᵀ + R, P_xz = Σ Wᶜ (χ_i − x)(Z_i ⊖ ẑ)ᵀ, K = P_xz S⁻¹,
 * x ← x + K (z ⊖ ẑ), P ← P − K S Kᵀ (symmetrised). On a linear model it is the Kalman filter
 * to rounding.
 *
 * <p>Defaults α = 1, β = 2, κ = 0: λ = 0, every weight but W₀ᶜ = 2 is 1/(2n) ≥ 0, which keeps
 * P positive definite (a small α makes W₀ large and negative); the points spread √n σ.
 *
 * <p>Simplified: additive noise only (no augmented state); P − K S Kᵀ is the short form, not
 * Joseph's. Allocation-free after construction.
 */
public final class UnscentedKalmanFilter implements StateFilter {

    private final int n;
    private final int maxM;
    private final int points;
    private final double spread;
    private final double[] wm;
    private final double[] wc;
    private final double[] x;
    private final double[] p;
    private final double[] l;
    private final double[] sigma;   // (2n+1)×n
    private final double[] flown;   // (2n+1)×n
    private final double[] zs;      // (2n+1)×m
    private final double[] f;
    private final double[] b;
    private final double[] q;
    private final double[] r;
    private final double[] zhat;
    private final double[] nu;
    private final double[] dz;
    private final double[] s;
    private final double[] ls;
    private final double[] pxz;
    private final double[] k;
    private final double[] col;
    private double logLikelihood = Double.NaN;
    private double lastLogDetS;

    /**
     * With α = 1, β = 2, κ = 0.
     *
     * @param stateDimension       n
     * @param measurementDimension the largest measurement the filter will take
     */
    public UnscentedKalmanFilter(int stateDimension, int measurementDimension) {
        this(stateDimension, measurementDimension, 1.0, 2.0, 0.0);
    }

    /**
     * @param stateDimension       n
     * @param measurementDimension the largest measurement the filter will take
     * @param alpha                spread of the sigma points, in (0, 1]
     * @param beta                 prior knowledge of the distribution (2 for a Gaussian), ≥ 0
     * @param kappa                secondary scaling, with n + κ &gt; 0
     */
    public UnscentedKalmanFilter(int stateDimension, int measurementDimension, double alpha, double beta,
            double kappa) {
        if (stateDimension < 1 || measurementDimension < 1) {
            throw new IllegalArgumentException("dimensions must be positive, got " + stateDimension + " and "
                    + measurementDimension);
        }
        if (!(alpha > 0 && alpha <= 1) || !(beta >= 0) || !(stateDimension + kappa > 0)) {
            throw new IllegalArgumentException("need 0 < alpha <= 1, beta >= 0 and n + kappa > 0, got alpha "
                    + alpha + ", beta " + beta + ", kappa " + kappa);
        }
        n = stateDimension;
        maxM = measurementDimension;
        points = 2 * n + 1;
        double lambda = alpha * alpha * (n + kappa) - n;
        spread = Math.sqrt(n + lambda);
        wm = new double[points];
        wc = new double[points];
        wm[0] = lambda / (n + lambda);
        wc[0] = wm[0] + 1 - alpha * alpha + beta;
        for (int i = 1; i < points; i++) {
            wm[i] = 1 / (2 * (n + lambda));
            wc[i] = wm[i];
        }
        x = new double[n];
        p = new double[n * n];
        l = new double[n * n];
        sigma = new double[points * n];
        flown = new double[points * n];
        zs = new double[points * maxM];
        f = new double[n * n];
        b = new double[n];
        q = new double[n * n];
        r = new double[maxM * maxM];
        zhat = new double[maxM];
        nu = new double[maxM];
        dz = new double[points * maxM];
        s = new double[maxM * maxM];
        ls = new double[maxM * maxM];
        pxz = new double[n * maxM];
        k = new double[n * maxM];
        col = new double[Math.max(n, maxM)];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void initialise(double[] state, double[] covariance) {
        Filters.checkInitial(state, covariance, n);
        System.arraycopy(state, 0, x, 0, n);
        Filters.copySymmetric(covariance, p, n);
        logLikelihood = Double.NaN;
    }

    @Override
    public double[] state() {
        return x;
    }

    @Override
    public double[] covariance() {
        return p;
    }

    @Override
    public void predict(MotionModel model, double dt) {
        Filters.checkMotion(model, dt, n);
        drawSigmaPoints();
        model.transition(x, dt, f, b, q);
        for (int i = 0; i < points; i++) {
            System.arraycopy(sigma, i * n, col, 0, n);
            model.propagate(col, dt, b); // b is free again: the flown point, then copied
            System.arraycopy(b, 0, flown, i * n, n);
        }
        for (int a = 0; a < n; a++) {
            double acc = 0;
            for (int i = 0; i < points; i++) {
                acc += wm[i] * flown[i * n + a];
            }
            x[a] = acc;
        }
        for (int a = 0; a < n; a++) {
            for (int c = 0; c <= a; c++) {
                double acc = 0;
                for (int i = 0; i < points; i++) {
                    acc += wc[i] * (flown[i * n + a] - x[a]) * (flown[i * n + c] - x[c]);
                }
                double v = acc + 0.5 * (q[a * n + c] + q[c * n + a]);
                p[a * n + c] = v;
                p[c * n + a] = v;
            }
        }
    }

    @Override
    public double mahalanobis(MeasurementModel model, double[] z) {
        Filters.checkMeasurement(model, z, n, maxM);
        return innovation(model, z);
    }

    @Override
    public double update(MeasurementModel model, double[] z) {
        Filters.checkMeasurement(model, z, n, maxM);
        double nis = innovation(model, z);
        if (!(nis < Double.POSITIVE_INFINITY)) {
            logLikelihood = Double.NEGATIVE_INFINITY;
            return Double.POSITIVE_INFINITY;
        }
        int m = model.dimension();
        // K = P_xz S⁻¹, row by row (S symmetric)
        for (int a = 0; a < n; a++) {
            System.arraycopy(pxz, a * m, col, 0, m);
            Filters.choleskySolve(ls, m, col);
            System.arraycopy(col, 0, k, a * m, m);
        }
        for (int a = 0; a < n; a++) {
            double acc = 0;
            for (int j = 0; j < m; j++) {
                acc += k[a * m + j] * nu[j];
            }
            x[a] += acc;
        }
        // P −= K S Kᵀ = K P_xzᵀ
        for (int a = 0; a < n; a++) {
            for (int c = 0; c <= a; c++) {
                double acc = 0;
                double acc2 = 0;
                for (int j = 0; j < m; j++) {
                    acc += k[a * m + j] * pxz[c * m + j];
                    acc2 += k[c * m + j] * pxz[a * m + j];
                }
                double v = p[a * n + c] - 0.5 * (acc + acc2);
                p[a * n + c] = v;
                p[c * n + a] = v;
            }
        }
        logLikelihood = Filters.logLikelihood(nis, lastLogDetS, m);
        return nis;
    }

    @Override
    public double logLikelihood() {
        return logLikelihood;
    }

    // sigma points of (x, P); throws if P has lost positive definiteness
    private void drawSigmaPoints() {
        if (!Filters.cholesky(p, n, l)) {
            throw new IllegalStateException("the covariance is not positive definite: initialise the filter with"
                    + " a positive definite covariance");
        }
        System.arraycopy(x, 0, sigma, 0, n);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < n; a++) {
                double d = spread * l[a * n + i];
                sigma[(1 + i) * n + a] = x[a] + d;
                sigma[(1 + n + i) * n + a] = x[a] - d;
            }
        }
    }

    // ẑ, S (factor in ls), P_xz and ν = z ⊖ ẑ; returns νᵀ S⁻¹ ν, +∞ if S is not positive definite
    private double innovation(MeasurementModel model, double[] z) {
        int m = model.dimension();
        drawSigmaPoints();
        for (int i = 0; i < points; i++) {
            System.arraycopy(sigma, i * n, col, 0, n);
            model.measure(col, n, zhat);
            System.arraycopy(zhat, 0, zs, i * m, m);
        }
        // ẑ = Z₀ ⊕ Σ Wᵐ (Z_i ⊖ Z₀): the residuals into dz first
        System.arraycopy(zs, 0, zhat, 0, m);
        for (int i = 0; i < points; i++) {
            System.arraycopy(zs, i * m, nu, 0, m);
            model.residual(nu, zhat, nu);
            System.arraycopy(nu, 0, dz, i * m, m);
        }
        for (int j = 0; j < m; j++) {
            double acc = 0;
            for (int i = 0; i < points; i++) {
                acc += wm[i] * dz[i * m + j];
            }
            zhat[j] = zs[j] + acc;
        }
        for (int i = 0; i < points; i++) {
            System.arraycopy(zs, i * m, nu, 0, m);
            model.residual(nu, zhat, nu);
            System.arraycopy(nu, 0, dz, i * m, m);
        }
        model.noise(r);
        for (int a = 0; a < m; a++) {
            for (int c = 0; c <= a; c++) {
                double acc = 0;
                for (int i = 0; i < points; i++) {
                    acc += wc[i] * dz[i * m + a] * dz[i * m + c];
                }
                double v = acc + 0.5 * (r[a * m + c] + r[c * m + a]);
                s[a * m + c] = v;
                s[c * m + a] = v;
            }
        }
        for (int a = 0; a < n; a++) {
            for (int j = 0; j < m; j++) {
                double acc = 0;
                for (int i = 0; i < points; i++) {
                    acc += wc[i] * (sigma[i * n + a] - x[a]) * dz[i * m + j];
                }
                pxz[a * m + j] = acc;
            }
        }
        model.residual(z, zhat, nu);
        if (!Filters.cholesky(s, m, ls)) {
            return Double.POSITIVE_INFINITY;
        }
        double d2 = 0;
        double logDet = 0;
        for (int i = 0; i < m; i++) {
            double acc = nu[i];
            for (int j = 0; j < i; j++) {
                acc -= ls[i * m + j] * col[j];
            }
            col[i] = acc / ls[i * m + i];
            d2 += col[i] * col[i];
            logDet += Math.log(ls[i * m + i]);
        }
        lastLogDetS = 2 * logDet;
        return d2 < Double.POSITIVE_INFINITY ? d2 : Double.POSITIVE_INFINITY;
    }
}
