package dev.bulwark.engine.assign.wta;

import java.util.Arrays;

/**
 * One static weapon-target assignment instance: target values, units per weapon type and the
 * single-shot kill probabilities. Immutable; every accessor copies or reads one number.
 *
 * <p>Objective (minimise), the expected value of the targets that survive when each unit is
 * fired independently: {@code F(x) = sum_t V_t prod_w (1 - p_wt)^x_wt}, with at most
 * {@code mu_w} units of weapon type {@code w} assigned in total. Values are in whatever unit
 * the user chose (all targets in the same unit); probabilities are dimensionless in [0, 1].
 * Independence of the shots is the model's simplification (Ahuja et al. 2007, section 1).
 *
 * <p>Optionally, target {@code t} takes at most {@code k_t} units ({@link #maxUnits(int)}; no
 * limit by default), as a doctrine's salvo size imposes in the simulator's battle management. A
 * problem with limits must leave room for every unit (a target without limit, such as a "hold"
 * target, absorbs the rest), since the local search and the branch and bound place every unit.
 */
public final class WtaProblem {

    private final double[] values;
    private final int[] counts;
    private final double[] p;
    private final double[] q;
    private final int[] caps;

    /**
     * @param values           value V_t of each target, finite and at least 0; at least one target
     * @param counts           units mu_w of each weapon type, at least 0; at least one weapon type
     * @param killProbability  {@code killProbability[w][t]}, the probability that one unit of type
     *                         {@code w} destroys target {@code t}, in [0, 1]; one row per weapon type,
     *                         one column per target
     * @throws IllegalArgumentException naming the first offending entry
     */
    public WtaProblem(double[] values, int[] counts, double[][] killProbability) {
        this(values, counts, killProbability, null);
    }

