package dev.bulwark.engine.assign;

import dev.bulwark.engine.assign.wta.BranchAndBoundWtaSolver;
import dev.bulwark.engine.assign.wta.GreedyWtaSolver;
import dev.bulwark.engine.assign.wta.LocalSearchWtaSolver;
import dev.bulwark.engine.assign.wta.WtaProblem;
import dev.bulwark.engine.assign.wta.WtaSolution;
import dev.bulwark.engine.assign.wta.WtaSolver;
import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.Gun;
import dev.bulwark.engine.effector.InterceptPlan;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.effector.LaserPlan;
import dev.bulwark.engine.parallel.Workers;
import dev.bulwark.engine.threat.Assessment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Weapon-target assignment each cycle: the dynamic problem of this cycle's threats and ready
 * rounds, solved for the expected defended value saved minus a weight on cost,
 * <pre>
 *   maximise  Σ_j W_j (1 − Π_b (1 − p_bj)^x_bj) − λ Σ_b c_b Σ_j x_bj
 *   subject to Σ_j x_bj ≤ r_b (ready rounds of battery b),  Σ_b x_bj ≤ k_j,  x_bj ≥ 0 integer,
 * </pre>
 * with W_j the threat's weighted value at risk ({@link Assessment#valueAtRisk()}), p_bj the
 * battery's probability of kill against the category threat evaluation gives the threat (0 when
 * the battery is not usable against it), c_b the cost of its interceptor (USD), λ the doctrine's
 * {@code costWeight} (value per USD) and k_j the rounds the doctrine allows at the threat this cycle
 * (salvo size, and the shots left).
 *
 * <p>Who enters the problem: the doctrine's rules are applied first, as in {@link GreedyAssigner}
 * (same code, {@link Screening}): held threats (destroyed, open ground, interceptor in flight, shot
 * limit) keep their reason; lasers come first, in order of value at risk, for the threats a free laser
 * can finish before impact (a few dollars a shot); a threat is offered only the batteries of the
 * lowest layer that can take it (hand-over as in {@link GreedyAssigner}); a threat below the
 * confidence level waits while its best battery could still engage it after the next look
 * ({@link Reason#AWAITING_CONFIDENCE}). Battery b enters with min(r_b, Σ k_j over the threats it may
 * take) units. Guns are decided before the solve, like lasers: a threat whose layer is a gun's
 * (no earlier layer can take it, or it is past the shot limit) goes to that gun's burst.
 *
 * <p>Solving with {@code dev.bulwark.engine.assign.wta}: the cost term becomes one "hold" target per
 * unit, of value λ c_b, that only that unit's battery destroys with certainty: a unit held back
 * removes its own cost, a unit fired leaves it, so minimising the expected surviving value of all
 * targets is exactly the objective above. The algorithm is the doctrine's: {@code greedy} (maximum
 * marginal return: fire while a round's marginal value exceeds its weighted cost), {@code lns}
 * (greedy start, then large-neighbourhood search, 1,000 rounds at most) or {@code exact} (branch
 * and bound, up to {@value #EXACT_MAX_UNITS} units and {@value #EXACT_MAX_NODES} nodes; larger
 * problems go to {@code lns}). Limits are counted in rounds and nodes, not wall time, so a run stays
 * deterministic.
 *
 * <p>Decisions: a threat given units is engaged by one battery (the one given most units; a threat
 * the solver split over two batteries keeps that one's units only); a threat given nothing is held
 * as {@link Reason#NOT_WORTH_COST} when no usable battery's first round is worth its weighted cost
 * (W_j p_bj ≤ λ c_b), else as {@link Reason#ASSIGNED_ELSEWHERE}: the rounds went to threats of
 * higher value.
 *
 * <p>Simplified: one cycle at a time (no look-ahead over the threats and stock still to come); the
 * stock rules and the wait are decided before the solve, threat by threat.
 */
public final class WtaAssigner implements WeaponTargetAssigner {

    /** Most units the exact solver takes in a cycle; above it, the large-neighbourhood search. */
    public static final int EXACT_MAX_UNITS = 16;
    /** Node limit of the exact solver in a cycle. */
    public static final long EXACT_MAX_NODES = 200_000L;
    /** Round limit of the large-neighbourhood search in a cycle. */
    public static final long LNS_MAX_ROUNDS = 1_000L;
    /** Wall-time limits far beyond any cycle's solve: the round and node limits decide (s). */
    private static final double NO_TIME_LIMIT_S = 1e6;

    private final Doctrine doctrine;
    private final Screening screening;
    private final Workers workers;

    /** An assigner following a doctrine (its {@code assignment} must be greedy, exact or lns). */
    public WtaAssigner(Doctrine doctrine) {
        this(doctrine, Workers.CALLING_THREAD);
    }

    /**
     * An assigner following a doctrine whose intercept planning is shared among the workers, as
     * {@link GreedyAssigner#GreedyAssigner(Doctrine, Workers)} does it (the same decisions as one thread's).
     */
    public WtaAssigner(Doctrine doctrine, Workers workers) {
        if (doctrine.assignment() == Doctrine.Assignment.THREAT_ORDER) {
            throw new IllegalArgumentException("the threat-order assignment is GreedyAssigner's");
        }
        this.doctrine = doctrine;
        this.screening = new Screening(doctrine);
        this.workers = workers;
    }

    @Override
    public List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries) {
        return assign(now, assessments, states, batteries, List.of());
    }

    /** One threat offered to the solver. */
    private record Offer(int index, Assessment a, EngagementState state, InterceptPlan[] plans, List<Integer> usable,
            int cap, Handover handover) {
    }

    @Override
    public List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries, List<Laser> lasers) {
        return assign(now, assessments, states, batteries, lasers, List.of());
    }

    @Override
    public List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries, List<Laser> lasers, List<Gun> guns) {
        List<Assessment> order = Screening.order(assessments);
        Decision[] out = new Decision[order.size()];
        boolean[] taken = new boolean[lasers.size()];
        boolean[] gunTaken = new boolean[guns.size()];
        int[] none = new int[batteries.size()];
        List<Offer> offers = new ArrayList<>();
        EngagementState[] stateOf = new EngagementState[order.size()];
        for (int i = 0; i < stateOf.length; i++) {
            stateOf[i] = states.apply(order.get(i).trackId());
        }
        InterceptPlan[][] planned = screening.planAll(workers, now, order, stateOf, batteries);
        for (int i = 0; i < order.size(); i++) {
            Assessment a = order.get(i);
            EngagementState state = stateOf[i];
            Reason held = screening.preliminary(a, state);
            // past the shot limit, only a gun may still take it
            boolean interceptors = held == null;
            if (held != null && (held != Reason.SHOT_LIMIT || guns.isEmpty())) {
                out[i] = Screening.hold(a, held);
                continue;
            }
            LaserPlan beam = interceptors ? Screening.laser(a, now, lasers, taken) : null;
            if (beam != null) {
                out[i] = new Decision(a.trackId(), Reason.ENGAGED, null, 0, a.likelyArea(), a.probabilityDefended(),
                        beam);
                continue;
            }
            InterceptPlan[] plans = !interceptors ? new InterceptPlan[batteries.size()]
                    : planned != null ? planned[i] : Screening.plans(a, now, batteries);
            Screening.Layer layer = screening.layer(a, now, plans, batteries, none, lasers, taken, guns, gunTaken,
                    interceptors);
            if (layer.held() != null) {
                out[i] = Screening.hold(a, interceptors || layer.held() == Reason.AWAITING_GUN ? layer.held() : held);
                continue;
            }
            if (layer.gun() != null) {
                out[i] = new Decision(a.trackId(), Reason.ENGAGED, null, 0, a.likelyArea(), a.probabilityDefended(),
                        null, layer.handover(), layer.gun());
                continue;
            }
            Battery best = batteries.get(Screening.best(a, layer.usable(), plans, batteries));
            int cap = screening.rounds(state);
            if (screening.awaits(a, best, now, state, Math.min(cap, best.ready()))) {
                out[i] = Screening.hold(a, Reason.AWAITING_CONFIDENCE);
                continue;
            }
            offers.add(new Offer(i, a, state, plans, layer.usable(), cap, layer.handover()));
        }
        if (!offers.isEmpty()) {
            solve(offers, batteries, out);
        }
        return Arrays.asList(out);
    }

    private void solve(List<Offer> offers, List<Battery> batteries, Decision[] out) {
        int nJ = offers.size();
        // weapon types: the batteries some threat may use, with no more units than the threats can take
        int[] want = new int[batteries.size()];
        for (Offer o : offers) {
            for (int b : o.usable()) {
                want[b] += o.cap();
            }
        }
        List<Integer> types = new ArrayList<>();
        for (Battery b : batteries) {
            if (want[b.index()] > 0) {
                types.add(b.index());
            }
        }
        int nW = types.size();
        int[] counts = new int[nW];
        int units = 0;
        for (int w = 0; w < nW; w++) {
            counts[w] = Math.min(batteries.get(types.get(w)).ready(), want[types.get(w)]);
            units += counts[w];
        }
        int nT = nJ + units;
        double[] values = new double[nT];
        int[] caps = new int[nT];
        double[][] p = new double[nW][nT];
        for (int j = 0; j < nJ; j++) {
            Offer o = offers.get(j);
            values[j] = o.a().valueAtRisk();
            caps[j] = o.cap();
            for (int w = 0; w < nW; w++) {
                int b = types.get(w);
                p[w][j] = o.usable().contains(b) ? Screening.pk(batteries.get(b), o.a()) : 0.0;
            }
        }
        // one hold target per unit: value λ c_b, destroyed for sure by a unit of its own battery
        for (int w = 0, h = nJ; w < nW; w++) {
            double cost = doctrine.costWeight() * batteries.get(types.get(w)).spec().costPerInterceptorUsd();
            for (int k = 0; k < counts[w]; k++, h++) {
                values[h] = cost;
                caps[h] = Integer.MAX_VALUE;
                p[w][h] = 1.0;
            }
        }
        WtaProblem problem = new WtaProblem(values, counts, p, caps);
        WtaSolution x = solver(units).solve(problem);
        int[] spare = new int[nW];
        for (int w = 0; w < nW; w++) {
            spare[w] = counts[w];
            for (int j = 0; j < nJ; j++) {
                spare[w] -= x.units(w, j);
            }
        }
        for (int j = 0; j < nJ; j++) {
            Offer o = offers.get(j);
            int bestW = -1;
            for (int w = 0; w < nW; w++) {
                int k = x.units(w, j);
                if (k > 0 && (bestW < 0 || k > x.units(bestW, j) || (k == x.units(bestW, j) && p[w][j] > p[bestW][j]))) {
                    bestW = w;
                }
            }
            Assessment a = o.a();
            if (bestW >= 0) {
                // the objective cannot tell batteries of equal probability of kill and cost apart: of
                // those with rounds left over, the earliest intercept (more time for a second shot)
                int k = x.units(bestW, j);
                double cost = batteries.get(types.get(bestW)).spec().costPerInterceptorUsd();
                for (int w = 0; w < nW; w++) {
                    InterceptPlan plan = o.plans()[types.get(w)];
                    if (w != bestW && spare[w] >= k && p[w][j] == p[bestW][j] && plan != null
                            && batteries.get(types.get(w)).spec().costPerInterceptorUsd() == cost
                            && plan.interceptTime() < o.plans()[types.get(bestW)].interceptTime()) {
                        spare[w] -= k;
                        spare[bestW] += k;
                        bestW = w;
                    }
                }
                int b = types.get(bestW);
                out[o.index()] = new Decision(a.trackId(), Reason.ENGAGED, o.plans()[b], k,
                        a.likelyArea(), a.probabilityDefended(), null, o.handover());
                continue;
            }
            boolean worth = false;
            for (int w = 0; w < nW; w++) {
                double c = doctrine.costWeight() * batteries.get(types.get(w)).spec().costPerInterceptorUsd();
                worth |= p[w][j] > 0 && values[j] * p[w][j] > c;
            }
            out[o.index()] = Screening.hold(a, worth ? Reason.ASSIGNED_ELSEWHERE : Reason.NOT_WORTH_COST);
        }
    }

    private WtaSolver solver(int units) {
        return switch (doctrine.assignment()) {
            case GREEDY -> new GreedyWtaSolver();
            case EXACT -> units <= EXACT_MAX_UNITS ? new BranchAndBoundWtaSolver(EXACT_MAX_NODES, NO_TIME_LIMIT_S)
                    : lns();
            case LNS -> lns();
            case THREAT_ORDER -> throw new IllegalStateException("not a weapon-target assignment");
        };
    }

    private static WtaSolver lns() {
        return new LocalSearchWtaSolver(1, LNS_MAX_ROUNDS, NO_TIME_LIMIT_S);
    }
}
