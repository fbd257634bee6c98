package dev.bulwark.engine.threat;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.flight.ThreatClass.Category;
import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * Threat evaluation of one track at one time: where and when it is predicted to land, how
 * sure that is, and the probability of impact inside each defended area.
 *
 * @param trackId              the track
 * @param time                 time of the assessment (s)
 * @param predicted            the predicted path of the track's mean state to the ground
 * @param impactPoint          predicted impact point
 * @param impactTime           predicted impact time (s)
 * @param impactEast           impact point east of the scenario origin (m)
 * @param impactNorth          impact point north of the scenario origin (m)
 * @param covEE                impact-point covariance, east-east (m²)
 * @param covEN                east-north (m²)
 * @param covNN                north-north (m²)
 * @param areaProbabilities    probability of impact inside each defended area (scenario order)
 * @param probabilityDefended  probability of impact inside any defended area
 * @param likelyArea           index of the most probable area, or -1 if every probability is 0
 * @param valueAtRisk          Σ_k P_k·V_k·w_k, the expected defended value hit (V_k the area's value, w_k the
 *                             doctrine's weight of its kind)
 * @param category             what threat evaluation takes the track for: {@link Category#ROCKET_ARTILLERY_MORTAR}
 *                             for anything judged by its ballistic fall (it cannot tell a rocket from a
 *                             re-entering ballistic missile), {@link Category#DRONE} or
 *                             {@link Category#CRUISE_MISSILE} for a powered track, by its ground speed
 */
public record Assessment(
        int trackId,
        double time,
        FlightPath predicted,
        GeodeticPoint impactPoint,
        double impactTime,
        double impactEast,
        double impactNorth,
        double covEE,
        double covEN,
        double covNN,
        double[] areaProbabilities,
        double probabilityDefended,
        int likelyArea,
        double valueAtRisk,
        Category category) {

    /** An assessment of a falling track ({@link Category#ROCKET_ARTILLERY_MORTAR}). */
    public Assessment(int trackId, double time, FlightPath predicted, GeodeticPoint impactPoint, double impactTime,
            double impactEast, double impactNorth, double covEE, double covEN, double covNN, double[] areaProbabilities,
            double probabilityDefended, int likelyArea, double valueAtRisk) {
        this(trackId, time, predicted, impactPoint, impactTime, impactEast, impactNorth, covEE, covEN, covNN,
                areaProbabilities, probabilityDefended, likelyArea, valueAtRisk, Category.ROCKET_ARTILLERY_MORTAR);
    }

    /** This assessment with another category. */
    public Assessment withCategory(Category c) {
        return new Assessment(trackId, time, predicted, impactPoint, impactTime, impactEast, impactNorth, covEE, covEN,
                covNN, areaProbabilities, probabilityDefended, likelyArea, valueAtRisk, c);
    }

    /** Time to go before impact (s). */
    public double timeToImpact() {
        return impactTime - time;
    }
}
