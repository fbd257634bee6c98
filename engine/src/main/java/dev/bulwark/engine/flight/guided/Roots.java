package dev.bulwark.engine.flight.guided;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * Root finding on a bracketed interval with Hipparchus' bracketing n-th order Brent solver
 * (the solver Orekit uses for its event detectors), for the events of guided flight: ground
 * impact and apogee on the dense output, and the down-range miss of a ballistic missile.
 */
final class Roots {

    private Roots() {
    }

    /**
     * A root of f in [lo, hi], where f(lo) and f(hi) differ in sign (or one is zero).
     *
     * @param absoluteAccuracy accuracy on the abscissa
     */
    static double solve(UnivariateFunction f, double lo, double hi, double absoluteAccuracy) {
        return solve(f, lo, hi, absoluteAccuracy, 0.0);
    }

    /**
     * As {@link #solve(UnivariateFunction, double, double, double)}, also stopping once
     * |f| is below a function accuracy.
     */
    static double solve(UnivariateFunction f, double lo, double hi, double absoluteAccuracy, double functionAccuracy) {
        BracketingNthOrderBrentSolver solver =
                new BracketingNthOrderBrentSolver(1e-14, absoluteAccuracy, functionAccuracy, 5);
        return solver.solve(200, f, lo, hi, AllowedSolution.ANY_SIDE);
    }
}
