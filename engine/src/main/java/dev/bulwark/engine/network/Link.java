package dev.bulwark.engine.network;

import dev.bulwark.engine.sim.RandomStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One directed link between two nodes: a single transmitter with a FIFO queue, then a fixed
 * latency.
 *
 * <p>Model, a deterministic-service FIFO queue (the M/D/1 server of queueing theory without
 * assuming Poisson arrivals; Kleinrock, <i>Queueing Systems</i> vol. 1, 1975, ch. 5): a frame
 * of L bits offered at time t starts transmission at s = max(t, b), where b is when the
 * transmitter finishes the previous frame, and occupies it for L / C seconds at capacity C;
 * it arrives at s + L / C + latency. A frame whose wait s − t would exceed the maximum queue
 * delay is dropped (tail drop). A frame whose transmission [s, s + L/C] overlaps an outage
 * window is lost (no store-and-forward through an outage: a radio link that drops does not
 * keep the words it was sending). Otherwise a frame is lost with the link's loss probability,
 * drawn from the link's own random stream, one draw per offered frame whatever its fate, so
 * that one link's outages do not shift the loss draws of later frames.
 *
 * <p>Neglected: retransmission, reordering, jitter, and sharing of one radio net by several
 * links (Link 16's time slots): each directed link has its own capacity.
 *
 * <p>Offers must come in non-decreasing time order. One owner; not thread-safe.
 */
public final class Link {

    /**
     * A frame in flight.
     *
     * @param arrival arrival time at the receiver (s)
     * @param frame   the bytes
     */
    public record Delivery(double arrival, byte[] frame) {
    }

    /** What became of an offered frame. */
    public enum Fate {
        /** On its way (arrives later). */
        SENT,
        /** Lost at random. */
        LOST,
        /** Lost to an outage. */
        OUTAGE,
        /** Dropped at the tail of a full queue. */
        QUEUE_FULL
    }

    private final LinkSpec spec;
    private final RandomStream loss;
    private final ArrayDeque<Delivery> inFlight = new ArrayDeque<>();
    private final long[] counts = new long[Fate.values().length];
    private double busyUntil = Double.NEGATIVE_INFINITY;
    private double lastOffer = Double.NEGATIVE_INFINITY;

    /**
     * @param spec the link's performance
     * @param loss the link's own stream for loss draws (split from the scenario seed per link)
     */
    public Link(LinkSpec spec, RandomStream loss) {
        this.spec = spec;
        this.loss = loss;
    }

    /** The link's performance. */
    public LinkSpec spec() {
        return spec;
    }

    /** Offers a frame for transmission at time t (s); returns its fate. */
    public Fate offer(byte[] frame, double t) {
        if (t < lastOffer) {
            throw new IllegalArgumentException("frames must be offered in time order: " + t + " after " + lastOffer);
        }
        lastOffer = t;
        boolean randomLoss = loss.nextDouble() < spec.lossProbability();
        double start = Math.max(t, busyUntil);
        if (start - t > spec.maxQueueDelay()) {
            return tally(Fate.QUEUE_FULL);
        }
        double end = start + 8.0 * frame.length / spec.bandwidth();
        busyUntil = end;
        for (LinkSpec.Outage o : spec.outages()) {
            if (o.overlaps(start, end)) {
                return tally(Fate.OUTAGE);
            }
        }
        if (randomLoss) {
            return tally(Fate.LOST);
        }
        inFlight.addLast(new Delivery(end + spec.latency(), frame.clone()));
        return tally(Fate.SENT);
    }

    /** Removes and returns the frames that have arrived by time t (s), in arrival order. */
    public List<Delivery> receive(double t) {
        List<Delivery> out = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peekFirst().arrival() <= t) {
            out.add(inFlight.pollFirst());
        }
        return out;
    }

    /** Whether the link is up at time t (s). */
    public boolean up(double t) {
        for (LinkSpec.Outage o : spec.outages()) {
            if (o.overlaps(t, t)) {
                return false;
            }
        }
        return true;
    }

    /** How many offered frames met a fate so far. */
    public long count(Fate fate) {
        return counts[fate.ordinal()];
    }

    private Fate tally(Fate fate) {
        counts[fate.ordinal()]++;
        return fate;
    }
}
