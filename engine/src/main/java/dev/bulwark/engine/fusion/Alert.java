package dev.bulwark.engine.fusion;

/**
 * An alert raised by a node about a partner, with the evidence behind it.
 *
 * @param time         when it was raised (s)
 * @param node         the node that raised it
 * @param partner      the partner it is about
 * @param kind         what happened
 * @param statistic    the test statistic when it was raised (CUSUM of log-likelihood ratios)
 * @param observations partner tracks tested against own coverage so far
 * @param unconfirmed  of which the node's own tracks did not confirm
 */
public record Alert(double time, int node, int partner, Kind kind, double statistic, long observations,
        long unconfirmed) {

    /** Kinds of alert. */
    public enum Kind {
        /** The partner's tracks are inconsistent with the node's own sensors; its data are no longer used. */
        PARTNER_ISOLATED
    }

    /** One line for a log. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "t=%.1f s: node %d isolated partner %d: %d of its %d tracks inside own coverage not confirmed by own sensors (CUSUM %.1f)",
                time, node, partner, unconfirmed, observations, statistic);
    }
}
