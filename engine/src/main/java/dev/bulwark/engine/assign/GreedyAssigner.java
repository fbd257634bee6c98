package dev.bulwark.engine.assign;

import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.Gun;
import dev.bulwark.engine.effector.InterceptPlan;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.effector.LaserPlan;
import dev.bulwark.engine.parallel.Workers;
import dev.bulwark.engine.threat.Assessment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Greedy assignment under a {@link Doctrine}: threats are taken in order of expected
 * defended value at risk (then earliest impact), and each gets the battery with the best
 * probability of kill that can reach it, earliest intercept first among equals.
 *
 * <p>Threats whose probability of impact in a defended area is below the doctrine's
 * threshold are held ({@link Reason#OPEN_GROUND}): this selectivity is what makes a defence
 * like Iron Dome affordable. A threat below the doctrine's confidence level waits for a
 * sharper prediction as long as the chosen battery could still intercept it after the next
 * look, with time left for a second shot when the doctrine allows one
 * ({@link Reason#AWAITING_CONFIDENCE}). With shoot-look-shoot, a threat with an
 * interceptor on its way is not engaged again until the outcome is known. A battery low on
 * stock takes only threats above the doctrine's low-stock threshold
 * ({@link Reason#STOCK_SAVED} when that is why no battery takes a threat). Lasers come first:
 * a threat a free laser can defeat before impact (at the laser's planning hardness) goes to the
 * laser that finishes soonest, at a few dollars a shot, and no interceptor is fired at it.
 *
 * <p>Layers: a threat goes to the batteries of the lowest {@code layer} that can take it (a plan, a
 * ready round, stock the doctrine lets it spend); otherwise it is handed over to the next layer
 * ({@link Handover}, recorded with the decision). The probability of kill is the battery's against
 * the category threat evaluation gives the track ({@link Assessment#category()}).
 *
 * <p>Guns are a layer of their own (after the batteries unless the scenario says otherwise): a
 * threat no earlier layer can take, or that is past the doctrine's shot limit (it survived its
 * interceptors), goes to the free gun whose burst has the best probability of kill, once its first
 * round must leave before the next look and waiting would lower that probability
 * ({@link Reason#AWAITING_GUN} until then), and never while a busy laser could still finish it.
 *
 * <p>One pass, no look-ahead over future threats or stock, no cost: the doctrine's
 * {@code assignment: threat_order}. {@link WtaAssigner} optimises value against cost instead.
 *
 * <p>With more than one worker ({@link #GreedyAssigner(Doctrine, Workers)}) the batteries' plans
 * against every threat that may be engaged are made first, shared among the workers (a plan
 * depends on the threat's predicted path and the battery alone), and the pass then decides in
 * order on them: the same decisions as one thread's, to the bit. A threat a laser takes is planned
 * too, and the plans are dropped.
 */
public final class GreedyAssigner implements WeaponTargetAssigner {

    private final Screening screening;
    private final Workers workers;

    /** An assigner following a doctrine, in the calling thread. */
    public GreedyAssigner(Doctrine doctrine) {
        this(doctrine, Workers.CALLING_THREAD);
    }

    /**
     * An assigner following a doctrine, whose intercept planning is shared among the workers
     * (which may serve other stages of the cycle too, one batch at a time).
     */
    public GreedyAssigner(Doctrine doctrine, Workers workers) {
        this.screening = new Screening(doctrine);
        this.workers = workers;
    }

    @Override
    public List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries) {
        return assign(now, assessments, states, batteries, List.of());
    }

    @Override
    public List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries, List<Laser> lasers) {
        return assign(now, assessments, states, batteries, lasers, List.of());
    }

    @Override
    public List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries, List<Laser> lasers, List<Gun> guns) {
        int[] committed = new int[batteries.size()];
        boolean[] taken = new boolean[lasers.size()];
        boolean[] gunTaken = new boolean[guns.size()];
        List<Assessment> order = Screening.order(assessments);
        EngagementState[] state = new EngagementState[order.size()];
        for (int i = 0; i < state.length; i++) {
            state[i] = states.apply(order.get(i).trackId());
        }
        InterceptPlan[][] planned = screening.planAll(workers, now, order, state, batteries);
        List<Decision> decisions = new ArrayList<>(order.size());
        for (int i = 0; i < state.length; i++) {
            decisions.add(decide(now, order.get(i), state[i], batteries, committed, lasers, taken, guns, gunTaken,
                    planned == null ? null : planned[i]));
        }
        return decisions;
    }

    private Decision decide(double now, Assessment a, EngagementState state, List<Battery> batteries,
            int[] committed, List<Laser> lasers, boolean[] taken, List<Gun> guns, boolean[] gunTaken,
            InterceptPlan[] planned) {
        Reason held = screening.preliminary(a, state);
        // past the shot limit, only a gun may still take it
        boolean interceptors = held == null;
        if (held != null && (held != Reason.SHOT_LIMIT || guns.isEmpty())) {
            return Screening.hold(a, held);
        }
        // a laser first, the cheap shot, when one is free and can finish before impact
        LaserPlan beam = interceptors ? Screening.laser(a, now, lasers, taken) : null;
        if (beam != null) {
            return new Decision(a.trackId(), Reason.ENGAGED, null, 0, a.likelyArea(), a.probabilityDefended(), beam);
        }
        InterceptPlan[] plans = !interceptors ? new InterceptPlan[batteries.size()]
                : planned != null ? planned : Screening.plans(a, now, batteries);
        Screening.Layer layer = screening.layer(a, now, plans, batteries, committed, lasers, taken, guns, gunTaken,
                interceptors);
        if (layer.held() != null) {
            return Screening.hold(a, interceptors || layer.held() == Reason.AWAITING_GUN ? layer.held() : held);
        }
        if (layer.gun() != null) {
            return new Decision(a.trackId(), Reason.ENGAGED, null, 0, a.likelyArea(), a.probabilityDefended(), null,
                    layer.handover(), layer.gun());
        }
        int b = Screening.best(a, layer.usable(), plans, batteries);
        Battery chosen = batteries.get(b);
        int rounds = Math.min(screening.rounds(state), chosen.ready() - committed[b]);
        if (screening.awaits(a, chosen, now, state, rounds)) {
            return Screening.hold(a, Reason.AWAITING_CONFIDENCE);
        }
        committed[b] += rounds;
        return new Decision(a.trackId(), Reason.ENGAGED, plans[b], rounds, a.likelyArea(), a.probabilityDefended(),
                null, layer.handover());
    }
}
