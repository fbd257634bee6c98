package dev.bulwark.engine.assign.wta;

/**
 * Exact solver for small problems: depth-first branch and bound over the units, one unit per
 * level, started from the {@link LocalSearchWtaSolver heuristic}'s assignment.
 *
 * <p>Bound: with the units above a node fixed, target {@code t} keeps residual value {@code C_t}.
 * Whatever the completion, order the remaining units on each target; the k-th unit
 * ({@code k = 0, 1, ...}) on {@code t} removes exactly {@code C_t p_ut} times the survival of the k
 * units before it, which is at most {@code C_t p_ut Q_t(k)}, {@code Q_t(k)} the product of the k
 * largest survival probabilities {@code 1 - p} of the remaining units against {@code t}. Every
 * completion is therefore an assignment of the remaining units to distinct (target, rank) slots
 * whose slot gains add up to at least its true decrease, and the maximum-weight such assignment,
 * found with the {@link LinearAssignment Hungarian method}, bounds the decrease. This is the
 * minimum-cost-flow lower bound of Ahuja, Kumar, Jha and Orlin, Operations Research 55(6) 2007,
 * section 4.2, applied at every node.
 *
 * <p>Units of one weapon type are interchangeable, so a unit never goes to a lower-numbered target
 * than the previous unit of its type. Children are tried best marginal return first. A node is
 * pruned when its bound is within a relative 1e-9 of the incumbent, so "optimal" means optimal to
 * that tolerance. When the node or time limit is hit the best assignment found is returned with
 * {@link WtaSolution#provenOptimal()} false and the root bound as {@link WtaSolution#lowerBound()}.
 * The search is exponential in the number of units: meant for up to about 20 units, for tests and
 * for measuring the heuristics' gaps.
 */
public final class BranchAndBoundWtaSolver implements WtaSolver {

    /** Name recorded in the solutions. */
    public static final String NAME = "exact";

    private static final double PRUNE_TOLERANCE = 1e-9;

    private final long nodeLimit;
    private final double timeLimitS;

    /**
     * @param nodeLimit  most search nodes, at least 1
     * @param timeLimitS wall-time limit (s), greater than 0
     */
    public BranchAndBoundWtaSolver(long nodeLimit, double timeLimitS) {
        if (nodeLimit < 1) {
            throw new IllegalArgumentException("the node limit must be >= 1, got " + nodeLimit);
        }
        if (!(timeLimitS > 0)) {
            throw new IllegalArgumentException("the time limit must be > 0 s, got " + timeLimitS);
        }
        this.nodeLimit = nodeLimit;
        this.timeLimitS = timeLimitS;
    }

    /** 100 million nodes, 60 s. */
    public BranchAndBoundWtaSolver() {
        this(100_000_000L, 60);
    }

    /** Largest bound matrix (units x targets x units) accepted: about 160 MB of doubles. */
    static final long MAX_BOUND_ENTRIES = 20_000_000L;

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the problem is too large for this solver's bound
     */
    @Override
    public WtaSolution solve(WtaProblem problem) {
        long n = problem.totalUnits();
        if (n * n * problem.targets() > MAX_BOUND_ENTRIES) {
            throw new IllegalArgumentException("the exact solver is for small problems: " + n + " units and "
                    + problem.targets() + " targets need a bound matrix of " + n * n * problem.targets()
                    + " entries, more than " + MAX_BOUND_ENTRIES + "; use the heuristic (" + LocalSearchWtaSolver.NAME
                    + ")");
        }
        WtaSolution start = new LocalSearchWtaSolver(1, 1_000, Math.min(1.0, timeLimitS)).solve(problem);
        Search s = new Search(problem, start, nodeLimit,
                System.nanoTime() + (long) Math.min(timeLimitS * 1e9, Long.MAX_VALUE / 4.0));
        s.run();
        if (s.complete) {
            return new WtaSolution(problem, s.bestX, s.incumbent, true, NAME, s.nodes);
        }
        return new WtaSolution(problem, s.bestX, Math.min(s.rootBound, s.incumbent), false, NAME, s.nodes);
    }

    /** One search: the working arrays, sized once. */
    private static final class Search {
        private final int nT;
        private final int n;
        private final int[] type;
        private final double[] p;
        private final double[] q;
        private final double[][] residual;
        private final int[][] order;
        private final double[][] gain;
        private final int[] target;
        private final double[] cost;
        private final double[] sortedQ;
        private final double[] rankProduct;
        private final int[] rowTo;
        private final LinearAssignment hungarian;
        private final long nodeLimit;
        private final long deadline;
        private final int nW;
        int[] bestX;
        double incumbent;
        double rootBound = Double.NEGATIVE_INFINITY;
        long nodes;
        boolean complete = true;

