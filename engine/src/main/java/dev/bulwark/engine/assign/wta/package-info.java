/**
 * The static weapon-target assignment problem (WTA) on its own, outside the simulation: an
 * immutable {@link dev.bulwark.engine.assign.wta.WtaProblem}, an immutable
 * {@link dev.bulwark.engine.assign.wta.WtaSolution}, and one interface,
 * {@link dev.bulwark.engine.assign.wta.WtaSolver}, with three implementations that researchers can
 * compare on the same instance:
 *
 * <ul>
 *   <li>{@link dev.bulwark.engine.assign.wta.GreedyWtaSolver}: maximum marginal return, the fast
 *       default;</li>
 *   <li>{@link dev.bulwark.engine.assign.wta.BranchAndBoundWtaSolver}: exact for small problems,
 *       with a node and time limit and an honest "not proven optimal" flag when a limit is hit;</li>
 *   <li>{@link dev.bulwark.engine.assign.wta.LocalSearchWtaSolver}: greedy start (on large problems
 *       with stacks, a start from prices of the weapon types), then a large
 *       neighbourhood search (exact re-placement of one unit per target by linear assignment, ruin
 *       and recreate, kicks) with a descent over single-unit moves and swaps.</li>
 * </ul>
 *
 * <p>Problem: minimise the expected surviving target value
 * {@code sum_t V_t prod_w (1 - p_wt)^x_wt} subject to {@code sum_t x_wt <= mu_w} and integer
 * {@code x_wt >= 0}, where weapon type {@code w} has {@code mu_w} identical units. Sources:
 * R. K. Ahuja, A. Kumar, K. C. Jha, J. B. Orlin, "Exact and heuristic algorithms for the
 * weapon-target assignment problem", Operations Research 55(6), 2007, pp. 1136-1146;
 * A. C. Andersen, K. Pavlikov, T. A. M. Toffolo, "Weapon-target assignment problem: exact and
 * approximate solution algorithms", Annals of Operations Research 312, 2022.
 *
 * <p>Pure computation, no input or output: the file formats live in
 * {@code dev.bulwark.scenario.wta}, the command in {@code dev.bulwark.cli}. The format and the
 * algorithms are described in {@code docs/wta.md}.
 */
package dev.bulwark.engine.assign.wta;
