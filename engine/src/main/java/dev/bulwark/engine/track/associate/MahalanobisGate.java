package dev.bulwark.engine.track.associate;

import java.util.Arrays;

/**
 * Gating of 3-D position plots against predicted tracks by squared Mahalanobis distance,
 * d² = νᵀ S⁻¹ ν ≤ γ with ν = z − ẑ and S = H P Hᵀ + R (Bar-Shalom, Li &amp; Kirubarajan 2001,
 * §5.2.3 and §7.4), behind a spatial index so that the work is not tracks × plots.
 *
 * <p>Index: a uniform grid hash of the plots. The gate ellipsoid νᵀ S⁻¹ ν ≤ γ lies inside the
 * box of half-widths √(γ S_kk) (k = x, y, z); with R varying from plot to plot (a radar's
 * cross-range error grows with range), S_kk is bounded by (H P Hᵀ)_kk + max over plots of R_kk.
 * The cell size is twice the largest of these half-widths over all tracks, so each track's
 * box spans at most 2 cells per axis (8 cells; with the cell equal to the half-width it would
 * be 27 look-ups, which measured slower on sparse scenes). Only plots in those cells, and
 * inside the box, have d² computed. Simplified: one track with a huge covariance makes every cell large; the grid
 * then degrades gracefully towards the all-pairs test.
 *
 * <p>Frame: any Cartesian frame shared by tracks and plots (ECEF in the simulator), metres.
 * Reusable, not thread-safe; a scan allocates nothing once the arrays have grown.
 */
public final class MahalanobisGate {

    private final double gamma;
    private int[] head = new int[0];
    private int[] next = new int[0];
    private int[] cell = new int[0];
    private final double[] s = new double[6];
    // √|S| of the last distance2 call (m³)
    double sqrtDet = Double.NaN;

    /** @param chiSquare the gate γ on d² (e.g. 16.27, 99.9% for 3 degrees of freedom) */
    public MahalanobisGate(double chiSquare) {
        if (!(chiSquare > 0)) {
            throw new IllegalArgumentException("gate must be > 0, got " + chiSquare);
        }
        this.gamma = chiSquare;
    }

    /** The gate γ. */
    public double chiSquare() {
        return gamma;
    }