        Search(WtaProblem problem, WtaSolution start, long nodeLimit, long deadline) {
            nT = problem.targets();
            nW = problem.weaponTypes();
            n = problem.totalUnits();
            p = problem.killMatrix();
            q = problem.survivalMatrix();
            type = new int[n];
            for (int w = 0, u = 0; w < nW; w++) {
                for (int k = 0; k < problem.count(w); k++) {
                    type[u++] = w;
                }
            }
            residual = new double[n + 1][nT];
            residual[0] = problem.values();
            order = new int[n][nT];
            gain = new double[n][nT];
            target = new int[n];
            cost = new double[Math.max(1, n * nT * n)];
            sortedQ = new double[n];
            rankProduct = new double[nT * Math.max(1, n)];
            rowTo = new int[Math.max(1, n)];
            hungarian = new LinearAssignment(n, nT * n);
            this.nodeLimit = nodeLimit;
            this.deadline = deadline;
            bestX = start.assignment();
            incumbent = start.objective();
        }

        void run() {
            branch(0);
        }

        private void branch(int depth) {
            nodes++;
            double[] c = residual[depth];
            if (depth == n) {
                double f = 0;
                for (int t = 0; t < nT; t++) {
                    f += c[t];
                }
                if (f < incumbent) {
                    incumbent = f;
                    int[] x = new int[nW * nT];
                    for (int u = 0; u < n; u++) {
                        x[type[u] * nT + target[u]]++;
                    }
                    bestX = x;
                }
                return;
            }
            double bound = bound(depth);
            if (depth == 0) {
                rootBound = bound;
            }
            if (bound >= incumbent - PRUNE_TOLERANCE * Math.abs(incumbent)) {
                return;
            }
            if (nodes >= nodeLimit || ((nodes & 255) == 0 && System.nanoTime() > deadline)) {
                complete = false;
                return;
            }
            int w = type[depth];
            int base = w * nT;
            int first = depth > 0 && type[depth - 1] == w ? target[depth - 1] : 0;
            int[] ord = order[depth];
            double[] g = gain[depth];
            int k = 0;
            for (int t = first; t < nT; t++) {
                double gt = c[t] * p[base + t];
                int i = k++;
                // Insertion sort, best gain first; T is small here.
                while (i > 0 && g[i - 1] < gt) {
                    g[i] = g[i - 1];
                    ord[i] = ord[i - 1];
                    i--;
                }
                g[i] = gt;
                ord[i] = t;
            }
            double[] child = residual[depth + 1];
            for (int i = 0; i < k && complete; i++) {
                int t = ord[i];
                System.arraycopy(c, 0, child, 0, nT);
                child[t] = c[t] * q[base + t];
                target[depth] = t;
                branch(depth + 1);
            }
        }

        /** Lower bound on the objective of every completion of the node at {@code depth}. */
        private double bound(int depth) {
            double[] c = residual[depth];
            int r = n - depth;
            double total = 0;
            for (int t = 0; t < nT; t++) {
                total += c[t];
            }
            // Q_t(k): product of the k largest survival probabilities of the remaining units at t.
            for (int t = 0; t < nT; t++) {
                for (int i = 0; i < r; i++) {
                    double v = q[type[depth + i] * nT + t];
                    int j = i;
                    while (j > 0 && sortedQ[j - 1] < v) {
                        sortedQ[j] = sortedQ[j - 1];
                        j--;
                    }
                    sortedQ[j] = v;
                }
                double prod = 1;
                for (int k = 0; k < r; k++) {
                    rankProduct[t * r + k] = prod;
                    prod *= sortedQ[k];
                }
            }
            int m = nT * r;
            for (int i = 0; i < r; i++) {
                int base = type[depth + i] * nT;
                int row = i * m;
                for (int t = 0; t < nT; t++) {
                    double g = c[t] * p[base + t];
                    for (int k = 0; k < r; k++) {
                        cost[row + t * r + k] = -g * rankProduct[t * r + k];
                    }
                }
            }
            double decrease = -hungarian.solve(r, m, cost, m, rowTo);
            // The objective is never negative; the bound can be, when many units could stack.
            return Math.max(0, total - decrease);
        }
    }
}
