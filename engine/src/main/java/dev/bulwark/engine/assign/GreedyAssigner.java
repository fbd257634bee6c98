package dev.bulwark.engine.assign;

import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.InterceptPlan;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.effector.LaserPlan;
import dev.bulwark.engine.threat.Assessment;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>First version: one pass, no look-ahead over future threats or stock; the
 * value-versus-cost optimising assigners arrive with the battle-management work.
 */
public final class GreedyAssigner implements WeaponTargetAssigner {

    private final Doctrine doctrine;

    /** An assigner following a doctrine. */
    public GreedyAssigner(Doctrine doctrine) {
        this.doctrine = doctrine;
    }

    @Override
    public List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries) {
        return assign(now, assessments, states, batteries, List.of());
    }

    @Override
    public List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries, List<Laser> lasers) {
        List<Assessment> order = new ArrayList<>(assessments);
        order.sort(Comparator.comparingDouble(Assessment::valueAtRisk).reversed()
                .thenComparingDouble(Assessment::impactTime)
                .thenComparingInt(Assessment::trackId));
        int[] committed = new int[batteries.size()];
        boolean[] taken = new boolean[lasers.size()];
        List<Decision> decisions = new ArrayList<>(order.size());
        for (Assessment a : order) {
            decisions.add(decide(now, a, states.apply(a.trackId()), batteries, committed, lasers, taken));
        }
        return decisions;
    }

    private Decision decide(double now, Assessment a, EngagementState state, List<Battery> batteries,
            int[] committed, List<Laser> lasers, boolean[] taken) {
        if (state.destroyed()) {
            return hold(a, Reason.DESTROYED);
        }
        if (a.probabilityDefended() < doctrine.engageThreshold() || a.probabilityDefended() == 0) {
            return hold(a, Reason.OPEN_GROUND);
        }
        if (state.inFlight() > 0) {
            return hold(a, Reason.INTERCEPTOR_IN_FLIGHT);
        }
        if (state.fired() >= doctrine.maxInterceptorsPerThreat() || (state.fired() > 0 && !doctrine.shootLookShoot())) {
            return hold(a, Reason.SHOT_LIMIT);
        }
        // a laser first, the cheap shot, when one is free and can finish before impact: the
        // earliest to finish
        LaserPlan beam = null;
        for (int i = 0; i < lasers.size(); i++) {
            if (taken[i]) {
                continue;
            }
            LaserPlan p = lasers.get(i).plan(a.predicted(), now);
            if (p != null && (beam == null || p.endTime() < beam.endTime())) {
                beam = p;
            }
        }
        if (beam != null) {
            taken[beam.laser()] = true;
            return new Decision(a.trackId(), Reason.ENGAGED, null, 0, a.likelyArea(), a.probabilityDefended(), beam);
        }
        InterceptPlan best = null;
        double bestPk = -1;
        boolean reachable = false;
        boolean saved = false;
        for (Battery b : batteries) {
            InterceptPlan plan = b.plan(a.predicted(), now);
            if (plan == null) {
                continue;
            }
            reachable = true;
            if (b.ready() - committed[b.index()] < 1) {
                continue;
            }
            if (!doctrine.stockAllows(b.stockFraction(), a.probabilityDefended())) {
                saved = true;
                continue;
            }
            double pk = b.spec().probabilityOfKill();
            if (best == null || pk > bestPk || (pk == bestPk && plan.interceptTime() < best.interceptTime())) {
                best = plan;
                bestPk = pk;
            }
        }
        if (best == null) {
            return hold(a, saved ? Reason.STOCK_SAVED : reachable ? Reason.NO_STOCK : Reason.NO_FEASIBLE_INTERCEPT);
        }
        Battery chosen = batteries.get(best.battery());
        int rounds = Math.min(doctrine.salvoSize(), doctrine.maxInterceptorsPerThreat() - state.fired());
        rounds = Math.min(rounds, chosen.ready() - committed[best.battery()]);
        if (a.probabilityDefended() < doctrine.engageConfidence() && canWait(a, chosen, now, state, rounds)) {
            return hold(a, Reason.AWAITING_CONFIDENCE);
        }
        committed[best.battery()] += rounds;
        return new Decision(a.trackId(), Reason.ENGAGED, best, rounds, a.likelyArea(), a.probabilityDefended());
    }

    /**
     * Whether waiting one look for a sharper prediction costs nothing: the battery could still
     * intercept after the wait and, under shoot-look-shoot with shots left, could still fire
     * again after that intercept.
     */
    private boolean canWait(Assessment a, Battery battery, double now, EngagementState state, int rounds) {
        InterceptPlan later = battery.plan(a.predicted(), now + doctrine.reassessS());
        if (later == null) {
            return false;
        }
        boolean secondShot = doctrine.shootLookShoot()
                && state.fired() + rounds < doctrine.maxInterceptorsPerThreat();
        return !secondShot || battery.plan(a.predicted(), later.interceptTime()) != null;
    }

    private static Decision hold(Assessment a, Reason reason) {
        return new Decision(a.trackId(), reason, null, 0, a.likelyArea(), a.probabilityDefended());
    }
}
