package dev.bulwark.engine.assign;

import dev.bulwark.engine.effector.GunPlan;
import dev.bulwark.engine.effector.InterceptPlan;
import dev.bulwark.engine.effector.LaserPlan;

/**
 * What battle management decided about one track in one cycle.
 *
 * @param trackId     the track
 * @param reason      {@link Reason#ENGAGED} or why it was held
 * @param plan        the interceptor engagement, when engaged by a battery (one interceptor per salvo round)
 * @param rounds      interceptors to fire, when engaged by a battery
 * @param likelyArea  most probable defended area, or -1
 * @param probability probability of impact in any defended area
 * @param laser       the laser engagement, when engaged by a laser (then {@code plan} is null)
 * @param handover    when engaged by a layer other than the preferred one: from which, and why; else null
 * @param gun         the gun's burst, when engaged by a gun (then {@code plan} and {@code laser} are null)
 */
public record Decision(int trackId, Reason reason, InterceptPlan plan, int rounds, int likelyArea, double probability,
        LaserPlan laser, Handover handover, GunPlan gun) {

    /** A decision without a gun. */
    public Decision(int trackId, Reason reason, InterceptPlan plan, int rounds, int likelyArea, double probability,
            LaserPlan laser, Handover handover) {
        this(trackId, reason, plan, rounds, likelyArea, probability, laser, handover, null);
    }

    /** A decision without a hand-over. */
    public Decision(int trackId, Reason reason, InterceptPlan plan, int rounds, int likelyArea, double probability,
            LaserPlan laser) {
        this(trackId, reason, plan, rounds, likelyArea, probability, laser, null, null);
    }

    /** A decision without a laser. */
    public Decision(int trackId, Reason reason, InterceptPlan plan, int rounds, int likelyArea, double probability) {
        this(trackId, reason, plan, rounds, likelyArea, probability, null, null, null);
    }

    /** Whether this is an engagement. */
    public boolean engage() {
        return reason == Reason.ENGAGED;
    }
}
