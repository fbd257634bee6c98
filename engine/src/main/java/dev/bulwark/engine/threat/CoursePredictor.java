package dev.bulwark.engine.threat;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.geo.PlanarRegions;

/**
 * Predicts which defended area a powered threat (a drone or a cruise missile) threatens from its
 * course, and when it arrives there: the dead reckoning of air-defence threat evaluation (e.g.
 * Roux &amp; van Vuuren, "Threat evaluation and weapon assignment decision support: a review of
 * the state of the art", <i>ORiON</i> 23(2), 2007, on course-based threat evaluation).
 *
 * <p>Method, in the scenario's tangent plane: the track's ground track is extended along its
 * horizontal velocity for at most {@link #HORIZON_S}; the first defended area it enters is the
 * one threatened. The predicted impact is the middle of the course's chord through that area
 * (entry and exit located by bisection to 1 m), reached after τ, the time to go. Whether the
 * course passes through the area at all depends on the spread across it: the track's horizontal
 * position covariance propagated at constant velocity, P_pp + τ(P_pv + P_vp) + τ² P_vv, is
 * reduced to its cross-track variance (with 1 m² along the course), and the probability of
 * impact inside each area follows from that ({@link AreaProbabilities}). The predicted path, for
 * intercept planning, is the track's state flown at constant velocity to the impact
 * ({@link StraightCourse}). A course that enters no area within the horizon threatens none: the
 * impact is then taken at the horizon (a near miss counts as a miss).
 *
 * <p>Simplified: the course is held straight, so a drone still to turn at a waypoint is judged by
 * the leg it is on (the prediction corrects itself after the turn); the covariance rotation uses
 * the plane's axes rather than the track's own east and north (within 0.1° at 100 km); the
 * target inside an area is not predicted, only the area, and arrival means entering it.
 *
 * <p>Not thread-safe (scratch arrays).
 */
public final class CoursePredictor {

    /** Longest time to go considered (s): 15 minutes, some 46 km for a Shahed-class drone. */
    public static final double HORIZON_S = 900;
    /** Slowest ground speed with a course (m/s): below it a track is taken to hover or be false. */
    public static final double MIN_GROUND_SPEED_MPS = 10;
    /** Distance between the points tested along the ground track (m), then refined by bisection to 1 m. */
    private static final double MARCH_M = 50;

    private final DefendedAreas areas;
    private final PlanarRegions regions;
    private final LocalFrame plane;
    private final Ellipsoid ellipsoid;
    private final double[] r = new double[9];
    private final double[] tmp = new double[3];
    private final double[] enuCov = new double[36];

    /**
     * @param areas     the defended areas
     * @param ellipsoid the Earth's shape
     */
    public CoursePredictor(DefendedAreas areas, Ellipsoid ellipsoid) {
        this.areas = areas;
        this.regions = areas.regions();
        this.plane = regions.frame();
        this.ellipsoid = ellipsoid;
        for (int j = 0; j < 3; j++) {
            plane.rotateToEnu(j == 0 ? 1 : 0, j == 1 ? 1 : 0, j == 2 ? 1 : 0, tmp);
            for (int i = 0; i < 3; i++) {
                r[3 * i + j] = tmp[i];
            }
        }
    }

    /**
     * Assesses a track on its course.
     *
     * @param trackId    the track
     * @param time       time of its estimate (s)
     * @param state      ECEF position (m) and velocity (m/s)
     * @param covariance its 6×6 covariance, row-major
     * @return the assessment, or null if the track is too slow to have a course
     */
    public Assessment assess(int trackId, double time, double[] state, double[] covariance) {
        plane.rotateToEnu(state[3], state[4], state[5], tmp);
        double ve = tmp[0];
        double vn = tmp[1];
        double speed = Math.hypot(ve, vn);
        if (!(speed >= MIN_GROUND_SPEED_MPS)) {
            return null;
        }
        GeodeticPoint here = ellipsoid.toGeodetic(state[0], state[1], state[2]);
        regions.project(here, tmp);
        double e0 = tmp[0];
        double n0 = tmp[1];
        double step = MARCH_M / speed;
        double tauIn = Double.NaN;
        double tauOut = HORIZON_S;
        int area = -1;
        double previous = 0;
        for (double t = 0; t <= HORIZON_S; t += step) {
            int k = regions.locate(e0 + ve * t, n0 + vn * t);
            if (area < 0 && k >= 0) {
                area = k;
                tauIn = t == 0 ? 0 : crossing(e0, n0, ve, vn, previous, t, speed, k, true);
            } else if (area >= 0 && k != area) {
                tauOut = crossing(e0, n0, ve, vn, previous, t, speed, area, false);
                break;
            }
            previous = t;
        }
        double tau = area < 0 ? HORIZON_S : 0.5 * (tauIn + tauOut);
        double me = e0 + ve * tau;
        double mn = n0 + vn * tau;
        rotateCovariance(covariance);
        // only the spread across the course decides whether the course passes through the area:
        // keep the cross-track variance, and a metre along it
        double ue = ve / speed;
        double un = vn / speed;
        double cee = horizontal(0, 0, tau);
        double cen = horizontal(0, 1, tau);
        double cnn = horizontal(1, 1, tau);
        double cross = un * un * cee - 2 * ue * un * cen + ue * ue * cnn;
        double along = 1.0;
        double pe = ue * ue * along + un * un * cross;
        double pen = ue * un * (along - cross);
        double pn = un * un * along + ue * ue * cross;
        GeodeticPoint arrival = regions.unproject(me, mn).withAltitude(here.altitude());
        StraightCourse path = new StraightCourse(time, time + tau, state, arrival, ellipsoid);
        return AreaProbabilities.assessment(trackId, time, path, arrival, time + tau, me, mn, pe, pen, pn, areas);
    }

    /**
     * Time (s) at which the ground track crosses the boundary of area k between two times, by
     * bisection to 1 m: its entry ({@code entering}) or its exit.
     */
    private double crossing(double e0, double n0, double ve, double vn, double lo, double hi, double speed, int k,
            boolean entering) {
        while ((hi - lo) * speed > 1.0) {
            double mid = 0.5 * (lo + hi);
            boolean in = regions.contains(k, e0 + ve * mid, n0 + vn * mid);
            if (in == entering) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return entering ? hi : lo;
    }

    /** The ENU (plane-axis) covariance R P Rᵀ of position and velocity, into {@link #enuCov}. */
    private void rotateCovariance(double[] p) {
        for (int bi = 0; bi < 2; bi++) {
            for (int bj = 0; bj < 2; bj++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double acc = 0;
                        for (int k = 0; k < 3; k++) {
                            for (int l = 0; l < 3; l++) {
                                acc += r[3 * i + k] * p[(3 * bi + k) * 6 + 3 * bj + l] * r[3 * j + l];
                            }
                        }
                        enuCov[(3 * bi + i) * 6 + 3 * bj + j] = acc;
                    }
                }
            }
        }
    }

    /** Horizontal covariance (i, j ∈ {east, north}) of the position τ seconds ahead at constant velocity (m²). */
    private double horizontal(int i, int j, double tau) {
        return enuCov[i * 6 + j] + tau * (enuCov[i * 6 + 3 + j] + enuCov[(3 + i) * 6 + j])
                + tau * tau * enuCov[(3 + i) * 6 + 3 + j];
    }
}
