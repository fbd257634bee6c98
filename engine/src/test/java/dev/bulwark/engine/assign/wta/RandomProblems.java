package dev.bulwark.engine.assign.wta;

import java.util.SplittableRandom;

/** Random static WTA instances for the tests of the local search and its start. */
final class RandomProblems {

    private RandomProblems() {
    }

    /**
     * A random instance: 1 to {@code maxTypes} weapon types of 0 to {@code maxCount} units each,
     * {@code minTargets} to {@code minTargets + targetSpread − 1} targets worth 0 (one in six) or up
     * to 100, kill probabilities of exactly 0 or 1 (one in ten each) or uniform; with
     * {@code limits}, each target takes {@code minLimit} to {@code minLimit + 2} units, raised in
     * turn until every unit has room.
     */
    static WtaProblem random(SplittableRandom r, int maxTypes, int minTargets, int targetSpread, int maxCount,
            int minLimit, boolean limits) {
        int nW = 1 + r.nextInt(maxTypes);
        int nT = minTargets + r.nextInt(targetSpread);
        double[] v = new double[nT];
        for (int t = 0; t < nT; t++) {
            v[t] = r.nextInt(6) == 0 ? 0 : 100 * r.nextDouble();
        }
        int[] c = new int[nW];
        double[][] p = new double[nW][nT];
        int units = 0;
        for (int w = 0; w < nW; w++) {
            c[w] = r.nextInt(maxCount + 1);
            units += c[w];
            for (int t = 0; t < nT; t++) {
                int kind = r.nextInt(10);
                p[w][t] = kind == 0 ? 0 : kind == 1 ? 1 : r.nextDouble();
            }
        }
        if (!limits) {
            return new WtaProblem(v, c, p);
        }
        int[] cap = new int[nT];
        int room = 0;
        for (int t = 0; t < nT; t++) {
            cap[t] = minLimit + r.nextInt(3);
            room += cap[t];
        }
        for (int t = 0; room < units; t = (t + 1) % nT) {
            cap[t]++;
            room++;
        }
        return new WtaProblem(v, c, p, cap);
    }
}
