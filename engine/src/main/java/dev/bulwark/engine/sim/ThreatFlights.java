package dev.bulwark.engine.sim;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.FlightPath;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.guided.BallisticMissileFlier;
import dev.bulwark.engine.flight.guided.BallisticMissileThreat;
import dev.bulwark.engine.flight.guided.Route;
import dev.bulwark.engine.flight.guided.WaypointFlier;
import dev.bulwark.engine.flight.guided.WaypointThreat;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Flies the truth of every kind of threat for {@link Simulation}: unguided rounds aimed by
 * {@link Aiming} and flown by {@link BallisticPropagator}, drones and cruise missiles by
 * {@link WaypointFlier}, ballistic missiles by {@link BallisticMissileFlier}; and scatters their
 * aim points (a range-proportional dispersion for unguided rounds, a circular error probable for
 * guided ones). Not thread-safe: one per simulation.
 */
final class ThreatFlights {

    /** Circular normal: CEP = σ √(2 ln 2). */
    private static final double CEP_TO_SIGMA = 1.0 / Math.sqrt(2 * Math.log(2));
    /** Integration step of ballistic missiles (s): centimetres over a 1,500 km flight (BallisticMissileFlierTest). */
    private static final double MISSILE_STEP_S = 0.1;
    /** Distance flown per guidance step of drones and cruise missiles (m), within the flier's step limit. */
    private static final double WAYPOINT_STEP_M = 25.0;

    private final Ellipsoid ellipsoid;
    private final double ground;
    private final Aiming aiming;
    private final BallisticMissileFlier missiles;
    private final double[] enu = new double[3];
    private final double[] ecef = new double[3];

    ThreatFlights(EarthModel earth, double truthStepS, double maxFlightS, double ground) {
        this.ellipsoid = earth.ellipsoid();
        this.ground = ground;
        this.aiming = new Aiming(new BallisticPropagator(earth, truthStepS), maxFlightS);
        this.missiles = new BallisticMissileFlier(earth, MISSILE_STEP_S);
    }

    /** How one raid's rounds are flown: prepared once per raid, then used for each round. */
    interface Launcher {
        /** The aim point of one round after its dispersion, drawn from {@code scatter}. */
        GeodeticPoint disperse(GeodeticPoint launch, GeodeticPoint aim, RandomStream scatter);

        /** The round's flight from launch to impact. */
        FlightPath fly(double time, GeodeticPoint launch, GeodeticPoint aim);
    }

    /**
     * Prepares a raid: computes the type's reach from the launch area's centre towards the aim
     * area's centre where the type has one.
     */
    Launcher prepare(RaidSpec raid, GeodeticPoint launchCentre, GeodeticPoint aimCentre) {
        ThreatClass type = raid.threatType();
        double azimuth = bearing(launchCentre, aimCentre);
        if (type instanceof ThreatType unguided) {
            Aiming.Reach reach = aiming.reach(unguided, launchCentre.withAltitude(ground), azimuth);
            return new Launcher() {
                @Override
                public GeodeticPoint disperse(GeodeticPoint launch, GeodeticPoint aim, RandomStream scatter) {
                    double sigma = unguided.dispersionFraction() * range(launch, aim);
                    return scatter(launch, aim, sigma, sigma, reach.minRangeM(), reach.maxRangeM(), scatter);
                }

                @Override
                public FlightPath fly(double time, GeodeticPoint launch, GeodeticPoint aim) {
                    return aiming.solve(unguided, time, launch, aim, reach).trajectory();
                }
            };
        }
        if (type instanceof BallisticMissileThreat missile) {
            BallisticMissileFlier.Reach reach = missiles.reach(missile.type(), launchCentre.withAltitude(ground),
                    azimuth);
            double sigma = missile.cepM() * CEP_TO_SIGMA;
            return new Launcher() {
                @Override
                public GeodeticPoint disperse(GeodeticPoint launch, GeodeticPoint aim, RandomStream scatter) {
                    return scatterAtAim(launch, aim, sigma, reach.minRangeM(), reach.maxRangeM(), scatter);
                }

                @Override
                public FlightPath fly(double time, GeodeticPoint launch, GeodeticPoint aim) {
                    return missiles.aim(missile.type(), time, launch, aim).trajectory();
                }
            };
        }
        if (type instanceof WaypointThreat vehicle) {
            double sigma = vehicle.cepM() * CEP_TO_SIGMA;
            double cruise = ground + raid.effectiveCruiseHeightM();
            double speed = vehicle.vehicle().cruiseSpeedMps();
            WaypointFlier flier = new WaypointFlier(ellipsoid,
                    Math.min(WaypointFlier.MAX_STEP_S, WAYPOINT_STEP_M / speed));
            List<GeodeticPoint> via = new ArrayList<>();
            for (GeodeticPoint p : raid.route()) {
                via.add(p.withAltitude(cruise));
            }
            return new Launcher() {
                @Override
                public GeodeticPoint disperse(GeodeticPoint launch, GeodeticPoint aim, RandomStream scatter) {
                    return scatterAtAim(launch, aim, sigma, 0, Double.POSITIVE_INFINITY, scatter);
                }

                @Override
                public FlightPath fly(double time, GeodeticPoint launch, GeodeticPoint aim) {
                    return flier.fly(vehicle.vehicle(), time, Route.via(launch, via, aim, cruise));
                }
            };
        }
        throw new IllegalArgumentException("no flight model for threat type " + type.name() + " ("
                + type.getClass().getSimpleName() + ")");
    }

