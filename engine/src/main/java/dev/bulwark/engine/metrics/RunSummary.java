package dev.bulwark.engine.metrics;

import java.util.Map;

/**
 * The measures of effectiveness of one run, all counted against truth.
 *
 * <p>"Bound for" is where a threat's true trajectory meets the ground if nothing stops it.
 * A threat is "engaged" when at least one interceptor was fired, a laser turned or a gun fired a
 * burst at a track of it; "intercepted" counts the threats destroyed by any of them.
 *
 * @param scenario               scenario name
 * @param seed                   seed of the run
 * @param launched               threats launched
 * @param boundForDefended       of those, bound for a defended area
 * @param boundForOpen           of those, bound for open ground
 * @param engaged                threats engaged
 * @param intercepted            threats destroyed by an interceptor, a laser or a gun
 * @param leaksByArea            threats that fell inside each defended area (every area listed, in scenario order)
 * @param fellInOpenGround       threats that fell in open ground
 * @param engagedBoundForOpen    threats engaged although bound for open ground
 * @param interceptorsFired      interceptors launched
 * @param interceptorCostUsd     their cost (USD)
 * @param threatCostUsd          cost of the threats launched (USD)
 * @param inFlightAtEnd          threats still in the air when the run stopped
 * @param notEngagedReasons      for threats bound for a defended area that were never engaged: why (reason key → count);
 *                               the last reason recorded while an intercept was still possible, else
 *                               {@code no_feasible_intercept}, {@code not_assessed} or {@code never_tracked}
 * @param interceptorsByBattery  interceptors fired per battery (every battery listed, in scenario order)
 * @param plots                  radar plots produced (including false alarms)
 * @param tracksConfirmed        tracks confirmed
 * @param laserShots             laser engagements
 * @param laserCostUsd           their cost (USD)
 * @param gunBursts              gun bursts fired
 * @param gunRounds              rounds in those bursts
 * @param gunCostUsd             their cost (USD)
 * @param tracking               how well the threats were tracked
 */
public record RunSummary(
        String scenario,
        long seed,
        int launched,
        int boundForDefended,
        int boundForOpen,
        int engaged,
        int intercepted,
        Map<String, Integer> leaksByArea,
        int fellInOpenGround,
        int engagedBoundForOpen,
        int interceptorsFired,
        double interceptorCostUsd,
        double threatCostUsd,
        int inFlightAtEnd,
        Map<String, Integer> notEngagedReasons,
        Map<String, Integer> interceptorsByBattery,
        long plots,
        int tracksConfirmed,
        int laserShots,
        double laserCostUsd,
        int gunBursts,
        int gunRounds,
        double gunCostUsd,
        Tracking tracking) {

    /**
     * Tracking measures against truth (the simulation matches each confirmed track to the nearest
     * true threat within 2 km, for measuring only).
     *
     * @param threatsTracked     threats that had a confirmed track
     * @param meanTimeToTrackS   mean time from launch to the first confirmed track (s), over those; NaN if none
     * @param trackBreaks        times a threat's track was dropped while the threat flew on
     * @param trackSwaps         times a confirmed track moved from one threat to another
     * @param meanGospaM         mean GOSPA per scan with activity (α = 2, c = 500 m, p = 1; m); NaN if no scan had any
     * @param rmseM              position RMSE of the confirmed tracks against the threats they are paired with
     *                           by that GOSPA's assignment (within its 500 m cut-off), pooled over every pair of
     *                           every scan: √(Σ d² / pairs) (m); NaN if no scan had a pair
     */
    public record Tracking(int threatsTracked, double meanTimeToTrackS, int trackBreaks, int trackSwaps,
            double meanGospaM, double rmseM) {
        /** No tracking measured. */
        public static final Tracking NONE = new Tracking(0, Double.NaN, 0, 0, Double.NaN, Double.NaN);
    }

    /** A summary without guns. */
    public RunSummary(String scenario, long seed, int launched, int boundForDefended, int boundForOpen, int engaged,
            int intercepted, Map<String, Integer> leaksByArea, int fellInOpenGround, int engagedBoundForOpen,
            int interceptorsFired, double interceptorCostUsd, double threatCostUsd, int inFlightAtEnd,
            Map<String, Integer> notEngagedReasons, Map<String, Integer> interceptorsByBattery, long plots,
            int tracksConfirmed, int laserShots, double laserCostUsd, Tracking tracking) {
        this(scenario, seed, launched, boundForDefended, boundForOpen, engaged, intercepted, leaksByArea,
                fellInOpenGround, engagedBoundForOpen, interceptorsFired, interceptorCostUsd, threatCostUsd,
                inFlightAtEnd, notEngagedReasons, interceptorsByBattery, plots, tracksConfirmed, laserShots,
                laserCostUsd, 0, 0, 0.0, tracking);
    }

    /** A summary without lasers or tracking measures. */
    public RunSummary(String scenario, long seed, int launched, int boundForDefended, int boundForOpen, int engaged,
            int intercepted, Map<String, Integer> leaksByArea, int fellInOpenGround, int engagedBoundForOpen,
            int interceptorsFired, double interceptorCostUsd, double threatCostUsd, int inFlightAtEnd,
            Map<String, Integer> notEngagedReasons, Map<String, Integer> interceptorsByBattery, long plots,
            int tracksConfirmed) {
        this(scenario, seed, launched, boundForDefended, boundForOpen, engaged, intercepted, leaksByArea,
                fellInOpenGround, engagedBoundForOpen, interceptorsFired, interceptorCostUsd, threatCostUsd,
                inFlightAtEnd, notEngagedReasons, interceptorsByBattery, plots, tracksConfirmed, 0, 0.0, 0, 0, 0.0,
                Tracking.NONE);
    }

    public RunSummary {
        leaksByArea = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(leaksByArea));
        notEngagedReasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notEngagedReasons));
        interceptorsByBattery = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(interceptorsByBattery));
    }

    /** Total threats that fell inside any defended area. */
    public int leaked() {
        return leaksByArea.values().stream().mapToInt(Integer::intValue).sum();
    }
}
