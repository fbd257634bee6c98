package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.EarthGravity;
import dev.bulwark.engine.flight.Hermite;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hipparchus.analysis.UnivariateFunction;

/**
 * Flies a single-stage ballistic missile from launch to ground impact, and aims it: boost
 * under a pitch programme, coast outside the atmosphere, re-entry with drag.
 *
 * <p><b>Equations of motion.</b> A point mass in the Earth-centred, Earth-fixed (rotating)
 * frame (Zipfel, <i>Modeling and Simulation of Aerospace Vehicle Dynamics</i>, 2nd ed., 2007;
 * Vallado, <i>Fundamentals of Astrodynamics and Applications</i>, 4th ed., 2013,
 * §8.6 for J2):
 * <pre>
 *   r'' = g(r) − 2 ω × r' − ω × (ω × r) + (F/m) u − ρ(h) |r'| C_d(M) A r' / (2m)
 *   m'  = −ṁ during the burn
 * </pre>
 * with g the point-mass plus J2 gravity of the {@link EarthModel}, ω the Earth's rotation, F
 * the constant thrust along the unit vector u of the pitch programme, ρ the U.S. Standard
 * Atmosphere 1976 density at the geodetic height h and M the Mach number from its speed of
 * sound (both from {@link StandardAtmosphere#densityAndSpeedOfSound}, its 25 m table), and
 * C_d and A those of the boosting missile, then of the re-entry body
 * ({@link BallisticMissileType}). No wind: the airspeed is the ECEF velocity.
 * Re-entry is the same point-mass drag model with the re-entry body's high ballistic
 * coefficient (Regan &amp; Anandakrishnan, <i>Dynamics of Atmospheric Re-Entry</i>, 1993).
 *
 * <p><b>Pitch programme.</b> Vertical rise along the launch point's ellipsoid normal; then a
 * pitch-over, in which the thrust tilts from the vertical at a constant rate in the launch
 * azimuth's vertical plane, reaching the pitch-over angle at its end; then a gravity turn,
 * thrust along the velocity, to burn-out (the classical gravity turn, e.g. Wiesel,
 * <i>Spaceflight Dynamics</i>, 3rd ed., 2010). The pitch-over angle sets the burn-out
 * flight-path angle and so the range.
 *
 * <p><b>Aiming</b> ({@link #aim}). The pitch-over angle of greatest range (at full burn) is
 * found by golden-section search. The launch azimuth starts at the aim point's bearing; the
 * range-control variable is then the root of the down-range miss (the geocentric angle from
 * the launch point to the impact, minus that to the aim point), found by Brent's method: by
 * default ({@link Shape#CUT_OFF}) the engine cut-off time at the pitch-over of greatest range,
 * which keeps the flight close to the minimum-energy trajectory; or, at full burn, the
 * pitch-over angle, bracketed between that of greatest range and the largest (a depressed
 * trajectory) or the smallest (a lofted one). Earth rotation bends the path, so the azimuth is
 * corrected by the angle between the impact's and the aim point's bearings, and the two
 * alternate until the miss is under {@link #TOLERANCE_M}.
 *
 * <p><b>Numerics.</b> Classical fourth-order Runge–Kutta at a fixed step, shortened to land on
 * the programme's switching times (end of the vertical rise, of the pitch-over, burn-out), where
 * the thrust is discontinuous. Dense output: cubic Hermite through the kept steps
 * ({@link GuidedTrajectory}); the ground impact is the root of the interpolant's height, the
 * apogee the root of its radial velocity.
 *
 * <p><b>Neglected.</b> See {@link BallisticMissileType} for the vehicle; here also: winds,
 * atmosphere above 86 km beyond the exponential continuation of {@link StandardAtmosphere},
 * terrain (the ground is at the aim point's height), the launch rail, and dispersion (the
 * missile flies its solved programme exactly). The vertical rise and pitch-over use the
 * launch point's vertical, which the missile leaves by only a few kilometres.
 *
 * <p>Not thread-safe (scratch arrays); one flier per thread.
 */
