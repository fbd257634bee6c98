package dev.bulwark.engine.assign.wta;

import java.util.Arrays;

/**
 * An assignment of weapon units to targets, with its objective and what the solver knows about
 * its quality. Immutable.
 *
 * <p>Provenance: {@link #solver()} names the algorithm that produced it; {@link #lowerBound()} is
 * a proven lower bound on the optimum (NaN when the solver computes none), and
 * {@link #provenOptimal()} is true only when the solver proved that no assignment is better
 * (up to a relative tolerance of 1e-9).
 */
public final class WtaSolution {

    private final int weaponTypes;
    private final int targets;
    private final int[] x;
    private final double objective;
    private final double lowerBound;
    private final boolean provenOptimal;
    private final String solver;
    private final long nodes;

    /**
     * @param problem       the problem solved; {@code x} is checked against it and the objective recomputed
     * @param x             flat row-major units {@code x[w * T + t]}
     * @param lowerBound    proven lower bound on the optimum, or NaN
     * @param provenOptimal whether the solver proved optimality
     * @param solver        the solver's name, such as {@code greedy}
     * @param nodes         search effort: branch-and-bound nodes or local-search kicks (0 if not meaningful)
     */
    public WtaSolution(WtaProblem problem, int[] x, double lowerBound, boolean provenOptimal, String solver,
            long nodes) {
        problem.checkFeasible(x);
        this.weaponTypes = problem.weaponTypes();
        this.targets = problem.targets();
        this.x = x.clone();
        this.objective = problem.objective(x);
        this.lowerBound = lowerBound;
        this.provenOptimal = provenOptimal;
        this.solver = solver;
        this.nodes = nodes;
    }

    /** Units of weapon type {@code w} assigned to target {@code t}. */
    public int units(int w, int t) {
        return x[w * targets + t];
    }

    /** A copy of the flat row-major assignment {@code x[w * T + t]}. */
    public int[] assignment() {
        return x.clone();
    }

    /** Number of weapon types W of the problem. */
    public int weaponTypes() {
        return weaponTypes;
    }

    /** Number of targets T of the problem. */
    public int targets() {
        return targets;
    }

    /** The expected surviving value F(x), recomputed from the assignment (same unit as the target values). */
    public double objective() {
        return objective;
    }

    /** A proven lower bound on the optimal objective, or NaN when none is known. */
    public double lowerBound() {
        return lowerBound;
    }

    /** Whether the solver proved this assignment optimal. */
    public boolean provenOptimal() {
        return provenOptimal;
    }

    /** The solver that produced this solution. */
    public String solver() {
        return solver;
    }

    /** Search effort: branch-and-bound nodes, or local-search kicks; 0 for a constructive solver. */
    public long nodes() {
        return nodes;
    }

    @Override
    public String toString() {
        return "WtaSolution[" + solver + ", objective " + objective + (provenOptimal ? ", optimal" : "")
                + (Double.isNaN(lowerBound) ? "" : ", lower bound " + lowerBound) + ", x="
                + Arrays.toString(x) + "]";
    }
}
