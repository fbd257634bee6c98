package dev.bulwark.engine.flight;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * Solves the launcher's azimuth and elevation that put an unguided round on an aim point,
 * and the reach of a threat type from a launch point.
 *
 * <p>Method: the low (direct-fire) solution is used, with the elevation between the type's
 * minimum elevation and the elevation of maximum range, found by golden-section search.
 * Down-range miss is removed by a bracketed secant iteration on the elevation; the
 * cross-range miss (Earth rotation bends the path) by correcting the azimuth with the
 * angle it subtends from the launcher; the two alternate until the miss is under 1 m.
 * Every candidate is flown with the full {@link BallisticPropagator}.
 */
public final class Aiming {

    /** Largest miss accepted by the solver (m). */
    public static final double TOLERANCE_M = 1.0;
    private static final double MAX_ELEVATION = Math.toRadians(70);
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /**
     * The reach of a type from a launch point.
     *
     * @param minRangeM       ground range at the minimum elevation (m)
     * @param maxRangeM       greatest ground range (m)
     * @param bestElevationRad elevation that gives the greatest range (rad)
     */
    public record Reach(double minRangeM, double maxRangeM, double bestElevationRad) {
        /** Whether a ground range (m) can be reached with a low trajectory. */
        public boolean contains(double rangeM) {
            return rangeM >= minRangeM && rangeM <= maxRangeM;
        }
    }

    /**
     * A firing solution.
     *
     * @param azimuthRad   launch azimuth, clockwise from north (rad)
     * @param elevationRad launch elevation (rad)
     * @param trajectory   the trajectory it flies
     * @param missM        distance from its impact to the aim point (m)
     */
    public record Solution(double azimuthRad, double elevationRad, Trajectory trajectory, double missM) {
    }

    private final BallisticPropagator propagator;
    private final Ellipsoid ellipsoid;
    private final double maxFlightTime;

    /**
     * @param propagator     the flight model
     * @param maxFlightTimeS longest flight considered (s)
     */
    public Aiming(BallisticPropagator propagator, double maxFlightTimeS) {
        this.propagator = propagator;
        this.ellipsoid = propagator.earth().ellipsoid();
        this.maxFlightTime = maxFlightTimeS;
    }

