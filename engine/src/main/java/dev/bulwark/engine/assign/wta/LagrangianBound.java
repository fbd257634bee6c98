package dev.bulwark.engine.assign.wta;

import java.util.Arrays;

/**
 * Lagrangian lower bound of a partly fixed WTA problem, for the branch and bound: the constraint
 * that every remaining unit goes to exactly one target is moved into the objective with a
 * multiplier {@code lambda_u} per unit (any sign), after which the problem falls apart into one
 * small problem per target,
 *
 * <pre>
 *   L(lambda) = sum_t min_{S subset of the remaining units} ( C_t prod_{u in S} (1 - p_ut) + sum_{u in S} lambda_u )
 *               - sum_u lambda_u,
 * </pre>
 *
 * {@code C_t} the value of target {@code t} left by the fixed units. Every assignment of the
 * remaining units (each to one target) is one choice of the sets S, with the multiplier terms
 * cancelling, so {@code L(lambda) <= } the best completion for <em>every</em> {@code lambda}: a
 * certified bound whether or not the multipliers are optimal. The target problems are solved
 * exactly, by a small depth-first search, so this is the Lagrangian relaxation with the
 * integrality kept in the subproblems; its maximum over {@code lambda} equals the linear
 * programming bound of the set-partitioning (column) formulation of Andersen, Pavlikov and
 * Toffolo (Annals of Operations Research 312, 2022), and is at least the minimum-cost-flow bound
 * of Ahuja, Kumar, Jha and Orlin (Operations Research 55(6) 2007, section 4.2): started from the
 * dual values of that bound's assignment problem, {@code L} is already at least that bound (see
 * {@link BranchAndBoundWtaSolver}). That an unused unit is never better than a used one (an extra
 * shot never raises the objective) is what allows "exactly one target" rather than "at most one".
 *
 * <p>The multipliers are improved by subgradient ascent with Polyak's step toward the incumbent
 * (B. T. Polyak, USSR Computational Mathematics and Mathematical Physics 9(3), 1969; M. Held,
 * P. Wolfe, H. P. Crowder, Mathematical Programming 6, 1974): the supergradient of unit {@code u}
 * is the number of targets whose set holds it, minus one. Simplified: no bundle method, so the
 * multipliers converge slowly and the bound reported is the best {@code L} seen, below the
 * maximum by however far the ascent stopped short of it. Each target's search is capped at
 * {@value #SUBPROBLEM_NODES} nodes; past the cap the unexplored branches contribute their own
 * lower bounds, so the result stays a valid bound, only weaker.
 *
 * <p>Working arrays are sized once; one owner.
 */
final class LagrangianBound {

    /** Most search nodes of one target's subproblem before it falls back to branch bounds. */
    static final int SUBPROBLEM_NODES = 20_000;

    private final int nT;
    private final int n;
    private final int[] type;
    private final double[] p;
    private final double[] q;
    /** Per target, per remaining unit: how many times the unit is in the target's best set (0 or 1). */
    private final boolean[] chosen;
    private final boolean[] current;
    private final int[] candidates;
    private final double[] benefit;
    private final int[] usage;
    private final double[] gradient;
    private final double[] bestLambda;
    private int subNodes;
    private double subBest;
    private double subCut;
    private int candidateCount;
    private int chosenTarget;
    /** Whether the last evaluation's sets use every remaining unit exactly once. */
    boolean feasible;
    /** Target of each remaining unit in the last evaluation, valid when {@link #feasible}. */
    final int[] feasibleTarget;

    LagrangianBound(WtaProblem problem, int[] type) {
        nT = problem.targets();
        n = type.length;
        this.type = type;
        p = problem.killMatrix();
        q = problem.survivalMatrix();
        chosen = new boolean[Math.max(1, n * nT)];
        current = new boolean[Math.max(1, n)];
        candidates = new int[Math.max(1, n)];
        benefit = new double[Math.max(1, n)];
        usage = new int[Math.max(1, n)];
        gradient = new double[Math.max(1, n)];
        bestLambda = new double[Math.max(1, n)];
        feasibleTarget = new int[Math.max(1, n)];
    }

    /**
     * {@code L(lambda)} for units {@code first..n-1} and residual target values {@code c}; leaves
     * the supergradient in {@link #gradient} and sets {@link #feasible}.
     */
    double evaluate(int first, double[] c, double[] lambda) {
        double total = 0;
        Arrays.fill(usage, 0);
        for (int t = 0; t < nT; t++) {
            total += solveTarget(t, first, c[t], lambda);
        }
        feasible = true;
        for (int u = first; u < n; u++) {
            total -= lambda[u];
            gradient[u] = usage[u] - 1;
            if (usage[u] != 1) {
                feasible = false;
            }
        }
        if (feasible) {
            for (int t = 0; t < nT; t++) {
                for (int u = first; u < n; u++) {
                    if (chosen[t * n + u]) {
                        feasibleTarget[u] = t;
                    }
                }
            }
        }
        return total;
    }

