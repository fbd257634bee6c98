package dev.bulwark.engine.assign.wta;

import java.util.SplittableRandom;

/** Random instances for the tests. */
final class WtaInstances {

    private WtaInstances() {
    }

    /**
     * The generator of Ahuja, Kumar, Jha and Orlin (Operations Research 55(6) 2007, section 7):
     * target values uniform on the integers 25 to 100, kill probabilities uniform on (0.6, 0.9).
     */
    static WtaProblem ahuja(int weaponTypes, int targets, int unitsPerType, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[targets];
        for (int t = 0; t < targets; t++) {
            v[t] = 25 + rnd.nextInt(76);
        }
        int[] c = new int[weaponTypes];
        double[][] p = new double[weaponTypes][targets];
        for (int w = 0; w < weaponTypes; w++) {
            c[w] = unitsPerType;
            for (int t = 0; t < targets; t++) {
                p[w][t] = 0.6 + 0.3 * rnd.nextDouble();
            }
        }
        return new WtaProblem(v, c, p);
    }

    /** Wilder instances: values 0 to 100, probabilities 0 to 1 (some exactly 0 or 1), counts 0 to maxCount. */
    static WtaProblem wild(int weaponTypes, int targets, int maxCount, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[targets];
        for (int t = 0; t < targets; t++) {
            v[t] = rnd.nextInt(8) == 0 ? 0 : 100 * rnd.nextDouble();
        }
        int[] c = new int[weaponTypes];
        double[][] p = new double[weaponTypes][targets];
        for (int w = 0; w < weaponTypes; w++) {
            c[w] = rnd.nextInt(maxCount + 1);
            for (int t = 0; t < targets; t++) {
                int kind = rnd.nextInt(10);
                p[w][t] = kind == 0 ? 0 : kind == 1 ? 1 : rnd.nextDouble();
            }
        }
        return new WtaProblem(v, c, p);
    }
}
