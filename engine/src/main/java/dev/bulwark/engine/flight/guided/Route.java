package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The route of a drone or cruise missile: a launch point, the waypoints it flies by in order,
 * and the target it dives onto.
 *
 * <p>Each waypoint's height (m above the WGS84 ellipsoid) is the height commanded on the leg
 * that ends at it; {@code finalLegAltitudeM} is the height commanded from the last waypoint
 * (or from launch, if there is none) until the terminal manoeuvre. The launch point's height
 * is where the vehicle leaves its launcher; the target's height is the ground height there,
 * where the flight ends. The terrain is taken as flat: nothing checks a leg's height against
 * the ground in between.
 *
 * @param launch            launch point (geodetic)
 * @param waypoints         waypoints in the order flown (may be empty)
 * @param target            aim point on the ground (geodetic)
 * @param finalLegAltitudeM height commanded on the last leg, towards the target (m above the ellipsoid)
 */
public record Route(GeodeticPoint launch, List<GeodeticPoint> waypoints, GeodeticPoint target,
        double finalLegAltitudeM) {

    public Route {
        if (launch == null || waypoints == null || target == null || !Double.isFinite(finalLegAltitudeM)) {
            throw new IllegalArgumentException("a route needs a launch point, waypoints, a target and a height");
        }
        waypoints = List.copyOf(waypoints);
    }

    /** A direct route from launch to target, cruising at one height (m above the ellipsoid). */
    public static Route direct(GeodeticPoint launch, GeodeticPoint target, double altitudeM) {
        return new Route(launch, List.of(), target, altitudeM);
    }

    /**
     * A route through turn points, all flown at one height (m above the ellipsoid); the turn
     * points' own heights are replaced by it.
     */
    public static Route via(GeodeticPoint launch, List<GeodeticPoint> turnPoints, GeodeticPoint target,
            double altitudeM) {
        List<GeodeticPoint> at = new ArrayList<>(turnPoints.size());
        for (GeodeticPoint p : turnPoints) {
            at.add(p.withAltitude(altitudeM));
        }
        return new Route(launch, at, target, altitudeM);
    }

    /** Number of legs (waypoints plus the last leg to the target). */
    public int legCount() {
        return waypoints.size() + 1;
    }

    /** Height commanded on leg i (m above the ellipsoid), 0 ≤ i &lt; {@link #legCount()}. */
    public double legAltitude(int i) {
        return i < waypoints.size() ? waypoints.get(i).altitude() : finalLegAltitudeM;
    }

    /** The point that leg i flies towards: waypoint i, or the target for the last leg. */
    public GeodeticPoint legEnd(int i) {
        return i < waypoints.size() ? waypoints.get(i) : target;
    }

    /**
     * Length of the route along the ellipsoid, launch through the waypoints to the target (m),
     * within about 0.1% of the sum of the geodesics. The flown path is a little shorter: it cuts
     * the corners at the waypoints.
     */
    public double lengthM(Ellipsoid ellipsoid) {
        double sum = 0;
        GeodeticPoint from = launch;
        for (int i = 0; i < legCount(); i++) {
            GeodeticPoint to = legEnd(i);
            sum += Surface.distance(ellipsoid, from, to);
            from = to;
        }
        return sum;
    }
}
