package dev.bulwark.scenario;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sensor.Plot;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads recorded radar plots from a CSV file (format in docs/plots-format.md): a header naming
 * the columns, then one plot per row, times not decreasing. Sensor positions and angles are in
 * degrees and milliradians at the edge, SI in the {@link Plot}s returned. Every problem is
 * reported with the file, line and column name, all of them at once.
 */
public final class PlotFile {

    /** Required columns, in any order. */
    public static final List<String> REQUIRED = List.of("time_s", "sensor", "sensor_lat_deg", "sensor_lon_deg",
            "sensor_alt_m", "range_m", "azimuth_deg", "elevation_deg", "sigma_range_m", "sigma_azimuth_mrad",
            "sigma_elevation_mrad");
    /** Optional columns. */
    public static final List<String> OPTIONAL = List.of("radial_speed_mps", "sigma_radial_speed_mps");

    private PlotFile() {
    }

    /**
     * The plots of a file with the line each came from.
     *
     * @param plots the plots, in file order
     * @param lines the 1-based line number in the file of each plot (the header is line 1)
     */
    public record Rows(List<Plot> plots, List<Integer> lines) {
        public Rows {
            plots = List.copyOf(plots);
            lines = List.copyOf(lines);
        }
    }

    /**
     * The plots of a file, in file order.
     *
     * @throws ScenarioException every problem of the file (missing file, bad header, bad values, times going back)
     */
    public static List<Plot> read(Path file) throws ScenarioException {
        return readRows(file).plots();
    }

    /**
     * The plots of a file, in file order, with their line numbers (for provenance: which input
     * line updated which track).
     *
     * @throws ScenarioException every problem of the file (missing file, bad header, bad values, times going back)
     */
    public static Rows readRows(Path file) throws ScenarioException {
        Problems problems = new Problems();
        String name = file.toString();
        List<Plot> plots = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> lines;
        try {
            lines = readLines(file);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(name, 1, 1, "", "file not found"));
            throw new ScenarioException(problems.list());
        } catch (IOException e) {
            problems.add(new Problem(name, 1, 1, "", "cannot read the file: " + e.getMessage()));
            throw new ScenarioException(problems.list());
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            problems.add(new Problem(name, 1, 1, "", "the file is empty: expected a header line naming the columns "
                    + String.join(",", REQUIRED)));
            throw new ScenarioException(problems.list());
        }
        String[] header = lines.get(0).strip().split(",", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String h = header[i].strip();
            if (!REQUIRED.contains(h) && !OPTIONAL.contains(h)) {
                String guess = Suggestions.closest(h, concat(REQUIRED, OPTIONAL));
                problems.add(new Problem(name, 1, 1 + offset(lines.get(0), i), h, "unknown column '" + h + "'"
                        + (guess != null ? "; did you mean '" + guess + "'?" : "")));
            } else if (column.put(h, i) != null) {
                problems.add(new Problem(name, 1, 1 + offset(lines.get(0), i), h, "column '" + h + "' given twice"));
            }
        }
        for (String r : REQUIRED) {
            if (!column.containsKey(r)) {
                problems.add(new Problem(name, 1, 1, r, "missing column '" + r + "'; the header must name "
                        + String.join(",", REQUIRED)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        Map<String, LocalFrame> frames = new HashMap<>();
        double lastTime = Double.NEGATIVE_INFINITY;
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int lineNo = n + 1;
            if (cells.length != header.length) {
                problems.add(new Problem(name, lineNo, 1, "", "expected " + header.length + " fields as in the header,"
                        + " got " + cells.length));
                continue;
            }
            Row row = new Row(name, lineNo, line, cells, column, problems);
            double t = row.number("time_s", Double.NEGATIVE_INFINITY);
            double sensor = row.number("sensor", 0);
            double lat = row.number("sensor_lat_deg", -90, 90);
            double lon = row.number("sensor_lon_deg", -180, 180);
            double alt = row.number("sensor_alt_m", -1000, 1e5);
            double range = row.number("range_m", 0);
            double az = row.number("azimuth_deg", -360, 360);
            double el = row.number("elevation_deg", -90, 90);
            double sr = row.positive("sigma_range_m");
            double sa = row.positive("sigma_azimuth_mrad");
            double se = row.positive("sigma_elevation_mrad");
            double rv = column.containsKey("radial_speed_mps") ? row.optional("radial_speed_mps") : Double.NaN;
            double srv = column.containsKey("sigma_radial_speed_mps") ? row.optional("sigma_radial_speed_mps")
                    : Double.NaN;
            if (row.bad) {
                continue;
            }
            if (sensor != Math.rint(sensor)) {
                problems.add(new Problem(name, lineNo, row.col("sensor"), "sensor", "expected a whole number, got "
                        + row.cell("sensor")));
                continue;
            }
            if (t < lastTime) {
                problems.add(new Problem(name, lineNo, row.col("time_s"), "time_s", String.format(Locale.ROOT,
                        "times must not decrease: %s after %s; sort the file by time", row.cell("time_s"),
                        Numbers.format(lastTime))));
                continue;
            }
            lastTime = t;
            String key = lat + "," + lon + "," + alt;
            LocalFrame frame = frames.computeIfAbsent(key,
                    k -> new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(lat, lon, alt)));
            plots.add(new Plot(t, (int) sensor, frame, range, Math.toRadians(az), Math.toRadians(el), sr, sa * 1e-3,
                    se * 1e-3, rv, srv));
            lineNumbers.add(lineNo);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        return new Rows(plots, lineNumbers);
    }

    private static List<String> readLines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Characters before field i of a comma-separated line. */
    private static int offset(String line, int field) {
        int at = 0;
        for (int i = 0; i < field; i++) {
            at = line.indexOf(',', at) + 1;
        }
        return at;
    }

    /** One data row's fields, with problems reported against its line and column. */
    private static final class Row {
        final String file;
        final int line;
        final String text;
        final String[] cells;
        final Map<String, Integer> column;
        final Problems problems;
        boolean bad;

        Row(String file, int line, String text, String[] cells, Map<String, Integer> column, Problems problems) {
            this.file = file;
            this.line = line;
            this.text = text;
            this.cells = cells;
            this.column = column;
            this.problems = problems;
        }

        String cell(String key) {
            return cells[column.get(key)].strip();
        }

        int col(String key) {
            return 1 + offset(text, column.get(key));
        }

        double number(String key, double min) {
            return number(key, min, Double.POSITIVE_INFINITY);
        }

        double number(String key, double min, double max) {
            String c = cell(key);
            double v;
            try {
                v = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                problems.add(new Problem(file, line, col(key), key, "expected a number, got '" + c + "'"));
                bad = true;
                return Double.NaN;
            }
            if (!Double.isFinite(v) || v < min || v > max) {
                problems.add(new Problem(file, line, col(key), key, "out of range: must be between "
                        + Numbers.format(min) + " and " + Numbers.format(max) + ", got " + c));
                bad = true;
                return Double.NaN;
            }
            return v;
        }

        double positive(String key) {
            double v = number(key, 0);
            if (!bad && !(v > 0)) {
                problems.add(new Problem(file, line, col(key), key, "must be greater than 0, got " + cell(key)));
                bad = true;
            }
            return v;
        }

        double optional(String key) {
            return cell(key).isEmpty() ? Double.NaN : number(key, Double.NEGATIVE_INFINITY);
        }
    }
}
