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
 */
public final class DefendedAreas {

    private final List<DefendedArea> areas;
    private final PlanarRegions regions;
    private final double[] weighted;
    private final double[] scratch = new double[3];

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

    /** Index of the area containing the plane point (east, north) (m), or -1. */
    public int locate(double east, double north) {
        return regions.locate(east, north);
    }
}
