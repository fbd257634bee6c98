package dev.bulwark.engine.assign.wta;

import dev.bulwark.engine.track.associate.SparseAssignment;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The assignment round of {@link LocalSearchWtaSolver}: take one unit, drawn at random, off each
 * occupied target (each kept with a given probability), and put the removed units back so that
 * each target receives at most one of them, by an exact linear assignment: with every other unit
 * fixed, unit {@code u} on target {@code t} then gains exactly {@code V_t S_t p_ut}. The old
 * places are one candidate, so the round never makes the objective worse.
 *
 * <p>Small rounds ({@code k^2 T} at most {@link LocalSearchWtaSolver#DENSE_MAX_WORK}, k removed
 * units, T targets) are solved on the full k x T matrix by {@link LinearAssignment}. Larger ones
 * keep only candidate pairs: each unit's old target, each unit's
 * {@link LocalSearchWtaSolver#CANDIDATES} best targets and each target's as many best units
 * (the targets' lists matter: many units share the same few best targets), and solve that sparse
 * problem exactly with the tracker's {@link SparseAssignment} (the same Jonker–Volgenant
 * shortest augmenting paths, with a row's option to stay out priced above any gain); the result is then the best re-placement among
 * those pairs only. One owner.
 */
final class Replacement {

    private final UnitAssignment s;
    private final int nT;
    private final int[] pick;
    private final int[] seen;
    private final int[] rows;
    private final int[] own;
    private final int[] rowTo;
    private final double[] cost;
    private final boolean[] listed;
    private final int[] first;
    private final int[] edgeCol;
    private final double[] edgeCost;
    private final double[] topCost;
    private final int[] topIndex;
    private final double barred;
    private LinearAssignment dense;
    /** Solver of the rounds that remove a unit from every target, warm-started from the previous such round. */
    private LinearAssignment square;
    private final boolean warm;
    private final SparseAssignment sparse = new SparseAssignment();
    private double[] leave = new double[0];
    private final CycleAssignment cycles;
    private final double[] factor;
    private final boolean[] closed;
    private final int[] offset;
    /** Units that a triggered round keeps in place. */
    private final boolean[] fixed;
    private final int[] fixedList;

    Replacement(UnitAssignment s, double totalValue) {
        this(s, totalValue, false);
    }

    /**
     * @param warm whether the square rounds ({@code k = T}: every target gives up a unit) start from
     *             the column potentials of the previous square round
     *             ({@link LinearAssignment#solve(int, int, double[], int, int[], boolean)})
     */
    Replacement(UnitAssignment s, double totalValue, boolean warm) {
        this(s, totalValue, warm, false);
    }

    /**
     * @param byCycles whether rounds of at least {@link LocalSearchWtaSolver#CYCLE_MIN_CELLS} cells
     *                 ({@code k T}) are solved by {@link CycleAssignment} from the old places (same
     *                 optimum, ties possibly broken otherwise, and only the targets that changed are
     *                 marked for the descent) rather than by {@link LinearAssignment}
     */
    Replacement(UnitAssignment s, double totalValue, boolean warm, boolean byCycles) {
        this.warm = warm;
        this.s = s;
        nT = s.nT;
        pick = new int[nT];
        seen = new int[nT];
        rows = new int[nT];
        own = new int[nT];
        rowTo = new int[nT];
        cost = new double[nT * nT];
        listed = new boolean[nT * nT];
        first = new int[nT + 1];
        int c = LocalSearchWtaSolver.CANDIDATES;
        edgeCol = new int[nT * (2 * c + 1)];
        edgeCost = new double[nT * (2 * c + 1)];
        topCost = new double[c];
        topIndex = new int[c];
        fixed = new boolean[s.n];
        fixedList = new int[s.n];
        if (byCycles) {
            cycles = new CycleAssignment(Math.min(nT, s.n), nT, s.n);
            factor = new double[nT];
            closed = new boolean[nT];
            offset = new int[nT];
        } else {
            cycles = null;
            factor = null;
            closed = null;
            offset = null;
        }
        // A full target gets a cost no assignment of the free targets reaches; each removed
        // unit's own target has room again, so an assignment avoiding such cells exists.
        barred = 1e6 * (totalValue + 1);
    }

    /**
     * One round; {@code marks} receives every target whose units changed.
     *
     * @param frac probability that an occupied target gives up a unit
     * @return number of units removed and re-placed
     */
    int apply(SplittableRandom rnd, double frac, IntConsumer marks) {
        return apply(rnd, frac, marks, false);
    }

    /**
     * Triggered round: moves {@code triggers} random units each to the target with room where it
     * now gains most other than its own (one time in three the second best), then a full round in
     * which those units stay where they were moved. A single move that the descent would undo (every
     * one, at a local optimum) becomes part of an exchange: the round re-places one unit of every
     * occupied target around it, so that a target can change its number of units (a unit leaves a
     * target with two for one with one) together with the cycle of re-placements that makes it pay.
     * The round can make the objective worse; the solver's acceptance rule decides.
     *
     * @return number of units re-placed by the round
     */
    int applyTriggered(SplittableRandom rnd, int triggers, IntConsumer marks) {
        int count = 0;
        for (int x = 0; x < triggers; x++) {
            int u = rnd.nextInt(s.n);
            int from = s.target[u];
            int base = s.type[u] * nT;
            double g1 = -1;
            double g2 = -1;
            int t1 = -1;
            int t2 = -1;
            for (int t = 0; t < nT; t++) {
                if (t != from && s.room(t)) {
                    double g = s.values[t] * s.survival(t) * s.p[base + t];
                    if (g > g1) {
                        g2 = g1;
                        t2 = t1;
                        g1 = g;
                        t1 = t;
                    } else if (g > g2) {
                        g2 = g;
                        t2 = t;
                    }
                }
            }
            int to = t2 >= 0 && rnd.nextInt(3) == 0 ? t2 : t1;
            if (to < 0 || fixed[u]) {
                continue;
            }
            marks.accept(from);
            marks.accept(to);
            s.move(u, to);
            fixed[u] = true;
            fixedList[count++] = u;
        }
        int k = apply(rnd, 1.0, marks, true);
        for (int x = 0; x < count; x++) {
            fixed[fixedList[x]] = false;
        }
        return k;
    }

    /**
     * @param skipFixed whether the units marked in {@link #fixed} stay where they are (are never drawn)
     */
    private int apply(SplittableRandom rnd, double frac, IntConsumer marks, boolean skipFixed) {
        // One unit drawn uniformly from each occupied target (reservoir sampling), kept with probability frac.
        Arrays.fill(seen, 0);
        for (int u = 0; u < s.n; u++) {
            if (skipFixed && fixed[u]) {
                continue;
            }
            int t = s.target[u];
            if (rnd.nextInt(++seen[t]) == 0) {
                pick[t] = u;
            }
        }
        int k = 0;
        for (int t = 0; t < nT; t++) {
            if (seen[t] > 0 && (frac >= 1 || rnd.nextDouble() < frac)) {
                rows[k++] = pick[t];
            }
        }
        if (k == 0) {
            return 0;
        }
        boolean byCycles = cycles != null && (long) k * nT >= LocalSearchWtaSolver.CYCLE_MIN_CELLS;
        for (int i = 0; i < k; i++) {
            own[i] = s.target[rows[i]];
            if (!byCycles) {
                marks.accept(own[i]);
            }
            s.remove(rows[i]);
        }
        if (byCycles) {
            solveByCycles(k);
            for (int i = 0; i < k; i++) {
                s.place(rows[i], rowTo[i]);
                // only the targets whose units changed need the descent's attention
                if (rowTo[i] != own[i]) {
                    marks.accept(own[i]);
                    marks.accept(rowTo[i]);
                }
            }
            return k;
        }
        for (int i = 0; i < k; i++) {
            int base = s.type[rows[i]] * nT;
            int row = i * nT;
            for (int t = 0; t < nT; t++) {
                cost[row + t] = s.room(t) ? -s.values[t] * s.survival(t) * s.p[base + t] : barred;
            }
        }
        if ((long) k * k * nT <= LocalSearchWtaSolver.DENSE_MAX_WORK) {
            if (dense == null) {
                dense = new LinearAssignment(nT, nT);
                square = new LinearAssignment(nT, nT);
            }
            if (k == nT && warm) {
                square.solve(k, nT, cost, nT, rowTo, true);
            } else {
                dense.solve(k, nT, cost, nT, rowTo);
            }
        } else {
            solveSparse(k);
        }
        for (int i = 0; i < k; i++) {
            s.place(rows[i], rowTo[i]);
            marks.accept(rowTo[i]);
        }
        return k;
    }

    /**
     * The re-placement by {@link CycleAssignment}, from the old places: unit {@code u} on target
     * {@code t} costs {@code a_t p_ut} with {@code a_t = -V_t S_t}; full targets are closed.
     */
    private void solveByCycles(int k) {
        double scale = 0;
        for (int t = 0; t < nT; t++) {
            closed[t] = !s.room(t);
            factor[t] = closed[t] ? 0 : -s.values[t] * s.survival(t);
            scale = Math.max(scale, -factor[t]);
        }
        for (int i = 0; i < k; i++) {
            offset[i] = s.type[rows[i]] * nT;
        }
        cycles.solve(k, nT, factor, s.p, offset, closed, scale, own, LocalSearchWtaSolver.CYCLE_CANDIDATES, rowTo,
                true, rows);
    }

    private void solveSparse(int k) {
        int c = LocalSearchWtaSolver.CANDIDATES;
        for (int i = 0; i < k; i++) {
            Arrays.fill(listed, i * nT, (i + 1) * nT, false);
            listed[i * nT + own[i]] = true;
        }
        for (int t = 0; t < nT; t++) {
            if (s.room(t)) {
                int len = 0;
                for (int i = 0; i < k; i++) {
                    len = Smallest.offer(topCost, topIndex, len, c, cost[i * nT + t], i);
                }
                for (int x = 0; x < len; x++) {
                    listed[topIndex[x] * nT + t] = true;
                }
            }
        }
        for (int i = 0; i < k; i++) {
            int row = i * nT;
            int len = 0;
            for (int t = 0; t < nT; t++) {
                if (cost[row + t] < barred) {
                    len = Smallest.offer(topCost, topIndex, len, c, cost[row + t], t);
                }
            }
            for (int x = 0; x < len; x++) {
                listed[row + topIndex[x]] = true;
            }
        }
        int e = 0;
        for (int i = 0; i < k; i++) {
            first[i] = e;
            int row = i * nT;
            for (int t = 0; t < nT; t++) {
                if (listed[row + t]) {
                    edgeCol[e] = t;
                    edgeCost[e++] = cost[row + t];
                }
            }
        }
        first[k] = e;
        // the tracker's sparse solver lets a row stay out at a cost; leaving one out costs more than
        // any complete assignment (which exists: the old places are listed) can save
        double bound = 1;
        for (int x = 0; x < e; x++) {
            bound += Math.abs(edgeCost[x]);
        }
        if (leave.length < k) {
            leave = new double[k];
        }
        Arrays.fill(leave, 0, k, 2 * bound);
        sparse.solve(k, nT, first, edgeCol, edgeCost, leave);
        for (int i = 0; i < k; i++) {
            rowTo[i] = sparse.columnOf(i);
            if (rowTo[i] < 0) {
                // cannot happen (see above); keep the old places
                System.arraycopy(own, 0, rowTo, 0, k);
                return;
            }
        }
    }
}
