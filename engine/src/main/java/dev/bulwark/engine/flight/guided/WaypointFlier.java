package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.Hermite;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.analysis.UnivariateFunction;

/**
 * Flies a one-way attack drone or a cruise missile along a {@link Route}: a kinematic point
 * mass steered by a simple autopilot within the limits of its {@link WaypointVehicle}, from
 * launch to ground impact at the target.
 *
 * <p><b>Kinematics.</b> The state is geodetic latitude φ, longitude λ, height h above the
 * ellipsoid, heading ψ (clockwise from north), flight-path angle γ, airspeed V and bank angle
 * μ. With M and N the meridian and prime-vertical radii of curvature of the ellipsoid (the
 * usual geodetic kinematics of a point mass, e.g. Zipfel, <i>Modeling and Simulation of
 * Aerospace Vehicle Dynamics</i>, 2nd ed., 2007; Torge &amp; Müller, <i>Geodesy</i>, 4th ed., 2012):
 * <pre>
 *   φ' = V cos γ cos ψ / (M + h)        λ' = V cos γ sin ψ / ((N + h) cos φ)     h' = V sin γ
 *   ψ' = g tan μ / V + V cos γ sin ψ tan φ / (N + h)
 *   γ' = q,   V' = a,   μ' = p
 * </pre>
 * The first term of ψ' is the coordinated turn; the second keeps a vehicle that does not turn
 * on the normal section (a great circle on a sphere). The commanded rates q, a, p are
 * computed by the autopilot at the start of each step and held over it (a digital autopilot
 * running at the step rate); the equations are integrated by the classical fourth-order
 * Runge–Kutta method at a fixed step. The ECEF position and velocity of each step (the
 * velocity is V along (ψ, γ) in the local east-north-up frame, exactly the time derivative of
 * the position) feed the dense output.
 *
 * <p><b>Autopilot.</b> Heading: a demanded turn rate 0.25 s⁻¹ × heading error, capped at
 * g tan μ_max / V, met by banking with a 1 s time constant at most at the roll rate.
 * Height: a demanded vertical speed 0.25 s⁻¹ × height error within the climb and descent
 * limits, met by the flight-path angle with a 1 s time constant at most at a_n/V (a critically
 * damped loop). Speed: 2 s time constant within the acceleration limits.
 *
 * <p><b>Guidance.</b> Each leg steers for the bearing of its end point. A waypoint is flown by
 * (turn anticipation): the next leg starts when the vehicle is within R tan(Δψ/2) + V μ_max/p
 * of it, R the least turn radius and Δψ the course change, or when the waypoint is abeam or
 * behind and near; legs should be longer than a few turn radii. On the last leg the terminal
 * manoeuvre starts: a pop-up, if the vehicle has one, is a climb to the pop-up height begun
 * early enough to level off; the dive starts where a pull at the greatest normal acceleration
 * from level flight would join the line that descends at the dive angle onto the target
 * (H / tan γ_d + R_p tan(γ_d/2), R_p = V²/a_n, plus one autopilot time constant of flight).
 * In the dive the heading is commanded to the target's bearing. The vehicle first pulls down
 * towards the dive angle at its normal-acceleration limit, at constant speed; once within 1°
 * of it (or once the target is at or below the dive angle) its flight-path depression is
 * commanded to δ = λ + K (λ − γ_d), λ the sight-line depression and K = 2: pure pursuit with
 * an impact-angle bias (for pursuit guidance see e.g. Zarchan, <i>Tactical and Strategic
 * Missile Guidance</i>, 6th ed., 2012). The sight line then turns at
 * dλ/dt = −(V/R) sin(K (λ − γ_d)), so λ − γ_d shrinks as R^K with the range R, and the
 * vehicle arrives on the target along the dive angle with a vanishing turn rate; the speed
 * changes to the dive speed. The ground impact is the root of the dense output's height above
 * the target's ground height, found on the Hermite interpolant of the last step.
 *
 * <p><b>Neglected.</b> Lift, drag and thrust (kinematic: speeds are commanded); fuel and mass;
 * wind (airspeed is ground speed); the launch boost; terrain (flat at the target's height;
 * the climb-out is not checked against the ground); navigation error and dispersion (the
 * vehicle knows its position exactly); sideslip. The equations are singular at the poles.
 *
 * <p>Not thread-safe (scratch arrays); one flier per thread.
 */
