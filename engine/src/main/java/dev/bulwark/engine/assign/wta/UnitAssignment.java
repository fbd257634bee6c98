package dev.bulwark.engine.assign.wta;

/**
 * Mutable working state of the local search: the target of every unit and, per target, the
 * product of the survival probabilities of the units on it. One owner (one solve call).
 *
 * <p>A survival probability of exactly 0 ({@code p = 1}) cannot be divided out of a product, so
 * each target keeps the product of its non-zero factors and a count of its zero factors.
 * Products drift by rounding after many multiply-divide updates; {@link #rebuild()} recomputes
 * them from scratch, and solutions report an objective recomputed by {@link WtaProblem#objective}.
 */
final class UnitAssignment {

    final int nT;
    final int n;
    final double[] values;
    final double[] p;
    final double[] q;
    /** Weapon type of each unit, units of one type consecutive. */
    final int[] type;
    /** Target of each unit. */
    final int[] target;
    private final double[] prod;
    private final int[] zeros;
    /** Units on each target, and the most it may take. */
    private final int[] on;
    private final int[] cap;
    /**
     * A number that changes whenever target {@code t}'s units change, to a value no target has had
     * before: whatever depends only on a target's units (its survival, a unit's survival without it)
     * can be cached with the version it was computed at, and is valid while the version stays.
     */
    final long[] version;
    private long versions;

    UnitAssignment(WtaProblem problem, int[] x) {
        nT = problem.targets();
        values = problem.valueArray();
        p = problem.killMatrix();
        q = problem.survivalMatrix();
        n = problem.totalUnits();
        type = new int[n];
        target = new int[n];
        int u = 0;
        int nW = problem.weaponTypes();
        for (int w = 0; w < nW; w++) {
            int placed = 0;
            for (int t = 0; t < nT; t++) {
                for (int k = 0; k < x[w * nT + t]; k++) {
                    type[u] = w;
                    target[u++] = t;
                    placed++;
                }
            }
            // Unassigned units go to the first target with room; an extra unit never raises the objective.
            for (; placed < problem.count(w); placed++) {
                type[u] = w;
                target[u++] = -1;
            }
        }
        prod = new double[nT];
        version = new long[nT];
        zeros = new int[nT];
        on = new int[nT];
        cap = new int[nT];
        for (int t = 0; t < nT; t++) {
            cap[t] = problem.maxUnits(t);
        }
        for (int v = 0; v < n; v++) {
            if (target[v] >= 0) {
                on[target[v]]++;
            }
        }
        for (int v = 0, t = 0; v < n; v++) {
            if (target[v] < 0) {
                while (on[t] >= cap[t]) {
                    t++;
                }
                target[v] = t;
                on[t]++;
            }
        }
        rebuild();
    }

    /** Whether target {@code t} can take one more unit. */
    boolean room(int t) {
        return on[t] < cap[t];
    }

    /** Recomputes the per-target products from the unit targets. */
    void rebuild() {
        for (int t = 0; t < nT; t++) {
            version[t] = ++versions;
        }
        java.util.Arrays.fill(prod, 1.0);
        java.util.Arrays.fill(zeros, 0);
        java.util.Arrays.fill(on, 0);
        for (int u = 0; u < n; u++) {
            multiply(target[u], q[type[u] * nT + target[u]]);
            on[target[u]]++;
        }
    }

    private void multiply(int t, double f) {
        version[t] = ++versions;
        if (f == 0) {
            zeros[t]++;
        } else {
            prod[t] *= f;
        }
    }

    private void divide(int t, double f) {
        version[t] = ++versions;
        if (f == 0) {
            zeros[t]--;
        } else {
            prod[t] /= f;
        }
    }

    /** Survival probability of target {@code t}. */
    double survival(int t) {
        return zeros[t] > 0 ? 0 : prod[t];
    }

    /** Survival probability of unit {@code u}'s target if {@code u} were taken off it. */
    double survivalWithout(int u) {
        int a = target[u];
        double f = q[type[u] * nT + a];
        if (f == 0) {
            return zeros[a] > 1 ? 0 : prod[a];
        }
        return zeros[a] > 0 ? 0 : prod[a] / f;
    }

    /**
     * Change of the objective if unit {@code u} moved to target {@code b} (not its own):
     * {@code V_b S_b p_ub} is gained on {@code b}, {@code V_a S_a' p_ua} lost on its target {@code a},
     * {@code S_a'} the survival of {@code a} without {@code u}. O(1).
     */
    double moveDelta(int u, int b) {
        int a = target[u];
        int base = type[u] * nT;
        return values[a] * survivalWithout(u) * p[base + a] - values[b] * survival(b) * p[base + b];
    }

    /**
     * Change of the objective if units {@code u} and {@code o}, on different targets, traded
     * targets. O(1).
     */
    double swapDelta(int u, int o) {
        int a = target[u];
        int b = target[o];
        return values[a] * (survivalWithout(u) * q[type[o] * nT + a] - survival(a))
                + values[b] * (survivalWithout(o) * q[type[u] * nT + b] - survival(b));
    }

    /** Takes unit {@code u} off its target, leaving it unassigned (target -1). */
    void remove(int u) {
        int a = target[u];
        divide(a, q[type[u] * nT + a]);
        on[a]--;
        target[u] = -1;
    }

    /** Puts the unassigned unit {@code u} on target {@code b}. */
    void place(int u, int b) {
        multiply(b, q[type[u] * nT + b]);
        on[b]++;
        target[u] = b;
    }

    /** Moves unit {@code u} to target {@code b}. */
    void move(int u, int b) {
        int a = target[u];
        int base = type[u] * nT;
        divide(a, q[base + a]);
        multiply(b, q[base + b]);
        on[a]--;
        on[b]++;
        target[u] = b;
    }

    /** The objective from the maintained products. */
    double objective() {
        double f = 0;
        for (int t = 0; t < nT; t++) {
            f += values[t] * survival(t);
        }
        return f;
    }

    /** Flat row-major counts {@code x[w * T + t]}. */
    int[] counts(int nW) {
        int[] x = new int[nW * nT];
        for (int u = 0; u < n; u++) {
            x[type[u] * nT + target[u]]++;
        }
        return x;
    }
}
