package dev.bulwark.engine.assign.wta;

/**
 * A start for the local search from prices of the weapon types (Lagrangian relaxation of the
 * unit limits): with a price {@code lambda_w} per unit of type {@code w}, each target alone picks
 * units greedily, adding while the best gain {@code V_t S_t p_wt - lambda_w} is positive; the
 * prices follow a subgradient step on the excess demand ({@code sum_t x_wt - mu_w}), Polyak's step
 * toward the best assignment found. Every few steps the targets' picks are made feasible (the
 * units of an over-asked type dropped where they gain least, the units left over placed where
 * they gain most) and kept if best. Sources: M. Held, P. Wolfe, H. P. Crowder, Mathematical
 * Programming 6, 1974; B. T. Polyak, USSR Comput. Math. Math. Phys. 9(3), 1969. The targets'
 * greedy picks are not their exact subproblem optimum, so no bound is claimed. One owner.
 */
final class PriceStart {

    /** Steps without a larger {@code L} after which the step factor is halved. */
    private static final int PATIENCE = 30;

    /** Steps between two repairs of the targets' picks. */
    private static final int REPAIR_EVERY = 5;

    private final WtaProblem problem;
    private final int nT;
    private final int nW;
    private final double[] v;
    private final double[] p;
    private final double[] q;
    private final int[] mu;
    /** Per target, the types of largest kill probability on it. */
    private final int[] types;
    private final int k;

    /**
     * @param candidates weapon types each target considers (those of largest kill probability on it)
     */
    PriceStart(WtaProblem problem, int candidates) {
        this.problem = problem;
        nT = problem.targets();
        nW = problem.weaponTypes();
        v = problem.valueArray();
        p = problem.killMatrix();
        q = problem.survivalMatrix();
        mu = problem.countArray();
        k = Math.min(candidates, nW);
        types = new int[nT * k];
        double[] top = new double[k];
        for (int t = 0; t < nT; t++) {
            int len = 0;
            for (int w = 0; w < nW; w++) {
                double g = p[w * nT + t];
                if (len == k && g <= top[len - 1]) {
                    continue;
                }
                int pos = len == k ? len - 1 : len++;
                while (pos > 0 && top[pos - 1] < g) {
                    top[pos] = top[pos - 1];
                    types[t * k + pos] = types[t * k + pos - 1];
                    pos--;
                }
                top[pos] = g;
                types[t * k + pos] = w;
            }
        }
    }

    /**
     * @param start  a feasible assignment, flat {@code x[w * T + t]}: the reference of the first
     *               steps (Polyak's target is the better of its objective {@code startF} and the
     *               best repaired picks)
     * @param steps  subgradient steps, at least 1
     * @return the best repaired picks (feasible, flat {@code x[w * T + t]}), even if worse than
     *         {@code start}
     */
    int[] run(int[] start, double startF, int steps) {
        double[] lambda = new double[nW];
        int[] x = new int[nW * nT];
        int[] demand = new int[nW];
        double[] surv = new double[nT];
        int[] best = start;
        // the best repaired picks are returned even when worse than the start: measured, they lead
        // the rounds to better assignments than the greedy start does (docs/benchmarks.md)
        double bestF = Double.POSITIVE_INFINITY;
        double ubF = startF;
        double theta = 1.0;
        double bestL = Double.NEGATIVE_INFINITY;
        int sinceBetter = 0;
        for (int step = 0; step < steps; step++) {
            java.util.Arrays.fill(x, 0);
            java.util.Arrays.fill(demand, 0);
            double l = 0;
            for (int t = 0; t < nT; t++) {
                double s = 1;
                double vt = v[t];
                for (int room = problem.maxUnits(t); room > 0; room--) {
                    double bg = 0;
                    int bw = -1;
                    for (int i = 0; i < k; i++) {
                        int w = types[t * k + i];
                        if (x[w * nT + t] < mu[w]) {
                            double g = vt * s * p[w * nT + t] - lambda[w];
                            if (g > bg) {
                                bg = g;
                                bw = w;
                            }
                        }
                    }
                    if (bw < 0) {
                        break;
                    }
                    x[bw * nT + t]++;
                    demand[bw]++;
                    s *= q[bw * nT + t];
                    l += lambda[bw];
                }
                surv[t] = s;
                l += vt * s;
            }
            double norm = 0;
            for (int w = 0; w < nW; w++) {
                l -= lambda[w] * mu[w];
                double g = demand[w] - mu[w];
                if (lambda[w] == 0 && g < 0) {
                    g = 0;
                }
                norm += g * g;
            }
            if (step % REPAIR_EVERY == REPAIR_EVERY - 1 || step == steps - 1 || norm == 0) {
                int[] y = repair(x, surv);
                double f = problem.objective(y);
                if (f < bestF) {
                    bestF = f;
                    best = y;
                }
            }
            if (l > bestL + 1e-12 * Math.abs(bestL)) {
                bestL = l;
                sinceBetter = 0;
            } else if (++sinceBetter >= PATIENCE) {
                theta /= 2;
                sinceBetter = 0;
            }
            if (norm == 0) {
                break;
            }
            double gap = Math.max(Math.min(bestF, ubF) - l, 1e-6 * ubF);
            double stepSize = theta * gap / norm;
            for (int w = 0; w < nW; w++) {
                lambda[w] = Math.max(0, lambda[w] + stepSize * (demand[w] - mu[w]));
            }
        }
        return best;
    }

