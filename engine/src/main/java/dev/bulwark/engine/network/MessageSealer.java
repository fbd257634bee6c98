package dev.bulwark.engine.network;

import java.nio.ByteBuffer;
import javax.crypto.Mac;

/**
 * The sending end of one directed link: numbers each message (1, 2, 3, ...) and authenticates it
 * with HMAC-SHA256 under the link's key (RFC 2104), producing a {@link Frame}.
 *
 * <p>One owner (the sending node); not thread-safe.
 */
public final class MessageSealer {

    private final int linkId;
    private final int sender;
    private final Mac mac;
    private long sequence;

    /**
     * @param linkId the link's identifier, bound into every tag so a frame cannot be moved to another link
     * @param sender the sending node
     * @param key    the link's key (≥ 32 bytes), see {@link LinkKeys}
     */
    public MessageSealer(int linkId, int sender, byte[] key) {
        this.linkId = linkId;
        this.sender = sender;
        this.mac = Hmac.keyed(key);
    }

    /** The frame carrying a message, with the next sequence number. */
    public byte[] seal(Message m) {
        int payload = MessageCodec.size(m);
        ByteBuffer b = ByteBuffer.allocate(Frame.OVERHEAD + payload);
        b.put(Frame.VERSION).putInt(linkId).putInt(sender).putLong(++sequence).putInt(payload);
        MessageCodec.encode(m, b);
        mac.update(b.array(), 0, b.position());
        b.put(mac.doFinal());
        return b.array();
    }

    /** The last sequence number used (0 before the first message). */
    public long sequence() {
        return sequence;
    }
}