    /**
     * A problem in which target {@code t} takes at most {@code maxUnits[t]} units.
     *
     * @param maxUnits most units on each target, at least 0 ({@link Integer#MAX_VALUE}: no limit); null: no limits
     * @throws IllegalArgumentException naming the first offending entry, or if the limits leave no room for every
     *                                  unit
     */
    public WtaProblem(double[] values, int[] counts, double[][] killProbability, int[] maxUnits) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a WTA problem needs at least one target value");
        }
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("a WTA problem needs at least one weapon type");
        }
        if (killProbability == null || killProbability.length != counts.length) {
            throw new IllegalArgumentException("the kill probability matrix needs one row per weapon type ("
                    + counts.length + "), got " + (killProbability == null ? "none" : killProbability.length));
        }
        int nT = values.length;
        int nW = counts.length;
        for (int t = 0; t < nT; t++) {
            if (!Double.isFinite(values[t]) || values[t] < 0) {
                throw new IllegalArgumentException("target " + t + " value must be a finite number >= 0, got "
                        + values[t]);
            }
        }
        for (int w = 0; w < nW; w++) {
            if (counts[w] < 0) {
                throw new IllegalArgumentException("weapon type " + w + " count must be >= 0, got " + counts[w]);
            }
        }
        this.values = values.clone();
        this.counts = counts.clone();
        this.p = new double[nW * nT];
        this.q = new double[nW * nT];
        for (int w = 0; w < nW; w++) {
            double[] row = killProbability[w];
            if (row == null || row.length != nT) {
                throw new IllegalArgumentException("kill probability row " + w + " needs one entry per target ("
                        + nT + "), got " + (row == null ? "none" : row.length));
            }
            for (int t = 0; t < nT; t++) {
                double v = row[t];
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("kill probability of weapon type " + w + " on target " + t
                            + " must be in [0, 1], got " + v);
                }
                p[w * nT + t] = v;
                q[w * nT + t] = 1 - v;
            }
        }
        if (maxUnits == null) {
            this.caps = null;
        } else {
            if (maxUnits.length != nT) {
                throw new IllegalArgumentException("the unit limits need one entry per target (" + nT + "), got "
                        + maxUnits.length);
            }
            long room = 0;
            for (int t = 0; t < nT; t++) {
                if (maxUnits[t] < 0) {
                    throw new IllegalArgumentException("target " + t + " unit limit must be >= 0, got " + maxUnits[t]);
                }
                room += maxUnits[t];
            }
            if (room < totalUnits()) {
                throw new IllegalArgumentException("the unit limits leave room for " + room + " of the "
                        + totalUnits() + " units; add a target without a limit");
            }
            this.caps = maxUnits.clone();
        }
    }

    /** Whether some target has a limit on its units. */
    public boolean hasUnitLimits() {
        return caps != null;
    }

    /** Most units target {@code t} may take ({@link Integer#MAX_VALUE} when unlimited). */
    public int maxUnits(int t) {
        return caps == null ? Integer.MAX_VALUE : caps[t];
    }

    /** Number of targets T. */
    public int targets() {
        return values.length;
    }

    /** Number of weapon types W. */
    public int weaponTypes() {
        return counts.length;
    }

    /** Value V_t of target {@code t}. */
    public double value(int t) {
        return values[t];
    }

    /** Units mu_w of weapon type {@code w}. */
    public int count(int w) {
        return counts[w];
    }

    /** Total units over all weapon types. */
    public int totalUnits() {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    /** Sum of the target values: the objective when nothing is assigned. */
    public double totalValue() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** Kill probability p_wt of one unit of type {@code w} against target {@code t}. */
    public double killProbability(int w, int t) {
        return p[w * values.length + t];
    }

    /** Survival probability 1 - p_wt of target {@code t} against one unit of type {@code w}. */
    public double survival(int w, int t) {
        return q[w * values.length + t];
    }

    /** A copy of the target values. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the units per weapon type. */
    public int[] counts() {
        return counts.clone();
    }

    /** Flat row-major survival matrix {@code q[w * T + t]}, shared with the solvers of this package. */
    double[] survivalMatrix() {
        return q;
    }

    /** Flat row-major kill probability matrix {@code p[w * T + t]}, shared with the solvers of this package. */
    double[] killMatrix() {
        return p;
    }

    double[] valueArray() {
        return values;
    }

    int[] countArray() {
        return counts;
    }

    /**
     * The objective F(x) of an assignment, computed from scratch.
     *
     * @param x flat row-major units {@code x[w * T + t]} of type {@code w} on target {@code t}
     * @throws IllegalArgumentException if the array has the wrong size, a negative entry, or more units
     *                                  of a type than it has
     */
    public double objective(int[] x) {
        checkFeasible(x);
        int nT = values.length;
        double f = 0;
        for (int t = 0; t < nT; t++) {
            double s = values[t];
            for (int w = 0; w < counts.length; w++) {
                int k = x[w * nT + t];
                if (k > 0) {
                    s *= Math.pow(q[w * nT + t], k);
                }
            }
            f += s;
        }
        return f;
    }

    void checkFeasible(int[] x) {
        int nT = values.length;
        if (x == null || x.length != counts.length * nT) {
            throw new IllegalArgumentException("an assignment needs W*T = " + counts.length * nT + " entries, got "
                    + (x == null ? "none" : x.length));
        }
        for (int w = 0; w < counts.length; w++) {
            int used = 0;
            for (int t = 0; t < nT; t++) {
                int k = x[w * nT + t];
                if (k < 0) {
                    throw new IllegalArgumentException("units of weapon type " + w + " on target " + t
                            + " must be >= 0, got " + k);
                }
                used += k;
            }
            if (used > counts[w]) {
                throw new IllegalArgumentException("weapon type " + w + " has " + counts[w] + " units, "
                        + used + " are assigned");
            }
        }
        if (caps != null) {
            for (int t = 0; t < nT; t++) {
                int on = 0;
                for (int w = 0; w < counts.length; w++) {
                    on += x[w * nT + t];
                }
                if (on > caps[t]) {
                    throw new IllegalArgumentException("target " + t + " takes at most " + caps[t] + " units, "
                            + on + " are assigned");
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WtaProblem other && Arrays.equals(values, other.values)
                && Arrays.equals(counts, other.counts) && Arrays.equals(p, other.p) && Arrays.equals(caps, other.caps);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(values) + Arrays.hashCode(counts)) + Arrays.hashCode(p);
    }

    @Override
    public String toString() {
        return "WtaProblem[" + counts.length + " weapon types, " + totalUnits() + " units, " + values.length
                + " targets]";
    }
}
