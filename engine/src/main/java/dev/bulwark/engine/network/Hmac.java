package dev.bulwark.engine.network;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 (RFC 2104 with FIPS 180-4 SHA-256) from the JDK's {@code javax.crypto}, and the
 * HKDF key derivation of RFC 5869 built on it. Package-private plumbing for the sealer, the
 * opener and {@link LinkKeys}.
 */
final class Hmac {

    /** Tag length of HMAC-SHA256 (bytes). */
    static final int TAG_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    /** A MAC object keyed with {@code key}; every JDK must provide HmacSHA256. */
    static Mac keyed(byte[] key) {
        if (key.length < TAG_LENGTH) {
            // RFC 2104 §3: keys shorter than the hash output weaken the MAC
            throw new IllegalArgumentException("an HMAC-SHA256 link key needs at least 32 bytes, got " + key.length);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks HmacSHA256, which every Java SE platform must provide", e);
        }
    }

    /** HMAC-SHA256 of {@code data} under a key of any length (for HKDF, whose salt may be short). */
    static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[TAG_LENGTH] : key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks HmacSHA256, which every Java SE platform must provide", e);
        }
    }
}
