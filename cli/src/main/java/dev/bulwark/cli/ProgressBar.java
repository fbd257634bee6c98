package dev.bulwark.cli;

import dev.bulwark.engine.sim.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn in place with {@code \r}: share of the
 * simulated time done, the simulation clock and the wall time elapsed, for example
 * {@code [##########----------]  50%  sim 12:00:00 / 24:00:00  elapsed 0:04}.
 *
 * <p>It appears only after half a second (a quick run shows nothing), is redrawn at most ten
 * times a second however often the engine reports, and is erased by {@link #finish()} so the
 * table that follows starts on a clean line. Only drawn when standard error is a terminal:
 * redirected to a file, it writes nothing.
 */
final class ProgressBar implements ProgressListener {

    private static final long FIRST_DRAW_NS = 500_000_000L;
    private static final long REDRAW_NS = 100_000_000L;
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final boolean enabled;
    private final boolean runs;
    private final long start;
    private long lastDraw;
    private int drawnWidth;

    ProgressBar(PrintWriter err, LongSupplier nanoTime, boolean enabled) {
        this(err, nanoTime, enabled, false);
    }

    /**
     * @param runs whether progress counts replications ({@code runs 40 / 100}) rather than
     *             simulated time
     */
    ProgressBar(PrintWriter err, LongSupplier nanoTime, boolean enabled, boolean runs) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.enabled = enabled;
        this.runs = runs;
        this.start = nanoTime.getAsLong();
    }

    @Override
    public void onProgress(double now, double end) {
        if (!enabled) {
            return;
        }
        long t = nanoTime.getAsLong();
        if (t - start < FIRST_DRAW_NS || (drawnWidth > 0 && t - lastDraw < REDRAW_NS)) {
            return;
        }
        lastDraw = t;
        String line = runs ? runsLine((int) now, (int) end, (t - start) * 1e-9) : line(now, end, (t - start) * 1e-9);
        // Pad over a longer previous line (the clock can shrink the line by a digit).
        err.print('\r' + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = Math.max(drawnWidth, line.length());
    }

    /** Erases the bar, if it was drawn. */
    void finish() {
        if (drawnWidth > 0) {
            err.print('\r' + " ".repeat(drawnWidth) + '\r');
            err.flush();
            drawnWidth = 0;
        }
    }

    /** The text of the bar at simulated time {@code now} of {@code end} (s), after {@code elapsedS} of wall time. */
    static String line(double now, double end, double elapsedS) {
        double fraction = end > 0 ? Math.min(1, Math.max(0, now / end)) : 1;
        int filled = (int) Math.floor(fraction * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100))
                + "  sim " + clock(now) + " / " + clock(end)
                + "  elapsed " + wall(elapsedS);
    }

    /** The text of the bar after {@code done} of {@code total} replications. */
    static String runsLine(int done, int total, double elapsedS) {
        double fraction = total > 0 ? Math.min(1, Math.max(0, done / (double) total)) : 1;
        int filled = (int) Math.floor(fraction * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100))
                + "  runs " + done + " / " + total + "  elapsed " + wall(elapsedS);
    }

    /** Simulated time as h:mm:ss, hours unbounded (s). */
    static String clock(double seconds) {
        long s = (long) Math.floor(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Wall time as m:ss, or h:mm:ss past an hour (s). */
    static String wall(double seconds) {
        long s = (long) Math.floor(Math.max(0, seconds));
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