public final class WaypointFlier {

    /** Largest step accepted (s): the autopilot's time constants assume steps no longer than this. */
    public static final double MAX_STEP_S = 0.5;

    private static final double G = WaypointVehicle.STANDARD_GRAVITY;
    private static final double HEADING_GAIN = 0.25;        // 1/s: demanded turn rate per rad of heading error
    private static final double BANK_TIME_CONSTANT = 1.0;   // s
    private static final double ALTITUDE_GAIN = 0.25;       // 1/s: demanded climb rate per m of height error
    private static final double GAMMA_TIME_CONSTANT = 1.0;  // s
    private static final double DIVE_GAMMA_TIME_CONSTANT = 0.5; // s
    private static final double SPEED_TIME_CONSTANT = 2.0;  // s
    private static final double POP_UP_MARGIN_S = 8.0;      // s of flight to settle at the pop-up height
    private static final double DIVE_ANGLE_REACHED = Math.toRadians(1);
    private static final double DIVE_BIAS = 2.0;
    private static final double MAX_DIVE = Math.toRadians(89);
    private static final double MAX_TURN_ANTICIPATION = Math.toRadians(120);

    private static final int LAT = 0;
    private static final int LON = 1;
    private static final int H = 2;
    private static final int PSI = 3;
    private static final int GAMMA = 4;
    private static final int SPEED = 5;
    private static final int BANK = 6;
    private static final int DIM = 7;

    private enum Phase { CRUISE, POP_UP, DIVE }

    private final Ellipsoid ellipsoid;
    private final double a;
    private final double e2;
    private final double step;

    private final double[] k1 = new double[DIM];
    private final double[] k2 = new double[DIM];
    private final double[] k3 = new double[DIM];
    private final double[] k4 = new double[DIM];
    private final double[] tmp = new double[DIM];
    private final double[] controls = new double[3]; // flight-path angle rate, acceleration, roll rate
    private final double[] enu = new double[3];
    private double sinLat;
    private double cosLat;
    private double sinLon;
    private double cosLon;

    /**
     * @param ellipsoid the Earth's surface (WGS84 for every scenario)
     * @param stepS     guidance and integration step (s), at most {@link #MAX_STEP_S}; 0.5 s
     *                  suits a drone and 0.1 s a cruise missile (about 25 m of flight per step)
     */
    public WaypointFlier(Ellipsoid ellipsoid, double stepS) {
        if (ellipsoid == null || !(stepS > 0 && stepS <= MAX_STEP_S)) {
            throw new IllegalArgumentException("step must be in (0, " + MAX_STEP_S + "] s, was " + stepS);
        }
        this.ellipsoid = ellipsoid;
        this.a = ellipsoid.equatorialRadius();
        this.e2 = ellipsoid.eccentricitySquared();
        this.step = stepS;
    }

    /** The integration step (s). */
    public double step() {
        return step;
    }

    /**
     * Flies a vehicle along a route.
     *
     * @param vehicle    the vehicle's limits
     * @param launchTime launch time (s)
     * @param route      launch point, waypoints and target
     * @return the trajectory to ground impact at (or within metres of) the target
     * @throws IllegalArgumentException if the route is longer than the vehicle's range
     * @throws IllegalStateException    if the vehicle fails to reach the ground near the target
     *                                  in twice the route's flight time (a route it cannot fly)
     */
    public GuidedTrajectory fly(WaypointVehicle vehicle, double launchTime, Route route) {
        return fly(vehicle, launchTime, route, true);
    }

