package dev.bulwark.engine.network;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Mac;

/**
 * The receiving end of one directed link: accepts a frame only if its HMAC-SHA256 tag is right
 * (RFC 2104; compared in constant time), its sequence number is new to the RFC 4303 anti-replay
 * window ({@link ReplayWindow}), and its content is not older than a maximum age. Counts every
 * verdict.
 *
 * <p>Order of checks, as RFC 4303 §3.4.3 prescribes: the window is consulted first (cheap, and
 * changes nothing), then the tag, and only an authentic frame moves the window. A frame that is
 * authentic and new but stale (older content than {@code maxAge}) still marks its sequence
 * number as seen, so it cannot be accepted later.
 *
 * <p>One owner (the receiving node); not thread-safe.
 */
public final class MessageOpener {

    /** What became of a frame. */
    public enum Verdict {
        /** Authentic, new and fresh: the message is delivered. */
        ACCEPTED,
        /** Not a frame: wrong version, wrong length, undecodable payload. */
        MALFORMED,
        /** A frame for another link or from another sender (tag not even checked). */
        WRONG_LINK,
        /** The tag does not match: tampered, or made without the key. */
        BAD_MAC,
        /** Sequence number already seen. */
        REPLAY,
        /** Sequence number behind the window. */
        TOO_OLD,
        /** Authentic and new, but its content is older than the maximum age. */
        STALE
    }

    /**
     * The outcome of opening a frame.
     *
     * @param verdict what became of it
     * @param message the message if accepted, else null
     */
    public record Opened(Verdict verdict, Message message) {
    }

    private final int linkId;
    private final int sender;
    private final Mac mac;
    private final double maxAge;
    private final ReplayWindow window = new ReplayWindow();
    private final Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);

    /**
     * @param linkId the link's identifier
     * @param sender the node expected at the other end
     * @param key    the link's key (≥ 32 bytes)
     * @param maxAge content older than this at arrival is rejected as stale (s), &gt; 0
     */
    public MessageOpener(int linkId, int sender, byte[] key, double maxAge) {
        if (!(maxAge > 0)) {
            throw new IllegalArgumentException("maximum age must be > 0 s, got " + maxAge);
        }
        this.linkId = linkId;
        this.sender = sender;
        this.mac = Hmac.keyed(key);
        this.maxAge = maxAge;
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
    }

    /** Opens a frame that arrived at time {@code now} (s). */
    public Opened open(byte[] frame, double now) {
        Opened o = check(frame, now);
        counts.merge(o.verdict(), 1L, Long::sum);
        return o;
    }

    private Opened check(byte[] frame, double now) {
        if (frame.length < Frame.OVERHEAD) {
            return new Opened(Verdict.MALFORMED, null);
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        byte version = b.get();
        int link = b.getInt();
        int from = b.getInt();
        long sequence = b.getLong();
        int payload = b.getInt();
        if (version != Frame.VERSION || payload != frame.length - Frame.OVERHEAD) {
            return new Opened(Verdict.MALFORMED, null);
        }
        if (link != linkId || from != sender) {
            return new Opened(Verdict.WRONG_LINK, null);
        }
        ReplayWindow.Verdict fresh = window.check(sequence);
        if (fresh == ReplayWindow.Verdict.REPLAY) {
            return new Opened(Verdict.REPLAY, null);
        }
        if (fresh == ReplayWindow.Verdict.TOO_OLD) {
            return new Opened(Verdict.TOO_OLD, null);
        }
        int tagAt = frame.length - Hmac.TAG_LENGTH;
        mac.update(frame, 0, tagAt);
        byte[] expected = mac.doFinal();
        byte[] tag = new byte[Hmac.TAG_LENGTH];
        System.arraycopy(frame, tagAt, tag, 0, tag.length);
        if (!MessageDigest.isEqual(expected, tag)) {
            return new Opened(Verdict.BAD_MAC, null);
        }
        window.update(sequence);
        Message m;
        try {
            m = MessageCodec.decode(ByteBuffer.wrap(frame, Frame.HEADER, payload));
        } catch (IllegalArgumentException e) {
            return new Opened(Verdict.MALFORMED, null);
        }
        if (m.source() != sender) {
            // links are point to point and nothing is relayed: a node speaks only for itself
            return new Opened(Verdict.MALFORMED, null);
        }
        if (now - m.time() > maxAge) {
            return new Opened(Verdict.STALE, null);
        }
        return new Opened(Verdict.ACCEPTED, m);
    }

    /** How many frames got a verdict so far. */
    public long count(Verdict v) {
        return counts.get(v);
    }

    /** Frames rejected for any reason so far. */
    public long rejected() {
        long n = 0;
        for (Map.Entry<Verdict, Long> e : counts.entrySet()) {
            if (e.getKey() != Verdict.ACCEPTED) {
                n += e.getValue();
            }
        }
        return n;
    }
}
