package dev.bulwark.engine.assign.wta;

/**
 * An algorithm for the static weapon-target assignment problem. Implementations are
 * deterministic (a seeded heuristic gives the same answer for the same seed, unless a wall-clock
 * limit cuts it short) and keep no state between calls, so one instance may be shared.
 */
@FunctionalInterface
public interface WtaSolver {

    /**
     * Assigns the units of {@code problem} to its targets.
     *
     * @return a feasible assignment, never null
     */
    WtaSolution solve(WtaProblem problem);
}
