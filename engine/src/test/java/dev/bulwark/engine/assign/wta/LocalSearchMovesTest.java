package dev.bulwark.engine.assign.wta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.track.associate.SparseAssignment;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pieces of {@link LocalSearchWtaSolver}: the O(1) move and swap deltas against a full
 * recomputation of the objective, the assignment solvers against enumeration, the two kinds of
 * round (feasible, the assignment round never worse), the descent's local optimality and the
 * determinism of the whole search on an instance large enough for the sparse re-placement.
 */
class LocalSearchMovesTest {

    /** Random instance; with {@code limits}, targets take at most 1 to 3 units, enough for all units. */
    private static WtaProblem random(SplittableRandom r, boolean limits) {
        return RandomProblems.random(r, 5, 2, 7, 3, 1, limits);
    }

    private static double objective(WtaProblem pr, UnitAssignment s) {
        return pr.objective(s.counts(pr.weaponTypes()));
    }

    @Test
    void moveAndSwapDeltasEqualTheRecomputedObjective() {
        SplittableRandom r = new SplittableRandom(5);
        int moves = 0;
        int swaps = 0;
        for (int it = 0; it < 400; it++) {
            WtaProblem pr = random(r, false);
            UnitAssignment s = new UnitAssignment(pr, GreedyWtaSolver.assign(pr));
            if (s.n == 0) {
                continue;
            }
            for (int step = 0; step < 30; step++) {
                double before = objective(pr, s);
                double tol = 1e-9 * Math.max(1, pr.totalValue());
                int u = r.nextInt(s.n);
                if (r.nextBoolean()) {
                    int b = r.nextInt(s.nT);
                    if (b == s.target[u]) {
                        continue;
                    }
                    double delta = s.moveDelta(u, b);
                    s.move(u, b);
                    moves++;
                    assertThat(objective(pr, s) - before).isCloseTo(delta, within(tol));
                } else {
                    int o = r.nextInt(s.n);
                    if (s.target[o] == s.target[u]) {
                        continue;
                    }
                    double delta = s.swapDelta(u, o);
                    int a = s.target[u];
                    s.move(u, s.target[o]);
                    s.move(o, a);
                    swaps++;
                    assertThat(objective(pr, s) - before).isCloseTo(delta, within(tol));
                }
                // the maintained products agree with the unit targets, zero factors included
                assertThat(s.objective()).isCloseTo(objective(pr, s), within(tol));
                for (int t = 0; t < s.nT; t++) {
                    double prod = 1;
                    for (int v = 0; v < s.n; v++) {
                        if (s.target[v] == t) {
                            prod *= s.q[s.type[v] * s.nT + t];
                        }
                    }
                    assertThat(s.survival(t)).isCloseTo(prod, within(1e-12));
                }
            }
        }
        assertThat(moves).isGreaterThan(1000);
        assertThat(swaps).isGreaterThan(1000);
    }

