package dev.bulwark.engine.assign;

import dev.bulwark.engine.effector.InterceptPlan;

/**
 * What battle management decided about one track in one cycle.
 *
 * @param trackId     the track
 * @param reason      {@link Reason#ENGAGED} or why it was held
 * @param plan        the engagement, when engaged (one interceptor per salvo round)
 * @param rounds      interceptors to fire, when engaged
 * @param likelyArea  most probable defended area, or -1
 * @param probability probability of impact in any defended area
 */
public record Decision(int trackId, Reason reason, InterceptPlan plan, int rounds, int likelyArea, double probability) {

    /** Whether this is an engagement. */
    public boolean engage() {
        return reason == Reason.ENGAGED;
    }
}
