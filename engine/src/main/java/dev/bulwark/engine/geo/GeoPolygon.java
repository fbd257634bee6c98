package dev.bulwark.engine.geo;

import java.util.List;

/**
 * A simple polygon on the Earth's surface given by its vertices in order (the ring is
 * implicitly closed: the first vertex is not repeated at the end). Heights are ignored.
 *
 * <p>Polygons in Bulwark are small (towns, launch areas, tens of kilometres at most), so
 * containment is evaluated in a local tangent plane: see {@link PlanarRegions}.
 *
 * @param vertices at least three vertices, in order, without the closing repeat
 */
public record GeoPolygon(List<GeodeticPoint> vertices) {

    public GeoPolygon {
        vertices = List.copyOf(vertices);
        if (vertices.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 distinct vertices, got " + vertices.size());
        }
    }

    /** The vertex mean (a point inside convex polygons; used for labels and defaults). */
    public GeodeticPoint centroid() {
        double lat = 0;
        double lon = 0;
        for (GeodeticPoint v : vertices) {
            lat += v.latitude();
            lon += v.longitude();
        }
        return new GeodeticPoint(lat / vertices.size(), lon / vertices.size(), 0.0);
    }
}
