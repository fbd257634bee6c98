package dev.bulwark.engine.track;

import java.util.List;

/**
 * The interacting multiple model (IMM) filter: r modes, each a {@link StateFilter} flying its
 * own {@link MotionModel} over one shared state space, with Markov switching between them
 * (Blom &amp; Bar-Shalom, "The interacting multiple model algorithm for systems with Markovian
 * switching coefficients", IEEE Trans. Automatic Control 33(8), 1988, 780–783; Bar-Shalom, Li
 * &amp; Kirubarajan 2001, §11.6.6). For targets that alternate between flying straight and
 * turning (drones, cruise missiles): e.g. {@link ZeroTurnRate} and {@link CoordinatedTurn}.
 *
 * <p>One cycle, with π_ij the probability of switching from mode i to j and μ_i the mode
 * probabilities:
 * <ol>
 * <li>Mixing (in {@link #predict}): c̄_j = Σ_i π_ij μ_i, μ_{i|j} = π_ij μ_i / c̄_j,
 *     x⁰_j = Σ_i μ_{i|j} x_i, P⁰_j = Σ_i μ_{i|j} [P_i + (x_i − x⁰_j)(x_i − x⁰_j)ᵀ];</li>
 * <li>mode-matched prediction of each filter from (x⁰_j, P⁰_j) with its model; the predicted
 *     mode probabilities are c̄_j;</li>
 * <li>update (in {@link #update}) of each mode, with likelihood Λ_j = N(ν_j; 0, S_j)
 *     ({@link StateFilter#logLikelihood}); μ_j ∝ Λ_j c̄_j (computed in logarithms);</li>
 * <li>combination: x = Σ μ_j x_j, P = Σ μ_j [P_j + (x_j − x)(x_j − x)ᵀ], which
 *     {@link #state} and {@link #covariance} return after both steps.</li>
 * </ol>
 * The gating distance and the NIS are those of the combined prediction (x, P) under the
 * measurement model linearised there (an extended Kalman filter's); the likelihood is the
 * mixture's, ln Σ c̄_j Λ_j.
 *
 * <p>Simplified: the combined estimate is a moment match of the Gaussian mixture; the modes
 * must share one state space (a constant-velocity mode runs in the turn model's 7 states,
 * {@link ZeroTurnRate}). Allocation-free after construction.
 */
public final class ImmFilter implements StateFilter {

    private final StateFilter[] modes;
    private final MotionModel[] models;
    private final int r;
    private final int n;
    private final double[] switching;
    private final double[] initialProbabilities;
    private final double[] mu;
    private final double[] cbar;
    private final double[] mixing;   // μ_{i|j}, r×r
    private final double[] mixedX;   // r×n
    private final double[] mixedP;   // r×n×n
    private final double[] logLik;
    private final double[] x;
    private final double[] p;
    private final ExtendedKalmanFilter combined;
    private double logLikelihood = Double.NaN;