    /**
     * Gates one scan.
     *
     * @param tracks number of tracks
     * @param zHat   predicted positions, 3 per track (m)
     * @param hph    predicted position covariances H P Hᵀ, 9 per track, row-major (m²)
     * @param plots  number of plots
     * @param z      plot positions, 3 per plot (m)
     * @param r      plot covariances, 9 per plot, row-major (m²)
     * @param out    receives the gated pairs, by track, each with its d² and √|S|
     */
    public void gate(int tracks, double[] zHat, double[] hph, int plots, double[] z, double[] r, GatedPairs out) {
        out.clear(tracks, plots, gamma);
        if (tracks == 0 || plots == 0) {
            return;
        }
        double rx = 0;
        double ry = 0;
        double rz = 0;
        for (int j = 0; j < plots; j++) {
            rx = Math.max(rx, r[9 * j]);
            ry = Math.max(ry, r[9 * j + 4]);
            rz = Math.max(rz, r[9 * j + 8]);
        }
        double h = 0;
        for (int i = 0; i < tracks; i++) {
            h = Math.max(h, Math.max(hph[9 * i] + rx, Math.max(hph[9 * i + 4] + ry, hph[9 * i + 8] + rz)));
        }
        h = 2 * Math.sqrt(gamma * h);
        if (!(h > 0) || h == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("covariances must be finite and positive");
        }
        double inv = 1 / h;
        int size = Integer.highestOneBit(Math.max(4, 2 * plots - 1)) << 1;
        if (head.length < size) {
            head = new int[size];
        }
        if (next.length < plots) {
            int cap = Math.max(plots, 2 * next.length);
            next = new int[cap];
            cell = new int[3 * cap];
        }
        int mask = size - 1;
        Arrays.fill(head, 0, size, -1);
        for (int j = plots - 1; j >= 0; j--) { // so that each chain lists its plots in increasing order
            int cx = floor(z[3 * j] * inv);
            int cy = floor(z[3 * j + 1] * inv);
            int cz = floor(z[3 * j + 2] * inv);
            cell[3 * j] = cx;
            cell[3 * j + 1] = cy;
            cell[3 * j + 2] = cz;
            int b = hash(cx, cy, cz) & mask;
            next[j] = head[b];
            head[b] = j;
        }
        for (int i = 0; i < tracks; i++) {
            double x = zHat[3 * i];
            double y = zHat[3 * i + 1];
            double w = zHat[3 * i + 2];
            double hx = Math.sqrt(gamma * (hph[9 * i] + rx));
            double hy = Math.sqrt(gamma * (hph[9 * i + 4] + ry));
            double hz = Math.sqrt(gamma * (hph[9 * i + 8] + rz));
            int x0 = floor((x - hx) * inv);
            int x1 = floor((x + hx) * inv);
            int y0 = floor((y - hy) * inv);
            int y1 = floor((y + hy) * inv);
            int z0 = floor((w - hz) * inv);
            int z1 = floor((w + hz) * inv);
            for (int cx = x0; cx <= x1; cx++) {
                for (int cy = y0; cy <= y1; cy++) {
                    for (int cz = z0; cz <= z1; cz++) {
                        for (int j = head[hash(cx, cy, cz) & mask]; j >= 0; j = next[j]) {
                            if (cell[3 * j] != cx || cell[3 * j + 1] != cy || cell[3 * j + 2] != cz) {
                                continue; // another cell in the same bucket
                            }
                            double dx = z[3 * j] - x;
                            double dy = z[3 * j + 1] - y;
                            double dz = z[3 * j + 2] - w;
                            if (Math.abs(dx) > hx || Math.abs(dy) > hy || Math.abs(dz) > hz) {
                                continue;
                            }
                            double d2 = distance2(hph, 9 * i, r, 9 * j, dx, dy, dz);
                            if (d2 <= gamma) {
                                out.add(i, j, d2, sqrtDet);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Squared Mahalanobis distance of ν = (dx, dy, dz) under S = A + (B + Bᵀ)/2 (A symmetric),
     * by the Cholesky factor of S; +∞ if S is not positive definite. Leaves √|S| = l₀₀ l₁₁ l₂₂
     * in {@link #sqrtDet} (NaN when +∞ is returned): a product, no logarithm on the GNN path.
     */
    double distance2(double[] a, int ao, double[] b, int bo, double dx, double dy, double dz) {
        s[0] = a[ao] + b[bo];
        s[1] = a[ao + 3] + 0.5 * (b[bo + 3] + b[bo + 1]);
        s[2] = a[ao + 4] + b[bo + 4];
        s[3] = a[ao + 6] + 0.5 * (b[bo + 6] + b[bo + 2]);
        s[4] = a[ao + 7] + 0.5 * (b[bo + 7] + b[bo + 5]);
        s[5] = a[ao + 8] + b[bo + 8];
        sqrtDet = Double.NaN;
        // S = L Lᵀ, L lower triangular (l00; l10 l11; l20 l21 l22)
        if (!(s[0] > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double l00 = Math.sqrt(s[0]);
        double l10 = s[1] / l00;
        double d11 = s[2] - l10 * l10;
        if (!(d11 > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double l11 = Math.sqrt(d11);
        double l20 = s[3] / l00;
        double l21 = (s[4] - l20 * l10) / l11;
        double d22 = s[5] - l20 * l20 - l21 * l21;
        if (!(d22 > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double l22 = Math.sqrt(d22);
        sqrtDet = l00 * l11 * l22;
        double y0 = dx / l00;
        double y1 = (dy - l10 * y0) / l11;
        double y2 = (dz - l20 * y0 - l21 * y1) / l22;
        return y0 * y0 + y1 * y1 + y2 * y2;
    }

    // (int) Math.floor(v) for every double (saturating, NaN to 0), without the library call, which the
    // JIT does not always make intrinsic
    static int floor(double v) {
        int i = (int) v;
        return v < i && i != Integer.MIN_VALUE ? i - 1 : i;
    }

    private static int hash(int x, int y, int z) {
        int h = x * 0x9E3779B1 + y * 0x85EBCA77 + z * 0xC2B2AE3D;
        return h ^ (h >>> 15);
    }
}
