package dev.bulwark.cli;

import dev.bulwark.results.Estimate;
import java.util.Locale;
import java.util.Map;

/**
 * The table that {@code bulwark montecarlo} and {@code bulwark compare} print: one row per
 * measure with its mean (or mean difference) and the 95% confidence interval. Measures that
 * are zero in every replication (reasons that never occurred, say) are left out, except
 * {@code leaked}; the files keep every measure.
 */
final class EstimateTable {

    private EstimateTable() {
    }

    static String render(String title, Map<String, Estimate> estimates) {
        StringBuilder b = new StringBuilder(title).append('\n').append('\n');
        b.append(String.format(Locale.ROOT, "  %-44s %14s %27s%n", "measure", "mean", "95% confidence interval"));
        for (Map.Entry<String, Estimate> e : estimates.entrySet()) {
            Estimate est = e.getValue();
            if (est.n() == 0 || (est.mean() == 0 && est.standardDeviation() == 0 && !e.getKey().equals("leaked"))) {
                continue;
            }
            String interval = Double.isNaN(est.halfWidth()) ? "" : String.format(Locale.ROOT, "[%s, %s]",
                    number(est.low()), number(est.high()));
            b.append(String.format(Locale.ROOT, "  %-44s %14s %27s%s%n", e.getKey(), number(est.mean()), interval,
                    est.n() < countOf(estimates) ? "  (" + est.n() + " runs where defined)" : ""));
        }
        return b.toString();
    }

    /**
     * A paired table: per measure, the mean of arm {@code b}, the mean of arm {@code a}, and the
     * mean paired difference b − a with its 95% confidence interval; every measure is shown, a
     * zero being a result here (a nation that fired nothing, a policy that raised no alert).
     *
     * @param differences the paired differences b − a ({@code MonteCarloWriter.differences(a, b)})
     */
    static String renderPaired(String title, String nameB, Map<String, double[]> b, String nameA,
            Map<String, double[]> a, Map<String, Estimate> differences) {
        StringBuilder out = new StringBuilder(title).append('\n').append('\n');
        out.append(String.format(Locale.ROOT, "  %-36s %12s %12s %12s %27s%n", "measure", "mean " + nameB,
                "mean " + nameA, "difference", "95% confidence interval"));
        for (Map.Entry<String, Estimate> e : differences.entrySet()) {
            Estimate d = e.getValue();
            Estimate eb = Estimate.of(b.get(e.getKey()));
            Estimate ea = Estimate.of(a.get(e.getKey()));
            String interval = Double.isNaN(d.halfWidth()) ? "" : String.format(Locale.ROOT, "[%s, %s]",
                    number(d.low()), number(d.high()));
            out.append(String.format(Locale.ROOT, "  %-36s %12s %12s %12s %27s%n", e.getKey(), number(eb.mean()),
                    number(ea.mean()), number(d.mean()), interval));
        }
        return out.toString();
    }

    private static int countOf(Map<String, Estimate> estimates) {
        int n = 0;
        for (Estimate e : estimates.values()) {
            n = Math.max(n, e.n());
        }
        return n;
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
