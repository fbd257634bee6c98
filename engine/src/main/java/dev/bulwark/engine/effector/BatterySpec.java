package dev.bulwark.engine.effector;

import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * An interceptor battery's parameters.
 *
 * <p>Simplified model (deepened by the flight-model and battle-management work): the
 * interceptor flies a straight line to the predicted intercept point at a constant mean
 * speed after a launch delay; the engagement envelope is typed in; the terminal seeker can
 * correct a prediction error up to {@code divertRadiusM}, after which the kill succeeds
 * with {@code probabilityOfKill}.
 *
 * @param name                  unique name
 * @param site                  battery position (launchers co-located)
 * @param launchers             number of launchers
 * @param roundsPerLauncher     ready rounds per launcher when full
 * @param reserveRounds         rounds held for reloading (magazine beyond the launchers)
 * @param reloadTimeS           time to reload one empty launcher (s)
 * @param minRangeM             minimum intercept ground range from the battery (m)
 * @param maxRangeM             maximum intercept ground range from the battery (m)
 * @param minAltitudeM          minimum intercept altitude (m)
 * @param maxAltitudeM          maximum intercept altitude (m)
 * @param interceptorSpeedMps   mean fly-out speed (m/s)
 * @param launchDelayS          time from decision to launch (s)
 * @param probabilityOfKill     single-shot probability of kill given a hit inside the divert radius
 * @param costPerInterceptorUsd cost of one interceptor (USD)
 * @param divertRadiusM         largest error in the predicted intercept point the seeker can correct (m)
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
        double interceptorSpeedMps,
        double launchDelayS,
        double probabilityOfKill,
        double costPerInterceptorUsd,
        double divertRadiusM) {

    public BatterySpec {
        if (launchers < 1 || roundsPerLauncher < 1 || reserveRounds < 0 || !(reloadTimeS >= 0)
                || !(minRangeM >= 0 && maxRangeM > minRangeM) || !(minAltitudeM >= 0 && maxAltitudeM > minAltitudeM)
                || !(interceptorSpeedMps > 0) || !(launchDelayS >= 0)
                || !(probabilityOfKill >= 0 && probabilityOfKill <= 1) || !(costPerInterceptorUsd >= 0)
                || !(divertRadiusM > 0)) {
            throw new IllegalArgumentException("invalid parameters for battery " + name);
        }
    }

    /** Rounds ready on the launchers when full. */
    public int readyRounds() {
        return launchers * roundsPerLauncher;
    }
}
