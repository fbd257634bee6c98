package dev.bulwark.engine.effector;

import dev.bulwark.engine.flight.interceptor.InterceptorType;
import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * An interceptor battery's parameters.
 *
 * <p>What the interceptor can reach, and how long it takes, comes from its flight model (the
 * engagement envelope and time-of-flight tables of
 * {@link dev.bulwark.engine.flight.interceptor.InterceptorPerformance}), not from typed-in
 * numbers. The range and altitude limits here are the battery's doctrine on top of that
 * envelope (for example, no intercepts below a minimum height over a town); by default they
 * restrict nothing but the minimum altitude.
 *
 * <p>Simplified: the kill is decided by the error of the track's prediction at the intercept time
 * against {@code divertRadiusM}, by the proportional-navigation fly-out against the true motion,
 * then by the probability of kill against the true threat's type ({@code killProbabilities}).
 *
 * @param name                  unique name
 * @param site                  battery position (launchers co-located)
 * @param launchers             number of launchers
 * @param roundsPerLauncher     ready rounds per launcher when full
 * @param reserveRounds         rounds held for reloading (magazine beyond the launchers)
 * @param reloadTimeS           time to reload one empty launcher (s)
 * @param minRangeM             doctrine: minimum intercept ground range from the battery (m)
 * @param maxRangeM             doctrine: maximum intercept ground range from the battery (m), may be +∞
 * @param minAltitudeM          doctrine: minimum intercept altitude (m)
 * @param maxAltitudeM          doctrine: maximum intercept altitude (m), may be +∞
 * @param interceptor           the interceptor it fires
 * @param launchDelayS          time from decision to launch (s)
 * @param probabilityOfKill     single-shot probability of kill given a hit inside the divert radius, against a
 *                              threat that {@code killProbabilities} does not name (its default)
 * @param costPerInterceptorUsd cost of one interceptor (USD)
 * @param divertRadiusM         largest error in the predicted intercept point the seeker can correct (m)
 * @param killProbabilities     probability of kill per threat type and category, with {@code probabilityOfKill}
 *                              as its default
 * @param layer                 the battery's layer of the defence (≥ 1): battle management tries the lowest
 *                              layer that can take a threat first and hands it over to the next otherwise
 */
public record BatterySpec(
        String name,
        GeodeticPoint site,
        int launchers,
        int roundsPerLauncher,
        int reserveRounds,
        double reloadTimeS,
        double minRangeM,
        double maxRangeM,
        double minAltitudeM,
        double maxAltitudeM,
        InterceptorType interceptor,
        double launchDelayS,
        double probabilityOfKill,
        double costPerInterceptorUsd,
        double divertRadiusM,
        KillProbabilities killProbabilities,
        int layer) {

    /** The layer of a battery that does not say. */
    public static final int DEFAULT_LAYER = 1;

    public BatterySpec {
        if (killProbabilities == null || killProbabilities.byDefault() != probabilityOfKill || layer < 1) {
            throw new IllegalArgumentException("invalid kill probabilities or layer for battery " + name);
        }
        if (launchers < 1 || roundsPerLauncher < 1 || reserveRounds < 0 || !(reloadTimeS >= 0)
                || !(minRangeM >= 0 && maxRangeM > minRangeM) || !(minAltitudeM >= 0 && maxAltitudeM > minAltitudeM)
                || interceptor == null || !(launchDelayS >= 0)
                || !(probabilityOfKill >= 0 && probabilityOfKill <= 1) || !(costPerInterceptorUsd >= 0)
                || !(divertRadiusM > 0)) {
            throw new IllegalArgumentException("invalid parameters for battery " + name);
        }
    }

    /** A battery of the first layer with one probability of kill against every threat. */
    public BatterySpec(String name, GeodeticPoint site, int launchers, int roundsPerLauncher, int reserveRounds,
            double reloadTimeS, double minRangeM, double maxRangeM, double minAltitudeM, double maxAltitudeM,
            InterceptorType interceptor, double launchDelayS, double probabilityOfKill, double costPerInterceptorUsd,
            double divertRadiusM) {
        this(name, site, launchers, roundsPerLauncher, reserveRounds, reloadTimeS, minRangeM, maxRangeM, minAltitudeM,
                maxAltitudeM, interceptor, launchDelayS, probabilityOfKill, costPerInterceptorUsd, divertRadiusM,
                KillProbabilities.uniform(probabilityOfKill), DEFAULT_LAYER);
    }

    /** This battery with other kill probabilities (their default becomes {@code probabilityOfKill}) and layer. */
    public BatterySpec with(KillProbabilities pk, int newLayer) {
        return new BatterySpec(name, site, launchers, roundsPerLauncher, reserveRounds, reloadTimeS, minRangeM,
                maxRangeM, minAltitudeM, maxAltitudeM, interceptor, launchDelayS, pk.byDefault(), costPerInterceptorUsd,
                divertRadiusM, pk, newLayer);
    }

    /** Rounds ready on the launchers when full. */
    public int readyRounds() {
        return launchers * roundsPerLauncher;
    }
}
