package dev.bulwark.engine.threat;

import dev.bulwark.engine.flight.FlightPath;
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
 * @param valueAtRisk          Σ_k P_k·V_k, the expected defended value hit
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
        double valueAtRisk) {

    /** Time to go before impact (s). */
    public double timeToImpact() {
        return impactTime - time;
    }
}
