package dev.bulwark.engine.assign;

import java.util.Locale;

/** Why battle management did, or did not, engage a threat. Recorded with every decision. */
public enum Reason {
    /** Engaged: an interceptor was assigned. */
    ENGAGED,
    /** Predicted to fall in open ground: probability of hitting a defended area below the doctrine's threshold. */
    OPEN_GROUND,
    /** The prediction is not yet conclusive and there is still time to look again before engaging (the doctrine's {@code engageConfidence} and {@link Doctrine.AmbiguousWait}). */
    AWAITING_CONFIDENCE,
    /** No battery (nor gun) can reach the predicted path inside its envelope before impact. */
    NO_FEASIBLE_INTERCEPT,
    /** A battery could reach it but has no ready round. */
    NO_STOCK,
    /** The batteries that could reach it are low on stock and save their rounds for surer threats (doctrine). */
    STOCK_SAVED,
    /** An interceptor is already on its way; shoot-look-shoot waits for the outcome. */
    INTERCEPTOR_IN_FLIGHT,
    /** The doctrine's limit of interceptors per threat is reached. */
    SHOT_LIMIT,
    /** Already destroyed (kill assessment). */
    DESTROYED,
    /** Weapon-target assignment gave the rounds that could reach it to threats of higher value. */
    ASSIGNED_ELSEWHERE,
    /** Weapon-target assignment: no round's expected value saved pays for its cost at the doctrine's cost weight. */
    NOT_WORTH_COST,
    /** A gun will take it: it waits while its burst need not start before the next look or a later burst would be as likely to kill, free for other threats meanwhile. */
    AWAITING_GUN,
    /** Its impact point could not be predicted (not descending to the ground). */
    NO_PREDICTION,
    /** A coalition partner reports engaging (or having destroyed) the same object (its engagement status). */
    PARTNER_ENGAGING,
    /** Confirmed as a track but never assessed before it landed (reported for truth threats only). */
    NOT_ASSESSED,
    /** Never confirmed as a track, so never assessed (reported for truth threats only). */
    NEVER_TRACKED;

    /** The lower-case key used in files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
