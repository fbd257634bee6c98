package dev.bulwark.engine.sim;

import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.guided.WaypointThreat;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.List;

/**
 * A raid: {@code count} threats of one type fired from a launch area at an aim area, at a
 * steady rate from a start time. Each round's launch point and aim point are drawn
 * uniformly inside the areas from the raid's own random streams; its impact then scatters
 * around the aim point with the type's dispersion (unguided types) or circular error probable
 * (guided types).
 *
 * <p>Drones and cruise missiles ({@link WaypointThreat}) fly from their launch point through the
 * raid's route, in order, then to their aim point, at the cruise height; ballistic missiles and
 * unguided rounds fly directly and take no route.
 *
 * @param name          unique name
 * @param threatType    what is fired
 * @param launchArea    where launchers stand
 * @param aimArea       what is aimed at: a town's outline or any area
 * @param aimLabel      the name of the town aimed at, or the raid's name for a free area (reports only)
 * @param count         number of rounds
 * @param startS        time of the first launch (s from scenario start)
 * @param ratePerMinute launches per minute (evenly spaced)
 * @param route         waypoints flown in order by drones and cruise missiles (their heights are ignored); empty
 *                      for a direct flight, and for every other type
 * @param cruiseHeightM height above the ground at which drones and cruise missiles fly their route (m); NaN for the
 *                      vehicle's usual cruise height
 */
public record RaidSpec(
        String name,
        ThreatClass threatType,
        GeoPolygon launchArea,
        GeoPolygon aimArea,
        String aimLabel,
        int count,
        double startS,
        double ratePerMinute,
        List<GeodeticPoint> route,
        double cruiseHeightM) {

    public RaidSpec {
        if (name == null || threatType == null || launchArea == null || aimArea == null || count < 1
                || !(startS >= 0) || !(ratePerMinute > 0) || route == null || cruiseHeightM < 0) {
            throw new IllegalArgumentException("invalid raid " + name);
        }
        route = List.copyOf(route);
        if (!(threatType instanceof WaypointThreat) && (!route.isEmpty() || !Double.isNaN(cruiseHeightM))) {
            throw new IllegalArgumentException("raid " + name + ": only drones and cruise missiles fly a route");
        }
    }

    /** A raid flown directly from launch to aim point, at the type's usual cruise height if it has one. */
    public RaidSpec(String name, ThreatClass threatType, GeoPolygon launchArea, GeoPolygon aimArea, String aimLabel,
            int count, double startS, double ratePerMinute) {
        this(name, threatType, launchArea, aimArea, aimLabel, count, startS, ratePerMinute, List.of(), Double.NaN);
    }

    /** Time of launch {@code i} (s), 0-based. */
    public double launchTime(int i) {
        return startS + i * 60.0 / ratePerMinute;
    }

    /** The cruise height above the ground (m): the raid's, or else the vehicle's usual one; NaN for other types. */
    public double effectiveCruiseHeightM() {
        if (!Double.isNaN(cruiseHeightM)) {
            return cruiseHeightM;
        }
        return threatType instanceof WaypointThreat w ? w.vehicle().cruiseHeightM() : Double.NaN;
    }
}
