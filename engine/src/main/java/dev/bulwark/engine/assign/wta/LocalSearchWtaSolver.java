package dev.bulwark.engine.assign.wta;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Improvement heuristic: the {@link GreedyWtaSolver greedy} assignment (or, on problems of at least
 * {@value #PRICE_MIN_UNITS} units with more units than targets, the {@link PriceStart price-directed}
 * one) improved by a large neighbourhood search with two kinds of round, each followed by a descent.
 *
 * <p>Assignment round ({@link Replacement}, 70 % of the rounds, 90 % from the price-directed start):
 * take one unit, drawn at random, off each occupied target (off a random share of them in some
 * rounds, except from the price-directed start); with every other unit
 * fixed, putting the removed units back so that each target receives at most one of them is a
 * linear assignment problem, since the gain of unit {@code u} on target {@code t} is then exactly
 * {@code V_t S_t p_ut}; it is solved exactly ({@link LinearAssignment} on the full matrix when
 * small, {@link dev.bulwark.engine.track.associate.SparseAssignment} on candidate pairs when large). The old assignment is one
 * candidate, so the round never makes things worse. This neighbourhood contains every cyclic and
 * path exchange of one unit per target, the moves that Ahuja, Kumar, Jha and Orlin (Operations
 * Research 55(6) 2007, section 6) search on an improvement graph, and it finds the best
 * combination of them at once.
 *
 * <p>Ruin-and-recreate round ({@link RuinRecreate}, 30 %, 10 % from the price-directed start): empty a few related targets and put
 * their units back one by one, in random order, each where it gains most; a target may receive
 * several, so stacks of units are rebuilt, which the assignment round cannot do.
 *
 * <p>After either, a first-improvement descent over single-unit moves and swaps of two units of
 * different types (the two-exchange neighbourhood, section 5.2), evaluated in O(1) from the
 * per-target survival products ({@link UnitAssignment#moveDelta}, {@link UnitAssignment#swapDelta}),
 * lets targets gain or lose more than one unit. Rounds ending within {@value #THRESHOLD}
 * (relative) of the best are kept as the start of the next round, worse ones return to the best.
 *
 * <p>Simplified and weak: on the public instances with three units per weapon type it still stays
 * up to about 1 % (200 x 400) and, on one seed of three, 2.4 % (100 x 200) above the best known
 * values in one second of CPU, and 100 x 200 x 2 up to 0.7 % (docs/benchmarks.md). Proves nothing:
 * no lower bound, {@link WtaSolution#provenOptimal()} false.
 *
 * <p>Unit limits per target ({@link WtaProblem#maxUnits}) are kept throughout: a full target is
 * barred from the re-placement and from single-unit moves (swaps keep every target's count).
 *
 * <p>Stops after {@code maxRounds} rounds, after {@value #STALL} rounds without improvement, or
 * after {@code timeLimitS} seconds of wall time, whichever comes first; unless the time limit cuts
 * it short, the result depends only on the problem and the seed.
 */
public final class LocalSearchWtaSolver implements WtaSolver {

    /** Name recorded in the solutions. */
    public static final String NAME = "lns";

    /** Share of the occupied targets that give up a unit, cycled over the rounds. */
    private static final double[] FRACTIONS = {1.0, 0.5, 0.8, 0.3};

    /**
     * {@link #FRACTIONS} when the search starts from {@link PriceStart}: every occupied target gives
     * up a unit. With every target occupied (as on the public instances with 3 units per type) the
     * round is square and warm-started from the previous one; measured on 200 x 400 x 3, the
     * smaller rounds rarely improved there and cost a third of the time (docs/benchmarks.md).
     */
    private static final double[] FRACTIONS_PRICED = {1.0};

    /**
     * A round that ends at most this much (relative) above the best is kept as the current solution,
     * so that the next neighbourhood starts elsewhere (threshold accepting, G. Dueck, T. Scheuer,
     * Journal of Computational Physics 90, 1990); worse rounds return to the best.
     */
    private static final double THRESHOLD = 0.002;

    /** Rounds without a better assignment after which the search stops. */
    static final int STALL = 1_000;

    /** Rounds without a better anchor after which a kick moves the anchor (0: never). */
    static final int KICK = 100;

    /** A kick empties max(KICK_TARGETS_MIN, T / KICK_TARGETS_SHARE) related targets. */
    private static final int KICK_TARGETS_MIN = 10;
    private static final int KICK_TARGETS_SHARE = 10;

    /**
     * Share of the rounds that ruin and recreate instead of solving an assignment, when there are
     * more units than targets (so that some targets must take stacks); otherwise none. Measured on
     * the public instances: with as many units as targets the ruin rounds made the 200 x 400 x 2
     * results worse at equal CPU time (docs/benchmarks.md).
     */
    private static final double RUIN_SHARE = 0.3;

    /**
     * {@link #RUIN_SHARE} when the search starts from {@link PriceStart}: measured on 100 x 200 x 3,
     * 0.1 did better than 0.3 from that start (docs/benchmarks.md).
     */
    private static final double RUIN_SHARE_PRICED = 0.1;

    /** Most targets one ruin empties (at least 2). */
    private static final int RUIN_MAX = 8;

    /**
     * Largest {@code k^2 T} (k removed units, T targets) for which the re-placement is solved on the
     * full k x T matrix; above it, on the sparse candidate pairs of {@link #CANDIDATES}.
     */
    static final long DENSE_MAX_WORK = 100_000_000L;

    /**
     * Rounds of at least this many cells ({@code k T}) are solved by {@link CycleAssignment} when the
     * problem has at most {@link #CYCLE_MAX_CELLS} unit-target pairs; smaller rounds by
     * {@link LinearAssignment}, as before. A problem whose largest possible round
     * ({@code min(units, targets) T}) reaches this size also gets the triggered rounds
     * ({@link #TRIGGER_SHARE}): the public 100 x 200 and 200 x 400 instances, and a battle manager's
     * cycle under the {@code lns} doctrine with, for example, 400 threats and 25 rounds ready.
     */
    static final long CYCLE_MIN_CELLS = 10_000L;

    /** Most unit-target pairs {@code n T} for which {@link CycleAssignment} keeps a candidate list per unit. */
    static final long CYCLE_MAX_CELLS = 20_000_000L;

    /** Candidate targets of a unit's new list in {@link CycleAssignment}. */
    static final int CYCLE_CANDIDATES = 16;

    /**
     * Share of the rounds (after the ruins) that are {@link Replacement#applyTriggered triggered},
     * on large problems (see {@link #CYCLE_MIN_CELLS}); each moves 1 to {@value #TRIGGERS_MAX} units.
     */
    static final double TRIGGER_SHARE = 0.3;

    /** Most units one triggered round moves. */
    static final int TRIGGERS_MAX = 2;

    /** Candidate pairs of a sparse re-placement: each unit's and each target's this many best. */
    static final int CANDIDATES = 10;

    /**
     * The search starts from {@link PriceStart} instead of the greedy assignment when there are at
     * least this many units and more units than targets (so that stacks matter); smaller problems,
     * such as most of the battle manager's, and those with at most as many units as targets keep
     * the greedy start and run exactly as before it was added.
     */
    static final int PRICE_MIN_UNITS = 150;

    /** Subgradient steps of {@link PriceStart}. */
    static final int PRICE_STEPS = 150;

    /** Weapon types each target considers in {@link PriceStart}. */
    static final int PRICE_CANDIDATES = 15;

    private final long seed;
    private final long maxRounds;
    private final double timeLimitS;
    private final boolean cpuTime;

    /**
     * @param seed       seed of the random choice of the removed units
     * @param maxRounds   most rounds, at least 0 (0 gives the local optimum next to the greedy start)
     * @param timeLimitS wall-time limit (s), greater than 0
     */
    public LocalSearchWtaSolver(long seed, long maxRounds, double timeLimitS) {
        this(seed, maxRounds, timeLimitS, false);
    }

    private LocalSearchWtaSolver(long seed, long maxRounds, double timeLimitS, boolean cpuTime) {
        if (maxRounds < 0) {
            throw new IllegalArgumentException("maxRounds must be >= 0, got " + maxRounds);
        }
        if (!(timeLimitS > 0)) {
            throw new IllegalArgumentException("the time limit must be > 0 s, got " + timeLimitS);
        }
        this.seed = seed;
        this.maxRounds = maxRounds;
        this.timeLimitS = timeLimitS;
        this.cpuTime = cpuTime;
    }

    /**
     * A solver whose time limit counts the CPU time of the solving thread instead of wall time, for
     * benchmarks on a shared machine, where wall time depends on the other load. The result still
     * depends on the machine's speed whenever the limit, not the round limit, stops the search.
     *
     * @param cpuLimitS CPU-time limit (s), greater than 0
     */
    public static LocalSearchWtaSolver cpuTimeLimited(long seed, long maxRounds, double cpuLimitS) {
        return new LocalSearchWtaSolver(seed, maxRounds, cpuLimitS, true);
    }

    private long clock() {
        return cpuTime ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Seed 1, no round limit, 1 s limit. */
    public LocalSearchWtaSolver() {
        this(1, Long.MAX_VALUE, 1.0);
    }

    @Override
    public WtaSolution solve(WtaProblem problem) {
        long deadline = clock() + (long) Math.min(timeLimitS * 1e9, Long.MAX_VALUE / 4.0);
        int[] start = GreedyWtaSolver.assign(problem);
        boolean priced = problem.totalUnits() >= PRICE_MIN_UNITS && problem.totalUnits() > problem.targets();
        if (priced) {
            start = new PriceStart(problem, PRICE_CANDIDATES).run(start, problem.objective(start), PRICE_STEPS);
        }
        UnitAssignment s = new UnitAssignment(problem, start);
        Descent d = new Descent(s, problem.totalValue());
        d.all();
        d.run();
        s.rebuild();
        double best = s.objective();
        int[] bestTarget = s.target.clone();
        long rounds = 0;
        if (s.n > 0 && s.nT > 1) {
            SplittableRandom rnd = new SplittableRandom(seed);
            // priced problems are the large ones with stacks, where the square rounds cost most
            // large problems: rounds by cycle cancelling, and triggered rounds
            boolean large = (long) Math.min(s.n, s.nT) * s.nT >= CYCLE_MIN_CELLS && (long) s.n * s.nT <= CYCLE_MAX_CELLS;
            Replacement replacement = new Replacement(s, problem.totalValue(), priced, large);
            RuinRecreate ruin = new RuinRecreate(s, problem.weaponTypes());
            double ruinShare = s.n <= s.nT ? 0 : priced ? RUIN_SHARE_PRICED : RUIN_SHARE;
            double triggerShare = large ? TRIGGER_SHARE : 0;
            long lastBetter = 0;
            // The anchor is the solution the rounds start from and return to; a kick moves it away
            // from the best when it has not improved for KICK rounds (iterated local search).
            double anchor = best;
            int[] anchorTarget = bestTarget.clone();
            long lastAnchor = 0;
            while (rounds < maxRounds && rounds - lastBetter < STALL && clock() < deadline) {
                rounds++;
                boolean kick = KICK > 0 && rounds - lastAnchor >= KICK;
                if (kick) {
                    ruin.apply(rnd, Math.max(KICK_TARGETS_MIN, s.nT / KICK_TARGETS_SHARE), d::mark);
                } else if (rnd.nextDouble() < ruinShare) {
                    ruin.apply(rnd, 2 + rnd.nextInt(RUIN_MAX - 1), d::mark);
                } else if (triggerShare > 0 && rnd.nextDouble() < triggerShare) {
                    replacement.applyTriggered(rnd, 1 + rnd.nextInt(TRIGGERS_MAX), d::mark);
                } else {
                    double[] fractions = priced ? FRACTIONS_PRICED : FRACTIONS;
                    double frac = fractions[(int) ((rounds - 1) % fractions.length)];
                    replacement.apply(rnd, frac, d::mark);
                }
                d.run();
                s.rebuild();
                double f = s.objective();
                if (f < best - d.tol) {
                    best = f;
                    lastBetter = rounds;
                    System.arraycopy(s.target, 0, bestTarget, 0, s.n);
                }
                if (kick || f < anchor - d.tol) {
                    anchor = f;
                    lastAnchor = rounds;
                    System.arraycopy(s.target, 0, anchorTarget, 0, s.n);
                } else if (f > anchor * (1 + THRESHOLD)) {
                    System.arraycopy(anchorTarget, 0, s.target, 0, s.n);
                    s.rebuild();
                }
            }
        }
        System.arraycopy(bestTarget, 0, s.target, 0, s.n);
        return new WtaSolution(problem, s.counts(problem.weaponTypes()), Double.NaN, false, NAME, rounds);
    }

    /**
     * First-improvement descent driven by a queue of targets whose survival changed. Each target's
     * survival (and value times survival) and each unit's survival of its target without it are
     * cached, and recomputed only when that target's units have changed ({@link UnitAssignment#version}):
     * the values, and the order of the arithmetic, are those of {@link UnitAssignment#moveDelta} and
     * {@link UnitAssignment#swapDelta}, so the descent takes the same moves as without the caches.
     */
    private static final class Descent {
        private final UnitAssignment s;
        private final int[] queue;
        private final boolean[] queued;
        private int head;
        private int size;
        final double tol;
        private final double[] surv;
        private final double[] vs;
        private final long[] targetAt;
        private final double[] without;
        private final long[] unitAt;

        Descent(UnitAssignment s, double totalValue) {
            this.s = s;
            this.queue = new int[s.nT];
            this.queued = new boolean[s.nT];
            // Improvements smaller than this are rounding noise; accepting them could cycle.
            this.tol = 1e-12 * Math.max(totalValue, 1e-300);
            surv = new double[s.nT];
            vs = new double[s.nT];
            targetAt = new long[s.nT];
            without = new double[s.n];
            unitAt = new long[s.n];
            java.util.Arrays.fill(targetAt, -1);
            java.util.Arrays.fill(unitAt, -1);
        }

        void all() {
            for (int t = 0; t < s.nT; t++) {
                mark(t);
            }
        }

        void mark(int t) {
            if (!queued[t]) {
                queued[t] = true;
                queue[(head + size) % queue.length] = t;
                size++;
            }
        }

        void run() {
            for (int t = 0; t < s.nT; t++) {
                refresh(t);
            }
            while (size > 0) {
                int d = queue[head];
                head = (head + 1) % queue.length;
                size--;
                queued[d] = false;
                examine(d);
            }
        }

        private void refresh(int t) {
            if (targetAt[t] != s.version[t]) {
                targetAt[t] = s.version[t];
                surv[t] = s.survival(t);
                vs[t] = s.values[t] * surv[t];
            }
        }

        private double without(int u) {
            long at = s.version[s.target[u]];
            if (unitAt[u] != at) {
                unitAt[u] = at;
                without[u] = s.survivalWithout(u);
            }
            return without[u];
        }

        private void move(int u, int b) {
            int a = s.target[u];
            s.move(u, b);
            refresh(a);
            refresh(b);
        }

        /** Tries every move and swap that involves target {@code d}. */
        private void examine(int d) {
            final int n = s.n;
            final int nT = s.nT;
            final double[] v = s.values;
            final double[] p = s.p;
            final int[] type = s.type;
            final int[] target = s.target;
            for (int u = 0; u < n; u++) {
                if (target[u] == d) {
                    improveUnit(u);
                } else {
                    // Moving u onto d: d's survival changed, so this may now pay.
                    int a = target[u];
                    if (!s.room(d)) {
                        continue;
                    }
                    int base = type[u] * nT;
                    double cost = v[a] * without(u) * p[base + a];
                    double gain = vs[d] * p[base + d];
                    if (gain - cost > tol) {
                        mark(a);
                        mark(d);
                        move(u, d);
                    }
                }
            }
        }

        /** Applies the best improving move or swap of unit {@code u}, if any. */
        private void improveUnit(int u) {
            final int n = s.n;
            final int nT = s.nT;
            final double[] v = s.values;
            final double[] p = s.p;
            final double[] q = s.q;
            final int[] type = s.type;
            final int[] target = s.target;
            final double[] vsl = vs;
            final double[] sv = surv;
            int a = target[u];
            int wu = type[u];
            int baseU = wu * nT;
            double sa = sv[a];
            double saWithout = without(u);
            double cost = v[a] * saWithout * p[baseU + a];
            double bestDelta = -tol;
            int bestB = -1;
            int bestV = -1;
            for (int b = 0; b < nT; b++) {
                if (b != a && s.room(b)) {
                    double delta = cost - vsl[b] * p[baseU + b];
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestB = b;
                    }
                }
            }
            double va = v[a];
            for (int o = 0; o < n; o++) {
                int b = target[o];
                int wo = type[o];
                if (b == a || wo == wu) {
                    continue;
                }
                double delta = va * (saWithout * q[wo * nT + a] - sa)
                        + v[b] * (without(o) * q[baseU + b] - sv[b]);
                if (delta < bestDelta) {
                    bestDelta = delta;
                    bestB = b;
                    bestV = o;
                }
            }
            if (bestB < 0) {
                return;
            }
            mark(a);
            mark(bestB);
            if (bestV < 0) {
                move(u, bestB);
            } else {
                move(bestV, a);
                move(u, bestB);
            }
        }
    }
}
