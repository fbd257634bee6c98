package dev.bulwark.engine.sim;

import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.geo.PlanarRegions;
import dev.bulwark.engine.threat.DefendedAreas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The true threats of a world's raids, drawn and flown at the start of a run: the one place that
 * does it, for {@link Simulation} and for the stages that run beside it, such as
 * {@link CoalitionPicture} (same random streams, same order, same identifiers).
 */
final class RaidTruths {

    /** Longest flight followed (s). */
    static final double MAX_FLIGHT_S = 900;

    private RaidTruths() {
    }

    /** Every threat launched within the world's duration, ordered by launch time, numbered from 1. */
    static List<ThreatTruth> fly(World world) {
        Ellipsoid ellipsoid = world.earth().ellipsoid();
        DefendedAreas areas = new DefendedAreas(ellipsoid, new LocalFrame(ellipsoid, world.origin().withAltitude(0.0)),
                world.areas(), world.doctrine()::kindWeight);
        return fly(world, new RandomStreams(world.seed()), areas);
    }

    /**
     * Every threat launched within the world's duration, ordered by launch time, numbered from 1.
     *
     * @param streams the run's random streams (the raids draw from their own named streams)
     * @param areas   the world's defended areas, which say where each threat is bound
     */
    static List<ThreatTruth> fly(World world, RandomStreams streams, DefendedAreas areas) {
        Ellipsoid ellipsoid = world.earth().ellipsoid();
        double ground = world.origin().altitude();
        ThreatFlights flights = new ThreatFlights(world.earth(), Simulation.TRUTH_STEP_S, MAX_FLIGHT_S, ground);
        LocalFrame plane = areas.regions().frame();
        record Shot(double time, int raid, int index, GeodeticPoint launch, GeodeticPoint aim, FlightPath path) {
        }
        List<Shot> shots = new ArrayList<>();
        for (int r = 0; r < world.raids().size(); r++) {
            RaidSpec raid = world.raids().get(r);
            PlanarRegions regions = new PlanarRegions(ellipsoid, plane, List.of(raid.launchArea(), raid.aimArea()));
            RandomStream where = streams.stream("raid/" + raid.name(), "launch-point");
            RandomStream target = streams.stream("raid/" + raid.name(), "aim-point");
            RandomStream scatter = streams.stream("raid/" + raid.name(), "dispersion");
            ThreatFlights.Launcher launcher = flights.prepare(raid, centre(regions, 0), centre(regions, 1));
            double[] xy = new double[3];
            for (int i = 0; i < raid.count(); i++) {
                double t = raid.launchTime(i);
                if (t > world.durationS()) {
                    break;
                }
                regions.sampleUniform(0, where::nextDouble, xy);
                GeodeticPoint launch = regions.unproject(xy[0], xy[1]).withAltitude(ground);
                regions.sampleUniform(1, target::nextDouble, xy);
                GeodeticPoint aim = launcher.disperse(launch, regions.unproject(xy[0], xy[1]).withAltitude(ground),
                        scatter);
                shots.add(new Shot(t, r, i, launch, aim, launcher.fly(t, launch, aim)));
            }
        }
        shots.sort(Comparator.comparingDouble(Shot::time).thenComparingInt(Shot::raid).thenComparingInt(Shot::index));
        List<ThreatTruth> threats = new ArrayList<>();
        int id = 1;
        for (Shot s : shots) {
            int bound = areas.locate(s.path().impactPoint());
            threats.add(new ThreatTruth(id++, world.raids().get(s.raid()), s.launch(), s.aim(), s.path(), bound));
        }
        return threats;
    }

    private static GeodeticPoint centre(PlanarRegions regions, int i) {
        double[] xy = regions.interiorPoint(i);
        return regions.unproject(xy[0], xy[1]);
    }
}
