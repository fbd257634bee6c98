package dev.bulwark.engine.effector;

/**
 * A feasible engagement of a predicted path by a battery.
 *
 * @param battery        index of the battery
 * @param launchTime     when the interceptor leaves (s)
 * @param interceptTime  when it meets the predicted path (s)
 * @param point          ECEF intercept point (m), on the predicted path
 * @param groundRangeM   ground range of the intercept point from the battery (m)
 * @param altitudeM      height of the intercept point (m)
 */
public record InterceptPlan(int battery, double launchTime, double interceptTime, double[] point, double groundRangeM,
        double altitudeM) {
}
