package dev.bulwark.engine.flight.interceptor;

import java.util.Arrays;

/**
 * Zero-lift drag coefficient against Mach number for an interceptor: a table of (Mach, C_D)
 * points, interpolated linearly between them and held constant beyond the first and last.
 *
 * <p>The coefficient refers to the type's reference area (usually the body cross-section).
 * Kept to this package on purpose: the threat catalogue's own drag model lives with the
 * threat types, and the two may evolve separately.
 *
 * <p>Immutable and thread-safe; {@link #coefficient} allocates nothing.
 */
public final class MachDragTable {

    private final double[] mach;
    private final double[] cd;

    /**
     * @param mach Mach numbers, strictly increasing, at least one
     * @param cd   drag coefficients (dimensionless, ≥ 0), one per Mach number
     * @throws IllegalArgumentException if the arrays are empty, of different lengths, not
     *                                  increasing or hold negative or non-finite values
     */
    public MachDragTable(double[] mach, double[] cd) {
        if (mach == null || cd == null || mach.length == 0 || mach.length != cd.length) {
            throw new IllegalArgumentException("a drag table needs as many drag coefficients as Mach numbers, at least one");
        }
        for (int i = 0; i < mach.length; i++) {
            if (!(mach[i] >= 0) || !Double.isFinite(mach[i]) || !(cd[i] >= 0) || !Double.isFinite(cd[i])) {
                throw new IllegalArgumentException("drag table entry " + i + " must be finite and non-negative");
            }
            if (i > 0 && !(mach[i] > mach[i - 1])) {
                throw new IllegalArgumentException("drag table Mach numbers must increase (entry " + i + ")");
            }
        }
        this.mach = mach.clone();
        this.cd = cd.clone();
    }

    /** A coefficient that does not depend on Mach number. */
    public static MachDragTable constant(double cd) {
        return new MachDragTable(new double[] {0}, new double[] {cd});
    }

    /** Drag coefficient (dimensionless) at a Mach number, piecewise linear, constant beyond the ends. */
    public double coefficient(double machNumber) {
        int n = mach.length;
        if (!(machNumber > mach[0])) {
            return cd[0];
        }
        if (machNumber >= mach[n - 1]) {
            return cd[n - 1];
        }
        int i = 1;
        while (mach[i] < machNumber) {
            i++;
        }
        double f = (machNumber - mach[i - 1]) / (mach[i] - mach[i - 1]);
        return cd[i - 1] + f * (cd[i] - cd[i - 1]);
    }

    /** The Mach numbers of the table; a copy. */
    public double[] machNumbers() {
        return mach.clone();
    }

    /** The drag coefficients of the table; a copy. */
    public double[] coefficients() {
        return cd.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MachDragTable other && Arrays.equals(mach, other.mach) && Arrays.equals(cd, other.cd);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mach) + Arrays.hashCode(cd);
    }

    @Override
    public String toString() {
        return "MachDragTable" + Arrays.toString(mach) + "→" + Arrays.toString(cd);
    }
}