    /** Horizontal distance from a launch point to an aim point in the launch point's tangent plane (m). */
    private double range(GeodeticPoint launch, GeodeticPoint aim) {
        LocalFrame f = new LocalFrame(ellipsoid, launch);
        ellipsoid.toEcef(aim.latitude(), aim.longitude(), aim.altitude(), ecef);
        f.ecefToEnu(ecef[0], ecef[1], ecef[2], enu);
        return Math.hypot(enu[0], enu[1]);
    }

    /**
     * Moves an aim point by Gaussian errors in range (σ_r) and cross-range (σ_c), in the launch
     * point's tangent plane, keeping the new distance from the launch point inside
     * [minRange, maxRange] (with a 0.1% margin): the range error is cut back first, then, if the
     * cross-range error still carries the point out of reach, the point is drawn in along its
     * bearing.
     * Draws two normal deviates, range first.
     */
    private GeodeticPoint scatter(GeodeticPoint launch, GeodeticPoint aim, double sigmaRange, double sigmaCross,
            double minRange, double maxRange, RandomStream scatter) {
        LocalFrame f = new LocalFrame(ellipsoid, launch);
        ellipsoid.toEcef(aim.latitude(), aim.longitude(), aim.altitude(), ecef);
        f.ecefToEnu(ecef[0], ecef[1], ecef[2], enu);
        double range = Math.hypot(enu[0], enu[1]);
        double ue = enu[0] / range;
        double un = enu[1] / range;
        double downRange = sigmaRange * scatter.nextGaussian();
        double crossRange = sigmaCross * scatter.nextGaussian();
        double newRange = range + downRange;
        newRange = Math.max(minRange * 1.001, Math.min(maxRange * 0.999, newRange));
        double e = ue * newRange + un * crossRange;
        double n = un * newRange - ue * crossRange;
        // the cross-range error lengthens the distance too: keep the whole of it inside the reach
        double distance = Math.hypot(e, n);
        double kept = Math.max(minRange * 1.001, Math.min(maxRange * 0.999, distance));
        if (kept != distance) {
            e *= kept / distance;
            n *= kept / distance;
        }
        double[] out = new double[3];
        f.enuToEcef(e, n, 0.0, out);
        return ellipsoid.toGeodetic(out).withAltitude(aim.altitude());
    }

    /**
     * Moves the aim point of a guided threat by a circular normal error of σ per axis, in the aim
     * point's tangent plane (down-range first, then cross-range). Guided threats fly hundreds of
     * kilometres, so the error is laid out at the aim point rather than in the launch point's plane.
     * If the new point is not within [1.01 minRange, 0.99 maxRange] of the launch point (geocentric
     * angle times the launch point's distance from the Earth's centre, the measure of
     * {@link BallisticMissileFlier#reach}), the down-range error is cut back to meet that band.
     */
    private GeodeticPoint scatterAtAim(GeodeticPoint launch, GeodeticPoint aim, double sigma, double minRange,
            double maxRange, RandomStream scatter) {
        LocalFrame f = new LocalFrame(ellipsoid, aim);
        double[] launchEcef = ellipsoid.toEcef(launch);
        f.ecefToEnu(launchEcef[0], launchEcef[1], launchEcef[2], enu);
        double back = Math.hypot(enu[0], enu[1]);
        double ue = -enu[0] / back;
        double un = -enu[1] / back;
        double downRange = sigma * scatter.nextGaussian();
        double crossRange = sigma * scatter.nextGaussian();
        double[] aimEcef = ellipsoid.toEcef(aim);
        double range = angle(launchEcef, aimEcef) * norm(launchEcef);
        double lo = minRange * 1.01;
        double hi = maxRange * 0.99;
        downRange = Math.max(lo - range, Math.min(hi - range, downRange));
        double[] out = new double[3];
        f.enuToEcef(ue * downRange + un * crossRange, un * downRange - ue * crossRange, 0.0, out);
        return ellipsoid.toGeodetic(out).withAltitude(aim.altitude());
    }

    private static double angle(double[] a, double[] b) {
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
    }

    private static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }

    /** Initial bearing from one point to another in the first point's tangent plane (rad, clockwise from north). */
    double bearing(GeodeticPoint from, GeodeticPoint to) {
        LocalFrame f = new LocalFrame(ellipsoid, from);
        ellipsoid.toEcef(to.latitude(), to.longitude(), to.altitude(), ecef);
        f.ecefToEnu(ecef[0], ecef[1], ecef[2], enu);
        return Math.atan2(enu[0], enu[1]);
    }
}
