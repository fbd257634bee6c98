package dev.bulwark.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.bulwark.engine.metrics.RunSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes the measures of effectiveness of a run as {@code summary.json} (one object, keys in
 * a fixed order, maps nested) and {@code summary.csv} ({@code measure,value} rows, maps
 * flattened as {@code leaked_by_area[Sderot]}). Both hold the same measures, in the same
 * order, from one list.
 *
 * <p>Costs are rounded to 0.01 USD and ratios to 1e-4; an undefined ratio (zero
 * denominator) is {@code null} in JSON and empty in CSV. Defended areas and batteries keep
 * the scenario's order; the reasons for not engaging are all listed (see
 * {@link Measures#notEngagedReasons}). Text is UTF-8 with {@code \n} line ends and nothing
 * depends on the clock or the machine, so identical inputs give identical bytes.
 */
public final class SummaryWriter {

    /** File name of the JSON summary. */
    public static final String JSON_FILE = "summary.json";
    /** File name of the CSV summary. */
    public static final String CSV_FILE = "summary.csv";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private SummaryWriter() {
    }

    /** Writes {@value #JSON_FILE} and {@value #CSV_FILE} into {@code directory}. */
    public static void write(RunSummary summary, RunParameters parameters, Path directory) throws IOException {
        try (Writer w = Files.newBufferedWriter(directory.resolve(JSON_FILE), StandardCharsets.UTF_8)) {
            writeJson(summary, parameters, w);
        }
        try (Writer w = Files.newBufferedWriter(directory.resolve(CSV_FILE), StandardCharsets.UTF_8)) {
            writeCsv(summary, parameters, w);
        }
    }

    /** Writes the JSON summary; does not close {@code out}. */
    public static void writeJson(RunSummary summary, RunParameters parameters, Writer out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(
                Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            for (Measure m : measures(summary, parameters)) {
                g.writeFieldName(m.key);
                if (m.children != null) {
                    g.writeStartObject();
                    for (Measure c : m.children) {
                        g.writeFieldName(c.key);
                        writeJsonValue(g, c);
                    }
                    g.writeEndObject();
                } else {
                    writeJsonValue(g, m);
                }
            }
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** Writes the CSV summary with a {@code measure,value} header; does not close {@code out}. */
    public static void writeCsv(RunSummary summary, RunParameters parameters, Writer out) throws IOException {
        out.write("measure,value\n");
        for (Measure m : measures(summary, parameters)) {
            if (m.children != null) {
                for (Measure c : m.children) {
                    csvRow(out, m.key + "[" + c.key + "]", c.text);
                }
            } else {
                csvRow(out, m.key, m.text);
            }
        }
        out.flush();
    }

    private static void writeJsonValue(JsonGenerator g, Measure m) throws IOException {
        if (m.text == null) {
            g.writeNull();
        } else if (m.number) {
            g.writeNumber(m.text);
        } else {
            g.writeString(m.text);
        }
    }

    private static void csvRow(Writer out, String measure, String value) throws IOException {
        out.write(csvField(measure));
        out.write(',');
        out.write(value == null ? "" : csvField(value));
        out.write('\n');
    }

    /** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * One measure: a scalar (text, and whether it is a number) or a map of scalars
     * ({@code children}). {@code text} is null for an undefined value.
     */
    private record Measure(String key, String text, boolean number, List<Measure> children) {
        static Measure string(String key, String text) {
            return new Measure(key, text, false, null);
        }

        static Measure count(String key, long value) {
            return new Measure(key, Long.toString(value), true, null);
        }

        static Measure decimal(String key, double value, int decimals) {
            return new Measure(key, Decimals.format(value, decimals), true, null);
        }

        static Measure ratio(String key, OptionalDouble value) {
            return decimal(key, value.orElse(Double.NaN), 4);
        }

        static Measure counts(String key, Map<String, Integer> values) {
            List<Measure> children = new ArrayList<>();
            values.forEach((k, v) -> children.add(count(k, v)));
            return new Measure(key, null, false, List.copyOf(children));
        }
    }

    /** The measures in file order: the single source of both files. */
    private static List<Measure> measures(RunSummary s, RunParameters p) {
        return List.of(
                Measure.string("bulwark_version", p.bulwarkVersion()),
                Measure.string("scenario", s.scenario()),
                Measure.string("scenario_file", p.scenarioFile()),
                Measure.count("seed", p.seed()),
                Measure.count("threats_launched", s.launched()),
                Measure.count("bound_for_defended", s.boundForDefended()),
                Measure.count("bound_for_open", s.boundForOpen()),
                Measure.count("engaged", s.engaged()),
                Measure.count("engaged_bound_for_open", s.engagedBoundForOpen()),
                Measure.count("intercepted", s.intercepted()),
                Measure.count("leaked", s.leaked()),
                Measure.counts("leaked_by_area", s.leaksByArea()),
                Measure.count("fell_in_open_ground", s.fellInOpenGround()),
                Measure.count("in_flight_at_end", s.inFlightAtEnd()),
                Measure.counts("not_engaged_reasons", Measures.notEngagedReasons(s)),
                Measure.count("interceptors_fired", s.interceptorsFired()),
                Measure.counts("interceptors_by_battery", s.interceptorsByBattery()),
                Measure.decimal("interceptor_cost_usd", s.interceptorCostUsd(), 2),
                Measure.count("laser_shots", s.laserShots()),
                Measure.decimal("laser_cost_usd", s.laserCostUsd(), 2),
                Measure.count("gun_bursts", s.gunBursts()),
                Measure.count("gun_rounds", s.gunRounds()),
                Measure.decimal("gun_cost_usd", s.gunCostUsd(), 2),
                Measure.decimal("threat_cost_usd", s.threatCostUsd(), 2),
                Measure.ratio("cost_exchange_ratio", Measures.costExchangeRatio(s)),
                Measure.ratio("share_engaged", Measures.shareEngaged(s)),
                Measure.ratio("interception_rate", Measures.interceptionRate(s)),
                Measure.ratio("leak_rate", Measures.leakRate(s)),
                Measure.count("plots", s.plots()),
                Measure.count("tracks_confirmed", s.tracksConfirmed()),
                Measure.count("threats_tracked", s.tracking().threatsTracked()),
                Measure.decimal("mean_time_to_track_s", s.tracking().meanTimeToTrackS(), 3),
                Measure.count("track_breaks", s.tracking().trackBreaks()),
                Measure.count("track_swaps", s.tracking().trackSwaps()),
                Measure.decimal("mean_gospa_m", s.tracking().meanGospaM(), 2),
                Measure.decimal("track_rmse_m", s.tracking().rmseM(), 2));
    }
}
