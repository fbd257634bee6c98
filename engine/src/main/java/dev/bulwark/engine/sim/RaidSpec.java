package dev.bulwark.engine.sim;

import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.geo.GeoPolygon;

/**
 * A raid: {@code count} threats of one type fired from a launch area at an aim area, at a
 * steady rate from a start time. Each round's launch point and aim point are drawn
 * uniformly inside the areas from the raid's own random streams; its impact then scatters
 * around the aim point with the type's dispersion.
 *
 * @param name          unique name
 * @param threatType    what is fired
 * @param launchArea    where launchers stand
 * @param aimArea       what is aimed at: a town's outline or any area
 * @param aimLabel      the name of the town aimed at, or the raid's name for a free area (reports only)
 * @param count         number of rounds
 * @param startS        time of the first launch (s from scenario start)
 * @param ratePerMinute launches per minute (evenly spaced)
 */
public record RaidSpec(
        String name,
        ThreatType threatType,
        GeoPolygon launchArea,
        GeoPolygon aimArea,
        String aimLabel,
        int count,
        double startS,
        double ratePerMinute) {

    public RaidSpec {
        if (name == null || threatType == null || launchArea == null || aimArea == null || count < 1
                || !(startS >= 0) || !(ratePerMinute > 0)) {
            throw new IllegalArgumentException("invalid raid " + name);
        }
    }

    /** Time of launch {@code i} (s), 0-based. */
    public double launchTime(int i) {
        return startS + i * 60.0 / ratePerMinute;
    }
}
