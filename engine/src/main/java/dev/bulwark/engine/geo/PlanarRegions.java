package dev.bulwark.engine.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Location;

/**
 * A set of surface polygons projected into the east-north plane of one local frame, for
 * fast point-in-polygon tests and uniform sampling (JTS does the planar geometry).
 *
 * <p>Model: each vertex is placed at the east and north coordinates of its point on the
 * ellipsoid surface in the tangent frame at the region origin. Within 100 km of the origin
 * this moves boundaries by well under 0.1% of their distance from it (the up component
 * neglected is ~d²/2R, the horizontal distortion of that projection of the same order
 * relative to d), which is far below the dispersion of any rocket Bulwark simulates. A
 * scenario spread over more than a few hundred kilometres should use a projection per
 * region; that arrives with the coalition scenarios.
 *
 * <p>Immutable after construction; the point queries are thread-safe.
 */
public final class PlanarRegions {

    private final LocalFrame frame;
    private final Ellipsoid ellipsoid;
    private final List<Polygon> polygons = new ArrayList<>();
    private final List<IndexedPointInAreaLocator> locators = new ArrayList<>();
    /** The shell of each polygon when small enough to test directly, else null (use the indexed locator). */
    private final List<Coordinate[]> smallRings = new ArrayList<>();
    private final List<Envelope> envelopes = new ArrayList<>();
    private final GeometryFactory factory = new GeometryFactory();

    /**
     * Rings with at most this many coordinates are tested by JTS' direct crossing count
     * ({@link RayCrossingCounter#locatePointInRing}), faster than its interval index for a town's
     * outline of a few dozen vertices; larger ones by the indexed locator. Both give the same
     * answer, boundary included.
     */
    static final int SMALL_RING = 64;

    /**
     * @param ellipsoid the ellipsoid the polygons lie on
     * @param frame     the local frame whose east-north plane the polygons are projected to
     * @param regions   the polygons, indexed in this order by the queries
     */
    public PlanarRegions(Ellipsoid ellipsoid, LocalFrame frame, List<GeoPolygon> regions) {
        this.frame = frame;
        this.ellipsoid = ellipsoid;
        double[] ecef = new double[3];
        double[] enu = new double[3];
        for (GeoPolygon region : regions) {
            List<GeodeticPoint> vs = region.vertices();
            Coordinate[] ring = new Coordinate[vs.size() + 1];
            for (int i = 0; i < vs.size(); i++) {
                GeodeticPoint v = vs.get(i);
                ellipsoid.toEcef(v.latitude(), v.longitude(), 0.0, ecef);
                frame.ecefToEnu(ecef[0], ecef[1], ecef[2], enu);
                ring[i] = new Coordinate(enu[0], enu[1]);
            }
            ring[vs.size()] = new Coordinate(ring[0]);
            Polygon polygon = factory.createPolygon(ring);
            if (!polygon.isValid()) {
                throw new IllegalArgumentException("polygon " + polygons.size() + " is not simple (its edges cross)");
            }
            polygons.add(polygon);
            locators.add(new IndexedPointInAreaLocator(polygon));
            smallRings.add(ring.length <= SMALL_RING ? ring : null);
            envelopes.add(polygon.getEnvelopeInternal());
        }
    }

