package dev.bulwark.engine.network;

import java.util.List;

/**
 * The performance of one directed link.
 *
 * @param latency         propagation and processing delay added to every frame (s), ≥ 0
 * @param bandwidth       capacity (bit/s), &gt; 0; infinite for no serialisation delay
 * @param lossProbability probability that a frame is lost in transit, independently of others, in [0, 1]
 * @param maxQueueDelay   a frame that would wait longer than this for the transmitter is dropped
 *                        at the tail of the queue (s), ≥ 0; infinite for an unbounded queue
 * @param outages         windows during which the link carries nothing
 */
public record LinkSpec(double latency, double bandwidth, double lossProbability, double maxQueueDelay,
        List<Outage> outages) {

    /**
     * A window [start, end) during which the link is down (s).
     *
     * @param start first instant down (s)
     * @param end   first instant up again (s), &gt; start
     */
    public record Outage(double start, double end) {
        /** Checks the window. */
        public Outage {
            if (!(end > start)) {
                throw new IllegalArgumentException("an outage must end after it starts, got [" + start + ", " + end + ")");
            }
        }

        /** Whether the interval [from, to] overlaps the outage (an instant counts if to == from). */
        public boolean overlaps(double from, double to) {
            return from < end && to >= start;
        }
    }

    /** A perfect link: no latency, unlimited bandwidth, no loss, no outage. */
    public static final LinkSpec PERFECT = new LinkSpec(0, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY,
            List.of());

    /** Checks the values and copies the list. */
    public LinkSpec {
        if (!(latency >= 0) || Double.isInfinite(latency)) {
            throw new IllegalArgumentException("link latency must be finite and >= 0 s, got " + latency);
        }
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("link bandwidth must be > 0 bit/s, got " + bandwidth);
        }
        if (!(lossProbability >= 0 && lossProbability <= 1)) {
            throw new IllegalArgumentException("loss probability must be in [0, 1], got " + lossProbability);
        }
        if (!(maxQueueDelay >= 0)) {
            throw new IllegalArgumentException("maximum queue delay must be >= 0 s, got " + maxQueueDelay);
        }
        outages = List.copyOf(outages);
    }

    /** The same link with other outage windows. */
    public LinkSpec withOutages(List<Outage> windows) {
        return new LinkSpec(latency, bandwidth, lossProbability, maxQueueDelay, windows);
    }
}