    /** Makes the targets' picks feasible; {@code surv} holds each target's survival under them. */
    private int[] repair(int[] x0, double[] surv0) {
        int[] x = x0.clone();
        double[] s = surv0.clone();
        int[] used = new int[nW];
        for (int w = 0; w < nW; w++) {
            for (int t = 0; t < nT; t++) {
                used[w] += x[w * nT + t];
            }
        }
        int[] room = new int[nT];
        for (int t = 0; t < nT; t++) {
            int c = 0;
            for (int w = 0; w < nW; w++) {
                c += x[w * nT + t];
            }
            room[t] = problem.maxUnits(t) - c;
        }
        // drop the units of over-asked types where they gain least
        for (int w = 0; w < nW; w++) {
            while (used[w] > mu[w]) {
                int bt = -1;
                double bl = Double.POSITIVE_INFINITY;
                for (int t = 0; t < nT; t++) {
                    if (x[w * nT + t] > 0) {
                        double qq = q[w * nT + t];
                        double loss = qq > 0 ? v[t] * s[t] / qq * p[w * nT + t] : Double.MAX_VALUE;
                        if (loss < bl) {
                            bl = loss;
                            bt = t;
                        }
                    }
                }
                x[w * nT + bt]--;
                used[w]--;
                room[bt]++;
                double qq = q[w * nT + bt];
                s[bt] = qq > 0 ? s[bt] / qq : recompute(x, bt);
            }
        }
        // place the units left over, each where it gains most (maximum marginal return)
        int[] bestT = new int[nW];
        double[] gain = new double[nW];
        for (int w = 0; w < nW; w++) {
            rescan(w, x, s, room, bestT, gain, used);
        }
        while (true) {
            int bw = -1;
            double bg = -1;
            for (int w = 0; w < nW; w++) {
                if (used[w] < mu[w] && gain[w] > bg) {
                    bg = gain[w];
                    bw = w;
                }
            }
            if (bw < 0) {
                return x;
            }
            int bt = bestT[bw];
            x[bw * nT + bt]++;
            used[bw]++;
            room[bt]--;
            s[bt] *= q[bw * nT + bt];
            for (int w = 0; w < nW; w++) {
                if (used[w] < mu[w] && (bestT[w] == bt || room[bt] == 0)) {
                    rescan(w, x, s, room, bestT, gain, used);
                }
            }
        }
    }

    private void rescan(int w, int[] x, double[] s, int[] room, int[] bestT, double[] gain, int[] used) {
        double bg = -1;
        int bt = -1;
        for (int t = 0; t < nT; t++) {
            if (room[t] > 0) {
                double g = v[t] * s[t] * p[w * nT + t];
                if (g > bg) {
                    bg = g;
                    bt = t;
                }
            }
        }
        bestT[w] = bt;
        gain[w] = bg;
    }

    private double recompute(int[] x, int t) {
        double s = 1;
        for (int w = 0; w < nW; w++) {
            s *= Math.pow(q[w * nT + t], x[w * nT + t]);
        }
        return s;
    }
}
