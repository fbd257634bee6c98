package dev.bulwark.engine.network;

import dev.bulwark.engine.sim.RandomStreams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Network} of point-to-point directed links, each with its own {@link SharingPolicy},
 * {@link Link} model, key and sealer–opener pair. A message sent by a node goes out on each of
 * its links: filtered and coarsened by that pair's policy, held back by the policy's extra
 * delay, sealed (sequence number and HMAC-SHA256 tag), carried by the link, and opened at the
 * far end, where rejected frames are counted and dropped. Nothing is relayed: a node hears only
 * its direct partners, so cutting a link changes only what its receiving node hears.
 *
 * <p>Deterministic: each link draws its losses from its own stream
 * ({@code "link/<from>-<to>", "loss"}) split from the scenario seed.
 *
 * <p>One owner; not thread-safe.
 */
public final class LinkedNetwork implements Network {

    private record Channel(int from, int to, SharingPolicy policy, MessageSealer sealer, Link link,
            MessageOpener opener) {
    }

    private final int nodes;
    private final LinkKeys keys;
    private final RandomStreams streams;
    private final Map<Long, Channel> channels = new TreeMap<>();
    private long withheld;

    /**
     * @param nodes   number of nodes (ids 0 .. nodes − 1)
     * @param keys    the per-link keys
     * @param streams the scenario's random streams
     */
    public LinkedNetwork(int nodes, LinkKeys keys, RandomStreams streams) {
        if (nodes < 1) {
            throw new IllegalArgumentException("a network needs at least one node, got " + nodes);
        }
        this.nodes = nodes;
        this.keys = keys;
        this.streams = streams;
    }

    /**
     * Adds the directed link from one node to another.
     *
     * @param from   sending node
     * @param to     receiving node
     * @param spec   the link's performance
     * @param policy what {@code from} shares with {@code to}
     * @param maxAge the receiver rejects content older than this on arrival (s)
     * @return this network
     */
    public LinkedNetwork connect(int from, int to, LinkSpec spec, SharingPolicy policy, double maxAge) {
        checkNode(from);
        checkNode(to);
        if (from == to) {
            throw new IllegalArgumentException("a node cannot link to itself (" + from + ")");
        }
        long key = key(from, to);
        if (channels.containsKey(key)) {
            throw new IllegalArgumentException("link " + from + " -> " + to + " already exists");
        }
        int linkId = linkId(from, to);
        byte[] k = keys.key(from, to);
        channels.put(key, new Channel(from, to, policy, new MessageSealer(linkId, from, k),
                new Link(spec, streams.stream("link/" + from + "-" + to, "loss")),
                new MessageOpener(linkId, from, k, maxAge)));
        return this;
    }

    @Override
    public void send(int from, Message m, double t) {
        checkNode(from);
        if (m.source() != from) {
            throw new IllegalArgumentException("node " + from + " cannot send a message of node " + m.source());
        }
        for (Channel c : channels.values()) {
            if (c.from() != from) {
                continue;
            }
            Message shared = c.policy().apply(m);
            if (shared == null) {
                withheld++;
                continue;
            }
            c.link().offer(c.sealer().seal(shared), t + c.policy().extraDelay());
        }
    }

    @Override
    public List<Received> receive(int node, double t) {
        checkNode(node);
        List<Received> out = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (c.to() != node) {
                continue;
            }
            for (Link.Delivery d : c.link().receive(t)) {
                MessageOpener.Opened o = c.opener().open(d.frame(), d.arrival());
                if (o.verdict() == MessageOpener.Verdict.ACCEPTED) {
                    out.add(new Received(node, c.from(), d.arrival(), o.message()));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Received::arrival)); // stable: ties stay in link order
        return out;
    }

    /** The link from one node to another (for its counters, or to put raw frames on it). */
    public Link link(int from, int to) {
        return channel(from, to).link();
    }

    /** The receiving end of the link from one node to another (for its counters). */
    public MessageOpener opener(int from, int to) {
        return channel(from, to).opener();
    }

    /** The link identifier bound into the frames of a directed link. */
    public int linkId(int from, int to) {
        return from * nodes + to;
    }

    /** Messages that policies withheld so far (kind not shared or embargoed), over all links. */
    public long withheld() {
        return withheld;
    }

    /** Frames rejected on arrival so far at a node, over all its incoming links. */
    public long rejected(int node) {
        long n = 0;
        for (Channel c : channels.values()) {
            if (c.to() == node) {
                n += c.opener().rejected();
            }
        }
        return n;
    }

    private Channel channel(int from, int to) {
        Channel c = channels.get(key(from, to));
        if (c == null) {
            throw new IllegalArgumentException("no link " + from + " -> " + to);
        }
        return c;
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | to;
    }

    private void checkNode(int n) {
        if (n < 0 || n >= nodes) {
            throw new IllegalArgumentException("node " + n + " is not in 0.." + (nodes - 1));
        }
    }
}