    /** Reach of a type fired from a launch point towards an azimuth (rad), onto ground at the launch height. */
    public Reach reach(ThreatType type, GeodeticPoint launch, double azimuth) {
        double lo = type.minElevationRad();
        double hi = MAX_ELEVATION;
        double x1 = hi - GOLDEN * (hi - lo);
        double x2 = lo + GOLDEN * (hi - lo);
        double f1 = range(type, launch, azimuth, x1, launch.altitude());
        double f2 = range(type, launch, azimuth, x2, launch.altitude());
        while (hi - lo > 1e-4) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + GOLDEN * (hi - lo);
                f2 = range(type, launch, azimuth, x2, launch.altitude());
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - GOLDEN * (hi - lo);
                f1 = range(type, launch, azimuth, x1, launch.altitude());
            }
        }
        double best = 0.5 * (lo + hi);
        double max = range(type, launch, azimuth, best, launch.altitude());
        double min = range(type, launch, azimuth, type.minElevationRad(), launch.altitude());
        return new Reach(min, max, best);
    }

    /**
     * The trajectory that brings a round of the type from the launch point onto the aim point.
     *
     * @param type      the round
     * @param launchTime launch time (s)
     * @param launch    launch point
     * @param aim       aim point; its height is the ground height at impact
     * @return the solution
     * @throws IllegalArgumentException if the aim point is outside the type's reach
     */
    public Solution solve(ThreatType type, double launchTime, GeodeticPoint launch, GeodeticPoint aim) {
        return solve(type, launchTime, launch, aim, null);
    }

    /**
     * As {@link #solve(ThreatType, double, GeodeticPoint, GeodeticPoint)}, with the reach
     * already known (for many rounds fired from one area in one direction: the reach changes
     * by well under a percent across a launch area, and the elevation search stays bracketed
     * by the minimum and best elevations whatever the exact values).
     *
     * @param reach the reach from near the launch point towards the aim point, or null to compute it
     */
    public Solution solve(ThreatType type, double launchTime, GeodeticPoint launch, GeodeticPoint aim, Reach reach) {
        LocalFrame atLaunch = new LocalFrame(ellipsoid, launch);
        double[] aimEcef = ellipsoid.toEcef(aim);
        double[] enu = new double[3];
        atLaunch.ecefToEnu(aimEcef[0], aimEcef[1], aimEcef[2], enu);
        double azimuth = Math.atan2(enu[0], enu[1]);
        double target = Math.hypot(enu[0], enu[1]);
        if (reach == null) {
            reach = reach(type, launch, azimuth);
        }
        if (!reach.contains(target)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s cannot reach %.1f km: its reach from there is %.1f–%.1f km", type.name(), target / 1000,
                    reach.minRangeM() / 1000, reach.maxRangeM() / 1000));
        }
        double elevation = reach.bestElevationRad();
        double flownAzimuth = azimuth;
        Trajectory best = null;
        double miss = Double.POSITIVE_INFINITY;
        for (int outer = 0; outer < 8 && miss > TOLERANCE_M; outer++) {
            elevation = solveElevation(type, launch, azimuth, aim.altitude(), target, reach, atLaunch, aimEcef);
            best = fly(type, launchTime, launch, azimuth, elevation, aim.altitude());
            flownAzimuth = azimuth;
            double[] imp = ellipsoid.toEcef(best.impactPoint());
            miss = Math.sqrt(sq(imp[0] - aimEcef[0]) + sq(imp[1] - aimEcef[1]) + sq(imp[2] - aimEcef[2]));
            // cross-range correction: rotate the azimuth by the angle between impact and aim bearings
            double[] ie = new double[3];
            atLaunch.ecefToEnu(imp[0], imp[1], imp[2], ie);
            double impactAz = Math.atan2(ie[0], ie[1]);
            double aimAz = Math.atan2(enu[0], enu[1]);
            azimuth += wrap(aimAz - impactAz);
        }
        return new Solution(flownAzimuth, elevation, best, miss);
    }

    private double solveElevation(ThreatType type, GeodeticPoint launch, double azimuth, double ground,
            double target, Reach reach, LocalFrame atLaunch, double[] aimEcef) {
        double lo = type.minElevationRad();
        double hi = reach.bestElevationRad();
        double flo = downRange(type, launch, azimuth, lo, ground, atLaunch) - target;
        double fhi = downRange(type, launch, azimuth, hi, ground, atLaunch) - target;
        if (flo >= 0) {
            return lo;
        }
        if (fhi <= 0) {
            return hi;
        }
        int side = 0;
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < 60; it++) {
            x = (lo * fhi - hi * flo) / (fhi - flo);
            double fx = downRange(type, launch, azimuth, x, ground, atLaunch) - target;
            if (Math.abs(fx) < 0.05 * TOLERANCE_M || hi - lo < 1e-10) {
                return x;
            }
            if (fx < 0) {
                lo = x;
                flo = fx;
                if (side == -1) {
                    fhi *= 0.5;
                }
                side = -1;
            } else {
                hi = x;
                fhi = fx;
                if (side == 1) {
                    flo *= 0.5;
                }
                side = 1;
            }
        }
        return x;
    }

    private double downRange(ThreatType type, GeodeticPoint launch, double azimuth, double elevation, double ground,
            LocalFrame atLaunch) {
        Trajectory t = fly(type, 0.0, launch, azimuth, elevation, ground);
        double[] imp = ellipsoid.toEcef(t.impactPoint());
        double[] e = new double[3];
        atLaunch.ecefToEnu(imp[0], imp[1], imp[2], e);
        return Math.hypot(e[0], e[1]);
    }

    private double range(ThreatType type, GeodeticPoint launch, double azimuth, double elevation, double ground) {
        return downRange(type, launch, azimuth, elevation, ground, new LocalFrame(ellipsoid, launch));
    }

    /** Flies a round launched at an azimuth and elevation (rad) from a point, to ground at the given height (m). */
    public Trajectory fly(ThreatType type, double launchTime, GeodeticPoint launch, double azimuth, double elevation,
            double ground) {
        LocalFrame frame = new LocalFrame(ellipsoid, launch);
        double v = type.burnoutSpeedMps();
        double ce = Math.cos(elevation);
        double[] vel = new double[3];
        frame.rotateToEcef(v * ce * Math.sin(azimuth), v * ce * Math.cos(azimuth), v * Math.sin(elevation), vel);
        double[] pos = ellipsoid.toEcef(launch);
        double[] state = {pos[0], pos[1], pos[2], vel[0], vel[1], vel[2]};
        return propagator.propagate(launchTime, state, type.ballisticCoefficient(), ground, maxFlightTime);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double wrap(double a) {
        while (a > Math.PI) {
            a -= 2 * Math.PI;
        }
        while (a < -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }
}
