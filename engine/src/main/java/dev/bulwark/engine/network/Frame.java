package dev.bulwark.engine.network;

/**
 * The layout of an authenticated frame on a link (big-endian):
 *
 * <pre>
 *   version (1 byte) | link id (int) | sender (int) | sequence number (long) | payload length (int)
 *   | payload ({@link MessageCodec}) | HMAC-SHA256 tag (32 bytes) over everything before it
 * </pre>
 *
 * <p>Like an ESP packet (RFC 4303 §2) the sequence number travels in the clear and is covered by
 * the tag, so it can be checked against the replay window before the tag is computed.
 */
final class Frame {

    static final byte VERSION = 1;
    static final int HEADER = 1 + 4 + 4 + 8 + 4;
    static final int OVERHEAD = HEADER + Hmac.TAG_LENGTH;

    private Frame() {
    }
}
