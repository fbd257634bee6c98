package dev.bulwark.engine.sim;

/**
 * One stream of pseudo-random numbers: xoshiro256** (Blackman &amp; Vigna, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4), 2021), seeded through SplitMix64.
 *
 * <p>Written here rather than taken from the JDK so that a seed gives the same numbers on
 * every Java version: the JDK's {@code nextGaussian} algorithms have changed between
 * releases, and Bulwark promises byte-identical runs for a seed. Gaussian draws use the
 * Marsaglia polar method.
 *
 * <p>Not thread-safe: a stream has one owner (an entity's purpose), see {@link RandomStreams}.
 */
public final class RandomStream {

    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double spareGaussian;
    private boolean hasSpare;

    /** A stream from a 64-bit seed. */
    public RandomStream(long seed) {
        reseed(seed);
    }

    /** Restarts the stream from a new seed, as if newly made (counter-based draws reuse one object). */
    public void reseed(long seed) {
        hasSpare = false;
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = RandomStreams.mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = RandomStreams.mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = RandomStreams.mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = RandomStreams.mix64(x);
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1), 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        // Lemire's nearly-divisionless method is overkill here; rejection keeps it unbiased.
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** True with probability p. */
    public boolean nextBoolean(double p) {
        return nextDouble() < p;
    }

    /** Standard normal draw (Marsaglia polar method). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }

    /** Poisson draw with mean λ (Knuth's product method for small λ, normal approximation above 50). */
    public int nextPoisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 50) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= nextDouble();
        } while (p > l);
        return k - 1;
    }
}