public final class BallisticMissileFlier {

    /** Largest miss accepted by {@link #aim} (m). */
    public static final double TOLERANCE_M = 1.0;

    /** How the range is controlled, and so the shape of the trajectory. */
    public enum Shape {
        /**
         * Full burn, pitch-over of greatest range, range set by cutting the engine off early
         * (thrust termination, as liquid-fuelled Scud-family missiles control range): close to
         * the minimum-energy trajectory at every range. The default.
         */
        CUT_OFF,
        /** Full burn, pitch-over larger than that of greatest range: a depressed, faster flight. */
        LOW,
        /**
         * Full burn, pitch-over smaller than that of greatest range: a lofted flight, higher
         * apogee, steeper re-entry.
         */
        HIGH
    }

    /**
     * The reach of a type from a launch point along an azimuth.
     *
     * @param minRangeM        ground range of the low trajectory at the largest pitch-over considered (m)
     * @param maxRangeM        greatest ground range (m)
     * @param bestPitchOverRad pitch-over angle of greatest range (rad)
     */
    public record Reach(double minRangeM, double maxRangeM, double bestPitchOverRad) {
    }

    /**
     * A solved launch.
     *
     * @param azimuthRad   launch azimuth, clockwise from north (rad)
     * @param pitchOverRad pitch-over angle from the vertical (rad)
     * @param cutOffS      engine cut-off, time from launch (s); the type's burn time for a full burn
     * @param trajectory   the flight
     * @param missM        distance from its impact to the aim point (m)
     */
    public record Solution(double azimuthRad, double pitchOverRad, double cutOffS, GuidedTrajectory trajectory,
            double missM) {
    }

    /** Smallest pitch-over angle considered (rad). */
    static final double MIN_PITCH_OVER = Math.toRadians(0.2);
    /** Largest pitch-over angle considered (rad). */
    static final double MAX_PITCH_OVER = Math.toRadians(80);
    private static final double MAX_FLIGHT_S = 3_600;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private static final int VERTICAL = 0;
    private static final int PITCH_OVER = 1;
    private static final int GRAVITY_TURN = 2;
    private static final int COAST = 3;

    private final EarthModel earth;
    private final Ellipsoid ellipsoid;
    private final double step;
    private final EarthGravity gravity;
    private final double[] g3 = new double[3];

    private final double[] k1 = new double[7];
    private final double[] k2 = new double[7];
    private final double[] k3 = new double[7];
    private final double[] k4 = new double[7];
    private final double[] tmp = new double[7];
    private final double[] air = new double[2];

    // the launch geometry of the flight being integrated: ECEF unit vectors
    private final double[] up = new double[3];
    private final double[] downRange = new double[3];
    private BallisticMissileType type;
    private double pitchOver;

    /**
     * @param earth the Earth model (WGS84 with J2 and rotation for every scenario)
     * @param stepS integration step (s); 0.1 s keeps a 1,500 km flight within centimetres of a
     *              ten times finer integration
     */
    public BallisticMissileFlier(EarthModel earth, double stepS) {
        if (earth == null || !(stepS > 0)) {
            throw new IllegalArgumentException("an Earth model and a positive step are required");
        }
        this.earth = earth;
        this.ellipsoid = earth.ellipsoid();
        this.step = stepS;
        this.gravity = new EarthGravity(earth);
    }

    /** The Earth model. */
    public EarthModel earth() {
        return earth;
    }

    /**
     * Flies a missile with a given programme.
     *
     * @param type         the missile
     * @param launchTime   launch time (s)
     * @param launch       launch point; its height is the launcher's
     * @param azimuthRad   launch azimuth, clockwise from north (rad)
     * @param pitchOverRad pitch-over angle from the vertical at the end of the pitch-over (rad)
     * @param groundAltitude height of the ground at impact above the ellipsoid (m)
     * @return the trajectory, launch to impact
     * @throws IllegalStateException if the missile does not come down within an hour
     */
    public GuidedTrajectory fly(BallisticMissileType type, double launchTime, GeodeticPoint launch, double azimuthRad,
            double pitchOverRad, double groundAltitude) {
        return fly(type, launchTime, launch, azimuthRad, pitchOverRad, type.burnTimeS(), groundAltitude, true);
    }

