package dev.bulwark.results.report;

import dev.bulwark.results.Estimate;
import dev.bulwark.results.Measures;
import dev.bulwark.results.MonteCarloWriter;
import dev.bulwark.results.RunParameters;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@value #FILE}, the page of a Monte Carlo study: for each key measure
 * ({@link Measures#KEY}) a histogram of its values over the replications with the mean and its
 * 95% confidence interval ({@link Estimate}; chart ids {@code hist-} and the measure's name with
 * hyphens, {@code hist-interceptors-fired}), then a table of every measure's estimate, the same
 * numbers as {@link MonteCarloWriter#ESTIMATES_FILE}. Self-contained like the run report: inline
 * SVG and CSS, no script, no external reference; a pure function of its inputs.
 */
public final class MonteCarloReport {

    /** File name of the page in a Monte Carlo output directory. */
    public static final String FILE = "montecarlo.html";

    private MonteCarloReport() {
    }

    /**
     * Writes {@value #FILE} into {@code directory}.
     *
     * @param scenarioName the scenario's name
     * @param parameters   the scenario file's name, the base seed and the version
     * @param columns      every measure's values, one per replication ({@link MonteCarloWriter#columns})
     */
    public static void write(String scenarioName, RunParameters parameters, Map<String, double[]> columns,
            Path directory) throws IOException {
        try (Writer w = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            w.write(html(scenarioName, parameters, columns));
        }
    }

    /** The page as text. */
    static String html(String scenarioName, RunParameters parameters, Map<String, double[]> columns) {
        int runs = columns.values().stream().mapToInt(c -> c.length).max().orElse(0);
        StringBuilder sb = new StringBuilder(1 << 15);
        Page.head(sb, "Bulwark Monte Carlo: " + scenarioName);
        sb.append("<h1>").append(Svg.esc(scenarioName)).append(": Monte Carlo</h1>\n<p class=\"meta\">Scenario file ")
                .append(Svg.esc(parameters.scenarioFile())).append(", ").append(runs)
                .append(" replications from base seed ").append(parameters.seed())
                .append(" (replication 0 runs on it). Bulwark ").append(Svg.esc(parameters.bulwarkVersion()))
                .append(".</p>\n<p>Each chart is the distribution of one measure over the replications; the red line")
                .append(" is the mean, the shaded band its 95% confidence interval (Student's t).</p>\n");
        for (Map.Entry<String, String> key : Measures.KEY.entrySet()) {
            double[] values = columns.get(key.getKey());
            if (values == null) {
                continue;
            }
            Estimate e = Estimate.of(values);
            sb.append("<section data-measure=\"").append(Svg.esc(key.getKey())).append("\">\n<h2>")
                    .append(Svg.esc(key.getValue())).append("</h2>\n<p>").append(describe(e)).append("</p>\n");
            Charts.histogram(sb, "hist-" + key.getKey().replace('_', '-'), key.getValue() + " over " + runs
                    + " replications", key.getKey(), values, e.mean(), e.low(), e.high(), 240);
            sb.append("</section>\n");
        }
        sb.append("<section>\n<h2>Every measure</h2>\n<table id=\"estimates\">\n<tr><th>measure</th><th>n</th>")
                .append("<th>mean</th><th>standard deviation</th><th>95% confidence interval</th></tr>\n");
        for (Map.Entry<String, Estimate> e : MonteCarloWriter.estimates(columns).entrySet()) {
            Estimate est = e.getValue();
            sb.append("<tr data-measure=\"").append(Svg.esc(e.getKey())).append("\"><td>").append(Svg.esc(e.getKey()))
                    .append("</td><td class=\"n\">").append(est.n()).append("</td><td class=\"n\">")
                    .append(value(est.mean())).append("</td><td class=\"n\">").append(value(est.standardDeviation()))
                    .append("</td><td class=\"n\">").append(interval(est)).append("</td></tr>\n");
        }
        sb.append("</table>\n</section>\n");
        Page.foot(sb, "Written by Bulwark from the replications' measures; it opens offline and loads nothing.");
        return sb.toString();
    }

    /** "mean 12.3, 95% CI 11.2 to 13.4 (n = 50)". */
    static String describe(Estimate e) {
        if (e.n() == 0) {
            return "undefined in every replication";
        }
        return "mean " + Charts.fine(e.mean()) + (Double.isNaN(e.halfWidth()) ? ""
                : ", 95% confidence interval " + Charts.fine(e.low()) + " to " + Charts.fine(e.high()))
                + " (n = " + e.n() + ")";
    }

    static String value(double v) {
        return Double.isNaN(v) ? "" : Charts.fine(v);
    }

    static String interval(Estimate e) {
        return Double.isNaN(e.halfWidth()) ? "" : "[" + Charts.fine(e.low()) + ", " + Charts.fine(e.high()) + "]";
    }
}
