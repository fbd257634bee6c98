package dev.bulwark.engine.network;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Per-link keys derived from one coalition master secret by HKDF-SHA256 (Krawczyk &amp; Eronen,
 * RFC 5869): PRK = HMAC(salt, master), key = HMAC(PRK, info ‖ 0x01), one 32-byte block, with
 * info naming the directed link. Each directed link gets its own key, so a partner holding the
 * key of its own links cannot forge messages on links between others.
 *
 * <p>In the simulator the master secret is a stand-in for key distribution, which Bulwark does
 * not model: it is made from the scenario seed, not kept secret.
 */
public final class LinkKeys {

    private static final byte[] SALT = "bulwark coalition links v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] prk;

    /** Keys derived from a master secret (≥ 16 bytes). */
    public LinkKeys(byte[] master) {
        if (master.length < 16) {
            throw new IllegalArgumentException("the master secret needs at least 16 bytes, got " + master.length);
        }
        prk = Hmac.mac(SALT, master);
    }

    /** Keys derived from a 64-bit number (a scenario seed): for simulation only. */
    public static LinkKeys fromSeed(long seed) {
        return new LinkKeys(ByteBuffer.allocate(16).putLong(seed).putLong(~seed).array());
    }

    /** The 32-byte key of the directed link from node {@code from} to node {@code to}. */
    public byte[] key(int from, int to) {
        byte[] info = ByteBuffer.allocate(9).putInt(from).putInt(to).put((byte) 1).array();
        return Hmac.mac(prk, info);
    }
}