    GuidedTrajectory fly(WaypointVehicle vehicle, double launchTime, Route route, boolean thin) {
        double length = route.lengthM(ellipsoid);
        if (length > vehicle.maxRangeM()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s cannot fly a %.1f km route: its range is %.1f km", vehicle.name(), length / 1000,
                    vehicle.maxRangeM() / 1000));
        }
        double maxTime = 2 * length / Math.min(vehicle.cruiseSpeedMps(), vehicle.diveSpeedMps()) + 3_600;
        int legs = route.legCount();
        int last = legs - 1;
        double[][] legEnds = new double[legs][];
        double[] outbound = new double[legs];
        for (int i = 0; i < legs; i++) {
            legEnds[i] = ellipsoid.toEcef(route.legEnd(i));
        }
        for (int i = 0; i < last; i++) {
            GeodeticPoint wp = route.legEnd(i);
            outbound[i] = bearing(wp.latitude(), wp.longitude(), ellipsoid.toEcef(wp), legEnds[i + 1]);
        }
        GeodeticPoint target = route.target();
        double ground = target.altitude();
        double[] targetEcef = legEnds[last];

        double[] s = new double[DIM];
        GeodeticPoint launch = route.launch();
        s[LAT] = launch.latitude();
        s[LON] = launch.longitude();
        s[H] = launch.altitude();
        s[SPEED] = vehicle.cruiseSpeedMps();
        s[GAMMA] = route.legAltitude(0) > launch.altitude()
                ? Math.asin(vehicle.maxClimbRateMps() / vehicle.cruiseSpeedMps()) : 0.0;
        double[] y = new double[6];
        ellipsoid.toEcef(launch.latitude(), launch.longitude(), launch.altitude(), y);
        s[PSI] = bearing(s[LAT], s[LON], y, legEnds[0]);
        toEcef(s, y);

        List<FlightEvent> events = new ArrayList<>();
        events.add(new FlightEvent(FlightEvent.Kind.LAUNCH, launchTime));
        NodeRecorder recorder = new NodeRecorder(thin);
        recorder.start(launchTime, y);

        double[] s1 = new double[DIM];
        double[] y1 = new double[6];
        Phase phase = Phase.CRUISE;
        int leg = 0;
        double diveHeading = Double.NaN;
        boolean onDiveLine = false;
        double t = launchTime;
        while (true) {
            if (t - launchTime > maxTime) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s did not reach its target in %.0f s of flight", vehicle.name(), maxTime));
            }
            double v = s[SPEED];
            // ---- guidance: leg switching and terminal phases, at the start of the step
            if (phase == Phase.CRUISE) {
                while (leg < last) {
                    relative(s, y, legEnds[leg]);
                    double d = horizontal(enu);
                    double along = enu[0] * Math.sin(s[PSI]) + enu[1] * Math.cos(s[PSI]);
                    double turn = Math.min(Math.abs(wrap(outbound[leg] - s[PSI])), MAX_TURN_ANTICIPATION);
                    double radius = vehicle.minTurnRadius(v);
                    double lead = radius * Math.tan(turn / 2) + v * vehicle.maxBankRad() / vehicle.maxRollRateRadPerS();
                    if (d <= Math.max(lead, 2 * v * step) || (along < 0 && d <= 2 * (lead + radius))) {
                        leg++;
                        events.add(new FlightEvent(FlightEvent.Kind.WAYPOINT, t));
                    } else {
                        break;
                    }
                }
                if (leg == last) {
                    relative(s, y, targetEcef);
                    double dT = horizontal(enu);
                    double above = s[H] - ground;
                    double pop = vehicle.popUpHeightM();
                    if (pop > 0 && above < pop - 1) {
                        double start = diveTrigger(vehicle, pop, v)
                                + v * ((pop - above) / vehicle.maxClimbRateMps() + POP_UP_MARGIN_S);
                        if (dT <= start) {
                            phase = Phase.POP_UP;
                            events.add(new FlightEvent(FlightEvent.Kind.POP_UP, t));
                            recorder.markNode();
                        }
                    } else if (dT <= diveTrigger(vehicle, above, v)) {
                        phase = Phase.DIVE;
                        events.add(new FlightEvent(FlightEvent.Kind.DIVE, t));
                        recorder.markNode();
                    }
                }
            } else if (phase == Phase.POP_UP) {
                relative(s, y, targetEcef);
                if (horizontal(enu) <= diveTrigger(vehicle, s[H] - ground, v)) {
                    phase = Phase.DIVE;
                    events.add(new FlightEvent(FlightEvent.Kind.DIVE, t));
                    recorder.markNode();
                }
            }
            // ---- autopilot: commanded rates held over the step
            relative(s, y, phase == Phase.CRUISE ? legEnds[leg] : targetEcef);
            double horizontal = horizontal(enu);
            double headingCommand;
            if (phase == Phase.DIVE) {
                // near the target its bearing is ill-defined: hold the last good one
                if (horizontal > Math.max(10.0, 2 * v * step) || Double.isNaN(diveHeading)) {
                    diveHeading = Math.atan2(enu[0], enu[1]);
                }
                headingCommand = diveHeading;
            } else {
                headingCommand = Math.atan2(enu[0], enu[1]);
            }
            lateral(vehicle, s, headingCommand);
            if (phase == Phase.DIVE) {
                double sight = Math.atan2(s[H] - ground, horizontal);
                if (!onDiveLine && (s[GAMMA] <= -vehicle.diveAngleRad() + DIVE_ANGLE_REACHED
                        || sight >= vehicle.diveAngleRad())) {
                    onDiveLine = true;
                }
                double gammaCommand;
                if (onDiveLine) {
                    // biased pursuit: steeper than the sight line when above the dive line and
                    // shallower when below it, so that the sight line turns onto the dive angle
                    double dive = sight + DIVE_BIAS * (sight - vehicle.diveAngleRad());
                    gammaCommand = -Math.min(Math.max(dive, 0.0), MAX_DIVE);
                } else {
                    gammaCommand = -vehicle.diveAngleRad(); // the pull-down, at the normal-acceleration limit
                }
                double limit = vehicle.maxNormalAccelerationMps2() / v;
                controls[0] = clamp((gammaCommand - s[GAMMA]) / DIVE_GAMMA_TIME_CONSTANT, limit);
                // hold the speed through the pull-down, whose radius V²/a_n the dive trigger assumed
                controls[1] = speedRate(vehicle, v, onDiveLine ? vehicle.diveSpeedMps() : v);
            } else {
                double hCommand = phase == Phase.POP_UP ? ground + vehicle.popUpHeightM() : route.legAltitude(leg);
                vertical(vehicle, s, hCommand);
                controls[1] = speedRate(vehicle, v, vehicle.cruiseSpeedMps());
            }
            // ---- one step
            rk4(s, step, s1);
            s1[PSI] = wrap(s1[PSI]);
            toEcef(s1, y1);
            double t1 = t + step;
            if (phase == Phase.DIVE && s1[H] <= ground) {
                double tc = crossing(t, y, y1, ground);
                double[] yc = new double[6];
                Hermite.interpolate(y, 0, y1, 0, step, (tc - t) / step, yc);
                events.add(new FlightEvent(FlightEvent.Kind.IMPACT, tc));
                DenseStates dense = recorder.finish(tc, yc);
                GeodeticPoint hit = ellipsoid.toGeodetic(yc);
                GeodeticPoint impact = new GeodeticPoint(hit.latitude(), hit.longitude(), ground);
                return new GuidedTrajectory(dense, impact, GuidedTrajectory.apogee(dense, ellipsoid), events);
            }
            recorder.add(t1, y1);
            System.arraycopy(s1, 0, s, 0, DIM);
            System.arraycopy(y1, 0, y, 0, 6);
            t = t1;
        }
    }

    /** Horizontal distance from the target at which the dive starts, from a height above it (m). */
    private static double diveTrigger(WaypointVehicle vehicle, double heightAbove, double speed) {
        double gd = vehicle.diveAngleRad();
        // the line's foot, the pull's anticipation, and the autopilot's lag (one time constant of flight)
        return Math.max(heightAbove, 0) / Math.tan(gd) + vehicle.minPullRadius(speed) * Math.tan(gd / 2)
                + speed * DIVE_GAMMA_TIME_CONSTANT;
    }

    // heading loop: demanded turn rate within the coordinated-turn limit, met by banking at the roll-rate limit
    private void lateral(WaypointVehicle vehicle, double[] s, double headingCommand) {
        double v = s[SPEED];
        double maxRate = vehicle.maxTurnRate(v);
        double rate = clamp(HEADING_GAIN * wrap(headingCommand - s[PSI]), maxRate);
        double bankCommand = Math.atan(rate * v / G);
        controls[2] = clamp((bankCommand - s[BANK]) / BANK_TIME_CONSTANT, vehicle.maxRollRateRadPerS());
    }

    // height loop: demanded vertical speed within the climb and descent limits, met by the flight-path angle
    private void vertical(WaypointVehicle vehicle, double[] s, double hCommand) {
        double v = s[SPEED];
        double up = Math.asin(vehicle.maxClimbRateMps() / v);
        double down = -Math.asin(vehicle.maxDescentRateMps() / v);
        double climb = Math.min(Math.max(ALTITUDE_GAIN * (hCommand - s[H]), -vehicle.maxDescentRateMps()),
                vehicle.maxClimbRateMps());
        double gammaCommand = Math.asin(climb / v);
        double limit = vehicle.maxNormalAccelerationMps2() / v;
        double rate = clamp((gammaCommand - s[GAMMA]) / GAMMA_TIME_CONSTANT, limit);
        // keep the end of the step inside the climb and descent limits (entering them at the rate limit)
        double end = s[GAMMA] + rate * step;
        if (s[GAMMA] <= up && end > up) {
            rate = (up - s[GAMMA]) / step;
        } else if (s[GAMMA] >= down && end < down) {
            rate = (down - s[GAMMA]) / step;
        }
        controls[0] = rate;
    }

    private double speedRate(WaypointVehicle vehicle, double v, double command) {
        double rate = (command - v) / SPEED_TIME_CONSTANT;
        return Math.min(Math.max(rate, -vehicle.maxDecelerationMps2()), vehicle.maxAccelerationMps2());
    }

    private void derivative(double[] s, double[] ds) {
        double lat = s[LAT];
        double h = s[H];
        double psi = s[PSI];
        double gamma = s[GAMMA];
        double v = s[SPEED];
        double sl = Math.sin(lat);
        double cl = Math.cos(lat);
        double w = 1 - e2 * sl * sl;
        double sw = Math.sqrt(w);
        double n = a / sw;
        double m = a * (1 - e2) / (w * sw);
        double vh = v * Math.cos(gamma);
        double sp = Math.sin(psi);
        ds[LAT] = vh * Math.cos(psi) / (m + h);
        ds[LON] = vh * sp / ((n + h) * cl);
        ds[H] = v * Math.sin(gamma);
        ds[PSI] = G * Math.tan(s[BANK]) / v + vh * sp * sl / (cl * (n + h));
        ds[GAMMA] = controls[0];
        ds[SPEED] = controls[1];
        ds[BANK] = controls[2];
    }

    private void rk4(double[] s, double h, double[] out) {
        derivative(s, k1);
        for (int i = 0; i < DIM; i++) {
            tmp[i] = s[i] + 0.5 * h * k1[i];
        }
        derivative(tmp, k2);
        for (int i = 0; i < DIM; i++) {
            tmp[i] = s[i] + 0.5 * h * k2[i];
        }
        derivative(tmp, k3);
        for (int i = 0; i < DIM; i++) {
            tmp[i] = s[i] + h * k3[i];
        }
        derivative(tmp, k4);
        for (int i = 0; i < DIM; i++) {
            out[i] = s[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /**
     * ECEF position and velocity of a kinematic state; keeps the sines and cosines of its
     * latitude and longitude for {@link #relative}.
     */
    private void toEcef(double[] s, double[] y) {
        double sl = Math.sin(s[LAT]);
        double cl = Math.cos(s[LAT]);
        double so = Math.sin(s[LON]);
        double co = Math.cos(s[LON]);
        // geodetic to ECEF (Hofmann-Wellenhof et al., GNSS, 2008, eq. 5.9), with the sines at hand
        double n = a / Math.sqrt(1 - e2 * sl * sl);
        y[0] = (n + s[H]) * cl * co;
        y[1] = (n + s[H]) * cl * so;
        y[2] = (n * (1 - e2) + s[H]) * sl;
        sinLat = sl;
        cosLat = cl;
        sinLon = so;
        cosLon = co;
        double v = s[SPEED];
        double vh = v * Math.cos(s[GAMMA]);
        double ve = vh * Math.sin(s[PSI]);
        double vn = vh * Math.cos(s[PSI]);
        double vu = v * Math.sin(s[GAMMA]);
        y[3] = -so * ve - sl * co * vn + cl * co * vu;
        y[4] = co * ve - sl * so * vn + cl * so * vu;
        y[5] = cl * vn + sl * vu;
    }

    /** East, north, up components (m) of (to − position of y) at the state's latitude and longitude, into enu. */
    private void relative(double[] s, double[] y, double[] to) {
        // the sines and cosines of the state's latitude and longitude were kept by toEcef
        double dx = to[0] - y[0];
        double dy = to[1] - y[1];
        double dz = to[2] - y[2];
        enu[0] = -sinLon * dx + cosLon * dy;
        enu[1] = -sinLat * cosLon * dx - sinLat * sinLon * dy + cosLat * dz;
        enu[2] = cosLat * cosLon * dx + cosLat * sinLon * dy + sinLat * dz;
    }

    private static double horizontal(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1]);
    }

    private double bearing(double lat, double lon, double[] from, double[] to) {
        enuOf(lat, lon, to[0] - from[0], to[1] - from[1], to[2] - from[2], enu);
        return Math.atan2(enu[0], enu[1]);
    }

    private static void enuOf(double lat, double lon, double dx, double dy, double dz, double[] out) {
        double sl = Math.sin(lat);
        double cl = Math.cos(lat);
        double so = Math.sin(lon);
        double co = Math.cos(lon);
        out[0] = -so * dx + co * dy;
        out[1] = -sl * co * dx - sl * so * dy + cl * dz;
        out[2] = cl * co * dx + cl * so * dy + sl * dz;
    }

    // time in [t, t + step] where the interpolated height meets the ground
    private double crossing(double t, double[] ya, double[] yb, double ground) {
        double[] p = new double[6];
        UnivariateFunction f = tt -> {
            Hermite.interpolate(ya, 0, yb, 0, step, (tt - t) / step, p);
            return ellipsoid.height(p[0], p[1], p[2]) - ground;
        };
        if (f.value(t) <= 0) {
            return t;
        }
        return Roots.solve(f, t, t + step, 1e-7);
    }

    private static double clamp(double x, double limit) {
        return Math.max(-limit, Math.min(limit, x));
    }

    private static double wrap(double x) {
        return Math.IEEEremainder(x, 2 * Math.PI);
    }
}
