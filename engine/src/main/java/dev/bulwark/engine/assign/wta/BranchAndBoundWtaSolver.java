package dev.bulwark.engine.assign.wta;

/**
 * Exact solver for small problems: depth-first branch and bound over the units, one unit per
 * level, started from the {@link LocalSearchWtaSolver heuristic}'s assignment, bounded at every
 * node by a Lagrangian relaxation.
 *
 * <p>Bound: with the units above a node fixed, target {@code t} keeps residual value {@code C_t}.
 * Relaxing "each remaining unit goes to exactly one target" with one multiplier per unit splits the
 * rest into one small exact problem per target ({@link LagrangianBound}); any multipliers give a
 * valid lower bound, and they are improved by a few subgradient steps, warm-started from the
 * parent's. At the root the multipliers start from the dual values of the minimum-cost-flow
 * ("rank-slot") bound of Ahuja, Kumar, Jha and Orlin (Operations Research 55(6) 2007, section 4.2),
 * solved once with the {@link LinearAssignment Hungarian method}: whatever the completion, the k-th
 * unit ({@code k = 0, 1, ...}) on {@code t} removes at most {@code C_t p_ut Q_t(k)}, {@code Q_t(k)}
 * the product of the k largest survival probabilities of the remaining units against {@code t}, so
 * the best assignment of units to distinct (target, rank) slots bounds the decrease. With unit duals
 * {@code lambda_u} and slot duals {@code pi >= 0} of that assignment, every set S on a target costs
 * at least {@code C_t - sum of its slots' pi + lambda(S)} in the relaxation, so the Lagrangian bound
 * at those multipliers is already at least the rank-slot bound, and the ascent only raises it. The
 * maximum over the multipliers is the linear programming bound of the set-partitioning formulation
 * (one column per target and set of units) that Andersen, Pavlikov and Toffolo (Annals of
 * Operations Research 312, 2022) solve by column generation; on the Ahuja et al. instances with one
 * unit per type it usually equals the optimum, and the relaxed solution, when it uses every unit
 * exactly once, is itself an optimal completion and becomes the incumbent.
 *
 * <p>Units of one weapon type are interchangeable, so a unit never goes to a lower-numbered target
 * than the previous unit of its type. Children are tried best marginal return first. A node is
 * pruned when its bound is within a relative 1e-9 of the incumbent, so "optimal" means optimal to
 * that tolerance. When the node or time limit is hit the best assignment found is returned with
 * {@link WtaSolution#provenOptimal()} false and the root bound as {@link WtaSolution#lowerBound()}.
 *
 * <p>Unit limits per target ({@link WtaProblem#maxUnits}) are enforced by the branching (a full
 * target gets no child) and checked before a relaxed solution becomes the incumbent; the bounds
 * ignore them, which leaves them valid (a relaxation of a relaxation), only weaker.
 *
 * <p>Simplified and weak: the multipliers are found by plain subgradient steps, not a bundle or
 * column-generation method, so the bound at a node can stay well below its maximum; branching
 * follows the fixed unit order rather than the relaxed solution; the search is still exponential in
 * the number of units in the worst case. Measured (docs/benchmarks.md): 20 x 20 instances with
 * one unit per type and 10 types of 2 or 3 units x 20 targets are proven in well under a second.
 */
public final class BranchAndBoundWtaSolver implements WtaSolver {

    /** Name recorded in the solutions. */
    public static final String NAME = "exact";

    private static final double PRUNE_TOLERANCE = 1e-9;

    /** Most subgradient steps at the root. */
    static final int ROOT_ITERATIONS = 1_000;

    /** Root steps without a better bound after which the step factor is halved. */
    static final int ROOT_PATIENCE = 30;

    /** Most subgradient steps at every other node, warm-started from the parent's multipliers. */
    static final int NODE_ITERATIONS = 30;

    /** Node steps without a better bound after which the step factor is halved. */
    static final int NODE_PATIENCE = 10;

    /** Initial Polyak step factor at a node other than the root (1 at the root). */
    static final double NODE_STEP = 0.5;

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

    /**
     * The rank-slot (minimum-cost-flow) bound of Ahuja et al. at the root of {@code problem}, the
     * bound this solver used at every node before the Lagrangian one, before it is raised to 0 (it
     * is negative when many units could stack); for tests and reports.
     */
    static double rankSlotRootBound(WtaProblem problem) {
        Search s = new Search(problem, null, 1, Long.MAX_VALUE);
        return s.rankSlotBound(0, false);
    }

    /**
     * The Lagrangian bound at the root of {@code problem} after {@code iterations} subgradient
     * steps from the rank-slot duals, with {@code incumbent} as the step target; for tests and reports.
     */
    static double lagrangianRootBound(WtaProblem problem, double incumbent, int iterations) {
        Search s = new Search(problem, null, 1, Long.MAX_VALUE);
        s.incumbent = incumbent;
        s.rootBound(iterations);
        return s.rootLagrangian;
    }