    /** Smallest total cost over all assignments of the n rows to distinct columns with finite cost. */
    private static double enumerate(int n, int m, double[] cost, int row, boolean[] used) {
        if (row == n) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (!used[j] && Double.isFinite(cost[row * m + j])) {
                used[j] = true;
                best = Math.min(best, cost[row * m + j] + enumerate(n, m, cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void warmStartedSquareAssignmentsAreOptimalWithFeasibleDuals() {
        SplittableRandom r = new SplittableRandom(5);
        LinearAssignment warm = new LinearAssignment(40, 40);
        LinearAssignment cold = new LinearAssignment(40, 40);
        double[] c = new double[0];
        int n = 0;
        for (int it = 0; it < 400; it++) {
            if (it % 50 == 0) {
                // a new size now and then: the warm start must then start cold
                n = 1 + r.nextInt(40);
                c = new double[n * n];
                for (int x = 0; x < c.length; x++) {
                    c[x] = -10 * r.nextDouble();
                }
            }
            // successive matrices alike, as in successive rounds: change a few rows, with ties and barred cells
            for (int change = r.nextInt(1 + n / 4); change >= 0; change--) {
                int i = r.nextInt(n);
                for (int j = 0; j < n; j++) {
                    int kind = r.nextInt(8);
                    c[i * n + j] = kind == 0 ? -r.nextInt(3) : kind == 1 ? 1e6 : -10 * r.nextDouble();
                }
            }
            int[] to = new int[n];
            double total = warm.solve(n, n, c, n, to, true);
            int[] ref = new int[n];
            double reference = cold.solve(n, n, c, n, ref);
            assertThat(total).as("step %d", it).isCloseTo(reference, within(1e-9 * (1 + Math.abs(reference))));
            assertDistinct(to, n);
            double check = 0;
            double duals = 0;
            for (int i = 0; i < n; i++) {
                check += c[i * n + to[i]];
                duals += warm.rowDual(i) + warm.columnDual(i);
                for (int j = 0; j < n; j++) {
                    assertThat(warm.rowDual(i) + warm.columnDual(j)).isLessThanOrEqualTo(c[i * n + j] + 1e-6);
                }
            }
            assertThat(check).isCloseTo(total, within(1e-6));
            assertThat(duals).isCloseTo(total, within(1e-6));
        }
    }

    @Test
    void denseAndSparseAssignmentsEqualEnumeration() {
        SplittableRandom r = new SplittableRandom(11);
        LinearAssignment dense = new LinearAssignment(7, 10);
        SparseAssignment sparse = new SparseAssignment();
        for (int it = 0; it < 1500; it++) {
            int n = 1 + r.nextInt(7);
            int m = n + r.nextInt(4);
            double[] full = new double[n * m];
            double[] listedOnly = new double[n * m];
            int[] first = new int[n + 1];
            int[] col = new int[n * m];
            double[] cost = new double[n * m];
            int e = 0;
            for (int i = 0; i < n; i++) {
                first[i] = e;
                for (int j = 0; j < m; j++) {
                    // ties are common, as with units of one type
                    full[i * m + j] = r.nextInt(4) == 0 ? -r.nextInt(3) : -10 * r.nextDouble();
                    // the diagonal is always listed, so a complete assignment exists
                    boolean listed = j == i || r.nextInt(3) == 0;
                    listedOnly[i * m + j] = listed ? full[i * m + j] : Double.POSITIVE_INFINITY;
                    if (listed) {
                        col[e] = j;
                        cost[e++] = full[i * m + j];
                    }
                }
            }
            first[n] = e;
            int[] to = new int[n];
            double d = dense.solve(n, m, full, m, to);
            assertThat(d).isCloseTo(enumerate(n, m, full, 0, new boolean[m]), within(1e-9));
            assertDistinct(to, m);
            double[] leave = new double[n];
            Arrays.fill(leave, 1e6); // no row is left out: every one has a listed place
            double sp = sparse.solve(n, m, first, col, cost, leave);
            for (int i = 0; i < n; i++) {
                to[i] = sparse.columnOf(i);
            }
            assertThat(sp).isCloseTo(enumerate(n, m, listedOnly, 0, new boolean[m]), within(1e-9));
            assertDistinct(to, m);
            double check = 0;
            for (int i = 0; i < n; i++) {
                check += listedOnly[i * m + to[i]];
            }
            assertThat(check).isCloseTo(sp, within(1e-9));
        }
    }

    private static void assertDistinct(int[] to, int m) {
        assertThat(Arrays.stream(to).distinct().count()).isEqualTo(to.length);
        assertThat(Arrays.stream(to).allMatch(j -> j >= 0 && j < m)).isTrue();
    }

    @Test
    void roundsKeepEveryUnitOnATargetWithinItsLimitAndTheAssignmentRoundNeverWorsens() {
        SplittableRandom r = new SplittableRandom(17);
        for (int it = 0; it < 300; it++) {
            WtaProblem pr = random(r, it % 2 == 0);
            UnitAssignment s = new UnitAssignment(pr, GreedyWtaSolver.assign(pr));
            if (s.n == 0) {
                continue;
            }
            Replacement replacement = new Replacement(s, pr.totalValue());
            RuinRecreate ruin = new RuinRecreate(s, pr.weaponTypes());
            for (int round = 0; round < 20; round++) {
                int[] before = s.target.clone();
                double f0 = objective(pr, s);
                boolean[] marked = new boolean[s.nT];
                if (round % 2 == 0) {
                    replacement.apply(r, round % 4 == 0 ? 1.0 : 0.5, t -> marked[t] = true);
                    assertThat(objective(pr, s)).isLessThanOrEqualTo(f0 + 1e-9 * Math.max(1, pr.totalValue()));
                } else {
                    ruin.apply(r, 2 + r.nextInt(4), t -> marked[t] = true);
                }
                // feasible (the WtaSolution constructor checks counts and limits) and every change marked
                new WtaSolution(pr, s.counts(pr.weaponTypes()), Double.NaN, false, "test", 0);
                for (int u = 0; u < s.n; u++) {
                    if (before[u] != s.target[u]) {
                        assertThat(marked[before[u]] && marked[s.target[u]]).isTrue();
                    }
                }
                s.rebuild();
            }
        }
    }

    @Test
    void roundsSolvedByCancellingCyclesReachTheDenseRoundsObjectiveAndMarkEveryChange() {
        SplittableRandom r = new SplittableRandom(29);
        int cycleRounds = 0;
        for (int it = 0; it < 24; it++) {
            // 100 to 139 targets and up to 14 x 40 units: rounds of k T >= 10,000 cells take the cycle path
            WtaProblem pr = RandomProblems.random(r, 14, 100, 40, 40, 1, it % 2 == 0);
            UnitAssignment a = new UnitAssignment(pr, GreedyWtaSolver.assign(pr));
            UnitAssignment b = new UnitAssignment(pr, GreedyWtaSolver.assign(pr));
            Replacement dense = new Replacement(a, pr.totalValue(), true, false);
            Replacement cycles = new Replacement(b, pr.totalValue(), true, true);
            for (int round = 0; round < 12; round++) {
                long seed = r.nextLong();
                double frac = round % 3 == 0 ? 0.5 : 1.0;
                double f0 = objective(pr, b);
                int[] before = b.target.clone();
                boolean[] marked = new boolean[b.nT];
                int k = cycles.apply(new SplittableRandom(seed), frac, t -> marked[t] = true);
                dense.apply(new SplittableRandom(seed), frac, t -> { });
                if ((long) k * b.nT >= LocalSearchWtaSolver.CYCLE_MIN_CELLS) {
                    cycleRounds++;
                }
                double tol = 1e-9 * Math.max(1, pr.totalValue());
                // the same units drawn and both optimal: the same objective, ties apart
                assertThat(objective(pr, b)).isCloseTo(objective(pr, a), within(tol));
                assertThat(objective(pr, b)).isLessThanOrEqualTo(f0 + tol);
                new WtaSolution(pr, b.counts(pr.weaponTypes()), Double.NaN, false, "test", 0);
                for (int u = 0; u < b.n; u++) {
                    if (before[u] != b.target[u]) {
                        assertThat(marked[before[u]] && marked[b.target[u]]).isTrue();
                    }
                }
                // continue both from the same state
                System.arraycopy(b.target, 0, a.target, 0, a.n);
                a.rebuild();
                b.rebuild();
            }
        }
        assertThat(cycleRounds).isGreaterThan(100);
    }

    @Test
    void triggeredRoundsKeepUnitLimitsMarkEveryChangeAndDependOnlyOnTheSeed() {
        SplittableRandom r = new SplittableRandom(31);
        int changed = 0;
        for (int it = 0; it < 200; it++) {
            boolean big = it % 4 == 0;
            WtaProblem pr = big ? RandomProblems.random(r, 14, 100, 40, 40, 1, it % 8 == 0) : random(r, it % 2 == 0);
            UnitAssignment s = new UnitAssignment(pr, GreedyWtaSolver.assign(pr));
            UnitAssignment twin = new UnitAssignment(pr, GreedyWtaSolver.assign(pr));
            if (s.n == 0) {
                continue;
            }
            Replacement replacement = new Replacement(s, pr.totalValue(), true, big);
            Replacement other = new Replacement(twin, pr.totalValue(), true, big);
            for (int round = 0; round < 10; round++) {
                int[] before = s.target.clone();
                boolean[] marked = new boolean[s.nT];
                long seed = r.nextLong();
                replacement.applyTriggered(new SplittableRandom(seed), 1 + round % 3, t -> marked[t] = true);
                other.applyTriggered(new SplittableRandom(seed), 1 + round % 3, t -> { });
                assertThat(twin.target).isEqualTo(s.target);
                new WtaSolution(pr, s.counts(pr.weaponTypes()), Double.NaN, false, "test", 0);
                for (int u = 0; u < s.n; u++) {
                    if (before[u] != s.target[u]) {
                        changed++;
                        assertThat(marked[before[u]] && marked[s.target[u]]).isTrue();
                    }
                }
                s.rebuild();
                twin.rebuild();
            }
        }
        assertThat(changed).isGreaterThan(1000);
    }

    @Test
    void theResultIsALocalOptimumOfMovesAndSwaps() {
        SplittableRandom r = new SplittableRandom(23);
        for (int it = 0; it < 206; it++) {
            // the last six large enough for the rounds by cycle cancelling and the triggered rounds
            WtaProblem pr = it < 200 ? random(r, false) : RandomProblems.random(r, 14, 100, 40, 40, 1, it % 2 == 0);
            // 0 rounds: the descent from the greedy start; 300: past several kicks on these small instances
            WtaSolution sol = new LocalSearchWtaSolver(it, it % 3 == 0 ? 0 : it % 3 == 1 ? 20 : 300, 60).solve(pr);
            UnitAssignment s = new UnitAssignment(pr, sol.assignment());
            double tol = 1e-9 * Math.max(1, pr.totalValue());
            for (int u = 0; u < s.n; u++) {
                for (int b = 0; b < s.nT; b++) {
                    // a target at its limit of units takes none by a move (a swap keeps the counts)
                    if (b != s.target[u] && s.room(b)) {
                        assertThat(s.moveDelta(u, b)).isGreaterThan(-tol);
                    }
                }
                for (int o = 0; o < s.n; o++) {
                    if (s.target[o] != s.target[u] && s.type[o] != s.type[u]) {
                        assertThat(s.swapDelta(u, o)).isGreaterThan(-tol);
                    }
                }
            }
        }
    }

    @Test
    void sameSeedAndRoundsGiveTheSameAnswerAlsoOnTheSparsePath() {
        // 500 units on 480 targets: a full assignment round has k^2 T above the dense limit once
        // 457 targets are occupied, and there are more units than targets, so ruin rounds run too
        WtaProblem pr = WtaInstances.ahuja(250, 480, 2, 3);
        assertThat(470L * 470 * 480).isGreaterThan(LocalSearchWtaSolver.DENSE_MAX_WORK);
        int rounds = 40;
        WtaSolution a = new LocalSearchWtaSolver(7, rounds, 600).solve(pr);
        WtaSolution b = new LocalSearchWtaSolver(7, rounds, 600).solve(pr);
        assertThat(a.assignment()).isEqualTo(b.assignment());
        assertThat(a.nodes()).isEqualTo(rounds);
        assertThat(a.objective()).isLessThan(new GreedyWtaSolver().solve(pr).objective());
    }
}
