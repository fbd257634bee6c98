package dev.bulwark.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The table of a parameter sweep, {@value #FILE}, in long form: one row per grid point and
 * measure, {@code point}, the value of every swept parameter (one column each, named by the
 * parameter's label), then {@code measure,n,mean,standard_deviation,ci95_low,ci95_high} as in
 * {@link MonteCarloWriter#ESTIMATES_FILE}. Long form keeps the file rectangular when grid points
 * have different measures (a battery left out has no {@code interceptors_by_battery} row) and is
 * what pandas, R and DuckDB pivot from. Numbers to 6 significant decimals, an undefined value as
 * an empty field; UTF-8, {@code \n}.
 */
public final class SweepWriter {

    /** File name of the sweep table. */
    public static final String FILE = "sweep.csv";

    private SweepWriter() {
    }

    /**
     * The results of one grid point.
     *
     * @param index   its place in the grid, from 0
     * @param values  the value of each parameter as written ({@code 20}, {@code 0.5}, {@code on})
     * @param numbers the same values as numbers (on 1, off 0), for the charts
     * @param columns its measures over the replications ({@link MonteCarloWriter#columns}), replication i on the
     *                same seed at every point
     */
    public record Point(int index, List<String> values, double[] numbers, Map<String, double[]> columns) {

        public Point {
            values = List.copyOf(values);
            numbers = numbers.clone();
            if (values.size() != numbers.length) {
                throw new IllegalArgumentException("one number per value");
            }
        }

        /** The estimate of every measure at this point, in column order. */
        public Map<String, Estimate> estimates() {
            return MonteCarloWriter.estimates(columns);
        }
    }

    /** Writes {@value #FILE} into a directory. */
    public static void write(List<String> parameters, List<Point> points, Path directory) throws IOException {
        try (Writer w = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("point");
            for (String p : parameters) {
                header.append(',').append(SummaryWriter.csvField(p));
            }
            w.write(header.append(",measure,n,mean,standard_deviation,ci95_low,ci95_high\n").toString());
            for (Point point : points) {
                StringBuilder prefix = new StringBuilder().append(point.index());
                for (String v : point.values()) {
                    prefix.append(',').append(SummaryWriter.csvField(v));
                }
                for (Map.Entry<String, Estimate> e : point.estimates().entrySet()) {
                    Estimate est = e.getValue();
                    w.write(prefix + "," + SummaryWriter.csvField(e.getKey()) + "," + est.n() + ","
                            + number(est.mean()) + "," + number(est.standardDeviation()) + "," + number(est.low())
                            + "," + number(est.high()) + "\n");
                }
            }
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Decimals.format(v, 6);
    }
}
