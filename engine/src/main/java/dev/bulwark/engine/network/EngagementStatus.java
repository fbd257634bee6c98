package dev.bulwark.engine.network;

/**
 * What a node's effectors are doing about one of its tracks, so that partners do not fire at a
 * threat already engaged (or know that an engagement failed).
 *
 * @param source     node that owns the effector
 * @param localTrack the engaged track's number in the source node's tracker
 * @param time       time of the status (s)
 * @param state      engagement state
 * @param effector   index of the effector (battery or laser) within the source node
 */
public record EngagementStatus(int source, int localTrack, double time, State state, int effector)
        implements Message {

    /** Engagement states, in the order of an engagement's life. */
    public enum State {
        /** An effector is assigned; not yet fired. */
        ASSIGNED,
        /** An interceptor is in flight or a laser is dwelling. */
        ENGAGING,
        /** The threat was killed. */
        KILLED,
        /** The engagement ended without a kill. */
        MISSED,
        /** The node stopped the engagement (re-assignment, or the threat left the envelope). */
        CEASED
    }

    /** Checks the arguments. */
    public EngagementStatus {
        if (source < 0) {
            throw new IllegalArgumentException("source node must be >= 0, got " + source);
        }
        if (state == null) {
            throw new IllegalArgumentException("an engagement status needs a state");
        }
    }

    @Override
    public DataKind kind() {
        return DataKind.ENGAGEMENT_STATUS;
    }
}
