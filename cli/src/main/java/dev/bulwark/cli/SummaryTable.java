package dev.bulwark.cli;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.results.Measures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The summary table printed at the end of a run: plain text, one measure per row, values
 * right-aligned, percentages and notes in a third column, sub-rows indented under their
 * total. ASCII only, so any terminal or log shows it as is. The ratios come from
 * {@link Measures}, as in the summary files.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    private record Row(int indent, String label, String value, String note) {
    }

    /** The table for a run, with a title line naming the scenario and the seed; lines end with {@code \n}. */
    static String render(RunSummary s) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(0, "Threats launched", count(s.launched()), ""));
        rows.add(new Row(1, "bound for defended areas", count(s.boundForDefended()),
                percent(Measures.ratio(s.boundForDefended(), s.launched()), "of launched")));
        rows.add(new Row(1, "bound for open ground", count(s.boundForOpen()),
                percent(Measures.ratio(s.boundForOpen(), s.launched()), "of launched")));
        rows.add(new Row(0, "Engaged", count(s.engaged()), percent(Measures.shareEngaged(s), "of launched")));
        rows.add(new Row(1, "although bound for open ground", count(s.engagedBoundForOpen()), ""));
        rows.add(new Row(0, "Intercepted", count(s.intercepted()),
                percent(Measures.interceptionRate(s), "of engaged (interception rate)")));
        rows.add(new Row(0, "Leaked into defended areas", count(s.leaked()),
                percent(Measures.leakRate(s), "of those bound for defended areas")));
        s.leaksByArea().forEach((area, n) -> rows.add(new Row(1, area, count(n), "")));
        rows.add(new Row(0, "Fell in open ground", count(s.fellInOpenGround()), ""));
        rows.add(new Row(0, "Still in flight at the end", count(s.inFlightAtEnd()), ""));

        int notEngaged = 0;
        List<Row> reasons = new ArrayList<>();
        for (Map.Entry<String, Integer> e : Measures.notEngagedReasons(s).entrySet()) {
            if (e.getValue() > 0) {
                notEngaged += e.getValue();
                reasons.add(new Row(1, e.getKey().replace('_', ' '), count(e.getValue()), ""));
            }
        }
        rows.add(new Row(0, "Bound for defended areas, not engaged", count(notEngaged), notEngaged > 0 ? "why:" : ""));
        rows.addAll(reasons);

        rows.add(new Row(0, "Interceptors fired", count(s.interceptorsFired()), ""));
        s.interceptorsByBattery().forEach((battery, n) -> rows.add(new Row(1, battery, count(n), "")));
        rows.add(new Row(0, "Interceptor cost (USD)", money(s.interceptorCostUsd()), ""));
        if (s.laserShots() > 0) {
            rows.add(new Row(0, "Laser shots", count(s.laserShots()), ""));
            rows.add(new Row(0, "Laser cost (USD)", money(s.laserCostUsd()), ""));
        }
        if (s.gunBursts() > 0) {
            rows.add(new Row(0, "Gun bursts", count(s.gunBursts()), count(s.gunRounds()) + " rounds"));
            rows.add(new Row(0, "Gun cost (USD)", money(s.gunCostUsd()), ""));
        }
        rows.add(new Row(0, "Threat cost (USD)", money(s.threatCostUsd()), ""));
        OptionalDouble cer = Measures.costExchangeRatio(s);
        rows.add(new Row(0, "Cost exchange ratio",
                cer.isPresent() ? String.format(Locale.ROOT, "%,.2f", cer.getAsDouble()) : "n/a",
                costNote(s)));

        return "Scenario " + s.scenario() + ", seed " + s.seed() + "\n\n" + layout(rows);
    }

    private static String costNote(RunSummary s) {
        String spent = "interceptor" + (s.laserShots() > 0 ? " + laser" : "") + (s.gunBursts() > 0 ? " + gun" : "");
        return spent.contains("+") ? "(" + spent + " cost) / threat cost" : spent + " cost / threat cost";
    }

    private static String layout(List<Row> rows) {
        int labelWidth = 0;
        int valueWidth = 0;
        for (Row r : rows) {
            labelWidth = Math.max(labelWidth, 2 * r.indent + r.label.length());
            valueWidth = Math.max(valueWidth, r.value.length());
        }
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            String label = "  ".repeat(r.indent) + r.label;
            StringBuilder line = new StringBuilder();
            line.append("  ").append(label).append(" ".repeat(labelWidth - label.length() + 3));
            line.append(" ".repeat(valueWidth - r.value.length())).append(r.value);
            if (!r.note.isEmpty()) {
                line.append("   ").append(r.note);
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "%,.0f", usd);
    }

    private static String percent(OptionalDouble share, String of) {
        return share.isPresent() ? String.format(Locale.ROOT, "%5.1f%% %s", 100 * share.getAsDouble(), of) : "";
    }
}
