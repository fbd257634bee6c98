package dev.bulwark.results;

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
 * The files of a Monte Carlo study: {@value #REPLICATIONS_FILE}, one row per replication with
 * its seed and every numeric measure ({@link Measures#numeric}), and {@value #ESTIMATES_FILE},
 * one row per measure with the number of replications where it is defined, the mean, the
 * standard deviation and the 95% confidence interval of the mean ({@link Estimate}). Numbers are
 * written to 6 significant decimals, an undefined value as an empty field; UTF-8, {@code \n}.
 */
public final class MonteCarloWriter {

    /** One row per replication. */
    public static final String REPLICATIONS_FILE = "replications.csv";
    /** One row per measure. */
    public static final String ESTIMATES_FILE = "estimates.csv";

    private MonteCarloWriter() {
    }

    /**
     * The measures of a set of replications, by name, one value per replication (NaN where
     * undefined); a measure missing from a replication (say, an area present only in another
     * scenario) is NaN there.
     *
     * @param replications each replication's {@link Measures#numeric} map, in replication order
     */
    public static Map<String, double[]> columns(List<Map<String, Double>> replications) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < replications.size(); i++) {
            for (Map.Entry<String, Double> e : replications.get(i).entrySet()) {
                double[] column = out.computeIfAbsent(e.getKey(), k -> {
                    double[] c = new double[replications.size()];
                    java.util.Arrays.fill(c, Double.NaN);
                    return c;
                });
                column[i] = e.getValue();
            }
        }
        return out;
    }

    /** The estimate of every measure, in column order. */
    public static Map<String, Estimate> estimates(Map<String, double[]> columns) {
        Map<String, Estimate> out = new LinkedHashMap<>();
        columns.forEach((k, v) -> out.put(k, Estimate.of(v)));
        return out;
    }

    /** Writes both files into a directory. */
    public static void write(long[] seeds, Map<String, double[]> columns, Path directory) throws IOException {
        try (Writer w = Files.newBufferedWriter(directory.resolve(REPLICATIONS_FILE), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>();
            header.add("replication");
            header.add("seed");
            header.addAll(columns.keySet());
            w.write(String.join(",", header.stream().map(SummaryWriter::csvField).toList()));
            w.write('\n');
            for (int i = 0; i < seeds.length; i++) {
                StringBuilder row = new StringBuilder().append(i).append(',').append(seeds[i]);
                for (double[] c : columns.values()) {
                    row.append(',').append(number(c[i]));
                }
                w.write(row.append('\n').toString());
            }
        }
        try (Writer w = Files.newBufferedWriter(directory.resolve(ESTIMATES_FILE), StandardCharsets.UTF_8)) {
            w.write("measure,n,mean,standard_deviation,ci95_low,ci95_high\n");
            for (Map.Entry<String, Estimate> e : estimates(columns).entrySet()) {
                Estimate est = e.getValue();
                w.write(SummaryWriter.csvField(e.getKey()) + "," + est.n() + "," + number(est.mean()) + ","
                        + number(est.standardDeviation()) + "," + number(est.low()) + "," + number(est.high()) + "\n");
            }
        }
    }

    /** One row per measure of a paired comparison. */
    public static final String COMPARISON_FILE = "comparison.csv";

    /**
     * Writes {@value #COMPARISON_FILE}: for every measure both scenarios have, the number of pairs
     * where the difference is defined, each scenario's mean, and the mean paired difference b − a
     * with its 95% confidence interval ({@link Estimate#ofDifferences}).
     */
    public static Map<String, Estimate> writeComparison(Map<String, double[]> a, Map<String, double[]> b,
            Path directory) throws IOException {
        return writeComparison(a, b, directory, COMPARISON_FILE, "a", "b");
    }

    /**
     * Writes a paired comparison as {@link #writeComparison(Map, Map, Path)} does, into the file
     * {@code file}, the means headed {@code mean_<nameA>} and {@code mean_<nameB>}.
     */
    public static Map<String, Estimate> writeComparison(Map<String, double[]> a, Map<String, double[]> b,
            Path directory, String file, String nameA, String nameB) throws IOException {
        Map<String, Estimate> differences = differences(a, b);
        try (Writer w = Files.newBufferedWriter(directory.resolve(file), StandardCharsets.UTF_8)) {
            w.write("measure,n,mean_" + nameA + ",mean_" + nameB + ",mean_difference,ci95_low,ci95_high\n");
            for (Map.Entry<String, Estimate> e : differences.entrySet()) {
                Estimate d = e.getValue();
                w.write(SummaryWriter.csvField(e.getKey()) + "," + d.n() + ","
                        + number(Estimate.of(a.get(e.getKey())).mean()) + ","
                        + number(Estimate.of(b.get(e.getKey())).mean()) + "," + number(d.mean()) + ","
                        + number(d.low()) + "," + number(d.high()) + "\n");
            }
        }
        return differences;
    }

    /** The paired differences b − a of every measure both have, in a's order. */
    public static Map<String, Estimate> differences(Map<String, double[]> a, Map<String, double[]> b) {
        Map<String, Estimate> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            double[] other = b.get(e.getKey());
            if (other != null) {
                out.put(e.getKey(), Estimate.ofDifferences(e.getValue(), other));
            }
        }
        return out;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Decimals.format(v, 6);
    }
}
