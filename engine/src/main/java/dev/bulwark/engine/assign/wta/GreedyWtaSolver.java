package dev.bulwark.engine.assign.wta;

/**
 * Maximum marginal return (MMR): assign one unit at a time to the weapon type and target pair
 * that most reduces the expected surviving value, {@code V_t S_t p_wt}, where {@code S_t} is the
 * target's current survival probability; stop when every unit is assigned or no unit helps.
 *
 * <p>Source: the greedy "maximum marginal return" algorithm of A. S. Manne (1958) and
 * G. G. denBroeder, R. E. Ellison, L. Emerling (1959), as described and tested by Ahuja, Kumar,
 * Jha and Orlin, Operations Research 55(6) 2007, section 5.1. It is optimal when all weapon types
 * are identical and usually within a few percent otherwise; it is the starting point of
 * {@link LocalSearchWtaSolver}.
 *
 * <p>Cost: each weapon type keeps its best target; after an assignment only the types whose
 * best target was the one just hit rescan the targets, so a problem of n units costs about
 * {@code n (W + k T)} operations, k the number of rescans. Ties go to the lowest index. A target
 * that has reached its unit limit ({@link WtaProblem#maxUnits}) takes no more.
 */
public final class GreedyWtaSolver implements WtaSolver {

    /** Name recorded in the solutions. */
    public static final String NAME = "greedy";

    @Override
    public WtaSolution solve(WtaProblem problem) {
        return new WtaSolution(problem, assign(problem), Double.NaN, false, NAME, 0);
    }

    /** The greedy assignment, flat row-major {@code x[w * T + t]}. */
    static int[] assign(WtaProblem problem) {
        int nT = problem.targets();
        int nW = problem.weaponTypes();
        double[] p = problem.killMatrix();
        double[] q = problem.survivalMatrix();
        double[] s = problem.valueArray().clone();
        int[] rem = problem.countArray().clone();
        int[] x = new int[nW * nT];
        int[] best = new int[nW];
        double[] gain = new double[nW];
        int[] room = new int[nT];
        for (int t = 0; t < nT; t++) {
            room[t] = problem.maxUnits(t);
        }
        for (int w = 0; w < nW; w++) {
            rescan(w, nT, p, s, room, best, gain);
        }
        while (true) {
            int bw = -1;
            double bg = 0;
            for (int w = 0; w < nW; w++) {
                if (rem[w] > 0 && gain[w] > bg) {
                    bg = gain[w];
                    bw = w;
                }
            }
            if (bw < 0) {
                return x;
            }
            int t = best[bw];
            x[bw * nT + t]++;
            s[t] *= q[bw * nT + t];
            rem[bw]--;
            room[t]--;
            // Only target t became less attractive; types that preferred it look again.
            for (int w = 0; w < nW; w++) {
                if (rem[w] > 0 && best[w] == t) {
                    rescan(w, nT, p, s, room, best, gain);
                }
            }
        }
    }

    private static void rescan(int w, int nT, double[] p, double[] s, int[] room, int[] best, double[] gain) {
        int base = w * nT;
        int bt = 0;
        double bg = -1;
        for (int t = 0; t < nT; t++) {
            double g = room[t] > 0 ? s[t] * p[base + t] : -1;
            if (g > bg) {
                bg = g;
                bt = t;
            }
        }
        best[w] = bt;
        gain[w] = bg;
    }
}
