package dev.bulwark.engine.threat;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.geo.PlanarRegions;
import java.util.List;

/** The defended areas of a scenario with fast point location in the scenario's tangent plane. */
public final class DefendedAreas {

    private final List<DefendedArea> areas;
    private final PlanarRegions regions;
    private final double[] scratch = new double[3];

    /** Indexes the areas in the tangent plane at the scenario origin. */
    public DefendedAreas(Ellipsoid ellipsoid, LocalFrame originFrame, List<DefendedArea> areas) {
        this.areas = List.copyOf(areas);
        this.regions = new PlanarRegions(ellipsoid, originFrame, this.areas.stream().map(DefendedArea::boundary).toList());
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
