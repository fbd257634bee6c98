package dev.bulwark.engine.assign;

import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.Gun;
import dev.bulwark.engine.effector.GunPlan;
import dev.bulwark.engine.effector.InterceptPlan;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.effector.LaserPlan;
import dev.bulwark.engine.parallel.Workers;
import dev.bulwark.engine.threat.Assessment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The doctrine's rules for one threat, shared by the assigners: the holds that need no effector
 * (destroyed, open ground, interceptor in flight, shot limit), laser first, the batteries' plans,
 * the layer that takes the threat (batteries or guns, with the hand-over from the preferred one), the
 * best battery of a layer and the waits for confidence and for a gun's best burst.
 */
final class Screening {

    private final Doctrine doctrine;

    Screening(Doctrine doctrine) {
        this.doctrine = doctrine;
    }

    /** Threats in the order battle management considers them: value at risk, then earliest impact, then id. */
    static List<Assessment> order(List<Assessment> assessments) {
        List<Assessment> order = new ArrayList<>(assessments);
        order.sort(Comparator.comparingDouble(Assessment::valueAtRisk).reversed()
                .thenComparingDouble(Assessment::impactTime)
                .thenComparingInt(Assessment::trackId));
        return order;
    }

    /** Why the threat is held whatever the effectors, or null if it may be engaged. */
    Reason preliminary(Assessment a, EngagementState state) {
        if (state.destroyed()) {
            return Reason.DESTROYED;
        }
        if (a.probabilityDefended() < doctrine.engageThreshold() || a.probabilityDefended() == 0) {
            return Reason.OPEN_GROUND;
        }
        if (state.inFlight() > 0) {
            return Reason.INTERCEPTOR_IN_FLIGHT;
        }
        if (state.fired() >= doctrine.maxInterceptorsPerThreat() || (state.fired() > 0 && !doctrine.shootLookShoot())) {
            return Reason.SHOT_LIMIT;
        }
        return null;
    }

