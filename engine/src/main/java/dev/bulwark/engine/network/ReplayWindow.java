package dev.bulwark.engine.network;

/**
 * The anti-replay window of IPsec ESP (RFC 4303, §3.4.3 and Appendix A2.1): a receiver accepts a
 * sequence number once, and only if it is newer than the highest seen or within the last
 * {@value #SIZE} numbers and not yet seen. A bitmap marks the seen numbers below the highest.
 *
 * <p>As in RFC 4303, {@link #check} may be called before authentication (it changes nothing)
 * and {@link #update} only after the message is authenticated, so a forged sequence number
 * cannot move the window. Sequence numbers start at 1 and are 64-bit (ESP's extended sequence
 * numbers; they never wrap in a simulation).
 */
public final class ReplayWindow {

    /** Window size (sequence numbers), the value RFC 4303 recommends as a default. */
    public static final int SIZE = 64;

    private long highest;
    private long bitmap; // bit k set: number (highest − k) has been seen

    /** The verdict on a sequence number. */
    public enum Verdict {
        /** New: accept (after authentication). */
        NEW,
        /** Seen before. */
        REPLAY,
        /** Older than the window: cannot be told from a replay, rejected. */
        TOO_OLD
    }

    /** Whether a sequence number would be accepted; changes nothing. */
    public Verdict check(long sequence) {
        if (sequence <= 0) {
            return Verdict.TOO_OLD;
        }
        if (sequence > highest) {
            return Verdict.NEW;
        }
        long behind = highest - sequence;
        if (behind >= SIZE) {
            return Verdict.TOO_OLD;
        }
        return (bitmap & (1L << behind)) != 0 ? Verdict.REPLAY : Verdict.NEW;
    }

    /** Marks an authenticated sequence number as seen, sliding the window if it is the newest. */
    public void update(long sequence) {
        if (check(sequence) != Verdict.NEW) {
            throw new IllegalStateException("sequence number " + sequence + " is not new");
        }
        if (sequence > highest) {
            long shift = sequence - highest;
            bitmap = shift >= SIZE ? 1L : (bitmap << shift) | 1L;
            highest = sequence;
        } else {
            bitmap |= 1L << (highest - sequence);
        }
    }

    /** The highest sequence number accepted so far (0 if none). */
    public long highest() {
        return highest;
    }
}