    /** One search: the working arrays, sized once. */
    private static final class Search {
        private final int nT;
        private final int n;
        private final int[] type;
        private final double[] p;
        private final double[] q;
        private final double[][] residual;
        private final double[][] lambda;
        private final int[][] order;
        private final double[][] gain;
        private final int[] target;
        private final double[] cost;
        private final double[] sortedQ;
        private final double[] rankProduct;
        private final int[] rowTo;
        private final LinearAssignment hungarian;
        private final LagrangianBound lagrangian;
        private final long nodeLimit;
        private final long deadline;
        private final int nW;
        /** Units fixed on each target above the current node, and the most each may take. */
        private final int[] on;
        private final int[] cap;
        int[] bestX;
        double incumbent = Double.POSITIVE_INFINITY;
        double rootBound = Double.NEGATIVE_INFINITY;
        double rootLagrangian = Double.NEGATIVE_INFINITY;
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
            lambda = new double[n + 1][Math.max(1, n)];
            order = new int[n][nT];
            gain = new double[n][nT];
            target = new int[n];
            cost = new double[Math.max(1, n * nT * n)];
            sortedQ = new double[n];
            rankProduct = new double[nT * Math.max(1, n)];
            rowTo = new int[Math.max(1, n)];
            hungarian = new LinearAssignment(n, nT * n);
            lagrangian = new LagrangianBound(problem, type);
            this.nodeLimit = nodeLimit;
            this.deadline = deadline;
            on = new int[nT];
            cap = new int[nT];
            for (int t = 0; t < nT; t++) {
                cap[t] = problem.maxUnits(t);
            }
            if (start != null) {
                bestX = start.assignment();
                incumbent = start.objective();
            }
        }

        void run() {
            if (n == 0) {
                return;
            }
            rootBound = rootBound(ROOT_ITERATIONS);
            branch(0, rootBound);
        }

        /**
         * The root bound: the rank-slot bound, whose assignment duals start the multipliers, then
         * {@code iterations} subgradient steps; never below the rank-slot bound.
         */
        double rootBound(int iterations) {
            double rankSlot = rankSlotBound(0, true);
            rootLagrangian = lagrangian.ascend(0, residual[0], lambda[0], incumbent, incumbent, iterations, 1.0,
                    ROOT_PATIENCE, deadline);
            considerLagrangianSolution(0);
            return Math.max(0, Math.max(rankSlot, rootLagrangian));
        }

        /** Records the Lagrangian sets of the last bound as the incumbent when they form a better assignment. */
        private void considerLagrangianSolution(int depth) {
            if (!lagrangian.feasible) {
                return;
            }
            int[] x = new int[nW * nT];
            for (int u = 0; u < depth; u++) {
                x[type[u] * nT + target[u]]++;
            }
            for (int u = depth; u < n; u++) {
                x[type[u] * nT + lagrangian.feasibleTarget[u]]++;
            }
            if (!withinLimits(x)) {
                return;
            }
            double f = objective(x);
            if (f < incumbent) {
                incumbent = f;
                bestX = x;
            }
        }

        private boolean withinLimits(int[] x) {
            for (int t = 0; t < nT; t++) {
                int k = 0;
                for (int w = 0; w < nW; w++) {
                    k += x[w * nT + t];
                }
                if (k > cap[t]) {
                    return false;
                }
            }
            return true;
        }

        private double objective(int[] x) {
            double f = 0;
            double[] v = residual[0];
            for (int t = 0; t < nT; t++) {
                double s = v[t];
                for (int w = 0; w < nW; w++) {
                    for (int k = 0; k < x[w * nT + t]; k++) {
                        s *= q[w * nT + t];
                    }
                }
                f += s;
            }
            return f;
        }

        /**
         * @param bound a valid lower bound of this node, already computed (the root's, or the one its
         *              parent computed when it created it)
         */
        private void branch(int depth, double bound) {
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
            if (bound >= cutoff()) {
                return;
            }
            // Every node: a node's bound takes up to 30 relaxations, so the clock is cheap by comparison.
            if (nodes >= nodeLimit || System.nanoTime() > deadline) {
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
                if (on[t] >= cap[t]) {
                    continue;
                }
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
            double[] childLambda = lambda[depth + 1];
            for (int i = 0; i < k && complete; i++) {
                int t = ord[i];
                System.arraycopy(c, 0, child, 0, nT);
                child[t] = c[t] * q[base + t];
                target[depth] = t;
                double childBound = Double.NEGATIVE_INFINITY;
                if (depth + 1 < n) {
                    System.arraycopy(lambda[depth], depth + 1, childLambda, depth + 1, n - depth - 1);
                    double cut = cutoff();
                    childBound = lagrangian.ascend(depth + 1, child, childLambda, cut, incumbent, NODE_ITERATIONS,
                            NODE_STEP, NODE_PATIENCE, deadline);
                    considerLagrangianSolution(depth + 1);
                }
                on[t]++;
                branch(depth + 1, childBound);
                on[t]--;
            }
        }

        private double cutoff() {
            return incumbent - PRUNE_TOLERANCE * Math.abs(incumbent);
        }

        /**
         * The rank-slot lower bound on every completion of the node at {@code depth}; with
         * {@code setMultipliers}, the assignment's row duals become that node's Lagrangian multipliers.
         */
        double rankSlotBound(int depth, boolean setMultipliers) {
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
            if (setMultipliers) {
                // Gains are -cost, so lambda_u = -rowDual and pi_slot = -columnDual >= 0 satisfy
                // gain <= lambda_u + pi_slot: with these multipliers every target's Lagrangian term
                // is at least C_t minus its slots' pi, hence L >= this bound (see the class comment).
                for (int i = 0; i < r; i++) {
                    lambda[depth][depth + i] = -hungarian.rowDual(i);
                }
                lagrangian.symmetrise(depth, lambda[depth]);
            }
            // Negative when many units could stack; the caller takes the larger of it and 0.
            return total - decrease;
        }
    }
}
