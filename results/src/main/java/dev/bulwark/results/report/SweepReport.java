package dev.bulwark.results.report;

import dev.bulwark.results.Estimate;
import dev.bulwark.results.Measures;
import dev.bulwark.results.RunParameters;
import dev.bulwark.results.SweepWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@value #FILE}, the page of a parameter sweep: for each key measure
 * ({@link Measures#KEY}) a chart of its mean against the first swept parameter, with the 95%
 * confidence interval as error bars and one line per combination of the other parameters
 * (chart ids {@code sweep-} and the measure's name with hyphens, {@code sweep-leaked}); then the
 * table of every grid point with the key measures. The horizontal positions are proportional to
 * the parameter's values (a laser's off and on at 0 and 1). Self-contained like the run report:
 * inline SVG and CSS, no script, no external reference; a pure function of its inputs.
 */
public final class SweepReport {

    /** File name of the page in a sweep output directory. */
    public static final String FILE = "sweep.html";

    private SweepReport() {
    }

    /**
     * Writes {@value #FILE} into {@code directory}.
     *
     * @param scenarioName the scenario's name
     * @param parameters   the scenario file's name, the base seed and the version
     * @param labels       the swept parameters' labels, in declaration order
     * @param points       the grid points in grid order, each with its replications' measures
     */
    public static void write(String scenarioName, RunParameters parameters, List<String> labels,
            List<SweepWriter.Point> points, Path directory) throws IOException {
        try (Writer w = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            w.write(html(scenarioName, parameters, labels, points));
        }
    }

    /** The page as text. */
    static String html(String scenarioName, RunParameters parameters, List<String> labels,
            List<SweepWriter.Point> points) {
        int runs = points.isEmpty() ? 0
                : points.get(0).columns().values().stream().mapToInt(c -> c.length).max().orElse(0);
        List<Map<String, Estimate>> estimates = points.stream().map(SweepWriter.Point::estimates).toList();
        StringBuilder sb = new StringBuilder(1 << 15);
        Page.head(sb, "Bulwark sweep: " + scenarioName);
        sb.append("<h1>").append(Svg.esc(scenarioName)).append(": sweep</h1>\n<p class=\"meta\">Scenario file ")
                .append(Svg.esc(parameters.scenarioFile())).append(", ").append(points.size())
                .append(points.size() == 1 ? " grid point" : " grid points").append(" of ")
                .append(Svg.esc(String.join(" × ", labels))).append(", ").append(runs)
                .append(" replications each from base seed ").append(parameters.seed())
                .append(" (replication i on the same seed at every point). Bulwark ")
                .append(Svg.esc(parameters.bulwarkVersion())).append(".</p>\n<p>Each chart gives a measure's mean")
                .append(" against ").append(Svg.esc(labels.get(0))).append(" with its 95% confidence interval as")
                .append(" error bars").append(labels.size() > 1 ? ", one line per combination of the other parameters"
                        : "").append(".</p>\n");

        // x positions: the first parameter's distinct values in grid order; one series per combination of the others
        List<String> xLabels = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            SweepWriter.Point p = points.get(i);
            if (!xLabels.contains(p.values().get(0))) {
                xLabels.add(p.values().get(0));
                xs.add(p.numbers()[0]);
            }
            List<String> others = new ArrayList<>();
            for (int k = 1; k < labels.size(); k++) {
                others.add(labels.get(k) + "=" + p.values().get(k));
            }
            groups.computeIfAbsent(String.join(", ", others), g -> new ArrayList<>()).add(i);
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        for (Map.Entry<String, String> key : Measures.KEY.entrySet()) {
            List<Charts.ErrorSeries> series = new ArrayList<>();
            int colour = 0;
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                double[] mean = nan(x.length);
                double[] low = nan(x.length);
                double[] high = nan(x.length);
                for (int i : g.getValue()) {
                    int at = xLabels.indexOf(points.get(i).values().get(0));
                    Estimate e = estimates.get(i).get(key.getKey());
                    if (e != null) {
                        mean[at] = e.mean();
                        low[at] = e.low();
                        high[at] = e.high();
                    }
                }
                series.add(new Charts.ErrorSeries(g.getKey().isEmpty() ? key.getKey() : g.getKey(),
                        Charts.PALETTE[colour++ % Charts.PALETTE.length], mean, low, high));
            }
            sb.append("<section data-measure=\"").append(Svg.esc(key.getKey())).append("\">\n<h2>")
                    .append(Svg.esc(key.getValue())).append("</h2>\n");
            Charts.errorBarChart(sb, "sweep-" + key.getKey().replace('_', '-'), key.getValue() + " against "
                    + labels.get(0), labels.get(0), key.getKey(), x, xLabels, series, 280 + 18 * ((series.size() + 3)
                            / 4));
            sb.append("</section>\n");
        }

        sb.append("<section>\n<h2>Every grid point</h2>\n<table id=\"grid\">\n<tr><th>point</th>");
        for (String l : labels) {
            sb.append("<th>").append(Svg.esc(l)).append("</th>");
        }
        for (String k : Measures.KEY.keySet()) {
            sb.append("<th>").append(Svg.esc(k)).append(" (mean, 95% CI)</th>");
        }
        sb.append("</tr>\n");
        for (int i = 0; i < points.size(); i++) {
            sb.append("<tr data-point=\"").append(points.get(i).index()).append("\"><td class=\"n\">")
                    .append(points.get(i).index()).append("</td>");
            for (String v : points.get(i).values()) {
                sb.append("<td>").append(Svg.esc(v)).append("</td>");
            }
            for (String k : Measures.KEY.keySet()) {
                Estimate e = estimates.get(i).get(k);
                sb.append("<td class=\"n\">").append(e == null ? "" : MonteCarloReport.value(e.mean()) + " "
                        + MonteCarloReport.interval(e)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n</section>\n");
        Page.foot(sb, "Written by Bulwark from the replications' measures; it opens offline and loads nothing.");
        return sb.toString();
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
