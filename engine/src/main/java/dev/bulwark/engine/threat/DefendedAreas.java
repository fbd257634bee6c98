package dev.bulwark.engine.threat;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.geo.PlanarRegions;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The defended areas of a scenario with fast point location in the scenario's tangent plane, and
 * the effective value of each: its value times the weight of its kind (set by the doctrine; 1 by
 * default), the value threat evaluation weighs its probabilities with.
 *
 * <p>Point location ({@link #locate(double, double)}, called 256 times per assessment near an
 * area by {@link AreaProbabilities}) first reads a grid of {@value #GRID} × {@value #GRID} cells
 * over each area's bounding box, classified once: a cell that no edge of the area's outline comes
 * within {@link #margin a small margin} of lies wholly inside or wholly outside, which the exact
 * test of its centre tells; only points in the cells along the outline are tested exactly
 * ({@link PlanarRegions#contains}). The answers are therefore those of the exact test everywhere
 * (tested against it in DefendedAreasTest), at a table lookup for most points.
 */
public final class DefendedAreas {

    private final List<DefendedArea> areas;
    private final PlanarRegions regions;
    private final double[] weighted;
    private final double[] scratch = new double[3];

    /** Cells along each side of an area's grid. */
    static final int GRID = 64;
    private static final byte OUTSIDE = 0;
    private static final byte INSIDE = 1;
    private static final byte EDGE = 2;
    // per area: bounding box, inverse cell sizes and the cells' classes (row-major, GRID × GRID)
    private final double[] minE;
    private final double[] minN;
    private final double[] maxE;
    private final double[] maxN;
    private final double[] invCellE;
    private final double[] invCellN;
    private final byte[][] cells;

    /** Indexes the areas in the tangent plane at the scenario origin; every kind weighs 1. */
    public DefendedAreas(Ellipsoid ellipsoid, LocalFrame originFrame, List<DefendedArea> areas) {
        this(ellipsoid, originFrame, areas, kind -> 1.0);
    }

    /**
     * Indexes the areas in the tangent plane at the scenario origin, each valued at its value times
     * the weight of its kind.
     *
     * @param kindWeight weight of each kind of area (&gt; 0)
     */
    public DefendedAreas(Ellipsoid ellipsoid, LocalFrame originFrame, List<DefendedArea> areas,
            ToDoubleFunction<AreaKind> kindWeight) {
        this.areas = List.copyOf(areas);
        this.regions = new PlanarRegions(ellipsoid, originFrame, this.areas.stream().map(DefendedArea::boundary).toList());
        this.weighted = new double[this.areas.size()];
        for (int k = 0; k < weighted.length; k++) {
            DefendedArea a = this.areas.get(k);
            double w = kindWeight.applyAsDouble(a.kind());
            if (!(w > 0)) {
                throw new IllegalArgumentException("the weight of kind " + a.kind().key() + " must be > 0, got " + w);
            }
            weighted[k] = a.value() * w;
        }
        int n = this.areas.size();
        minE = new double[n];
        minN = new double[n];
        maxE = new double[n];
        maxN = new double[n];
        invCellE = new double[n];
        invCellN = new double[n];
        cells = new byte[n][];
        for (int k = 0; k < n; k++) {
            classify(k);
        }
    }

    /**
     * The outline of area k in the plane, as {@link PlanarRegions} places it, and the class of each
     * cell of its grid: {@link #EDGE} where an edge of the outline passes within the margin of the
     * cell, else that of the cell's centre.
     */
    private void classify(int k) {
        List<GeodeticPoint> vs = areas.get(k).boundary().vertices();
        int m = vs.size();
        double[] e = new double[m];
        double[] nn = new double[m];
        double[] p = new double[3];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            regions.project(vs.get(i), p);
            e[i] = p[0];
            nn[i] = p[1];
            lo = Math.min(lo, e[i]);
            hi = Math.max(hi, e[i]);
            south = Math.min(south, nn[i]);
            north = Math.max(north, nn[i]);
        }
        double cellE = Math.max(hi - lo, 1e-3) / GRID;
        double cellN = Math.max(north - south, 1e-3) / GRID;
        minE[k] = lo;
        minN[k] = south;
        maxE[k] = hi;
        maxN[k] = north;
        invCellE[k] = 1 / cellE;
        invCellN[k] = 1 / cellN;
        byte[] c = new byte[GRID * GRID];
        double margin = margin(cellE, cellN);
        for (int i = 0; i < m; i++) {
            int j = (i + 1) % m;
            markEdge(c, e[i], nn[i], e[j], nn[j], lo, south, cellE, cellN, margin);
        }
        for (int iy = 0; iy < GRID; iy++) {
            for (int ix = 0; ix < GRID; ix++) {
                int cell = iy * GRID + ix;
                if (c[cell] != EDGE) {
                    c[cell] = regions.contains(k, lo + (ix + 0.5) * cellE, south + (iy + 0.5) * cellN) ? INSIDE : OUTSIDE;
                }
            }
        }
        cells[k] = c;
    }

    /**
     * How far beyond a cell an edge still marks it (m): far more than the rounding of the cell
     * index of a point (about 1e-16 of the coordinates, which are under 10⁷ m), so that every
     * point a lookup assigns to an unmarked cell is on the same side of the outline as its centre.
     */
    static double margin(double cellE, double cellN) {
        return 1e-3 * Math.max(cellE, cellN) + 1e-3;
    }

    /** Marks as {@link #EDGE} every cell the segment (e0, n0)–(e1, n1) passes within {@code margin} of. */
    private static void markEdge(byte[] c, double e0, double n0, double e1, double n1, double lo, double south,
            double cellE, double cellN, double margin) {
        double eLo = Math.min(e0, e1);
        double eHi = Math.max(e0, e1);
        int first = clamp((int) Math.floor((eLo - margin - lo) / cellE));
        int last = clamp((int) Math.floor((eHi + margin - lo) / cellE));
        for (int ix = first; ix <= last; ix++) {
            // the part of the segment over this column (widened by the margin)
            double a = Math.max(eLo, lo + ix * cellE - margin);
            double b = Math.min(eHi, lo + (ix + 1) * cellE + margin);
            double na;
            double nb;
            if (eHi - eLo <= 0) {
                na = n0;
                nb = n1;
            } else {
                na = n0 + (n1 - n0) * (a - e0) / (e1 - e0);
                nb = n0 + (n1 - n0) * (b - e0) / (e1 - e0);
            }
            int bottom = clamp((int) Math.floor((Math.min(na, nb) - margin - south) / cellN));
            int top = clamp((int) Math.floor((Math.max(na, nb) + margin - south) / cellN));
            for (int iy = bottom; iy <= top; iy++) {
                c[iy * GRID + ix] = EDGE;
            }
        }
    }

    private static int clamp(int i) {
        return Math.max(0, Math.min(GRID - 1, i));
    }

    /** Effective value of area {@code k}: its value times the weight of its kind. */
    public double weightedValue(int k) {
        return weighted[k];
    }

    /** The areas, in scenario order. */
    public List<DefendedArea> areas() {
        return areas;
    }

    /** Number of areas. */
    public int size() {
        return areas.size();
    }

    /** The planar geometry. */
    public PlanarRegions regions() {
        return regions;
    }

    /** Index of the area containing a ground point, or -1 for open ground. Not thread-safe. */
    public int locate(GeodeticPoint p) {
        regions.project(p, scratch);
        return regions.locate(scratch[0], scratch[1]);
    }

    /**
     * Index of the area containing the plane point (east, north) (m), or -1: the first in scenario
     * order, boundary included, exactly as {@link PlanarRegions#locate} answers (see the class
     * comment for how).
     */
    public int locate(double east, double north) {
        for (int k = 0; k < cells.length; k++) {
            if (contains(k, east, north)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The areas whose bounding boxes meet a box of the plane (m), in scenario order, into
     * {@code out} (room for {@link #size()}); their number. A point of the box can lie only in
     * these, so {@link #locate(double, double, int[], int)} over them answers as
     * {@link #locate(double, double)} does.
     */
    public int candidates(double minEast, double minNorth, double maxEast, double maxNorth, int[] out) {
        int count = 0;
        for (int k = 0; k < cells.length; k++) {
            if (maxEast >= minE[k] && minEast <= maxE[k] && maxNorth >= minN[k] && minNorth <= maxN[k]) {
                out[count++] = k;
            }
        }
        return count;
    }

    /**
     * {@link #locate(double, double)} among the first {@code count} areas of {@code candidates}
     * (from {@link #candidates}, for a box holding the point): the same answer, without testing
     * the areas that cannot hold it.
     */
    public int locate(double east, double north, int[] candidates, int count) {
        for (int i = 0; i < count; i++) {
            int k = candidates[i];
            if (contains(k, east, north)) {
                return k;
            }
        }
        return -1;
    }

    private boolean contains(int k, double east, double north) {
        if (!(east >= minE[k] && east <= maxE[k] && north >= minN[k] && north <= maxN[k])) {
            return false;
        }
        int ix = Math.min((int) ((east - minE[k]) * invCellE[k]), GRID - 1);
        int iy = Math.min((int) ((north - minN[k]) * invCellN[k]), GRID - 1);
        byte c = cells[k][iy * GRID + ix];
        return c == INSIDE || (c == EDGE && regions.contains(k, east, north));
    }
}