    /**
     * As {@link #fly(BallisticMissileType, double, GeodeticPoint, double, double, double)}, with
     * the engine cut off before the propellant is spent.
     *
     * @param cutOffS engine cut-off, time from launch (s), after the pitch-over and at most the burn time
     */
    public GuidedTrajectory fly(BallisticMissileType type, double launchTime, GeodeticPoint launch, double azimuthRad,
            double pitchOverRad, double cutOffS, double groundAltitude) {
        return fly(type, launchTime, launch, azimuthRad, pitchOverRad, cutOffS, groundAltitude, true);
    }

    GuidedTrajectory fly(BallisticMissileType type, double launchTime, GeodeticPoint launch, double azimuthRad,
            double pitchOverRad, double cutOffS, double groundAltitude, boolean thin) {
        if (!(cutOffS > type.verticalRiseS() + type.pitchOverS() && cutOffS <= type.burnTimeS())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cut-off of %s must be after the pitch-over (%.1f s) and at most the burn time (%.1f s),"
                            + " was %.3f s",
                    type.name(), type.verticalRiseS() + type.pitchOverS(), type.burnTimeS(), cutOffS));
        }
        NodeRecorder recorder = new NodeRecorder(thin);
        double[] impact = new double[6];
        double impactTime = integrate(type, launchTime, launch, azimuthRad, pitchOverRad, cutOffS, groundAltitude,
                recorder, impact);
        DenseStates dense = recorder.finish(impactTime, impact);
        List<FlightEvent> events = new ArrayList<>();
        events.add(new FlightEvent(FlightEvent.Kind.LAUNCH, launchTime));
        events.add(new FlightEvent(FlightEvent.Kind.PITCH_OVER, launchTime + type.verticalRiseS()));
        events.add(new FlightEvent(FlightEvent.Kind.GRAVITY_TURN,
                launchTime + type.verticalRiseS() + type.pitchOverS()));
        if (launchTime + cutOffS < impactTime) {
            events.add(new FlightEvent(FlightEvent.Kind.BURNOUT, launchTime + cutOffS));
        }
        double[] apogee = GuidedTrajectory.apogee(dense, ellipsoid);
        events.add(new FlightEvent(FlightEvent.Kind.APOGEE, apogee[0]));
        events.add(new FlightEvent(FlightEvent.Kind.IMPACT, impactTime));
        events.sort(Comparator.comparingDouble(FlightEvent::time));
        GeodeticPoint hit = ellipsoid.toGeodetic(impact);
        GeodeticPoint impactPoint = new GeodeticPoint(hit.latitude(), hit.longitude(), groundAltitude);
        return new GuidedTrajectory(dense, impactPoint, apogee, events);
    }

    /**
     * The reach of a type from a launch point along an azimuth, onto ground at the launch
     * point's height.
     */
    public Reach reach(BallisticMissileType type, GeodeticPoint launch, double azimuthRad) {
        double[] best = bestPitchOver(type, launch, azimuthRad, launch.altitude());
        double[] launchEcef = ellipsoid.toEcef(launch);
        double rMax = best[1] * meanRadius(launchEcef);
        double rMin = downRangeAngle(type, launch, launchEcef, azimuthRad, MAX_PITCH_OVER, type.burnTimeS(),
                launch.altitude())
                * meanRadius(launchEcef);
        return new Reach(rMin, rMax, best[0]);
    }

    /**
     * Aims with the engine cut-off ({@link Shape#CUT_OFF}); see
     * {@link #aim(BallisticMissileType, double, GeodeticPoint, GeodeticPoint, Shape)}.
     */
    public Solution aim(BallisticMissileType type, double launchTime, GeodeticPoint launch, GeodeticPoint aim) {
        return aim(type, launchTime, launch, aim, Shape.CUT_OFF);
    }

    /**
     * Solves the launch azimuth and either the pitch-over angle or the engine cut-off time that
     * bring the missile onto an aim point.
     *
     * @param type       the missile
     * @param launchTime launch time (s)
     * @param launch     launch point
     * @param aim        aim point; its height is the ground height at impact
     * @param shape      how the range is controlled
     * @return the solution, its trajectory and its miss (under {@link #TOLERANCE_M} unless the
     *         aim point is at the very edge of the reach)
     * @throws IllegalArgumentException if the aim point is beyond the type's reach, or nearer
     *                                  than the shortest trajectory of that shape
     */
    public Solution aim(BallisticMissileType type, double launchTime, GeodeticPoint launch, GeodeticPoint aim,
            Shape shape) {
        double[] launchEcef = ellipsoid.toEcef(launch);
        double[] aimEcef = ellipsoid.toEcef(aim);
        LocalFrame atLaunch = new LocalFrame(ellipsoid, launch);
        double[] enu = new double[3];
        atLaunch.ecefToEnu(aimEcef[0], aimEcef[1], aimEcef[2], enu);
        double aimAzimuth = Math.atan2(enu[0], enu[1]);
        double target = angle(launchEcef, aimEcef);
        double ground = aim.altitude();
        double[] best = bestPitchOver(type, launch, aimAzimuth, ground);
        double radius = meanRadius(launchEcef);
        if (target > best[1]) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s cannot reach %.1f km: its greatest range from there is %.1f km", type.name(),
                    target * radius / 1000, best[1] * radius / 1000));
        }
        double burn = type.burnTimeS();
        double earliest = type.verticalRiseS() + type.pitchOverS() + 1e-3;
        double azimuth = aimAzimuth;
        double kick = best[0];
        double cutOff = burn;
        double miss = Double.POSITIVE_INFINITY;
        double flownAzimuth = azimuth;
        double[] impact = new double[6];
        for (int it = 0; it < 10 && miss > TOLERANCE_M; it++) {
            final double az = azimuth;
            UnivariateFunction f;
            double lo;
            double hi;
            double shortEnd;
            if (shape == Shape.CUT_OFF) {
                final double k = best[0];
                f = c -> downRangeAngle(type, launch, launchEcef, az, k, c, ground) - target;
                lo = earliest;
                hi = burn;
                shortEnd = lo;
            } else {
                f = k -> downRangeAngle(type, launch, launchEcef, az, k, burn, ground) - target;
                lo = shape == Shape.LOW ? best[0] : MIN_PITCH_OVER;
                hi = shape == Shape.LOW ? MAX_PITCH_OVER : best[0];
                shortEnd = shape == Shape.LOW ? hi : lo;
            }
            double longEnd = shape == Shape.LOW ? lo : hi;
            double fShort = f.value(shortEnd);
            if (fShort > 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s cannot reach as short as %.1f km with %s range control: its shortest is %.1f km",
                        type.name(), target * radius / 1000, shape.name().toLowerCase(Locale.ROOT),
                        (fShort + target) * radius / 1000));
            }
            // the azimuth correction can lower the greatest range a little: fly the longest then
            double x = f.value(longEnd) <= 0 ? longEnd : Roots.solve(f, lo, hi, 1e-12, 0.01 / radius);
            if (shape == Shape.CUT_OFF) {
                cutOff = x;
            } else {
                kick = x;
            }
            flownAzimuth = azimuth;
            integrate(type, 0, launch, azimuth, kick, cutOff, ground, null, impact);
            miss = Math.sqrt(sq(impact[0] - aimEcef[0]) + sq(impact[1] - aimEcef[1]) + sq(impact[2] - aimEcef[2]));
            double[] ie = new double[3];
            atLaunch.ecefToEnu(impact[0], impact[1], impact[2], ie);
            azimuth += Math.IEEEremainder(aimAzimuth - Math.atan2(ie[0], ie[1]), 2 * Math.PI);
        }
        GuidedTrajectory trajectory = fly(type, launchTime, launch, flownAzimuth, kick, cutOff, ground, true);
        return new Solution(flownAzimuth, kick, cutOff, trajectory, miss);
    }

    /** {pitch-over angle of greatest range (rad), that range as a geocentric angle (rad)}, by golden-section search. */
    private double[] bestPitchOver(BallisticMissileType type, GeodeticPoint launch, double azimuth, double ground) {
        double[] launchEcef = ellipsoid.toEcef(launch);
        double burn = type.burnTimeS();
        double lo = MIN_PITCH_OVER;
        double hi = MAX_PITCH_OVER;
        double x1 = hi - GOLDEN * (hi - lo);
        double x2 = lo + GOLDEN * (hi - lo);
        double f1 = downRangeAngle(type, launch, launchEcef, azimuth, x1, burn, ground);
        double f2 = downRangeAngle(type, launch, launchEcef, azimuth, x2, burn, ground);
        while (hi - lo > 1e-6) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + GOLDEN * (hi - lo);
                f2 = downRangeAngle(type, launch, launchEcef, azimuth, x2, burn, ground);
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - GOLDEN * (hi - lo);
                f1 = downRangeAngle(type, launch, launchEcef, azimuth, x1, burn, ground);
            }
        }
        double best = 0.5 * (lo + hi);
        return new double[] {best, downRangeAngle(type, launch, launchEcef, azimuth, best, burn, ground)};
    }

    /** Geocentric angle from the launch point to the impact (rad). */
    private double downRangeAngle(BallisticMissileType type, GeodeticPoint launch, double[] launchEcef, double azimuth,
            double kick, double cutOff, double ground) {
        double[] impact = new double[6];
        integrate(type, 0, launch, azimuth, kick, cutOff, ground, null, impact);
        return angle(launchEcef, impact);
    }

    /**
     * Integrates launch to impact.
     *
     * @param recorder receives the steps for dense output, or null when only the impact is wanted
     * @param impact   receives the ECEF state at impact
     * @return the impact time (s)
     */
    private double integrate(BallisticMissileType type, double launchTime, GeodeticPoint launch, double azimuth,
            double kick, double cutOff, double ground, NodeRecorder recorder, double[] impact) {
        this.type = type;
        this.pitchOver = kick;
        LocalFrame frame = new LocalFrame(ellipsoid, launch);
        frame.rotateToEcef(0, 0, 1, up);
        frame.rotateToEcef(Math.sin(azimuth), Math.cos(azimuth), 0, downRange);
        double[] y = new double[7];
        double[] y1 = new double[7];
        double[] p = ellipsoid.toEcef(launch);
        System.arraycopy(p, 0, y, 0, 3);
        y[6] = type.liftoffMassKg();
        if (recorder != null) {
            recorder.start(launchTime, y);
        }
        double[] switches = {type.verticalRiseS(), type.verticalRiseS() + type.pitchOverS(), cutOff};
        int phase = VERTICAL;
        double t = 0;
        while (t <= MAX_FLIGHT_S) {
            double h = step;
            boolean switching = false;
            if (phase < COAST && t + step * (1 + 1e-6) >= switches[phase]) {
                h = switches[phase] - t;
                switching = true;
            }
            rk4(phase, t, y, h, y1);
            double t1 = switching ? switches[phase] : t + h;
            if (phase >= GRAVITY_TURN && y1[0] * y1[3] + y1[1] * y1[4] + y1[2] * y1[5] < 0
                    && ellipsoid.height(y1[0], y1[1], y1[2]) <= ground) {
                double tc = crossing(y, y1, h, ground);
                Hermite.interpolate(y, 0, y1, 0, h, tc / h, impact);
                return launchTime + t + tc;
            }
            if (recorder != null) {
                recorder.add(launchTime + t1, y1);
            }
            if (switching) {
                phase++;
                if (phase == COAST && type.separates()) {
                    y1[6] = type.reentryMassKg();
                }
                if (recorder != null) {
                    recorder.markNode();
                }
            }
            System.arraycopy(y1, 0, y, 0, 7);
            t = t1;
        }
        throw new IllegalStateException(type.name() + " did not come down within " + MAX_FLIGHT_S + " s");
    }

    // offset in (0, h] of the step where the interpolated height meets the ground
    private double crossing(double[] ya, double[] yb, double h, double ground) {
        double[] s = new double[6];
        UnivariateFunction f = dt -> {
            Hermite.interpolate(ya, 0, yb, 0, h, dt / h, s);
            return ellipsoid.height(s[0], s[1], s[2]) - ground;
        };
        if (f.value(0) <= 0) {
            return 0;
        }
        return Roots.solve(f, 0, h, 1e-7);
    }

    private void rk4(int phase, double t, double[] y, double h, double[] out) {
        derivative(phase, t, y, k1);
        for (int i = 0; i < 7; i++) {
            tmp[i] = y[i] + 0.5 * h * k1[i];
        }
        derivative(phase, t + 0.5 * h, tmp, k2);
        for (int i = 0; i < 7; i++) {
            tmp[i] = y[i] + 0.5 * h * k2[i];
        }
        derivative(phase, t + 0.5 * h, tmp, k3);
        for (int i = 0; i < 7; i++) {
            tmp[i] = y[i] + h * k3[i];
        }
        derivative(phase, t + h, tmp, k4);
        for (int i = 0; i < 7; i++) {
            out[i] = y[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /** State derivative in a programme phase, at time t (s) since launch. */
    private void derivative(int phase, double t, double[] y, double[] dy) {
        double x = y[0];
        double yy = y[1];
        double z = y[2];
        double vx = y[3];
        double vy = y[4];
        double vz = y[5];
        double m = y[6];
        gravity.acceleration(x, yy, z, vx, vy, vz, g3);
        double ax = g3[0];
        double ay = g3[1];
        double az = g3[2];
        double v = Math.sqrt(vx * vx + vy * vy + vz * vz);
        StandardAtmosphere.densityAndSpeedOfSound(ellipsoid.height(x, yy, z), air);
        double mach = v / air[1];
        double cdA;
        if (phase < COAST) {
            double f = type.thrustN() / m;
            double ux;
            double uy;
            double uz;
            if (phase == VERTICAL) {
                ux = up[0];
                uy = up[1];
                uz = up[2];
            } else if (phase == PITCH_OVER) {
                double tilt = pitchOver * (t - type.verticalRiseS()) / type.pitchOverS();
                double cu = Math.cos(tilt);
                double sd = Math.sin(tilt);
                ux = cu * up[0] + sd * downRange[0];
                uy = cu * up[1] + sd * downRange[1];
                uz = cu * up[2] + sd * downRange[2];
            } else {
                ux = vx / v;
                uy = vy / v;
                uz = vz / v;
            }
            ax += f * ux;
            ay += f * uy;
            az += f * uz;
            dy[6] = -type.massFlowKgPerS();
            cdA = type.bodyDrag().cd(mach) * type.bodyReferenceAreaM2();
        } else {
            dy[6] = 0;
            cdA = type.reentryDrag().cd(mach) * type.reentryReferenceAreaM2();
        }
        double k = -air[0] * v * cdA / (2 * m);
        dy[0] = vx;
        dy[1] = vy;
        dy[2] = vz;
        dy[3] = ax + k * vx;
        dy[4] = ay + k * vy;
        dy[5] = az + k * vz;
    }

    private double meanRadius(double[] at) {
        // the radius of the ellipsoid's surface under a point: converts geocentric angles to ground range
        double r = Math.sqrt(at[0] * at[0] + at[1] * at[1] + at[2] * at[2]);
        return r - ellipsoid.height(at[0], at[1], at[2]);
    }

    private static double angle(double[] a, double[] b) {
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
    }

    private static double sq(double x) {
        return x * x;
    }
}
