package dev.bulwark.engine.assign;

/**
 * What battle management remembers about its engagements of one track.
 *
 * @param inFlight   interceptors on their way to it
 * @param fired      interceptors fired at it so far
 * @param destroyed  whether a kill was assessed
 */
public record EngagementState(int inFlight, int fired, boolean destroyed) {
    /** A track never engaged. */
    public static final EngagementState NONE = new EngagementState(0, 0, false);
}
