package dev.bulwark.engine.sim;

import java.nio.charset.StandardCharsets;

/**
 * Splits the scenario seed into independent streams, one per entity and purpose.
 *
 * <p>A stream's seed depends only on the scenario seed and the (entity, purpose) names, never
 * on how many other streams exist or in what order they were asked for. So the same seed
 * gives the same run bit for bit, and adding a radar does not change the raid: two laydowns
 * compared on one seed face the same threats (common random numbers).
 *
 * <p>The name hash is 64-bit FNV-1a over UTF-8; the combination with the seed goes through
 * the SplitMix64 finaliser (Steele, Lea &amp; Flood, OOPSLA 2014), which decorrelates nearby
 * seeds.
 */
public final class RandomStreams {

    private final long seed;

    /** Streams split from a scenario seed. */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The scenario seed. */
    public long seed() {
        return seed;
    }

    /** A new stream for an entity (e.g. "raid/north-1") and a purpose (e.g. "launch-point"). */
    public RandomStream stream(String entity, String purpose) {
        long h = fnv1a(entity);
        h = mix64(h ^ 0x5851F42D4C957F2DL);
        h ^= fnv1a(purpose);
        return new RandomStream(mix64(seed ^ mix64(h)));
    }

    /**
     * A seed for a counter-based draw: mixes a stream key with two counters (say, a scan
     * number and a target id) so that each pair gets its own independent draw.
     */
    public static long combine(long key, long a, long b) {
        return mix64(key ^ mix64(a ^ mix64(b + 0x632BE59BD9B4E019L)));
    }

    /** A key (seed) for an entity and purpose, for counter-based draws; see {@link #combine}. */
    public long key(String entity, String purpose) {
        return mix64(seed ^ mix64(mix64(fnv1a(entity) ^ 0x5851F42D4C957F2DL) ^ fnv1a(purpose)) ^ 0x2545F4914F6CDD1DL);
    }

    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
