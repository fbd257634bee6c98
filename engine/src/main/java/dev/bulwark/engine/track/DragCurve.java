package dev.bulwark.engine.track;

import java.util.Arrays;

/**
 * The shape of a drag curve that a tracker and an impact prediction assume for every falling
 * track: the drag coefficient against Mach number relative to its value at the curve's first
 * (lowest) Mach number, s(M) = C_D(M) / C_D(M₀), linear between the points and flat beyond the
 * ends (the form of a drag table in exterior ballistics: McCoy, <i>Modern Exterior Ballistics</i>,
 * 1999, ch. 4). With a curve, a ballistic coefficient β (or γ = 1/β) is the one at M₀ (subsonic for
 * the catalogue's rockets) and the drag deceleration is ρ |v|² s(M) / (2β): a round that flies
 * through the transonic rise keeps one β instead of an effective one that changes along its flight.
 *
 * <p>The tracking stage does not read the flight models, so this is its own copy of the numbers
 * (a scenario names the threat type whose curve it takes). Immutable.
 *
 * <p>Simplified: one shape for every track. A round whose real curve has another shape (a shell
 * among rockets) is described by a β that drifts with Mach number, which a tracker estimating γ
 * follows through its random walk, and which a prediction flying one γ does not foresee.
 */
public final class DragCurve {

    private final double[] mach;
    private final double[] relative;

    private DragCurve(double[] mach, double[] relative) {
        this.mach = mach;
        this.relative = relative;
    }

    /**
     * The shape of a drag table: its coefficients divided by the first one.
     *
     * @param mach Mach numbers, strictly increasing, ≥ 0 (at least one)
     * @param cd   drag coefficients at those Mach numbers, the first &gt; 0, none negative
     * @throws IllegalArgumentException if the table is not of that form
     */
    public static DragCurve of(double[] mach, double[] cd) {
        if (mach.length == 0 || mach.length != cd.length || !(cd[0] > 0) || !Double.isFinite(cd[0])) {
            throw new IllegalArgumentException("a drag curve needs one coefficient per Mach number, the first positive");
        }
        double[] rel = new double[cd.length];
        for (int i = 0; i < mach.length; i++) {
            if (!(mach[i] >= 0) || !Double.isFinite(mach[i]) || !(cd[i] >= 0) || !Double.isFinite(cd[i])
                    || (i > 0 && !(mach[i] > mach[i - 1]))) {
                throw new IllegalArgumentException("drag curve entry " + i + ": Mach numbers must increase and"
                        + " coefficients be finite and not negative");
            }
            rel[i] = cd[i] / cd[0];
        }
        return new DragCurve(mach.clone(), rel);
    }

    /** The Mach numbers of the curve (a copy). */
    public double[] mach() {
        return mach.clone();
    }

    /** The relative drag coefficients at those Mach numbers, the first 1 (a copy). */
    public double[] relative() {
        return relative.clone();
    }

    /** s(M), the drag coefficient at a Mach number relative to the first. */
    public double at(double m) {
        int n = mach.length;
        if (!(m > mach[0])) {
            return relative[0];
        }
        if (m >= mach[n - 1]) {
            return relative[n - 1];
        }
        int k = 1;
        while (m > mach[k]) {
            k++;
        }
        double f = (m - mach[k - 1]) / (mach[k] - mach[k - 1]);
        return relative[k - 1] + f * (relative[k] - relative[k - 1]);
    }

    /** ds/dM at a Mach number: the slope of its segment (0 beyond the ends; the upper segment at a point). */
    public double slope(double m) {
        int n = mach.length;
        if (m < mach[0] || m >= mach[n - 1] || n == 1) {
            return 0;
        }
        int k = 1;
        while (m >= mach[k]) {
            k++;
        }
        return (relative[k] - relative[k - 1]) / (mach[k] - mach[k - 1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DragCurve c && Arrays.equals(mach, c.mach) && Arrays.equals(relative, c.relative);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mach) + Arrays.hashCode(relative);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DragCurve[");
        for (int i = 0; i < mach.length; i++) {
            s.append(i == 0 ? "" : ", ").append(mach[i]).append(':').append(relative[i]);
        }
        return s.append(']').toString();
    }
}
