package dev.bulwark.results.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Coastlines, land and national borders for the report's map, from the bundled resource
 * {@value #RESOURCE}: Natural Earth 1:10m Admin 0 countries (version 4.1.0, public domain)
 * as the TopoJSON of the npm package {@code world-atlas} 2.0.2 (ISC licence; see
 * {@code NOTICE-world-atlas.txt} beside it). Its quantisation step is 0.0036° of longitude
 * by 0.0017° of latitude (about 340 m × 190 m), enough for maps of tens of kilometres.
 *
 * <p>The topology is decoded once per JVM and kept (about 8 MB). The TopoJSON arcs of the
 * {@code land} object are the coastlines; arcs of {@code countries} that are not coastline
 * are land borders. {@link #clip} cuts everything to a longitude/latitude box: land rings by
 * Sutherland–Hodgman against the box (which adds harmless edges along the box, invisible under
 * the map's own clip), lines by keeping the runs of segments that meet the box.
 */
final class Basemap {

    /** The bundled resource, relative to this class. */
    static final String RESOURCE = "ne-countries-10m.topojson.gz";

    /** Lines and land rings in degrees: each a flat array lon0, lat0, lon1, lat1, ... */
    record Clipped(List<double[]> land, List<double[]> coast, List<double[]> borders) {
    }

    /** The decoded topology: arcs as absolute quantised positions, and which arcs play which part. */
    private record Topology(double[] scale, double[] translate, List<int[]> arcs, List<List<int[]>> landPolygons,
            boolean[] coastArc, boolean[] countryArc, double[][] arcBoxes) {

        /** Whether arc {@code a}'s bounding box (degrees) meets the box. */
        boolean arcMeets(int a, double west, double south, double east, double north) {
            double[] b = arcBoxes[a];
            return b[0] <= east && b[2] >= west && b[1] <= north && b[3] >= south;
        }

        /** Whether a ring's bounding box (the union of its arcs') meets the box. */
        boolean ringMeets(int[] ring, double west, double south, double east, double north) {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int a : ring) {
                double[] b = arcBoxes[a >= 0 ? a : ~a];
                minX = Math.min(minX, b[0]);
                minY = Math.min(minY, b[1]);
                maxX = Math.max(maxX, b[2]);
                maxY = Math.max(maxY, b[3]);
            }
            return minX <= east && maxX >= west && minY <= north && maxY >= south;
        }
    }

    private static volatile Topology topology;

    private Basemap() {
    }

    private static Topology topology() {
        Topology t = topology;
        if (t == null) {
            synchronized (Basemap.class) {
                t = topology;
                if (t == null) {
                    t = load();
                    topology = t;
                }
            }
        }
        return t;
    }

    /** The land, coastlines and borders inside the box (degrees), west &lt; east, south &lt; north. */
    static Clipped clip(double west, double south, double east, double north) {
        Topology t = topology();
        List<double[]> land = new ArrayList<>();
        for (List<int[]> polygon : t.landPolygons) {
            for (int[] ring : polygon) {
                if (!t.ringMeets(ring, west, south, east, north)) {
                    continue;
                }
                double[] coords = ringCoordinates(t, ring);
                double[] clipped = clipRing(coords, west, south, east, north);
                if (clipped.length >= 6) {
                    land.add(clipped);
                }
            }
        }
        List<double[]> coast = new ArrayList<>();
        List<double[]> borders = new ArrayList<>();
        for (int i = 0; i < t.arcs.size(); i++) {
            if (!t.coastArc[i] && !t.countryArc[i] || !t.arcMeets(i, west, south, east, north)) {
                continue;
            }
            double[] coords = arcCoordinates(t, t.arcs.get(i));
            clipLine(coords, west, south, east, north, t.coastArc[i] ? coast : borders);
        }
        return new Clipped(land, coast, borders);
    }

    private static double[] arcCoordinates(Topology t, int[] arc) {
        double[] out = new double[arc.length];
        for (int k = 0; k < arc.length; k += 2) {
            out[k] = arc[k] * t.scale[0] + t.translate[0];
            out[k + 1] = arc[k + 1] * t.scale[1] + t.translate[1];
        }
        return out;
    }

    /** A ring from its arcs: index i forwards, ~i backwards, each arc's first point shared with the previous arc's last. */
    private static double[] ringCoordinates(Topology t, int[] ring) {
        int n = 0;
        for (int a : ring) {
            n += t.arcs.get(a >= 0 ? a : ~a).length;
        }
        double[] out = new double[n];
        int at = 0;
        for (int r = 0; r < ring.length; r++) {
            int a = ring[r];
            int[] arc = t.arcs.get(a >= 0 ? a : ~a);
            int points = arc.length / 2;
            for (int k = r == 0 ? 0 : 1; k < points; k++) {
                int p = a >= 0 ? k : points - 1 - k;
                out[at++] = arc[2 * p] * t.scale[0] + t.translate[0];
                out[at++] = arc[2 * p + 1] * t.scale[1] + t.translate[1];
            }
        }
        return java.util.Arrays.copyOf(out, at);
    }

    /** Sutherland–Hodgman clipping of a closed ring against the four sides of the box. */
    static double[] clipRing(double[] ring, double west, double south, double east, double north) {
        double[] r = ring;
        r = clipSide(r, 0, west, true);
        r = clipSide(r, 0, east, false);
        r = clipSide(r, 1, south, true);
        r = clipSide(r, 1, north, false);
        return r;
    }

    /** Keeps the part of the ring with coordinate {@code axis} ≥ limit ({@code keepAbove}) or ≤ limit. */
    private static double[] clipSide(double[] ring, int axis, double limit, boolean keepAbove) {
        int n = ring.length / 2;
        if (n == 0) {
            return ring;
        }
        double[] out = new double[ring.length + 8];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ai = ring[2 * i + axis];
            double aj = ring[2 * j + axis];
            boolean inI = keepAbove ? ai >= limit : ai <= limit;
            boolean inJ = keepAbove ? aj >= limit : aj <= limit;
            if (inI) {
                if (at + 2 > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[at++] = ring[2 * i];
                out[at++] = ring[2 * i + 1];
            }
            if (inI != inJ) {
                double f = (limit - ai) / (aj - ai);
                if (at + 2 > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[at++] = ring[2 * i] + f * (ring[2 * j] - ring[2 * i]);
                out[at++] = ring[2 * i + 1] + f * (ring[2 * j + 1] - ring[2 * i + 1]);
            }
        }
        return java.util.Arrays.copyOf(out, at);
    }

    /** Adds the runs of the line whose segments meet the box (each run keeps its end points, even outside). */
    private static void clipLine(double[] c, double west, double south, double east, double north, List<double[]> out) {
        int n = c.length / 2;
        int runStart = -1;
        for (int i = 0; i + 1 < n; i++) {
            boolean meets = Math.min(c[2 * i], c[2 * i + 2]) <= east && Math.max(c[2 * i], c[2 * i + 2]) >= west
                    && Math.min(c[2 * i + 1], c[2 * i + 3]) <= north && Math.max(c[2 * i + 1], c[2 * i + 3]) >= south;
            if (meets && runStart < 0) {
                runStart = i;
            } else if (!meets && runStart >= 0) {
                out.add(java.util.Arrays.copyOfRange(c, 2 * runStart, 2 * i + 2));
                runStart = -1;
            }
        }
        if (runStart >= 0) {
            out.add(java.util.Arrays.copyOfRange(c, 2 * runStart, c.length));
        }
    }

    // ---- decoding the TopoJSON ----

    private static Topology load() {
        try (InputStream raw = Basemap.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the map resource " + RESOURCE + " is missing from the results module");
            }
            try (JsonParser p = JsonFactory.builder().build().createParser(new GZIPInputStream(raw, 1 << 16))) {
                return parse(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the map resource " + RESOURCE, e);
        }
    }

    private static Topology parse(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        double[] scale = null;
        double[] translate = null;
        List<int[]> arcs = null;
        List<List<int[]>> land = new ArrayList<>();
        List<List<int[]>> countries = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "arcs" -> arcs = parseArcs(p);
                case "transform" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        double[] pair = {nextNumber(p), nextNumber(p)};
                        expect(p.nextToken(), JsonToken.END_ARRAY);
                        if (key.equals("scale")) {
                            scale = pair;
                        } else if (key.equals("translate")) {
                            translate = pair;
                        }
                    }
                }
                case "objects" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String object = p.currentName();
                        p.nextToken();
                        parsePolygons(p, object.equals("land") ? land : object.equals("countries") ? countries : null);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (arcs == null || scale == null || translate == null) {
            throw new IOException("not a quantised TopoJSON topology");
        }
        boolean[] coast = new boolean[arcs.size()];
        boolean[] country = new boolean[arcs.size()];
        mark(land, coast);
        mark(countries, country);
        double[][] boxes = new double[arcs.size()][];
        for (int i = 0; i < arcs.size(); i++) {
            int[] arc = arcs.get(i);
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = Integer.MIN_VALUE;
            int maxY = Integer.MIN_VALUE;
            for (int k = 0; k < arc.length; k += 2) {
                minX = Math.min(minX, arc[k]);
                maxX = Math.max(maxX, arc[k]);
                minY = Math.min(minY, arc[k + 1]);
                maxY = Math.max(maxY, arc[k + 1]);
            }
            boxes[i] = new double[] {minX * scale[0] + translate[0], minY * scale[1] + translate[1],
                maxX * scale[0] + translate[0], maxY * scale[1] + translate[1]};
        }
        return new Topology(scale, translate, arcs, land, coast, country, boxes);
    }

    private static void mark(List<List<int[]>> polygons, boolean[] used) {
        for (List<int[]> polygon : polygons) {
            for (int[] ring : polygon) {
                for (int a : ring) {
                    used[a >= 0 ? a : ~a] = true;
                }
            }
        }
    }

    /** Arcs: arrays of delta-encoded quantised positions, turned into absolute ones. */
    private static List<int[]> parseArcs(JsonParser p) throws IOException {
        List<int[]> arcs = new ArrayList<>(8192);
        int[] buffer = new int[1 << 16];
        expect(p.currentToken(), JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            int n = 0;
            int x = 0;
            int y = 0;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                x += (int) nextNumber(p);
                y += (int) nextNumber(p);
                expect(p.nextToken(), JsonToken.END_ARRAY);
                if (n + 2 > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[n++] = x;
                buffer[n++] = y;
            }
            arcs.add(java.util.Arrays.copyOf(buffer, n));
        }
        return arcs;
    }

    /** The rings (arc index lists) of every Polygon and MultiPolygon of a GeometryCollection, into {@code into} (or skipped). */
    private static void parsePolygons(JsonParser p, List<List<int[]>> into) throws IOException {
        if (into == null) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (!key.equals("geometries")) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String type = null;
                List<List<int[]>> polygons = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("type")) {
                        type = p.getText();
                    } else if (field.equals("arcs")) {
                        polygons = parseNested(p);
                    } else {
                        p.skipChildren();
                    }
                }
                if ("Polygon".equals(type) || "MultiPolygon".equals(type)) {
                    into.addAll(polygons);
                }
            }
        }
    }

    /**
     * Reads a Polygon's {@code [[ring]]} or a MultiPolygon's {@code [[[ring]]]} arcs into a list
     * of polygons, each a list of rings of arc indices.
     */
    private static List<List<int[]>> parseNested(JsonParser p) throws IOException {
        List<List<int[]>> polygons = new ArrayList<>();
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<int[]> single = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            // either a ring (of ints: Polygon) or a polygon (of rings: MultiPolygon)
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                List<int[]> polygon = new ArrayList<>();
                polygon.add(readInts(p));
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    polygon.add(readInts(p));
                }
                polygons.add(polygon);
            } else {
                List<Integer> ring = new ArrayList<>();
                while (t != JsonToken.END_ARRAY) {
                    ring.add(p.getIntValue());
                    t = p.nextToken();
                }
                single.add(ring.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        if (!single.isEmpty()) {
            polygons.add(single);
        }
        return polygons;
    }

    /** The ints of the array whose START_ARRAY is the current token. */
    private static int[] readInts(JsonParser p) throws IOException {
        List<Integer> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(p.getIntValue());
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double nextNumber(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IOException("expected a number, found " + t);
        }
        return p.getDoubleValue();
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + wanted + ", found " + actual);
        }
    }
}
