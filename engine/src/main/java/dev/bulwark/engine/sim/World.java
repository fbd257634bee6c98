package dev.bulwark.engine.sim;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.GunSpec;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.effector.Resupply;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.engine.track.TrackerSettings;
import java.util.List;

/**
 * Everything a simulation run needs, validated and immutable: what the scenario module
 * builds from a file and what the engine runs.
 *
 * @param name       scenario name
 * @param origin     reference point of the scenario (its local tangent plane holds the areas)
 * @param seed       the scenario seed; every random stream is split from it
 * @param durationS  simulated time (s)
 * @param earth      Earth model for flight
 * @param areas      defended areas, in the order they are reported
 * @param radars     radars
 * @param batteries  interceptor batteries
 * @param raids      raids
 * @param doctrine   battle-management rules
 * @param tracker    tracker settings
 * @param resupplies deliveries of interceptors to batteries over the run
 * @param lasers     high-power lasers
 * @param guns       close-in guns (C-RAM class)
 */
public record World(
        String name,
        GeodeticPoint origin,
        long seed,
        double durationS,
        EarthModel earth,
        List<DefendedArea> areas,
        List<RadarSpec> radars,
        List<BatterySpec> batteries,
        List<RaidSpec> raids,
        Doctrine doctrine,
        TrackerSettings tracker,
        List<Resupply> resupplies,
        List<LaserSpec> lasers,
        List<GunSpec> guns) {

    public World {
        areas = List.copyOf(areas);
        radars = List.copyOf(radars);
        batteries = List.copyOf(batteries);
        raids = List.copyOf(raids);
        resupplies = List.copyOf(resupplies);
        lasers = List.copyOf(lasers);
        guns = List.copyOf(guns);
        if (!(durationS > 0) || origin == null || earth == null || doctrine == null || tracker == null) {
            throw new IllegalArgumentException("invalid world");
        }
        for (Resupply r : resupplies) {
            if (batteries.stream().noneMatch(b -> b.name().equals(r.battery()))) {
                throw new IllegalArgumentException("resupply of an unknown battery " + r.battery());
            }
        }
    }

    /** A world without guns. */
    public World(String name, GeodeticPoint origin, long seed, double durationS, EarthModel earth,
            List<DefendedArea> areas, List<RadarSpec> radars, List<BatterySpec> batteries, List<RaidSpec> raids,
            Doctrine doctrine, TrackerSettings tracker, List<Resupply> resupplies, List<LaserSpec> lasers) {
        this(name, origin, seed, durationS, earth, areas, radars, batteries, raids, doctrine, tracker, resupplies,
                lasers, List.of());
    }

    /** A world without resupply. */
    public World(String name, GeodeticPoint origin, long seed, double durationS, EarthModel earth,
            List<DefendedArea> areas, List<RadarSpec> radars, List<BatterySpec> batteries, List<RaidSpec> raids,
            Doctrine doctrine, TrackerSettings tracker) {
        this(name, origin, seed, durationS, earth, areas, radars, batteries, raids, doctrine, tracker, List.of(),
                List.of(), List.of());
    }

    /** The same world with another seed. */
    public World withSeed(long newSeed) {
        return new World(name, origin, newSeed, durationS, earth, areas, radars, batteries, raids, doctrine, tracker,
                resupplies, lasers, guns);
    }
}