    /**
     * @param filters              the modes' filters, all of one dimension (their state is
     *                             overwritten; they must not be shared with anything else)
     * @param models               each mode's motion model, of that dimension
     * @param switching            Markov switching matrix π (r×r row-major): π_ij = P(mode j next |
     *                             mode i now); rows sum to 1
     * @param initialProbabilities μ at {@link #initialise} (r values summing to 1)
     * @param measurementDimension the largest measurement the filters take
     */
    public ImmFilter(List<? extends StateFilter> filters, List<? extends MotionModel> models, double[] switching,
            double[] initialProbabilities, int measurementDimension) {
        if (filters == null || models == null || filters.isEmpty() || filters.size() != models.size()) {
            throw new IllegalArgumentException("need one motion model per filter, and at least one mode");
        }
        r = filters.size();
        n = filters.get(0).dimension();
        modes = filters.toArray(new StateFilter[0]);
        this.models = models.toArray(new MotionModel[0]);
        for (int j = 0; j < r; j++) {
            if (modes[j].dimension() != n || this.models[j].dimension() != n) {
                throw new IllegalArgumentException("mode " + j + " has a filter of " + modes[j].dimension()
                        + " states and a model of " + this.models[j].dimension() + ", mode 0's filter " + n);
            }
            for (int i = 0; i < j; i++) {
                if (modes[i] == modes[j]) {
                    throw new IllegalArgumentException("modes " + i + " and " + j + " share one filter");
                }
            }
        }
        if (switching == null || switching.length != r * r || initialProbabilities == null
                || initialProbabilities.length != r) {
            throw new IllegalArgumentException("need an " + r + "×" + r + " switching matrix and " + r
                    + " initial probabilities");
        }
        for (int i = 0; i < r; i++) {
            double row = 0;
            for (int j = 0; j < r; j++) {
                double v = switching[i * r + j];
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("switching probabilities must be in [0, 1], got " + v);
                }
                row += v;
            }
            if (Math.abs(row - 1) > 1e-9) {
                throw new IllegalArgumentException("row " + i + " of the switching matrix sums to " + row + ", not 1");
            }
        }
        double total = 0;
        for (double v : initialProbabilities) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("mode probabilities must be in [0, 1], got " + v);
            }
            total += v;
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("the initial mode probabilities sum to " + total + ", not 1");
        }
        this.switching = switching.clone();
        this.initialProbabilities = initialProbabilities.clone();
        mu = initialProbabilities.clone();
        cbar = new double[r];
        mixing = new double[r * r];
        mixedX = new double[r * n];
        mixedP = new double[r * n * n];
        logLik = new double[r];
        x = new double[n];
        p = new double[n * n];
        combined = new ExtendedKalmanFilter(n, measurementDimension);
    }

    /** Number of modes r. */
    public int modeCount() {
        return r;
    }

    /** Mode j's filter (live; do not step it yourself). */
    public StateFilter mode(int j) {
        return modes[j];
    }

    /** Mode j's probability μ_j: after {@link #predict} the predicted c̄_j, after {@link #update} the posterior. */
    public double modeProbability(int j) {
        return mu[j];
    }

    @Override
    public int dimension() {
        return n;
    }

    /** Sets every mode to (x, P) and the mode probabilities to the initial ones. */
    @Override
    public void initialise(double[] state, double[] covariance) {
        Filters.checkInitial(state, covariance, n);
        for (StateFilter mode : modes) {
            mode.initialise(state, covariance);
        }
        System.arraycopy(initialProbabilities, 0, mu, 0, r);
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

    /**
     * Mixes, then predicts each mode with its own model.
     *
     * @param model must be null: the modes carry their own motion models
     * @throws IllegalArgumentException if a model is given or dt is not finite
     */
    @Override
    public void predict(MotionModel model, double dt) {
        if (model != null) {
            throw new IllegalArgumentException("an IMM filter's modes fly their own motion models: pass null, not "
                    + model.getClass().getSimpleName());
        }
        if (!Double.isFinite(dt)) {
            throw new IllegalArgumentException("the time step must be finite, got " + dt);
        }
        for (int j = 0; j < r; j++) {
            double c = 0;
            for (int i = 0; i < r; i++) {
                c += switching[i * r + j] * mu[i];
            }
            cbar[j] = c;
            for (int i = 0; i < r; i++) {
                mixing[i * r + j] = c > 0 ? switching[i * r + j] * mu[i] / c : (i == j ? 1 : 0);
            }
        }
        for (int j = 0; j < r; j++) {
            moments(mixing, j, r, mixedX, j * n, mixedP, j * n * n);
        }
        for (int j = 0; j < r; j++) {
            System.arraycopy(mixedX, j * n, x, 0, n);
            System.arraycopy(mixedP, j * n * n, p, 0, n * n);
            modes[j].initialise(x, p);
            modes[j].predict(models[j], dt);
        }
        System.arraycopy(cbar, 0, mu, 0, r);
        combine();
    }

    @Override
    public double mahalanobis(MeasurementModel model, double[] z) {
        combined.initialise(x, p);
        return combined.mahalanobis(model, z);
    }

    @Override
    public double update(MeasurementModel model, double[] z) {
        double nis = mahalanobis(model, z);
        if (!(nis < Double.POSITIVE_INFINITY)) {
            logLikelihood = Double.NEGATIVE_INFINITY;
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < r; j++) {
            modes[j].update(model, z);
            double ll = modes[j].logLikelihood();
            logLik[j] = mu[j] > 0 && ll > Double.NEGATIVE_INFINITY ? ll + Math.log(mu[j]) : Double.NEGATIVE_INFINITY;
            best = Math.max(best, logLik[j]);
        }
        if (best == Double.NEGATIVE_INFINITY) {
            // no mode could take the measurement: probabilities unchanged
            logLikelihood = Double.NEGATIVE_INFINITY;
            combine();
            return nis;
        }
        double sum = 0;
        for (int j = 0; j < r; j++) {
            mu[j] = Math.exp(logLik[j] - best);
            sum += mu[j];
        }
        for (int j = 0; j < r; j++) {
            mu[j] /= sum;
        }
        logLikelihood = best + Math.log(sum);
        combine();
        return nis;
    }

    @Override
    public double logLikelihood() {
        return logLikelihood;
    }

    // x, P = the moments of the modes weighted by μ
    private void combine() {
        for (int i = 0; i < r; i++) {
            logLik[i] = mu[i]; // the weights as a column of a r×1 "mixing" matrix
        }
        moments(logLik, 0, 1, x, 0, p, 0);
    }

    // weights w[i * stride + col] over the modes i: mean into mx[xo..], covariance with spread into mp[po..]
    private void moments(double[] w, int column, int stride, double[] mx, int xo, double[] mp, int po) {
        for (int a = 0; a < n; a++) {
            double acc = 0;
            for (int i = 0; i < r; i++) {
                acc += w[i * stride + column] * modes[i].state()[a];
            }
            mx[xo + a] = acc;
        }
        for (int a = 0; a < n; a++) {
            for (int c = 0; c <= a; c++) {
                double acc = 0;
                for (int i = 0; i < r; i++) {
                    double wi = w[i * stride + column];
                    if (wi == 0) {
                        continue;
                    }
                    double[] xi = modes[i].state();
                    acc += wi * (modes[i].covariance()[a * n + c] + (xi[a] - mx[xo + a]) * (xi[c] - mx[xo + c]));
                }
                mp[po + a * n + c] = acc;
                mp[po + c * n + a] = acc;
            }
        }
    }
}
