package dev.bulwark.engine.metrics;

import java.util.Map;

/**
 * The measures of effectiveness of one run, all counted against truth.
 *
 * <p>"Bound for" is where a threat's true trajectory meets the ground if nothing stops it.
 * A threat is "engaged" when at least one interceptor was fired at a track of it.
 *
 * @param scenario               scenario name
 * @param seed                   seed of the run
 * @param launched               threats launched
 * @param boundForDefended       of those, bound for a defended area
 * @param boundForOpen           of those, bound for open ground
 * @param engaged                threats engaged
 * @param intercepted            threats destroyed by an interceptor
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
        int tracksConfirmed) {

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
