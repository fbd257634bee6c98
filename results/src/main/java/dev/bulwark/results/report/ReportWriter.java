package dev.bulwark.results.report;

import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.results.Measures;
import dev.bulwark.results.RunParameters;
import dev.bulwark.results.report.ReportCollector.Outcome;
import dev.bulwark.results.report.ReportCollector.Stock;
import dev.bulwark.results.report.ReportCollector.Threat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes {@value #FILE}: one self-contained HTML page per run that opens offline. Everything
 * is inline, hand-written SVG and CSS, with no script and no external reference: a map, five
 * charts and the summary table.
 *
 * <p><b>The map</b> ({@code id="map"}) is a local equirectangular projection around the
 * scenario origin (x = Δλ·cos φ₀·R, y = Δφ·R, R the mean Earth radius; north is up; distortion
 * is negligible over the tens to hundreds of kilometres of a scenario), framed on the defended
 * areas, launch areas, radars, batteries, raid routes and every threat's launch and end point.
 * Land, coastlines and borders come from the bundled Natural Earth data ({@link Basemap}).
 * It shows defended areas, launch areas, radars (with their instrumented range) and batteries,
 * a scale bar and a north arrow. <b>What is drawn for a trajectory</b> is its ground path in
 * plan view, not sampled truth: from the launch point, through the raid's route for drones and
 * cruise missiles, to where it ended: the intercept point (its ground position) for a threat
 * intercepted, the impact point for one that fell, the predicted impact (dashed) for one still
 * in flight. For a threat intercepted on a routed flight, the path is cut at the leg nearest the
 * intercept point. Ballistic and unguided threats fly a near-great-circle ground path, so a
 * straight line is close to their true ground track; a routed threat's true path turns at the
 * waypoints more gently than drawn. Colours: intercepted green, leaked into a defended area red,
 * fell in open ground grey, in flight orange. Kills are marked at their intercept points, missed
 * intercepts by open circles.
 *
 * <p><b>The charts</b>: launches, interceptors fired, kills, leaks and open-ground impacts per
 * time bin ({@code chart-timeline}); each battery's stock of ready and reserve rounds over time
 * ({@code chart-stock}); leaks per defended area beside the number of threats bound for it
 * ({@code chart-leaks}); the cost of the threats, of all interceptors and of each battery's ({@code chart-cost}); tracks confirmed per
 * time bin, true and false ({@code chart-tracks}).
 *
 * <p>The file is a pure function of its inputs (no clock, no host, fixed number formats), UTF-8,
 * and also well-formed XML. Its size grows with the number of threats (about 150 bytes each)
 * plus the coastline inside the map's frame.
 */
public final class ReportWriter {

    /** File name of the report in a run directory. */
    public static final String FILE = "report.html";

    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final int MAP_WIDTH = 900;

    private static final String INTERCEPTED = "#2a9d46";
    private static final String LEAKED = "#d62828";
    private static final String OPEN = "#8d99ae";
    private static final String IN_FLIGHT = "#f28e2b";

    private ReportWriter() {
    }

    /** Writes {@value #FILE} into {@code directory}. */
    public static void write(World world, ReportCollector data, RunSummary summary, RunParameters parameters,
            Path directory) throws IOException {
        try (Writer w = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            writeHtml(world, data, summary, parameters, w);
        }
    }

    /** Writes the report to {@code out}; does not close it. */
    public static void writeHtml(World world, ReportCollector data, RunSummary summary, RunParameters parameters,
            Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 16);
        Page.head(sb, "Bulwark report: " + world.name());
        sb.append("<h1>").append(Svg.esc(world.name())).append("</h1>\n<p class=\"meta\">Scenario file ")
                .append(Svg.esc(parameters.scenarioFile())).append(", seed ").append(parameters.seed())
                .append(", ").append(Svg.esc(Svg.clock(world.durationS(), false))).append(" (h:mm) of simulated time, ")
                .append(data.events()).append(" events. Bulwark ").append(Svg.esc(parameters.bulwarkVersion()))
                .append(".</p>\n");
        summaryTable(sb, summary);
        sb.append("<section>\n<h2>Map</h2>\n");
        new MapDrawing(world, data, summary).draw(sb);
        sb.append("<p class=\"legend\"><span class=\"sw\" style=\"background:").append(INTERCEPTED)
                .append("\"></span>intercepted <span class=\"sw\" style=\"background:").append(LEAKED)
                .append("\"></span>leaked into a defended area <span class=\"sw\" style=\"background:").append(OPEN)
                .append("\"></span>fell in open ground <span class=\"sw\" style=\"background:").append(IN_FLIGHT)
                .append("\"></span>in flight at the end (to its predicted impact). ")
                .append("Lines are ground paths from the launch point to the intercept or impact point, through the")
                .append(" raid's route for drones and cruise missiles; not sampled trajectories. ")
                .append("&#9650; radar (dashed circle: instrumented range), &#9632; battery, dotted outline: launch")
                .append(" area, red outline: defended area, filled dot: kill, open circle: missed intercept.</p>\n")
                .append("</section>\n");

        timeline(sb, data);
        stockChart(sb, data, world);
        leaksChart(sb, data, summary);
        costChart(sb, summary, data.costByBattery());
        tracksChart(sb, data, summary);

        Page.foot(sb, "Written by Bulwark from the run's events; it opens offline and loads nothing."
                + " Coastlines and borders: Natural Earth 1:10m Admin 0 countries, version 4.1.0 (public domain),"
                + " as packaged in world-atlas 2.0.2 (ISC licence).");
        out.write(sb.toString());
        out.flush();
    }

    // ---- summary ----

    private static void summaryTable(StringBuilder sb, RunSummary s) {
        sb.append("<section>\n<h2>Summary</h2>\n<table id=\"summary\">\n");
        row(sb, "threats_launched", "Threats launched", Integer.toString(s.launched()));
        row(sb, "bound_for_defended", "Bound for a defended area", Integer.toString(s.boundForDefended()));
        row(sb, "bound_for_open", "Bound for open ground", Integer.toString(s.boundForOpen()));
        row(sb, "engaged", "Engaged", Integer.toString(s.engaged()));
        row(sb, "intercepted", "Intercepted", Integer.toString(s.intercepted()));
        row(sb, "leaked", "Leaked into defended areas", Integer.toString(s.leaked()));
        row(sb, "fell_in_open_ground", "Fell in open ground", Integer.toString(s.fellInOpenGround()));
        row(sb, "in_flight_at_end", "In flight at the end", Integer.toString(s.inFlightAtEnd()));
        row(sb, "interceptors_fired", "Interceptors fired", Integer.toString(s.interceptorsFired()));
        row(sb, "interceptor_cost_usd", "Interceptor cost (USD)", Charts.label(Math.round(s.interceptorCostUsd())));
        row(sb, "threat_cost_usd", "Threat cost (USD)", Charts.label(Math.round(s.threatCostUsd())));
        row(sb, "cost_exchange_ratio", "Cost exchange ratio (interceptor / threat cost)",
                ratio(Measures.costExchangeRatio(s)));
        row(sb, "interception_rate", "Interception rate (intercepted / engaged)", ratio(Measures.interceptionRate(s)));
        row(sb, "leak_rate", "Leak rate (leaked / bound for defended areas)", ratio(Measures.leakRate(s)));
        row(sb, "tracks_confirmed", "Tracks confirmed", Integer.toString(s.tracksConfirmed()));
        sb.append("</table>\n</section>\n");
    }

    private static void row(StringBuilder sb, String key, String label, String value) {
        sb.append("<tr data-measure=\"").append(key).append("\"><th>").append(Svg.esc(label))
                .append("</th><td class=\"n\">").append(Svg.esc(value)).append("</td></tr>\n");
    }

    private static String ratio(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "undefined";
    }

    // ---- charts ----

    private static double[] binStarts(ReportCollector d) {
        double[] t = new double[d.launchesPerBin.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * d.binS();
        }
        return t;
    }

    private static double[] doubles(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static String perBin(ReportCollector d) {
        long minutes = Math.round(d.binS() / 60);
        return minutes == 1 ? "per minute" : "per " + minutes + " minutes";
    }

    private static void timeline(StringBuilder sb, ReportCollector d) {
        double[] t = binStarts(d);
        String per = perBin(d);
        sb.append("<section>\n<h2>Timeline</h2>\n");
        Charts.timeChart(sb, "chart-timeline", "Launches, interceptors, kills and impacts " + per, "events " + per,
                d.durationS(), List.of(
                        new Charts.Series("threats launched", Charts.PALETTE[0], t, doubles(d.launchesPerBin), true, false),
                        new Charts.Series("interceptors fired", Charts.PALETTE[4], t, doubles(d.interceptorsPerBin), true,
                                true),
                        new Charts.Series("kills", INTERCEPTED, t, doubles(d.killsPerBin), true, false),
                        new Charts.Series("leaks (impacts in defended areas)", LEAKED, t, doubles(d.leaksPerBin), true,
                                false),
                        new Charts.Series("impacts in open ground", OPEN, t, doubles(d.openImpactsPerBin), true, false)),
                300);
        sb.append("</section>\n");
    }

    private static void stockChart(StringBuilder sb, ReportCollector d, World world) {
        List<Charts.Series> series = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Stock>> e : d.stock().entrySet()) {
            List<Stock> s = e.getValue();
            double[] t = new double[s.size()];
            double[] ready = new double[s.size()];
            double[] total = new double[s.size()];
            for (int k = 0; k < s.size(); k++) {
                t[k] = s.get(k).time();
                ready[k] = s.get(k).ready();
                total[k] = s.get(k).ready() + s.get(k).reserve();
            }
            String colour = Charts.PALETTE[i++ % Charts.PALETTE.length];
            series.add(new Charts.Series(e.getKey() + ": ready + reserve", colour, t, total, true, false));
            series.add(new Charts.Series(e.getKey() + ": ready", colour, t, ready, true, true));
        }
        sb.append("<section>\n<h2>Interceptor stock</h2>\n");
        Charts.timeChart(sb, "chart-stock", "Interceptor stock per battery", "interceptors", world.durationS(), series,
                300);
        sb.append("</section>\n");
    }

    private static void leaksChart(StringBuilder sb, ReportCollector d, RunSummary s) {
        Map<String, Integer> bound = new HashMap<>();
        for (Threat t : d.threats()) {
            if (t.boundFor != null) {
                bound.merge(t.boundFor, 1, Integer::sum);
            }
        }
        List<String> areas = new ArrayList<>(s.leaksByArea().keySet());
        double[] leaks = new double[areas.size()];
        double[] bounds = new double[areas.size()];
        for (int i = 0; i < areas.size(); i++) {
            leaks[i] = s.leaksByArea().get(areas.get(i));
            bounds[i] = bound.getOrDefault(areas.get(i), 0);
        }
        sb.append("<section>\n<h2>Leaks per defended area</h2>\n");
        Charts.barChart(sb, "chart-leaks", "Leaks per defended area", areas,
                List.of("leaked (fell inside)", "bound for it at launch"), List.of(LEAKED, "#f4a3a3"),
                List.of(leaks, bounds), "");
        sb.append("</section>\n");
    }

    private static void costChart(StringBuilder sb, RunSummary s, Map<String, Double> costByBattery) {
        sb.append("<section>\n<h2>Cost and cost exchange</h2>\n<p>The defence spent ")
                .append(Charts.label(Math.round(s.interceptorCostUsd()))).append(" USD on ")
                .append(s.interceptorsFired()).append(" interceptors against threats costing ")
                .append(Charts.label(Math.round(s.threatCostUsd()))).append(" USD: a cost exchange ratio of ")
                .append(ratio(Measures.costExchangeRatio(s)))
                .append(" (above 1 the defence pays more than the attacker).</p>\n");
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        labels.add("threats launched");
        values.add(s.threatCostUsd());
        labels.add("interceptors, all");
        values.add(s.interceptorCostUsd());
        for (Map.Entry<String, Double> e : costByBattery.entrySet()) {
            labels.add("interceptors, " + e.getKey());
            values.add(e.getValue());
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Charts.barChart(sb, "chart-cost", "Cost (USD)", labels, List.of("cost (USD)"), List.of(Charts.PALETTE[4]),
                List.of(v), " USD");
        sb.append("</section>\n");
    }

    private static void tracksChart(StringBuilder sb, ReportCollector d, RunSummary s) {
        double[] t = binStarts(d);
        String per = perBin(d);
        int trueTracks = 0;
        int falseTracks = 0;
        for (int i = 0; i < d.trueTracksPerBin.length; i++) {
            trueTracks += d.trueTracksPerBin[i];
            falseTracks += d.falseTracksPerBin[i];
        }
        sb.append("<section>\n<h2>Tracking</h2>\n<p>").append(s.tracksConfirmed()).append(" tracks confirmed: ")
                .append(trueTracks).append(" on a true threat, ").append(falseTracks)
                .append(" false (matched to no threat); ").append(s.plots()).append(" radar plots.</p>\n");
        Charts.timeChart(sb, "chart-tracks", "Tracks confirmed " + per, "tracks " + per, d.durationS(), List.of(
                new Charts.Series("true tracks confirmed", Charts.PALETTE[0], t, doubles(d.trueTracksPerBin), true, false),
                new Charts.Series("false tracks confirmed", Charts.PALETTE[1], t, doubles(d.falseTracksPerBin), true,
                        false)), 260);
        sb.append("</section>\n");
    }

    // ---- the map ----

    /** The map of one run: projection, frame and drawing. */
    private static final class MapDrawing {
        private final World world;
        private final ReportCollector data;
        private final RunSummary summary;
        private final double lat0;
        private final double lon0;
        private final double mPerDegLon;
        private final double mPerDegLat;
        private final Map<String, RaidSpec> raids = new LinkedHashMap<>();
        private double minX = Double.POSITIVE_INFINITY;
        private double maxX = Double.NEGATIVE_INFINITY;
        private double minY = Double.POSITIVE_INFINITY;
        private double maxY = Double.NEGATIVE_INFINITY;
        private double scale;
        private int height;

        MapDrawing(World world, ReportCollector data, RunSummary summary) {
            this.world = world;
            this.data = data;
            this.summary = summary;
            lat0 = world.origin().latitudeDegrees();
            lon0 = world.origin().longitudeDegrees();
            mPerDegLat = EARTH_RADIUS_M * Math.PI / 180;
            mPerDegLon = mPerDegLat * Math.cos(Math.toRadians(lat0));
            for (RaidSpec r : world.raids()) {
                raids.put(r.name(), r);
            }
        }

        private double xOf(double lon) {
            double d = lon - lon0;
            d -= 360 * Math.rint(d / 360);
            return d * mPerDegLon;
        }

        private double yOf(double lat) {
            return (lat - lat0) * mPerDegLat;
        }

        private void include(double lat, double lon) {
            if (Double.isFinite(lat) && Double.isFinite(lon)) {
                double x = xOf(lon);
                double y = yOf(lat);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }

        private void include(GeoPolygon p) {
            for (GeodeticPoint v : p.vertices()) {
                include(v.latitudeDegrees(), v.longitudeDegrees());
            }
        }

        private void frame() {
            include(lat0, lon0);
            world.areas().forEach(a -> include(a.boundary()));
            world.radars().forEach(r -> include(r.site().latitudeDegrees(), r.site().longitudeDegrees()));
            world.batteries().forEach(b -> include(b.site().latitudeDegrees(), b.site().longitudeDegrees()));
            for (RaidSpec r : world.raids()) {
                include(r.launchArea());
                r.route().forEach(p -> include(p.latitudeDegrees(), p.longitudeDegrees()));
            }
            for (Threat t : data.threats()) {
                include(t.launchLat, t.launchLon);
                if (t.outcome == Outcome.IN_FLIGHT) {
                    include(t.predictedLat, t.predictedLon);
                } else {
                    include(t.endLat, t.endLon);
                }
            }
            double w = maxX - minX;
            double h = maxY - minY;
            double pad = Math.max(2000, 0.08 * Math.max(w, h));
            minX -= pad;
            maxX += pad;
            minY -= pad;
            maxY += pad;
            w = maxX - minX;
            h = maxY - minY;
            // keep one scale on both axes; the height stays between 360 and 900 pixels
            height = (int) Math.round(Math.max(360, Math.min(900, MAP_WIDTH * h / w)));
            double sx = MAP_WIDTH / w;
            double sy = height / h;
            scale = Math.min(sx, sy);
            double cx = (minX + maxX) / 2;
            double cy = (minY + maxY) / 2;
            minX = cx - MAP_WIDTH / scale / 2;
            maxX = cx + MAP_WIDTH / scale / 2;
            minY = cy - height / scale / 2;
            maxY = cy + height / scale / 2;
        }

        private double px(double lon) {
            return (xOf(lon) - minX) * scale;
        }

        private double py(double lat) {
            return (maxY - yOf(lat)) * scale;
        }

        void draw(StringBuilder sb) {
            frame();
            sb.append("<svg id=\"map\" width=\"").append(MAP_WIDTH).append("\" height=\"").append(height)
                    .append("\" viewBox=\"0 0 ").append(MAP_WIDTH).append(' ').append(height)
                    .append("\" role=\"img\" aria-label=\"Map of the scenario\">\n<title>Map: defended areas, launch")
                    .append(" areas, radars, batteries, threat paths and intercepts</title>\n")
                    .append("<rect class=\"sea\" x=\"0\" y=\"0\" width=\"").append(MAP_WIDTH).append("\" height=\"")
                    .append(height).append("\" fill=\"#dde9f3\"/>\n");
            basemap(sb);
            radarRanges(sb);
            launchAreas(sb);
            areas(sb);
            paths(sb);
            intercepts(sb);
            sites(sb);
            scaleBarAndNorth(sb);
            sb.append("<rect x=\"0.5\" y=\"0.5\" width=\"").append(MAP_WIDTH - 1).append("\" height=\"")
                    .append(height - 1).append("\" fill=\"none\" stroke=\"#888\"/>\n</svg>\n");
        }

        private void basemap(StringBuilder sb) {
            double west = lon0 + minX / mPerDegLon;
            double east = lon0 + maxX / mPerDegLon;
            double south = lat0 + minY / mPerDegLat;
            double north = lat0 + maxY / mPerDegLat;
            double mLon = 0.02 * (east - west);
            double mLat = 0.02 * (north - south);
            Basemap.Clipped c = Basemap.clip(west - mLon, Math.max(-90, south - mLat), east + mLon,
                    Math.min(90, north + mLat));
            List<double[]> land = new ArrayList<>();
            for (double[] ring : c.land()) {
                land.add(project(ring));
            }
            if (land.isEmpty() && c.coast().isEmpty()) {
                sb.append("<text class=\"note\" x=\"8\" y=\"").append(height - 8)
                        .append("\">no coastline in this frame: land and sea not shown</text>\n");
                // the whole frame is then either open sea or inland: draw it as land
                sb.append("<rect class=\"land\" x=\"0\" y=\"0\" width=\"").append(MAP_WIDTH).append("\" height=\"")
                        .append(height).append("\" fill=\"#f4f1e8\"/>\n");
            } else {
                sb.append("<path class=\"land\" fill=\"#f4f1e8\" fill-rule=\"evenodd\" stroke=\"none\" d=\"");
                Svg.rings(sb, land);
                sb.append("\"/>\n");
            }
            lines(sb, c.coast(), "coast", "stroke=\"#6f8fae\" stroke-width=\"1\"");
            lines(sb, c.borders(), "border", "stroke=\"#8a7f73\" stroke-width=\"1\" stroke-dasharray=\"6 3\"");
        }

        private void lines(StringBuilder sb, List<double[]> lines, String cls, String style) {
            if (lines.isEmpty()) {
                return;
            }
            sb.append("<g class=\"").append(cls).append("\" fill=\"none\" ").append(style).append(">\n");
            for (double[] l : lines) {
                double[] p = project(l);
                sb.append("<polyline points=\"");
                Svg.points(sb, p, p.length);
                sb.append("\"/>\n");
            }
            sb.append("</g>\n");
        }

        private double[] project(double[] lonLat) {
            double[] out = new double[lonLat.length];
            for (int k = 0; k < lonLat.length; k += 2) {
                out[k] = px(lonLat[k]);
                out[k + 1] = py(lonLat[k + 1]);
            }
            return out;
        }

        private double[] project(GeoPolygon p) {
            List<GeodeticPoint> v = p.vertices();
            double[] out = new double[2 * v.size()];
            for (int i = 0; i < v.size(); i++) {
                out[2 * i] = px(v.get(i).longitudeDegrees());
                out[2 * i + 1] = py(v.get(i).latitudeDegrees());
            }
            return out;
        }

        private void radarRanges(StringBuilder sb) {
            sb.append("<g class=\"radar-range\" fill=\"none\" stroke=\"#1f77b4\" stroke-opacity=\"0.5\"")
                    .append(" stroke-dasharray=\"4 4\">\n");
            for (RadarSpec r : world.radars()) {
                sb.append("<circle cx=\"");
                Svg.num(sb, px(r.site().longitudeDegrees()));
                sb.append("\" cy=\"");
                Svg.num(sb, py(r.site().latitudeDegrees()));
                sb.append("\" r=\"");
                Svg.num(sb, r.maxRangeM() * scale);
                sb.append("\"/>\n");
            }
            sb.append("</g>\n");
        }

        private void launchAreas(StringBuilder sb) {
            // raids sharing one launch area are labelled once, with all their names
            Map<List<GeodeticPoint>, List<String>> byArea = new LinkedHashMap<>();
            Map<List<GeodeticPoint>, GeoPolygon> polygons = new HashMap<>();
            for (RaidSpec r : world.raids()) {
                byArea.computeIfAbsent(r.launchArea().vertices(), k -> new ArrayList<>()).add(r.name());
                polygons.put(r.launchArea().vertices(), r.launchArea());
            }
            sb.append("<g class=\"launch-areas\">\n");
            for (Map.Entry<List<GeodeticPoint>, List<String>> e : byArea.entrySet()) {
                GeoPolygon p = polygons.get(e.getKey());
                String names = String.join(", ", e.getValue());
                sb.append("<polygon class=\"data launch-area\" data-name=\"").append(Svg.esc(names))
                        .append("\" fill=\"#7b3294\" fill-opacity=\"0.12\" stroke=\"#7b3294\" stroke-dasharray=\"2 2\" points=\"");
                double[] xy = project(p);
                Svg.points(sb, xy, xy.length);
                sb.append("\"><title>Launch area of ").append(Svg.esc(names)).append("</title></polygon>\n");
                label(sb, p, "launch: " + names, "#5e2475", 0);
            }
            sb.append("</g>\n");
        }

        private void areas(StringBuilder sb) {
            sb.append("<g class=\"defended-areas\">\n");
            for (DefendedArea a : world.areas()) {
                int leaks = summary.leaksByArea().getOrDefault(a.name(), 0);
                sb.append("<polygon class=\"data defended-area\" data-name=\"").append(Svg.esc(a.name()))
                        .append("\" fill=\"#d62828\" fill-opacity=\"0.18\" stroke=\"#b00000\" stroke-width=\"1.5\" points=\"");
                double[] xy = project(a.boundary());
                Svg.points(sb, xy, xy.length);
                sb.append("\"><title>").append(Svg.esc(a.name() + " (" + a.kind().key() + "): " + leaks
                        + (leaks == 1 ? " leak" : " leaks"))).append("</title></polygon>\n");
                label(sb, a.boundary(), a.name(), "#8b0000", 0);
            }
            sb.append("</g>\n");
        }

        private void label(StringBuilder sb, GeoPolygon p, String text, String colour, double dy) {
            double maxPx = Double.NEGATIVE_INFINITY;
            double minPy = Double.POSITIVE_INFINITY;
            for (GeodeticPoint v : p.vertices()) {
                maxPx = Math.max(maxPx, px(v.longitudeDegrees()));
                minPy = Math.min(minPy, py(v.latitudeDegrees()));
            }
            sb.append("<text class=\"maplabel\" x=\"");
            Svg.num(sb, maxPx + 4);
            sb.append("\" y=\"");
            Svg.num(sb, minPy + 10 + dy);
            sb.append("\" fill=\"").append(colour).append("\">").append(Svg.esc(text)).append("</text>\n");
        }

        private void paths(StringBuilder sb) {
            Map<Outcome, StringBuilder> groups = new LinkedHashMap<>();
            for (Outcome o : List.of(Outcome.OPEN_GROUND, Outcome.IN_FLIGHT, Outcome.INTERCEPTED, Outcome.LEAKED)) {
                groups.put(o, new StringBuilder());
            }
            double[] xy = new double[64];
            for (Threat t : data.threats()) {
                RaidSpec raid = raids.get(t.raid);
                List<GeodeticPoint> route = raid == null ? List.of() : raid.route();
                boolean inFlight = t.outcome == Outcome.IN_FLIGHT || !Double.isFinite(t.endLat);
                double endLat = inFlight ? t.predictedLat : t.endLat;
                double endLon = inFlight ? t.predictedLon : t.endLon;
                if (xy.length < 2 * route.size() + 4) {
                    xy = new double[2 * route.size() + 4];
                }
                int at = 0;
                xy[at++] = px(t.launchLon);
                xy[at++] = py(t.launchLat);
                for (GeodeticPoint w : route) {
                    xy[at++] = px(w.longitudeDegrees());
                    xy[at++] = py(w.latitudeDegrees());
                }
                double ex = px(endLon);
                double ey = py(endLat);
                if (t.outcome == Outcome.INTERCEPTED && at > 2) {
                    at = cutAtNearestLeg(xy, at, px(t.predictedLon), py(t.predictedLat), ex, ey);
                }
                xy[at++] = ex;
                xy[at++] = ey;
                StringBuilder g = groups.get(t.outcome);
                g.append("<polyline class=\"data\" points=\"");
                Svg.points(g, xy, at);
                g.append("\"><title>threat ").append(t.id).append(" (").append(Svg.esc(t.raid)).append(", ")
                        .append(Svg.esc(t.category)).append("), launched at ").append(Svg.clock(t.launchTime, true))
                        .append(": ").append(describe(t)).append("</title></polyline>\n");
            }
            for (Map.Entry<Outcome, StringBuilder> e : groups.entrySet()) {
                Outcome o = e.getKey();
                String colour = switch (o) {
                    case INTERCEPTED -> INTERCEPTED;
                    case LEAKED -> LEAKED;
                    case OPEN_GROUND -> OPEN;
                    case IN_FLIGHT -> IN_FLIGHT;
                };
                sb.append("<g class=\"paths ").append(o.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1\" stroke-opacity=\"0.7\"");
                if (o == Outcome.IN_FLIGHT) {
                    sb.append(" stroke-dasharray=\"4 3\"");
                }
                sb.append(">\n").append(e.getValue()).append("</g>\n");
            }
            // impact points
            sb.append("<g class=\"impacts\">\n");
            for (Threat t : data.threats()) {
                if (t.outcome == Outcome.LEAKED || t.outcome == Outcome.OPEN_GROUND) {
                    sb.append("<circle cx=\"");
                    Svg.num(sb, px(t.endLon));
                    sb.append("\" cy=\"");
                    Svg.num(sb, py(t.endLat));
                    sb.append("\" r=\"1.8\" fill=\"").append(t.outcome == Outcome.LEAKED ? LEAKED : "#5c677d")
                            .append("\"/>\n");
                }
            }
            sb.append("</g>\n");
        }

        /**
         * The number of coordinates to keep so that a routed path ends on the leg nearest the
         * intercept point (ex, ey): the legs join the route's points, and the last runs from the last
         * waypoint to the predicted impact (ax, ay).
         */
        private static int cutAtNearestLeg(double[] xy, int at, double ax, double ay, double ex, double ey) {
            int keep = at;
            double best = segmentDistance(xy[at - 2], xy[at - 1], ax, ay, ex, ey);
            for (int k = 0; k + 2 < at; k += 2) {
                double d = segmentDistance(xy[k], xy[k + 1], xy[k + 2], xy[k + 3], ex, ey);
                if (d < best) {
                    best = d;
                    keep = k + 2;
                }
            }
            return keep;
        }

        private static double segmentDistance(double ax, double ay, double bx, double by, double px, double py) {
            double dx = bx - ax;
            double dy = by - ay;
            double len = dx * dx + dy * dy;
            double f = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
            return Math.hypot(ax + f * dx - px, ay + f * dy - py);
        }

        private static String describe(Threat t) {
            return switch (t.outcome) {
                case INTERCEPTED -> "intercepted at " + Svg.clock(t.endTime, true);
                case LEAKED -> "fell in " + Svg.esc(t.area) + " at " + Svg.clock(t.endTime, true);
                case OPEN_GROUND -> "fell in open ground at " + Svg.clock(t.endTime, true);
                case IN_FLIGHT -> "in flight at the end";
            };
        }

        private void intercepts(StringBuilder sb) {
            sb.append("<g class=\"intercepts\">\n");
            for (ReportCollector.Intercept i : data.intercepts()) {
                sb.append("<circle class=\"data intercept\" cx=\"");
                Svg.num(sb, px(i.lon()));
                sb.append("\" cy=\"");
                Svg.num(sb, py(i.lat()));
                if (i.kill()) {
                    sb.append("\" r=\"3\" fill=\"").append(INTERCEPTED).append("\" stroke=\"#125c27\"");
                } else {
                    sb.append("\" r=\"3.5\" fill=\"none\" stroke=\"#b35c00\"");
                }
                sb.append("><title>interceptor ").append(i.interceptorId()).append(" of ").append(Svg.esc(i.battery()))
                        .append(i.threatId() > 0 ? " at threat " + i.threatId() : "").append(": ")
                        .append(Svg.esc(i.reason())).append(" at ").append(Svg.clock(i.time(), true)).append(", ")
                        .append(Math.round(i.altM())).append(" m up</title></circle>\n");
            }
            sb.append("</g>\n");
        }

        private void sites(StringBuilder sb) {
            sb.append("<g class=\"radars\">\n");
            for (RadarSpec r : world.radars()) {
                double x = px(r.site().longitudeDegrees());
                double y = py(r.site().latitudeDegrees());
                sb.append("<polygon class=\"data radar\" data-name=\"").append(Svg.esc(r.name()))
                        .append("\" fill=\"#1f77b4\" stroke=\"#fff\" points=\"");
                Svg.points(sb, new double[] {x, y - 7, x - 6, y + 5, x + 6, y + 5}, 6);
                sb.append("\"><title>radar ").append(Svg.esc(r.name())).append(", range ")
                        .append(Math.round(r.maxRangeM() / 1000)).append(" km</title></polygon>\n");
                text(sb, x + 8, y + 4, r.name(), "#0d4a7a");
            }
            sb.append("</g>\n<g class=\"batteries\">\n");
            for (BatterySpec b : world.batteries()) {
                double x = px(b.site().longitudeDegrees());
                double y = py(b.site().latitudeDegrees());
                int fired = summary.interceptorsByBattery().getOrDefault(b.name(), 0);
                sb.append("<rect class=\"data battery\" data-name=\"").append(Svg.esc(b.name())).append("\" x=\"");
                Svg.num(sb, x - 5);
                sb.append("\" y=\"");
                Svg.num(sb, y - 5);
                sb.append("\" width=\"10\" height=\"10\" fill=\"#222\" stroke=\"#fff\"><title>battery ")
                        .append(Svg.esc(b.name())).append(": ").append(fired).append(" interceptors fired</title></rect>\n");
                text(sb, x + 8, y + 14, b.name(), "#111");
            }
            sb.append("</g>\n");
        }

        private static void text(StringBuilder sb, double x, double y, String text, String colour) {
            sb.append("<text class=\"maplabel\" x=\"");
            Svg.num(sb, x);
            sb.append("\" y=\"");
            Svg.num(sb, y);
            sb.append("\" fill=\"").append(colour).append("\">").append(Svg.esc(text)).append("</text>\n");
        }

        private void scaleBarAndNorth(StringBuilder sb) {
            double targetM = MAP_WIDTH / 5.0 / scale;
            double lengthM = Charts.niceStep(targetM, 1);
            if (lengthM > targetM * 1.5) {
                lengthM /= 2;
            }
            double len = lengthM * scale;
            int x0 = 16;
            int y0 = height - 18;
            String label = lengthM >= 1000 ? Charts.label(lengthM / 1000) + " km" : Charts.label(lengthM) + " m";
            sb.append("<g id=\"scale-bar\"><rect x=\"").append(x0 - 6).append("\" y=\"").append(y0 - 20)
                    .append("\" width=\"");
            Svg.num(sb, len + 12);
            sb.append("\" height=\"30\" fill=\"#fff\" fill-opacity=\"0.8\"/><line x1=\"").append(x0).append("\" y1=\"")
                    .append(y0).append("\" x2=\"");
            Svg.num(sb, x0 + len);
            sb.append("\" y2=\"").append(y0).append("\" stroke=\"#000\" stroke-width=\"3\"/><text x=\"").append(x0)
                    .append("\" y=\"").append(y0 - 6).append("\">").append(label).append("</text></g>\n");
            int nx = MAP_WIDTH - 30;
            sb.append("<g id=\"north-arrow\"><polygon points=\"").append(nx).append(",12 ").append(nx - 8)
                    .append(",36 ").append(nx).append(",30 ").append(nx + 8).append(",36\" fill=\"#000\"/><text x=\"")
                    .append(nx).append("\" y=\"50\" text-anchor=\"middle\" font-weight=\"bold\">N</text></g>\n");
        }
    }
}