    /** Checks that a ring is a valid simple polygon, without building a region set. */
    public static boolean isSimple(Ellipsoid ellipsoid, GeoPolygon polygon) {
        try {
            new PlanarRegions(ellipsoid, new LocalFrame(ellipsoid, polygon.centroid()), List.of(polygon));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The frame whose east-north plane the regions live in. */
    public LocalFrame frame() {
        return frame;
    }

    /** Number of regions. */
    public int size() {
        return polygons.size();
    }

    /** Whether region {@code i} contains the plane point (east, north) (m); boundary counts as inside. */
    public boolean contains(int i, double east, double north) {
        if (!envelopes.get(i).contains(east, north)) {
            return false;
        }
        Coordinate[] ring = smallRings.get(i);
        Coordinate p = new Coordinate(east, north);
        return (ring != null ? RayCrossingCounter.locatePointInRing(p, ring) : locators.get(i).locate(p))
                != Location.EXTERIOR;
    }

    /**
     * Whether any region's bounding box meets the box [minEast, maxEast] × [minNorth, maxNorth]
     * (m): when not, no point of the box is in any region.
     */
    public boolean intersectsBox(double minEast, double minNorth, double maxEast, double maxNorth) {
        for (Envelope e : envelopes) {
            if (e.getMinX() <= maxEast && e.getMaxX() >= minEast && e.getMinY() <= maxNorth
                    && e.getMaxY() >= minNorth) {
                return true;
            }
        }
        return false;
    }

    /** The first region containing the plane point (east, north) (m), or -1 if none. */
    public int locate(double east, double north) {
        for (int i = 0; i < polygons.size(); i++) {
            if (contains(i, east, north)) {
                return i;
            }
        }
        return -1;
    }

    /** Plane coordinates (east, north) (m) of a geodetic point's surface projection, into {@code out[0..1]}. */
    public void project(GeodeticPoint p, double[] out3) {
        double[] ecef = new double[3];
        ellipsoid.toEcef(p.latitude(), p.longitude(), 0.0, ecef);
        frame.ecefToEnu(ecef[0], ecef[1], ecef[2], out3);
    }

    /**
     * The surface point (height 0) that {@link #project} maps to the plane point (east, north)
     * (m): where the frame's vertical line through that point meets the ellipsoid. The exact
     * inverse of {@code project}.
     */
    public GeodeticPoint unproject(double east, double north) {
        double[] base = new double[3];
        frame.enuToEcef(east, north, 0.0, base);
        double[] up = new double[3];
        frame.rotateToEcef(0, 0, 1, up);
        // (x² + y²)/a² + z²/b² = 1 along base + u·up: a quadratic in u; the root nearest the plane
        double a2 = ellipsoid.equatorialRadius() * ellipsoid.equatorialRadius();
        double b2 = ellipsoid.polarRadius() * ellipsoid.polarRadius();
        double qa = (up[0] * up[0] + up[1] * up[1]) / a2 + up[2] * up[2] / b2;
        double qb = 2 * ((base[0] * up[0] + base[1] * up[1]) / a2 + base[2] * up[2] / b2);
        double qc = (base[0] * base[0] + base[1] * base[1]) / a2 + base[2] * base[2] / b2 - 1;
        double disc = Math.sqrt(qb * qb - 4 * qa * qc);
        // numerically stable roots; the one with the smaller magnitude is on the near side
        double qq = -0.5 * (qb + Math.copySign(disc, qb));
        double u1 = qq / qa;
        double u2 = qc / qq;
        double u = Math.abs(u1) < Math.abs(u2) ? u1 : u2;
        GeodeticPoint p = ellipsoid.toGeodetic(base[0] + u * up[0], base[1] + u * up[1], base[2] + u * up[2]);
        return p.withAltitude(0.0);
    }

    /** A point inside region {@code i} near its centre (east, north) (m); JTS's interior point. */
    public double[] interiorPoint(int i) {
        Coordinate c = polygons.get(i).getInteriorPoint().getCoordinate();
        return new double[] {c.x, c.y};
    }

    /** Area of region {@code i} (m²) in the plane. */
    public double area(int i) {
        return polygons.get(i).getArea();
    }

    /**
     * A point drawn uniformly inside region {@code i} by rejection from its bounding box.
     *
     * @param i       region index
     * @param uniform source of uniform numbers in [0, 1)
     * @param out     receives east, north (m)
     */
    public void sampleUniform(int i, java.util.function.DoubleSupplier uniform, double[] out) {
        Envelope env = envelopes.get(i);
        for (int attempt = 0; attempt < 100_000; attempt++) {
            double e = env.getMinX() + uniform.getAsDouble() * env.getWidth();
            double n = env.getMinY() + uniform.getAsDouble() * env.getHeight();
            if (contains(i, e, n)) {
                out[0] = e;
                out[1] = n;
                return;
            }
        }
        throw new IllegalStateException("could not sample inside region " + i);
    }
}
