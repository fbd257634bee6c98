package dev.bulwark.engine.flight;

import java.util.Arrays;
import java.util.Locale;

/**
 * A drag coefficient against Mach number: linear between the tabulated points, flat beyond
 * the first and the last (the usual form of a drag curve in exterior ballistics: McCoy,
 * <i>Modern Exterior Ballistics</i>, 1999, ch. 4, tabulates C_D0 against Mach in this way). A
 * one-entry table is a drag coefficient constant with speed.
 *
 * <p>The coefficient is referred to the type's reference area (usually the body cross-section)
 * and is dimensionless; Mach numbers are airspeed over the local speed of sound. Immutable.
 *
 * <p>The flight loop evaluates the table through a segment cursor ({@link #segment}) that walks
 * from the previous segment, so a lookup costs a comparison or two however long the table is.
 */
public final class DragTable {

    private final double[] mach;
    private final double[] cd;
    // Segment k covers [lo[k], hi[k]] with C_D = a[k] + b[k]·M. Segment 0 is (−∞, M_0] and the
    // last is [M_(n−1), +∞), both flat; the n − 1 segments between follow the table.
    final double[] lo;
    final double[] hi;
    final double[] a;
    final double[] b;

    private DragTable(double[] mach, double[] cd) {
        this.mach = mach;
        this.cd = cd;
        int n = mach.length;
        lo = new double[n + 1];
        hi = new double[n + 1];
        a = new double[n + 1];
        b = new double[n + 1];
        lo[0] = Double.NEGATIVE_INFINITY;
        hi[0] = mach[0];
        a[0] = cd[0];
        for (int k = 1; k < n; k++) {
            lo[k] = mach[k - 1];
            hi[k] = mach[k];
            b[k] = (cd[k] - cd[k - 1]) / (mach[k] - mach[k - 1]);
            a[k] = cd[k - 1] - b[k] * mach[k - 1];
        }
        lo[n] = mach[n - 1];
        hi[n] = Double.POSITIVE_INFINITY;
        a[n] = cd[n - 1];
    }

    /**
     * A drag coefficient that does not change with Mach number.
     *
     * @param cd the coefficient (dimensionless, ≥ 0)
     */
    public static DragTable constant(double cd) {
        return of(new double[] {0.0}, new double[] {cd});
    }

    /**
     * A table of drag coefficients against Mach number.
     *
     * @param mach Mach numbers, strictly increasing, ≥ 0 (at least one)
     * @param cd   drag coefficients at those Mach numbers (dimensionless, ≥ 0)
     * @throws IllegalArgumentException if the table is empty, the lengths differ, the Mach numbers
     *                                  do not increase or a value is negative or not finite
     */
    public static DragTable of(double[] mach, double[] cd) {
        if (mach.length == 0 || mach.length != cd.length) {
            throw new IllegalArgumentException("a drag table needs one drag coefficient per Mach number, at least one");
        }
        for (int i = 0; i < mach.length; i++) {
            if (!(mach[i] >= 0) || !Double.isFinite(mach[i]) || !(cd[i] >= 0) || !Double.isFinite(cd[i])) {
                throw new IllegalArgumentException("drag table entry " + i + ": Mach number and drag coefficient"
                        + " must be finite and not negative");
            }
            if (i > 0 && !(mach[i] > mach[i - 1])) {
                throw new IllegalArgumentException("drag table: Mach numbers must increase, entry " + i + " does not");
            }
        }
        return new DragTable(mach.clone(), cd.clone());
    }

    /** Number of tabulated points. */
    public int size() {
        return mach.length;
    }

    /** The i-th tabulated Mach number. */
    public double mach(int i) {
        return mach[i];
    }

    /** The drag coefficient tabulated at the i-th Mach number. */
    public double cdAt(int i) {
        return cd[i];
    }

    /** Whether the coefficient is the same at every Mach number. */
    public boolean isConstant() {
        for (double c : cd) {
            if (c != cd[0]) {
                return false;
            }
        }
        return true;
    }

    /** Largest tabulated drag coefficient. */
    public double maxCd() {
        double m = 0;
        for (double c : cd) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** The drag coefficient at a Mach number (not for hot loops: it searches the whole table). */
    public double cd(double machNumber) {
        int k = segment(machNumber, 0);
        return a[k] + b[k] * machNumber;
    }

    /**
     * The drag coefficient at a Mach number, the same to the bit as {@link #cd(double)}, found
     * from the segment of the previous call on the same cursor: for a hot loop whose Mach number
     * changes little between calls (a fly-out's integration stages).
     *
     * @param machNumber the Mach number
     * @param cursor     one element: the segment of the last call (start with 0); updated
     */
    public double cd(double machNumber, int[] cursor) {
        int k = machNumber == machNumber ? segment(machNumber, cursor[0]) : 0;
        // on a tabulated Mach number the walk from below (cd) stops in the lower segment
        if (k > 0 && machNumber <= hi[k - 1]) {
            k--;
        }
        cursor[0] = k;
        return a[k] + b[k] * machNumber;
    }

    /**
     * The segment holding a Mach number, walking from a guess (the previous answer): O(1) when
     * the Mach number changes little between calls, as it does from one integration stage to
     * the next.
     */
    int segment(double machNumber, int guess) {
        int k = guess;
        while (machNumber < lo[k]) {
            k--;
        }
        while (machNumber > hi[k]) {
            k++;
        }
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DragTable && Arrays.equals(mach, ((DragTable) o).mach)
                && Arrays.equals(cd, ((DragTable) o).cd);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mach) + Arrays.hashCode(cd);
    }

    /** The table as {@code [[mach, cd], ...]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < mach.length; i++) {
            s.append(i == 0 ? "[" : ", [").append(String.format(Locale.ROOT, "%s, %s", mach[i], cd[i])).append(']');
        }
        return s.append(']').toString();
    }
}
