package dev.bulwark.engine.sim;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.interceptor.InterceptorType;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.threat.AreaKind;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.engine.track.TrackerSettings;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built worlds for engine tests (notional laydown near Sderot). */
public final class TinyWorlds {

    /** A Qassam-class rocket, as in the scenario catalogue. */
    public static final ThreatType QASSAM = new ThreatType("qassam", 45, 0.0227, 0.35, 495, Math.toRadians(5), 0.05,
            500, 0.05);

    private TinyWorlds() {
    }

    /** An axis-aligned box in degrees. */
    public static GeoPolygon box(double lat0, double lon0, double lat1, double lon1) {
        return new GeoPolygon(List.of(GeodeticPoint.ofDegrees(lat0, lon0, 0), GeodeticPoint.ofDegrees(lat0, lon1, 0),
                GeodeticPoint.ofDegrees(lat1, lon1, 0), GeodeticPoint.ofDegrees(lat1, lon0, 0)));
    }

    /** The town. */
    public static DefendedArea town() {
        return new DefendedArea("Sderot", AreaKind.RESIDENTIAL, 100, box(31.515, 34.585, 31.535, 34.610));
    }

    /** The radar. */
    public static RadarSpec radar(String name, double lat, double lon) {
        return new RadarSpec(name, GeodeticPoint.ofDegrees(lat, lon, 0), 500, 100_000, Math.toRadians(0.5),
                Math.toRadians(80), 1.0, 60_000, 0, 15, 0.002, 0.002);
    }

    /** The battery. */
    public static BatterySpec battery(String name, double lat, double lon, int rounds) {
        return new BatterySpec(name, GeodeticPoint.ofDegrees(lat, lon, 0), 1, rounds, 0, 600, 0,
                Double.POSITIVE_INFINITY, 300, Double.POSITIVE_INFINITY, InterceptorType.TAMIR_CLASS, 2, 0.9, 50_000, 150);
    }

    /** A world with the given defences and a raid of {@code count} Qassams aimed at the town. */
    public static World world(long seed, int count, List<RadarSpec> radars, List<BatterySpec> batteries) {
        RaidSpec raid = new RaidSpec("north", QASSAM, box(31.525, 34.50, 31.545, 34.52), town().boundary(), "Sderot",
                count, 10, 2);
        return new World("tiny", GeodeticPoint.ofDegrees(31.52, 34.55, 0), seed, 60 + count * 30.0, EarthModel.WGS84,
                List.of(town()), radars, batteries, List.of(raid), Doctrine.DEFAULT, TrackerSettings.DEFAULT);
    }

    /** The default tiny world: one radar, one battery. */
    public static World world(long seed, int count) {
        return world(seed, count, List.of(radar("R1", 31.45, 34.62)), List.of(battery("B1", 31.52, 34.68, 20)));
    }

    /** Runs a world and records its events. */
    public static List<SimEvent> events(World world) {
        Simulation sim = new Simulation(world);
        List<SimEvent> out = new ArrayList<>();
        sim.bus().subscribe(out::add);
        sim.run(ProgressListener.NONE);
        return out;
    }
}