    /** Laser first: the free laser, not yet taken this cycle, that finishes soonest before impact; marked taken. */
    static LaserPlan laser(Assessment a, double now, List<Laser> lasers, boolean[] taken) {
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
        }
        return beam;
    }

    /** Threats a worker plans at a time ({@link #planAll}). */
    private static final int PLAN_BLOCK = 4;

    /**
     * With more than one worker, every battery's plan against every threat that may be engaged
     * ({@link #preliminary} holds none; a null row for the others), made by the workers: a plan
     * depends on the threat's predicted path, the battery and the time alone, so these are the plans
     * {@link #plans} would give one by one. With one worker, null: the assigner plans as it goes,
     * only the threats it gets to.
     *
     * @param state the engagement state of each threat, in the order's order
     */
    InterceptPlan[][] planAll(Workers workers, double now, List<Assessment> order, EngagementState[] state,
            List<Battery> batteries) {
        if (workers.threads() == 1) {
            return null;
        }
        InterceptPlan[][] planned = new InterceptPlan[order.size()][];
        workers.forEach(order.size(), PLAN_BLOCK, (w, i) -> {
            Assessment a = order.get(i);
            if (preliminary(a, state[i]) == null) {
                planned[i] = plans(a, now, batteries);
            }
        });
        return planned;
    }

    /** Each battery's plan against the threat (null where it has none). */
    static InterceptPlan[] plans(Assessment a, double now, List<Battery> batteries) {
        InterceptPlan[] plans = new InterceptPlan[batteries.size()];
        for (Battery b : batteries) {
            plans[b.index()] = b.plan(a.predicted(), now);
        }
        return plans;
    }

    /**
     * The layer that takes a threat: the lowest layer with a battery that has a plan, a ready round
     * (beyond {@code committed}) and stock the doctrine lets it spend on this threat, or else a free
     * gun of that layer, not yet taken this cycle, with a plan (batteries first within a layer).
     *
     * @param usable   indices of those batteries, in scenario order (empty when held or given to a gun)
     * @param gun      the gun's burst when a gun takes the threat, else null
     * @param held     why no layer can take it, or null
     * @param handover the hand-over from the preferred layer, or null
     */
    record Layer(List<Integer> usable, GunPlan gun, Reason held, Handover handover) {
    }

    /**
     * The layer that takes a threat (see {@link Layer}). A gun's burst is committed only when its first
     * round must leave before the next look and waiting a look would lower its probability of kill; until then the threat is held as
     * {@link Reason#AWAITING_GUN} and the gun stays free; nor is a gun given a threat that a laser,
     * busy now, could still finish once free (laser first). The gun that takes the threat is marked
     * in {@code gunTaken}.
     *
     * @param interceptors whether interceptors may be fired at it (false past the shot limit: only guns)
     */
    Layer layer(Assessment a, double now, InterceptPlan[] plans, List<Battery> batteries, int[] committed,
            List<Laser> lasers, boolean[] laserTaken, List<Gun> guns, boolean[] gunTaken, boolean interceptors) {
        boolean laserLater = !guns.isEmpty() && laserLater(a, now, lasers, laserTaken);
        TreeSet<Integer> layers = new TreeSet<>();
        for (Battery b : batteries) {
            layers.add(b.spec().layer());
        }
        for (Gun g : guns) {
            layers.add(g.spec().layer());
        }
        int preferred = !lasers.isEmpty() ? Handover.LASER_LAYER : layers.isEmpty() ? 0 : layers.first();
        String why = !interceptors ? Reason.SHOT_LIMIT.key() : !lasers.isEmpty() ? Handover.LASER_CANNOT_FINISH : null;
        boolean reachable = false;
        boolean saved = false;
        for (int layer : layers) {
            List<Integer> usable = new ArrayList<>();
            boolean layerReachable = false;
            boolean layerSaved = false;
            for (Battery b : batteries) {
                if (!interceptors || b.spec().layer() != layer || plans[b.index()] == null) {
                    continue;
                }
                layerReachable = true;
                if (b.ready() - committed[b.index()] < 1) {
                    continue;
                }
                if (!doctrine.stockAllows(b.stockFraction(), a.probabilityDefended())) {
                    layerSaved = true;
                    continue;
                }
                usable.add(b.index());
            }
            Handover handover = layer == preferred ? null : new Handover(preferred, layer, why);
            if (!usable.isEmpty()) {
                return new Layer(usable, null, null, handover);
            }
            // a gun does not take what a busy laser will still finish once free (laser first)
            GunPlan burst = laserLater ? null : gun(a, now, layer, guns, gunTaken);
            if (burst != null) {
                if (gunWaits(a, now, guns.get(burst.gun()), burst)) {
                    return new Layer(List.of(), null, Reason.AWAITING_GUN, null);
                }
                gunTaken[burst.gun()] = true;
                return new Layer(List.of(), burst, null, handover);
            }
            reachable |= layerReachable;
            saved |= layerSaved;
            if (why == null) {
                why = reason(layerSaved, layerReachable).key();
            }
        }
        return new Layer(List.of(), null, reason(saved, reachable), null);
    }

    /**
     * Whether a laser busy now, and not taken this cycle, could still finish the threat before impact
     * once its present engagement ends.
     */
    private static boolean laserLater(Assessment a, double now, List<Laser> lasers, boolean[] taken) {
        for (int i = 0; i < lasers.size(); i++) {
            Laser l = lasers.get(i);
            if (!taken[i] && !l.free(now) && l.plan(a.predicted(), l.busyUntil()) != null) {
                return true;
            }
        }
        return false;
    }

    /** The free gun of a layer, not taken this cycle, whose burst has the best probability of kill (then the earliest). */
    private static GunPlan gun(Assessment a, double now, int layer, List<Gun> guns, boolean[] gunTaken) {
        GunPlan best = null;
        for (Gun g : guns) {
            if (g.spec().layer() != layer || gunTaken[g.index()]) {
                continue;
            }
            GunPlan p = g.plan(a.predicted(), now);
            if (p != null && (best == null || p.probabilityOfKill() > best.probabilityOfKill()
                    || (p.probabilityOfKill() == best.probabilityOfKill() && p.fireStart() < best.fireStart()))) {
                best = p;
            }
        }
        return best;
    }

    /**
     * Whether a gun should wait a look before committing its burst: it waits while its first round
     * need not leave before the next look (the doctrine's {@code reassessS} later, plus its reaction
     * time), or while a plan made at the next look would be as likely to kill. The last layer thus
     * commits late, on the sharpest track, fires at its best moment, stays free for other threats
     * until then, and leaves the lasers and batteries every chance to take the threat first.
     */
    private boolean gunWaits(Assessment a, double now, Gun gun, GunPlan burst) {
        double next = now + doctrine.reassessS();
        if (!(doctrine.reassessS() > 0)) {
            return false;
        }
        if (burst.fireStart() - gun.spec().reactionS() >= next) {
            return true;
        }
        GunPlan later = gun.plan(a.predicted(), next);
        return later != null && later.probabilityOfKill() >= burst.probabilityOfKill() * (1 - 1e-9);
    }

    private static Reason reason(boolean saved, boolean reachable) {
        return saved ? Reason.STOCK_SAVED : reachable ? Reason.NO_STOCK : Reason.NO_FEASIBLE_INTERCEPT;
    }

    /** The usable battery with the best probability of kill against the threat's assessed category, then earliest intercept. */
    static int best(Assessment a, List<Integer> usable, InterceptPlan[] plans, List<Battery> batteries) {
        int best = -1;
        double bestPk = -1;
        for (int i : usable) {
            double pk = pk(batteries.get(i), a);
            if (best < 0 || pk > bestPk || (pk == bestPk && plans[i].interceptTime() < plans[best].interceptTime())) {
                best = i;
                bestPk = pk;
            }
        }
        return best;
    }

    /** What battle management takes a battery's probability of kill against the threat to be. */
    static double pk(Battery b, Assessment a) {
        return b.spec().killProbabilities().against(a.category());
    }

    /** Interceptors the doctrine allows at the threat this cycle (salvo, and the shots left). */
    int rounds(EngagementState state) {
        return Math.min(doctrine.salvoSize(), doctrine.maxInterceptorsPerThreat() - state.fired());
    }

    /**
     * Whether the threat, below the doctrine's confidence level, should wait a look: waiting costs
     * nothing when the battery could still intercept after the wait and, under shoot-look-shoot
     * with shots left, could still fire again after that intercept. With
     * {@link Doctrine.AmbiguousWait#LAST_SHOT} the second shot's time is not kept: the threat waits
     * while one intercept is still feasible after the wait (and never when {@code reassessS} is 0).
     */
    boolean awaits(Assessment a, Battery battery, double now, EngagementState state, int rounds) {
        if (a.probabilityDefended() >= doctrine.engageConfidence()) {
            return false;
        }
        if (doctrine.ambiguousWait() == Doctrine.AmbiguousWait.LAST_SHOT && !(doctrine.reassessS() > 0)) {
            return false;
        }
        InterceptPlan later = battery.plan(a.predicted(), now + doctrine.reassessS());
        if (later == null) {
            return false;
        }
        if (doctrine.ambiguousWait() == Doctrine.AmbiguousWait.LAST_SHOT) {
            return true;
        }
        boolean secondShot = doctrine.shootLookShoot()
                && state.fired() + rounds < doctrine.maxInterceptorsPerThreat();
        return !secondShot || battery.plan(a.predicted(), later.interceptTime()) != null;
    }

    static Decision hold(Assessment a, Reason reason) {
        return new Decision(a.trackId(), reason, null, 0, a.likelyArea(), a.probabilityDefended());
    }
}
