package dev.bulwark.results;

import dev.bulwark.engine.assign.Reason;
import dev.bulwark.engine.metrics.RunSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Measures derived from a {@link RunSummary}, defined once so that the summary files, the
 * command's table and later reports agree. Every ratio is empty when its denominator is zero.
 */
public final class Measures {

    /**
     * The key measures that the Monte Carlo and sweep pages chart and the sweep table prints, by
     * name, with a title for each: what a study of a defence is usually about.
     */
    public static final Map<String, String> KEY = key();

    private Measures() {
    }

    private static Map<String, String> key() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("leaked", "Leaks into defended areas");
        m.put("intercepted", "Threats intercepted");
        m.put("interceptors_fired", "Interceptors fired");
        m.put("interceptor_cost_usd", "Interceptor cost (USD)");
        m.put("cost_exchange_ratio", "Cost exchange ratio (defence cost / threat cost)");
        m.put("leak_rate", "Leak rate (leaked / bound for defended areas)");
        return Collections.unmodifiableMap(m);
    }

    /** {@code numerator / denominator}, or empty when the denominator is zero. */
    public static OptionalDouble ratio(double numerator, double denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(numerator / denominator);
    }

    /** Share of the threats launched that were engaged: engaged / launched. */
    public static OptionalDouble shareEngaged(RunSummary s) {
        return ratio(s.engaged(), s.launched());
    }

    /** Interception rate: threats intercepted / threats engaged. */
    public static OptionalDouble interceptionRate(RunSummary s) {
        return ratio(s.intercepted(), s.engaged());
    }

    /** Share of the threats bound for defended areas that fell inside one: leaked / bound for defended areas. */
    public static OptionalDouble leakRate(RunSummary s) {
        return ratio(s.leaked(), s.boundForDefended());
    }

    /**
     * Cost exchange ratio: what the defence spent on interceptors, laser shots and gun rounds per
     * dollar the attacker spent on threats ((interceptor + laser + gun cost) / threat cost). Above 1
     * the defence pays more.
     */
    public static OptionalDouble costExchangeRatio(RunSummary s) {
        return ratio(s.interceptorCostUsd() + s.laserCostUsd() + s.gunCostUsd(), s.threatCostUsd());
    }

    /**
     * Every numeric measure of a run by name, in the order and with the names of the rows of
     * {@code summary.csv} (maps flattened as {@code leaked_by_area[Sderot]}): what Monte Carlo
     * replications average. An undefined ratio is NaN.
     */
    public static Map<String, Double> numeric(RunSummary s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("threats_launched", (double) s.launched());
        m.put("bound_for_defended", (double) s.boundForDefended());
        m.put("bound_for_open", (double) s.boundForOpen());
        m.put("engaged", (double) s.engaged());
        m.put("engaged_bound_for_open", (double) s.engagedBoundForOpen());
        m.put("intercepted", (double) s.intercepted());
        m.put("leaked", (double) s.leaked());
        s.leaksByArea().forEach((area, n) -> m.put("leaked_by_area[" + area + "]", (double) n));
        m.put("fell_in_open_ground", (double) s.fellInOpenGround());
        m.put("in_flight_at_end", (double) s.inFlightAtEnd());
        notEngagedReasons(s).forEach((reason, n) -> m.put("not_engaged_reasons[" + reason + "]", (double) n));
        m.put("interceptors_fired", (double) s.interceptorsFired());
        s.interceptorsByBattery().forEach((b, n) -> m.put("interceptors_by_battery[" + b + "]", (double) n));
        m.put("interceptor_cost_usd", s.interceptorCostUsd());
        m.put("laser_shots", (double) s.laserShots());
        m.put("laser_cost_usd", s.laserCostUsd());
        m.put("gun_bursts", (double) s.gunBursts());
        m.put("gun_rounds", (double) s.gunRounds());
        m.put("gun_cost_usd", s.gunCostUsd());
        m.put("threat_cost_usd", s.threatCostUsd());
        m.put("cost_exchange_ratio", costExchangeRatio(s).orElse(Double.NaN));
        m.put("share_engaged", shareEngaged(s).orElse(Double.NaN));
        m.put("interception_rate", interceptionRate(s).orElse(Double.NaN));
        m.put("leak_rate", leakRate(s).orElse(Double.NaN));
        m.put("plots", (double) s.plots());
        m.put("tracks_confirmed", (double) s.tracksConfirmed());
        m.put("threats_tracked", (double) s.tracking().threatsTracked());
        m.put("mean_time_to_track_s", s.tracking().meanTimeToTrackS());
        m.put("track_breaks", (double) s.tracking().trackBreaks());
        m.put("track_swaps", (double) s.tracking().trackSwaps());
        m.put("mean_gospa_m", s.tracking().meanGospaM());
        m.put("track_rmse_m", s.tracking().rmseM());
        return m;
    }

    /**
     * Why threats bound for defended areas were not engaged, with every reason listed (zero
     * when it did not occur) so that files of different runs have the same rows: the
     * {@link Reason} keys other than {@code engaged}, in their declaration order, then any
     * other key the summary holds, alphabetically.
     */
    public static Map<String, Integer> notEngagedReasons(RunSummary s) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            if (r != Reason.ENGAGED) {
                ordered.put(r.key(), s.notEngagedReasons().getOrDefault(r.key(), 0));
            }
        }
        Map<String, Integer> others = new TreeMap<>(s.notEngagedReasons());
        others.keySet().removeAll(ordered.keySet());
        ordered.putAll(others);
        return ordered;
    }
}