    /**
     * Subgradient ascent from {@code lambda} (updated in place to the best multipliers seen).
     *
     * @param cutoff     stop as soon as the bound reaches this (the node is pruned)
     * @param target     Polyak's target value, normally the incumbent, above the bound
     * @param iterations most evaluations, at least 1
     * @param step0      initial step factor, in (0, 2]
     * @param patience   evaluations without a better bound after which the step factor is halved
     * @param deadline   {@link System#nanoTime()} after which no further step is taken (the bound
     *                   returned is still valid, only weaker)
     * @return the best (largest) {@code L} evaluated: a valid lower bound on every completion
     */
    double ascend(int first, double[] c, double[] lambda, double cutoff, double target, int iterations, double step0,
            int patience, long deadline) {
        double best = Double.NEGATIVE_INFINITY;
        double theta = step0;
        int stall = 0;
        boolean bestFeasible = false;
        for (int it = 0; it < iterations; it++) {
            double l = evaluate(first, c, lambda);
            if (l > best) {
                best = l;
                System.arraycopy(lambda, first, bestLambda, first, n - first);
                bestFeasible = feasible;
                stall = 0;
            } else if (++stall >= patience) {
                theta *= 0.5;
                stall = 0;
            }
            if (feasible || best >= cutoff || theta < 1e-6 || System.nanoTime() > deadline) {
                break;
            }
            symmetrise(first, gradient);
            double norm = 0;
            for (int u = first; u < n; u++) {
                norm += gradient[u] * gradient[u];
            }
            if (norm == 0) {
                break;
            }
            double step = theta * Math.max(target - l, 1e-9 * Math.abs(target)) / norm;
            for (int u = first; u < n; u++) {
                lambda[u] += step * gradient[u];
            }
        }
        System.arraycopy(bestLambda, first, lambda, first, n - first);
        if (bestFeasible && !feasible) {
            evaluate(first, c, lambda);
        }
        return best;
    }

    /**
     * Replaces each entry of {@code v} for units {@code first..n-1} by the mean over the remaining
     * units of its type. Units of one type are interchangeable, so {@code L} is symmetric in their
     * multipliers and, being concave, is at least as large at the mean of a set of multipliers as
     * at the multipliers themselves: the maximum lies among multipliers equal within each type, and
     * averaging a step's direction keeps the ascent there.
     */
    void symmetrise(int first, double[] v) {
        int u = first;
        while (u < n) {
            int end = u + 1;
            double sum = v[u];
            while (end < n && type[end] == type[u]) {
                sum += v[end++];
            }
            double mean = sum / (end - u);
            for (int i = u; i < end; i++) {
                v[i] = mean;
            }
            u = end;
        }
    }

    /** Exact (or, past the node cap, bounded) minimum of one target's subproblem; records its set. */
    private double solveTarget(int t, int first, double value, double[] lambda) {
        int row = t * n;
        Arrays.fill(chosen, row + first, row + n, false);
        // Units with a multiplier of at most 0 always belong: each lowers both terms.
        double s = value;
        double cost = 0;
        for (int u = first; u < n; u++) {
            current[u] = false;
            if (lambda[u] <= 0) {
                current[u] = true;
                s *= q[type[u] * nT + t];
                cost += lambda[u];
            }
        }
        // The others only while they pay for themselves at the present survival value: a unit not
        // worth adding now is not worth adding after others, which only lower the survival value.
        int k = 0;
        for (int u = first; u < n; u++) {
            if (!current[u]) {
                double b = s * p[type[u] * nT + t] - lambda[u];
                if (b > 0) {
                    int i = k++;
                    while (i > 0 && benefit[i - 1] < b) {
                        benefit[i] = benefit[i - 1];
                        candidates[i] = candidates[i - 1];
                        i--;
                    }
                    benefit[i] = b;
                    candidates[i] = u;
                }
            }
        }
        candidateCount = k;
        chosenTarget = row;
        subNodes = 0;
        subBest = cost + s;
        subCut = Double.POSITIVE_INFINITY;
        for (int u = first; u < n; u++) {
            chosen[row + u] = current[u];
        }
        search(0, s, cost, lambda, t, first);
        for (int u = first; u < n; u++) {
            if (chosen[row + u]) {
                usage[u]++;
            }
        }
        return Math.min(subBest, subCut);
    }

    /** Depth-first search over the candidates from index {@code from}, survival value {@code s}. */
    private void search(int from, double s, double cost, double[] lambda, int t, int first) {
        subNodes++;
        if (cost + s < subBest) {
            subBest = cost + s;
            int row = chosenTarget;
            for (int u = first; u < n; u++) {
                chosen[row + u] = current[u];
            }
        }
        // Bound on every extension by candidates from..k-1 that still pay at s.
        double prodQ = 1;
        double linear = s;
        boolean any = false;
        for (int i = from; i < candidateCount; i++) {
            int u = candidates[i];
            double pu = p[type[u] * nT + t];
            double b = s * pu - lambda[u];
            if (b > 0) {
                any = true;
                prodQ *= 1 - pu;
                linear -= b;
            }
        }
        if (!any) {
            return;
        }
        double lb = cost + Math.max(s * prodQ, linear);
        if (lb >= subBest) {
            return;
        }
        if (subNodes >= SUBPROBLEM_NODES) {
            subCut = Math.min(subCut, lb);
            return;
        }
        for (int i = from; i < candidateCount; i++) {
            int u = candidates[i];
            int idx = type[u] * nT + t;
            if (s * p[idx] - lambda[u] > 0) {
                current[u] = true;
                search(i + 1, s * q[idx], cost + lambda[u], lambda, t, first);
                current[u] = false;
            }
        }
    }
}
