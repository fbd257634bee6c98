package dev.bulwark.scenario;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.PlanarRegions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads polygon outlines written as closed rings of coordinate pairs and checks that they make
 * a simple polygon: every vertex on the globe, the ring closed (last vertex repeats the first),
 * at least three distinct vertices, and no edge crossing another.
 */
final class Rings {

    /** How the coordinates of one vertex are written. */
    enum Order {
        /** Scenario files: {@code [lat_deg, lon_deg]}. */
        LAT_LON("[lat_deg, lon_deg]", 2),
        /** GeoJSON (RFC 7946 §3.1.1): {@code [lon, lat]} or {@code [lon, lat, alt]}. */
        LON_LAT("[lon, lat]", 3);

        final String pair;
        final int maxLength;

        Order(String pair, int maxLength) {
            this.pair = pair;
            this.maxLength = maxLength;
        }
    }

    private Rings() {
    }

    /**
     * A ring as a polygon (without the closing repeat), or null after reporting its problems.
     *
     * @param altitude height given to every vertex (m): the scenario's ground height
     */
    static GeoPolygon read(Source src, Node ring, String field, Order order, double altitude) {
        if (!(ring instanceof SequenceNode) || ((SequenceNode) ring).getValue().isEmpty()) {
            src.problem(ring, field, "expected a closed ring of " + order.pair + " pairs, got "
                    + (ring instanceof SequenceNode ? "an empty list" : Fields.describe(ring)));
            return null;
        }
        List<Node> items = ((SequenceNode) ring).getValue();
        List<double[]> latLon = new ArrayList<>();
        boolean bad = false;
        for (int i = 0; i < items.size(); i++) {
            double[] v = vertex(src, items.get(i), field + "[" + i + "]", order);
            bad |= v == null;
            latLon.add(v);
        }
        if (bad) {
            return null;
        }
        double[] first = latLon.get(0);
        double[] last = latLon.get(latLon.size() - 1);
        if (latLon.size() < 2 || first[0] != last[0] || first[1] != last[1]) {
            src.problem(items.get(items.size() - 1), field, "the ring is not closed: its last vertex "
                    + show(last, order) + " must repeat its first vertex " + show(first, order)
                    + "; add " + show(first, order) + " at the end");
            return null;
        }
        List<double[]> open = latLon.subList(0, latLon.size() - 1);
        Set<List<Double>> distinct = new HashSet<>();
        for (double[] v : open) {
            distinct.add(List.of(v[0], v[1]));
        }
        if (distinct.size() < 3) {
            src.problem(ring, field, "a polygon needs at least 3 distinct vertices, got " + distinct.size());
            return null;
        }
        // A vertex repeated in place adds no edge; drop it rather than reject the outline.
        List<double[]> kept = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            double[] v = open.get(i);
            double[] previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            boolean repeatsFirst = i > 0 && v[0] == first[0] && v[1] == first[1] && i == open.size() - 1;
            if ((previous == null || previous[0] != v[0] || previous[1] != v[1]) && !repeatsFirst) {
                kept.add(v);
                index.add(i);
            }
        }
        List<GeodeticPoint> vertices = new ArrayList<>();
        for (double[] v : kept) {
            vertices.add(GeodeticPoint.ofDegrees(v[0], v[1], altitude));
        }
        GeoPolygon polygon = new GeoPolygon(vertices);
        if (!PlanarRegions.isSimple(Ellipsoid.WGS84, polygon)) {
            String crossing = findCrossing(kept, index);
            src.problem(ring, field, crossing != null
                    ? "the ring crosses itself: " + crossing + " (vertices counted from 0); list the vertices in"
                            + " order around the boundary"
                    : "the ring is not a simple polygon: it touches itself or encloses no area");
            return null;
        }
        return polygon;
    }

    /**
     * An open list of points (a route), each {@code [lat_deg, lon_deg]}, or null after reporting
     * its problems. An empty list is a route without turn points.
     *
     * @param altitude height given to every point (m)
     */
    static List<GeodeticPoint> points(Source src, Node list, String field, double altitude) {
        if (!(list instanceof SequenceNode)) {
            src.problem(list, field, "expected a list of " + Order.LAT_LON.pair + " points, got "
                    + Fields.describe(list));
            return null;
        }
        List<Node> items = ((SequenceNode) list).getValue();
        List<GeodeticPoint> out = new ArrayList<>();
        boolean bad = false;
        for (int i = 0; i < items.size(); i++) {
            double[] v = vertex(src, items.get(i), field + "[" + i + "]", Order.LAT_LON);
            if (v == null) {
                bad = true;
            } else {
                out.add(GeodeticPoint.ofDegrees(v[0], v[1], altitude));
            }
        }
        return bad ? null : out;
    }

    /** {lat, lon} in degrees of one vertex, or null after reporting. */
    private static double[] vertex(Source src, Node item, String field, Order order) {
        if (!(item instanceof SequenceNode)) {
            src.problem(item, field, "expected a vertex " + order.pair + ", got " + Fields.describe(item));
            return null;
        }
        List<Node> xs = ((SequenceNode) item).getValue();
        if (xs.size() < 2 || xs.size() > order.maxLength) {
            src.problem(item, field, "expected a vertex " + order.pair + " with "
                    + (order.maxLength == 2 ? "2" : "2 or " + order.maxLength) + " numbers, got " + xs.size()
                    + (xs.size() == 1 ? " number" : " numbers"));
            return null;
        }
        int latIndex = order == Order.LAT_LON ? 0 : 1;
        int lonIndex = 1 - latIndex;
        Double lat = Fields.number(src, xs.get(latIndex), field + "[" + latIndex + "]", Range.ANY);
        Double lon = Fields.number(src, xs.get(lonIndex), field + "[" + lonIndex + "]", Range.ANY);
        if (order == Order.LON_LAT && xs.size() == 3) {
            Fields.number(src, xs.get(2), field + "[2]", Range.ANY);
        }
        if (lat == null || lon == null) {
            return null;
        }
        boolean ok = true;
        if (Math.abs(lat) > 90) {
            String swap = Math.abs(lon) <= 90 && Math.abs(lat) <= 180
                    ? "; are latitude and longitude swapped? the order is " + order.pair : "";
            src.problem(xs.get(latIndex), field + "[" + latIndex + "]",
                    "latitude must be between -90 and 90 degrees, got " + Numbers.format(lat) + swap);
            ok = false;
        }
        if (Math.abs(lon) > 180) {
            src.problem(xs.get(lonIndex), field + "[" + lonIndex + "]",
                    "longitude must be between -180 and 180 degrees, got " + Numbers.format(lon));
            ok = false;
        }
        return ok ? new double[] {lat, lon} : null;
    }

    private static String show(double[] latLon, Order order) {
        double a = order == Order.LAT_LON ? latLon[0] : latLon[1];
        double b = order == Order.LAT_LON ? latLon[1] : latLon[0];
        return "[" + Numbers.format(a) + ", " + Numbers.format(b) + "]";
    }

    /**
     * Names two non-adjacent edges that cross or touch, for the message; null if none is found.
     * Uses an equirectangular plane, which preserves crossings for outlines of town size.
     */
    static String findCrossing(List<double[]> open, List<Integer> index) {
        int n = open.size();
        double cosLat = Math.cos(Math.toRadians(open.get(0)[0]));
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {open.get(i)[1] * cosLat, open.get(i)[0]};
        }
        for (int i = 0; i < n; i++) {
            int i2 = (i + 1) % n;
            for (int j = i + 2; j < n; j++) {
                int j2 = (j + 1) % n;
                if (j2 == i) {
                    continue;
                }
                if (intersect(p[i], p[i2], p[j], p[j2])) {
                    return "the edge from vertex " + index.get(i) + " to " + index.get(i2)
                            + " crosses the edge from vertex " + index.get(j) + " to " + index.get(j2);
                }
            }
        }
        return null;
    }

    private static boolean intersect(double[] a, double[] b, double[] c, double[] d) {
        double d1 = cross(c, d, a);
        double d2 = cross(c, d, b);
        double d3 = cross(a, b, c);
        double d4 = cross(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && on(c, d, a)) || (d2 == 0 && on(c, d, b)) || (d3 == 0 && on(a, b, c))
                || (d4 == 0 && on(a, b, d));
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static boolean on(double[] a, double[] b, double[] p) {
        return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1]
                && p[1] <= Math.max(a[1], b[1]);
    }
}
