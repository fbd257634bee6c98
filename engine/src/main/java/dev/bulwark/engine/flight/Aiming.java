package dev.bulwark.engine.flight;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * Solves the launcher's azimuth and elevation that put an unguided round on an aim point,
 * and the reach of a threat type from a launch point.
 *
 * <p>Method: the range flown grows with elevation up to the elevation of maximum range and
 * falls beyond it; that elevation is found by golden-section search between the type's
 * minimum and maximum elevations. A type with low-angle fire ({@link ThreatType.AngleOfFire#LOW},
 * rockets) uses the elevations below it, its reach running from the range at the minimum
 * elevation to the maximum range; one with high-angle fire ({@code HIGH}, mortars) uses those
 * above it, its reach running from the range at the maximum elevation to the maximum range.
 * Down-range miss is removed by a bracketed secant (Illinois) iteration on the elevation within
 * that branch; the cross-range miss (Earth rotation bends the path) by correcting the azimuth
 * with the angle it subtends from the launcher; the two alternate until the miss is under 1 m.
 * Rounds aimed with a reach given (a raid's rounds, {@link #solve(ThreatType, double,
 * GeodeticPoint, GeodeticPoint, Reach)}) start the elevation search from a guess instead: a
 * table of nine flights across the branch, flown once per reach, gives the first elevation and
 * the range's slope, a secant iteration goes on from there, and the pass after an azimuth
 * correction starts from the elevation the last pass found (usually already within the
 * tolerance); the bracketed iteration takes over if the secant leaves the branch or has not
 * converged in four steps. Both searches stop once the range is within 5 cm, so they agree to a
 * few centimetres at the ground; on the southern-front raids the guided one flies 5.4 candidates
 * a round (the tables included, the bracketed search never needed) where the bracketed one flew
 * 17.7.
 * Every candidate is flown with the full {@link BallisticPropagator#launch} (boost and all),
 * without keeping its path; only the final solution keeps it.
 *
 * <p>Not thread-safe (it owns the propagator and scratch arrays).
 */
public final class Aiming {

    /** Largest miss accepted by the solver (m). */
    public static final double TOLERANCE_M = 1.0;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /**
     * The reach of a type from a launch point.
     *
     * @param minRangeM        shortest ground range (m): at the minimum elevation for low-angle fire, at the maximum
     *                         elevation for high-angle fire
     * @param maxRangeM        greatest ground range (m)
     * @param bestElevationRad elevation that gives the greatest range within the type's limits (rad)
     */
    public record Reach(double minRangeM, double maxRangeM, double bestElevationRad) {
        /** Whether a ground range (m) can be reached. */
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
    private final double[] position = new double[3];
    private final double[] direction = new double[3];
    private final double[] impact = new double[6];
    private final double[] scratch = new double[3];
    /** Flights across the branch in the table behind a raid's first guesses ({@link #tableGuess}). */
    private static final int TABLE_POINTS = 9;
    /** Most secant steps from a guess before the bracketed search takes over. */
    private static final int SECANT_STEPS = 4;
    private final double[] tableElevation = new double[TABLE_POINTS];
    private final double[] tableRange = new double[TABLE_POINTS];
    private Reach tableReach;
    private ThreatType tableType;
    private double tableGround;
    /** The range's slope against elevation (m/rad) at the last guess or solution. */
    private double guessSlope = Double.NaN;
    // the flight whose impact `impact` holds (type null: none)
    private ThreatType lastType;
    private LocalFrame lastFrame;
    private double lastAzimuth;
    private double lastElevation;
    private double lastGround;

    /**
     * @param propagator     the flight model (owned by this object from now on)
     * @param maxFlightTimeS longest flight considered (s)
     */
    public Aiming(BallisticPropagator propagator, double maxFlightTimeS) {
        this.propagator = propagator;
        this.ellipsoid = propagator.earth().ellipsoid();
        this.maxFlightTime = maxFlightTimeS;
    }

    /**
     * Reach of a type fired from a launch point towards an azimuth (rad), onto ground at the launch height.
     *
     * @throws IllegalStateException    if a flight does not end within the longest flight time
     * @throws IllegalArgumentException if the type's motor cannot move it off its rail
     */
    public Reach reach(ThreatType type, GeodeticPoint launch, double azimuth) {
        LocalFrame frame = new LocalFrame(ellipsoid, launch);
        double ground = launch.altitude();
        double lo = type.minElevationRad();
        double hi = type.maxElevationRad();
        double x1 = hi - GOLDEN * (hi - lo);
        double x2 = lo + GOLDEN * (hi - lo);
        double f1 = downRange(type, frame, azimuth, x1, ground);
        double f2 = downRange(type, frame, azimuth, x2, ground);
        while (hi - lo > 1e-4) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + GOLDEN * (hi - lo);
                f2 = downRange(type, frame, azimuth, x2, ground);
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - GOLDEN * (hi - lo);
                f1 = downRange(type, frame, azimuth, x1, ground);
            }
        }
        double best = 0.5 * (lo + hi);
        double max = downRange(type, frame, azimuth, best, ground);
        double nearest = type.angleOfFire() == ThreatType.AngleOfFire.LOW ? type.minElevationRad()
                : type.maxElevationRad();
        double min = downRange(type, frame, azimuth, nearest, ground);
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
     * @throws IllegalArgumentException if the aim point is outside the type's reach, or the type's
     *                                  motor cannot move it off its rail
     */
    public Solution solve(ThreatType type, double launchTime, GeodeticPoint launch, GeodeticPoint aim) {
        return solve(type, launchTime, launch, aim, null);
    }

    /**
     * As {@link #solve(ThreatType, double, GeodeticPoint, GeodeticPoint)}, with the reach
     * already known (for many rounds fired from one area in one direction: the reach changes
     * by well under a percent across a launch area, and the elevation search stays bracketed
     * by the minimum and best elevations, or the best and maximum for high-angle fire,
     * whatever the exact values). With a reach given, the elevation search starts from a guess
     * (see the class comment); the solution then agrees with the one without to a few centimetres
     * at the ground, not to the bit.
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
        boolean given = reach != null;
        if (reach == null) {
            reach = reach(type, launch, azimuth);
        }
        if (!reach.contains(target)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s cannot reach %.1f km: its reach from there is %.1f–%.1f km", type.name(), target / 1000,
                    reach.minRangeM() / 1000, reach.maxRangeM() / 1000));
        }
        double ground = aim.altitude();
        double elevation = reach.bestElevationRad();
        double flownAzimuth = azimuth;
        double miss = Double.POSITIVE_INFINITY;
        double aimAz = azimuth;
        double[] ie = new double[3];
        boolean guided = given;
        double guess = guided ? tableGuess(type, atLaunch, azimuth, ground, reach, target) : Double.NaN;
        for (int outer = 0; outer < 8 && miss > TOLERANCE_M; outer++) {
            elevation = guided ? solveElevationFrom(type, atLaunch, azimuth, ground, target, reach, guess, guessSlope)
                    : solveElevation(type, atLaunch, azimuth, ground, target, reach);
            // the azimuth correction barely moves the range: the next pass starts where this one ended
            guess = elevation;
            flownAzimuth = azimuth;
            double[] imp = impactPoint(type, atLaunch, azimuth, elevation, ground);
            miss = Math.sqrt(sq(imp[0] - aimEcef[0]) + sq(imp[1] - aimEcef[1]) + sq(imp[2] - aimEcef[2]));
            // cross-range correction: rotate the azimuth by the angle between impact and aim bearings
            atLaunch.ecefToEnu(imp[0], imp[1], imp[2], ie);
            double impactAz = Math.atan2(ie[0], ie[1]);
            azimuth += wrap(aimAz - impactAz);
        }
        Trajectory path = fly(type, launchTime, launch, flownAzimuth, elevation, ground);
        double[] imp = ellipsoid.toEcef(path.impactPoint());
        miss = Math.sqrt(sq(imp[0] - aimEcef[0]) + sq(imp[1] - aimEcef[1]) + sq(imp[2] - aimEcef[2]));
        return new Solution(flownAzimuth, elevation, path, miss);
    }

    /**
     * The elevation whose flight lands at the target ground range, within the type's branch:
     * between the minimum elevation and the best for low-angle fire (range rising with
     * elevation), between the best and the maximum for high-angle fire (range falling).
     */
    private double solveElevation(ThreatType type, LocalFrame atLaunch, double azimuth, double ground, double target,
            Reach reach) {
        boolean low = type.angleOfFire() == ThreatType.AngleOfFire.LOW;
        double lo = low ? type.minElevationRad() : reach.bestElevationRad();
        double hi = low ? reach.bestElevationRad() : type.maxElevationRad();
        if (!(hi > lo)) {
            return lo;
        }
        double flo = downRange(type, atLaunch, azimuth, lo, ground) - target;
        double fhi = downRange(type, atLaunch, azimuth, hi, ground) - target;
        // outside the bracket (the reach was computed from a nearby point): the nearer end
        if (low ? flo >= 0 : flo <= 0) {
            return lo;
        }
        if (low ? fhi <= 0 : fhi >= 0) {
            return hi;
        }
        return Illinois.root(el -> downRange(type, atLaunch, azimuth, el, ground) - target, lo, flo, hi, fhi, 1e-10,
                0.05 * TOLERANCE_M, 60);
    }

    /**
     * The elevation search of a round fired with a reach given ({@link #solve(ThreatType, double,
     * GeodeticPoint, GeodeticPoint, Reach)}: many rounds of one raid), started from a guess: a
     * secant iteration from the guess with the slope given, at most {@value #SECANT_STEPS} flights
     * more, accepted once the range is within the tolerance of the bracketed search; if the guess
     * is missing or an iterate leaves the branch, that bracketed search ({@link #solveElevation}).
     */
    private double solveElevationFrom(ThreatType type, LocalFrame atLaunch, double azimuth, double ground,
            double target, Reach reach, double guess, double slope) {
        boolean low = type.angleOfFire() == ThreatType.AngleOfFire.LOW;
        double lo = low ? type.minElevationRad() : reach.bestElevationRad();
        double hi = low ? reach.bestElevationRad() : type.maxElevationRad();
        double tolerance = 0.05 * TOLERANCE_M;
        if (hi > lo && guess > lo && guess < hi && slope != 0 && Double.isFinite(slope)) {
            double x0 = guess;
            double f0 = downRange(type, atLaunch, azimuth, x0, ground) - target;
            if (Math.abs(f0) < tolerance) {
                guessSlope = slope;
                return x0;
            }
            double s = slope;
            for (int it = 0; it < SECANT_STEPS; it++) {
                double x1 = x0 - f0 / s;
                if (!(x1 > lo && x1 < hi)) {
                    break;
                }
                double f1 = downRange(type, atLaunch, azimuth, x1, ground) - target;
                if (x1 != x0) {
                    double next = (f1 - f0) / (x1 - x0);
                    if (next != 0 && Double.isFinite(next)) {
                        s = next;
                    }
                }
                if (Math.abs(f1) < tolerance) {
                    guessSlope = s;
                    return x1;
                }
                x0 = x1;
                f0 = f1;
            }
        }
        return solveElevation(type, atLaunch, azimuth, ground, target, reach);
    }

    /**
     * First guess of the elevation that reaches a ground range, and (in {@link #guessSlope}) the
     * range's slope there, from a table of {@value #TABLE_POINTS} flights across the branch of the
     * reach, flown once per reach from the first round's launch point and azimuth (the range
     * changes little across a launch area); NaN if the table does not span the range.
     */
    private double tableGuess(ThreatType type, LocalFrame atLaunch, double azimuth, double ground, Reach reach,
            double target) {
        if (reach != tableReach || type != tableType || ground != tableGround) {
            boolean low = type.angleOfFire() == ThreatType.AngleOfFire.LOW;
            double lo = low ? type.minElevationRad() : reach.bestElevationRad();
            double hi = low ? reach.bestElevationRad() : type.maxElevationRad();
            tableReach = null;
            if (!(hi > lo)) {
                return Double.NaN;
            }
            for (int j = 0; j < TABLE_POINTS; j++) {
                tableElevation[j] = lo + (hi - lo) * j / (TABLE_POINTS - 1);
                tableRange[j] = downRange(type, atLaunch, azimuth, tableElevation[j], ground);
            }
            tableReach = reach;
            tableType = type;
            tableGround = ground;
        }
        for (int j = 0; j + 1 < TABLE_POINTS; j++) {
            double r0 = tableRange[j];
            double r1 = tableRange[j + 1];
            if ((target - r0) * (target - r1) <= 0 && r1 != r0) {
                guessSlope = (r1 - r0) / (tableElevation[j + 1] - tableElevation[j]);
                return tableElevation[j] + (target - r0) / guessSlope;
            }
        }
        return Double.NaN;
    }

    /** Horizontal distance (m) in the launch frame from the launch point to the impact point. */
    private double downRange(ThreatType type, LocalFrame atLaunch, double azimuth, double elevation, double ground) {
        double[] imp = impactPoint(type, atLaunch, azimuth, elevation, ground);
        atLaunch.ecefToEnu(imp[0], imp[1], imp[2], scratch);
        return Math.hypot(scratch[0], scratch[1]);
    }

    /**
     * Flies without keeping the path and returns the ECEF impact point put on the ground height
     * (as {@link Trajectory#impactPoint()} does), in a scratch array.
     */
    private double[] impactPoint(ThreatType type, LocalFrame atLaunch, double azimuth, double elevation,
            double ground) {
        // The elevation search ends on the elevation it flew last, which solve() then flies again
        // at the same azimuth: the same flight, so the same impact.
        if (type == lastType && atLaunch == lastFrame && azimuth == lastAzimuth && elevation == lastElevation
                && ground == lastGround) {
            return impact;
        }
        lastType = null;
        aim(atLaunch, azimuth, elevation);
        double t = propagator.launchImpact(type, 0.0, position, direction, ground, maxFlightTime, impact);
        if (Double.isNaN(t)) {
            throw new IllegalStateException("no ground impact within " + maxFlightTime + " s");
        }
        ellipsoid.toGeodetic(impact[0], impact[1], impact[2], scratch);
        ellipsoid.toEcef(scratch[0], scratch[1], ground, impact);
        lastType = type;
        lastFrame = atLaunch;
        lastAzimuth = azimuth;
        lastElevation = elevation;
        lastGround = ground;
        return impact;
    }

    private void aim(LocalFrame frame, double azimuth, double elevation) {
        double ce = Math.cos(elevation);
        frame.rotateToEcef(ce * Math.sin(azimuth), ce * Math.cos(azimuth), Math.sin(elevation), direction);
        position[0] = frame.originX();
        position[1] = frame.originY();
        position[2] = frame.originZ();
    }

    /**
     * Flies a round launched at an azimuth and elevation (rad) from a point, to ground at the
     * given height (m), keeping its path.
     *
     * @throws IllegalStateException    if it does not land within the longest flight time
     * @throws IllegalArgumentException if its motor cannot move it off its rail
     */
    public Trajectory fly(ThreatType type, double launchTime, GeodeticPoint launch, double azimuth, double elevation,
            double ground) {
        aim(new LocalFrame(ellipsoid, launch), azimuth, elevation);
        return propagator.launch(type, launchTime, position, direction, ground, maxFlightTime);
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
