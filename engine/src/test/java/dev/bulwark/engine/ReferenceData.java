package dev.bulwark.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Loads the whitespace-separated numeric reference tables kept under
 * {@code src/test/resources/reference/}. Lines starting with {@code #} (the header that names
 * each table's source) and blank lines are skipped; every other line is one row of numbers.
 */
public final class ReferenceData {

    /**
     * One row of a reference table.
     *
     * @param resource the table's classpath resource
     * @param line     1-based line number in the file, for failure messages
     * @param values   the numbers on the line, in column order
     */
    public record Row(String resource, int line, double[] values) {

        /** The value in a 0-based column. */
        public double get(int column) {
            return values[column];
        }

        @Override
        public String toString() {
            return resource.substring(resource.lastIndexOf('/') + 1) + ":" + line;
        }
    }

    private ReferenceData() {
    }

    /**
     * Every data row of a table.
     *
     * @param resource absolute classpath resource, e.g. {@code /reference/geo/cartconvert-wgs84.txt}
     * @return the rows in file order
     * @throws IllegalStateException if the resource is missing, empty, or a row is ragged
     */
    public static List<Row> load(String resource) {
        InputStream in = ReferenceData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference table not found on the test classpath: " + resource);
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int lineNumber = 0;
            int columns = -1;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                if (columns >= 0 && fields.length != columns) {
                    throw new IllegalStateException(resource + ":" + lineNumber + " has " + fields.length
                            + " columns, the rows before it " + columns);
                }
                columns = fields.length;
                double[] values = new double[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    values[i] = Double.parseDouble(fields[i]);
                }
                rows.add(new Row(resource, lineNumber, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("reference table has no data rows: " + resource);
        }
        return rows;
    }

    /** The rows of a table as single-argument JUnit arguments, for {@code @MethodSource}. */
    public static Stream<Arguments> arguments(String resource) {
        return load(resource).stream().map(Arguments::of);
    }
}
