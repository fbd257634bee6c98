package dev.bulwark.engine.flight.interceptor;

/**
 * How one interceptor fly-out ended (see {@link InterceptorFlight}).
 *
 * @param hit                   whether the target was killed: the closest approach came within the
 *                              lethal radius between the fuze-arming and self-destruct times
 * @param missDistanceM         distance between interceptor and target at the closest approach (m);
 *                              when the flight ended without one, the distance at its end
 * @param timeOfClosestApproach simulation time of the closest approach, or of the end of the flight (s)
 * @param interceptPoint        the interceptor's ECEF position at that time (m); a copy
 * @param flightTimeS           time from launch to that time (s)
 * @param interceptorSpeedMps   the interceptor's speed relative to the Earth at that time (m/s)
 * @param relativeSpeedMps      the speed of the target relative to the interceptor at that time (m/s)
 * @param reason                why the flight ended
 */
public record InterceptResult(
        boolean hit,
        double missDistanceM,
        double timeOfClosestApproach,
        double[] interceptPoint,
        double flightTimeS,
        double interceptorSpeedMps,
        double relativeSpeedMps,
        Reason reason) {

    /** Why a fly-out ended. */
    public enum Reason {
        /** Closest approach within the lethal radius while the fuze was armed. */
        HIT,
        /** Closest approach outside the lethal radius while the fuze was armed. */
        MISSED,
        /** Closest approach before the fuze armed (target too close to the launcher). */
        FUZE_NOT_ARMED,
        /** No closest approach before the self-destruct time (or the flight-time limit given). */
        FLIGHT_TIME_EXCEEDED,
        /** The interceptor fell below the ground. */
        GROUND,
        /** The target's motion ended (it reached the ground) before the closest approach. */
        TARGET_ENDED
    }

    public InterceptResult {
        interceptPoint = interceptPoint.clone();
    }

    @Override
    public double[] interceptPoint() {
        return interceptPoint.clone();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "InterceptResult[%s, miss %.3f m at t=%.3f s after %.3f s of flight, speed %.1f m/s, relative %.1f m/s]",
                reason, missDistanceM, timeOfClosestApproach, flightTimeS, interceptorSpeedMps, relativeSpeedMps);
    }
}
