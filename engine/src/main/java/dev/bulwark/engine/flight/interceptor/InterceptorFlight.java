package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.flight.EarthGravity;
import dev.bulwark.engine.flight.Hermite;
import dev.bulwark.engine.flight.Illinois;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;

/**
 * The fly-out of a guided interceptor: three-degree-of-freedom point-mass flight in the
 * Earth-centred, Earth-fixed (rotating) frame under true proportional navigation against the
 * target's true motion, integrated with the classical fourth-order Runge–Kutta method at a
 * fixed step, to the closest point of approach.
 *
 * <p>Equations of motion, with r and v the ECEF position and velocity, m(t) the mass:
 * <pre>
 *   r'' = g(r) − 2 ω × v − ω × (ω × r) − q C_D(M) A / m · v̂ + T(t)/m · ê + a_L
 *   a_L' = (a_cmd − a_L) / τ
 *   a_cmd = N · V_c · λ̇ ,  perpendicular to the line of sight, |a_cmd| ≤ a_avail(q)
 * </pre>
 * g is point-mass plus J2 gravity (Vallado, <i>Fundamentals of Astrodynamics and
 * Applications</i>, 4th ed., 2013, §8.6), ω the Earth rotation along ECEF z (the same
 * equations as {@link dev.bulwark.engine.flight.BallisticPropagator}, written out here), q = ½ρv²
 * with ρ and the speed of sound for the Mach number M from {@link StandardAtmosphere} (US76),
 * the air at rest relative to the Earth. The thrust T acts along the launch direction ê until
 * guidance starts, then along the velocity. The guidance is true proportional navigation
 * (Zarchan, <i>Tactical and Strategic Missile Guidance</i>, 6th ed., 2012, ch. 2; Siouris,
 * <i>Missile Guidance and Control Systems</i>, 2004, ch. 4): with R = r_T − r and V = v_T − v the
 * relative position and velocity, the closing speed V_c = −R·V/|R| and the line-of-sight rate
 * λ̇ = |R × V|/|R|², the command is N·V_c/|R| times the component of V normal to R, i.e. along
 * Ω × R̂ with Ω = R × V/|R|², zero while the range opens. It is limited to the lateral
 * acceleration available at the current dynamic pressure
 * ({@link InterceptorType#availableLateralAcceleration}), passed through a first-order
 * autopilot lag of time constant τ (the single-time-constant flight-control model of Zarchan
 * 2012; none when τ = 0), and the airframe realises the part of it normal to the velocity (a
 * normal force cannot push along the flight path), again limited to the available acceleration.
 *
 * <p>Against a ballistic target no gravity compensation is flown: interceptor and target fall
 * alike, so gravity drops out of their relative motion. Against an Earth-fixed aim point it
 * appears as a 1 g target manoeuvre, which proportional navigation follows with a small lag.
 *
 * <p>The step is {@code stepS} (default 0.05 s) while the time to go |R|/V_c exceeds one
 * second and {@code endgameStepS} (default 0.01 s) after; steps are cut to end exactly at
 * the guidance start, the motor burn-out, the flight-time limit and the target's end, so that
 * no step straddles a discontinuity. The closest approach is found as the root of the range
 * rate's numerator f(t) = R·V (negative while closing) in the step where it changes sign, by
 * a bracketed secant (Illinois) iteration to 10 ns on the cubic Hermite interpolant of the
 * interceptor's step and the target's own motion — not on a time grid.
 *
 * <p>A limit of the law as realised here: true proportional navigation commands normal to the
 * line of sight, and a normal force can only deliver the part of that normal to the velocity, so
 * an interceptor whose velocity points far from the line of sight (launched vertically at a low,
 * distant target, say) cannot turn towards it; real vertically launched rounds fly a separate
 * turn-over law first. Launch towards the predicted intercept point ({@link #launchDirection}),
 * as the tables and {@link PredictedIntercept} do.
 *
 * <p>Neglected: rotational dynamics (6-DOF), angle of attack and induced drag (a hard turn
 * costs no speed here), seeker noise, radome and glint errors and the seeker's field of view
 * (the guidance knows the target's true state, so misses against non-manoeuvring targets are
 * far below any real warhead's lethal radius), the fuze's own delay, wind, and the height used
 * for the air density, which is the cheap radial approximation of the threat propagator (metres
 * off), while the ground test uses the exact geodetic height. Thrust does not depend on ambient
 * pressure.
 *
 * <p>Not thread-safe: it keeps scratch arrays, so that a fly-out allocates only its launch state
 * and its result.
 */
public final class InterceptorFlight {

    /** Default integration step (s). */
    public static final double DEFAULT_STEP_S = 0.05;
    /** Default end-game integration step (s), used in the last second before the closest approach. */
    public static final double DEFAULT_ENDGAME_STEP_S = 0.01;
    /** Time to go (s) below which the end-game step is used. */
    public static final double ENDGAME_TIME_TO_GO_S = 1.0;
    /**
     * Fraction of the ideal velocity gain taken as the mean speed of a fly-out when lofting the
     * launch direction against gravity ({@link #launchDirection}); a rough figure, as proportional
     * navigation removes what the loft leaves.
     */
    public static final double LOFT_MEAN_SPEED_FRACTION = 0.6;

    private static final double CPA_TOLERANCE_S = 1e-8;
    /** Slack below the launch site's height before a flight counts as having hit the ground (m). */
    private static final double GROUND_SLACK_M = 1.0;
    /**
     * Radial height above the ground (m) beyond which the exact geodetic height is not needed for
     * the ground test: the two differ by under a metre below 100 km (the radius and the normal
     * are at most 0.19° apart).
     */
    private static final double GROUND_TEST_MARGIN_M = 50.0;

    private final InterceptorType type;
    private final EarthModel earth;
    private final Ellipsoid ellipsoid;
    private final double step;
    private final double endgameStep;
    private final EarthGravity gravity;
    private final double[] g3 = new double[3];
    private final double e2;
    private final double polarRadius;
    private final double area;
    private final double massFlow;
    private final double tau;
    private final double nav;

    // per flight
    private TargetMotion target;
    private double launchTime;
    private boolean burning;
    private boolean guided;
    private final double[] launchDir = new double[3];

    // scratch
    private final double[] k1 = new double[9];
    private final double[] k2 = new double[9];
    private final double[] k3 = new double[9];
    private final double[] k4 = new double[9];
    private final double[] tmp = new double[9];
    private final double[] ya = new double[9];
    private final double[] yb = new double[9];
    private final double[] tgt = new double[6];
    private final double[] tgtA = new double[6];
    private final double[] tgtB = new double[6];
    private final double[] herm = new double[6];
    private final double[] lateral = new double[3];
    private final double[] dyScratch = new double[9];
    private final double[] air = new double[2];
    private final DragTable drag;
    /** The drag table's segment at the last evaluation (a lookup hint: {@link DragTable#cd(double, int[])}). */
    private final int[] dragSegment = new int[1];

    /** A fly-out model with the default steps. */
    public InterceptorFlight(InterceptorType type, EarthModel earth) {
        this(type, earth, DEFAULT_STEP_S, DEFAULT_ENDGAME_STEP_S);
    }

    /**
     * @param type         the interceptor
     * @param earth        the Earth model
     * @param stepS        integration step (s) while more than a second from the closest approach
     * @param endgameStepS integration step (s) in the last second
     */
    public InterceptorFlight(InterceptorType type, EarthModel earth, double stepS, double endgameStepS) {
        if (!(stepS > 0) || !(endgameStepS > 0) || endgameStepS > stepS) {
            throw new IllegalArgumentException("steps must be positive, the end-game step no larger than the step");
        }
        this.type = type;
        this.earth = earth;
        this.ellipsoid = earth.ellipsoid();
        this.step = stepS;
        this.endgameStep = endgameStepS;
        this.gravity = new EarthGravity(earth);
        this.e2 = ellipsoid.eccentricitySquared();
        this.polarRadius = ellipsoid.polarRadius();
        this.area = type.referenceAreaM2();
        this.massFlow = type.massFlowKgPerS();
        this.tau = type.autopilotTimeConstantS();
        this.nav = type.navigationConstant();
        this.drag = type.drag();
    }

    /** The interceptor type flown. */
    public InterceptorType type() {
        return type;
    }

    /** The Earth model. */
    public EarthModel earth() {
        return earth;
    }

    /**
     * Flies an interceptor launched from rest (relative to the Earth) at a site, until its
     * closest approach to the target or the type's self-destruct time.
     *
     * @param launchTime      simulation time of launch (s)
     * @param site            launcher position; its height is taken as the ground's
     * @param launchDirection ECEF unit vector of the launch (see {@link #launchDirection})
     * @param target          the target's true motion
     * @return how the flight ended
     */
    public InterceptResult fly(double launchTime, GeodeticPoint site, double[] launchDirection, TargetMotion target) {
        return fly(launchTime, site, launchDirection, target, type.maxFlightTimeS(), null);
    }

    /**
     * As {@link #fly(double, GeodeticPoint, double[], TargetMotion)}, with another flight-time
     * limit (a closest approach after the type's self-destruct time is reported, but is not a
     * hit) and an observer of every step.
     *
     * @param flightTimeLimitS longest flight integrated (s)
     * @param observer         receives every step, or null
     */
    public InterceptResult fly(double launchTime, GeodeticPoint site, double[] launchDirection, TargetMotion target,
            double flightTimeLimitS, FlightObserver observer) {
        double n = Math.sqrt(launchDirection[0] * launchDirection[0] + launchDirection[1] * launchDirection[1]
                + launchDirection[2] * launchDirection[2]);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("launch direction must be a non-zero vector");
        }
        double[] origin = ellipsoid.toEcef(site);
        double[] state = {origin[0], origin[1], origin[2], 0, 0, 0};
        for (int k = 0; k < 3; k++) {
            launchDir[k] = launchDirection[k] / n;
        }
        return run(launchTime, 0.0, state, target, site.altitude() - GROUND_SLACK_M, flightTimeLimitS, observer);
    }

    /**
     * Continues a flight from a known state, for example to study the guidance alone from a
     * chosen geometry. Before the guidance start the thrust acts along the given velocity.
     *
     * @param time             simulation time of the state (s)
     * @param timeSinceLaunch  flight time already flown (s), which sets mass, thrust and guidance
     * @param state6           ECEF position (m) and velocity (m/s); the speed must be positive
     * @param target           the target's true motion
     * @param groundAltitudeM  height above the ellipsoid below which the interceptor is lost (m)
     * @param flightTimeLimitS flight time (since launch) at which to stop (s)
     * @param observer         receives every step, or null
     * @return how the flight ended
     */
    public InterceptResult flyFrom(double time, double timeSinceLaunch, double[] state6, TargetMotion target,
            double groundAltitudeM, double flightTimeLimitS, FlightObserver observer) {
        double v = Math.sqrt(state6[3] * state6[3] + state6[4] * state6[4] + state6[5] * state6[5]);
        if (!(v > 0)) {
            throw new IllegalArgumentException("a flight continued from a state needs a positive speed");
        }
        for (int k = 0; k < 3; k++) {
            launchDir[k] = state6[3 + k] / v;
        }
        return run(time, timeSinceLaunch, state6, target, groundAltitudeM, flightTimeLimitS, observer);
    }

    /**
     * The launch direction for an aim point: towards it in azimuth, raised in elevation by the
     * angle that makes up the gravity drop ½·g0·T² over a flight of T = distance / mean speed
     * (mean speed {@link #LOFT_MEAN_SPEED_FRACTION} of the ideal velocity gain), and no lower
     * than the type's minimum launch elevation.
     *
     * @param site   launcher position
     * @param aimEcef ECEF aim point (m), e.g. the predicted intercept point
     * @param out    receives the ECEF unit vector
     */
    public void launchDirection(GeodeticPoint site, double[] aimEcef, double[] out) {
        LocalFrame frame = new LocalFrame(ellipsoid, site);
        double[] enu = new double[3];
        frame.ecefToEnu(aimEcef[0], aimEcef[1], aimEcef[2], enu);
        double horizontal = Math.hypot(enu[0], enu[1]);
        double distance = Math.hypot(horizontal, enu[2]);
        double meanSpeed = LOFT_MEAN_SPEED_FRACTION * type.idealDeltaVMps();
        double drop = 0;
        if (meanSpeed > 0 && Double.isFinite(meanSpeed)) {
            double t = distance / meanSpeed;
            drop = 0.5 * InterceptorType.G0 * t * t;
        }
        double elevation = Math.atan2(enu[2] + drop, horizontal);
        elevation = Math.min(Math.max(elevation, type.minLaunchElevationRad()), Math.PI / 2);
        double azimuth = Math.atan2(enu[0], enu[1]);
        double ce = Math.cos(elevation);
        frame.rotateToEcef(ce * Math.sin(azimuth), ce * Math.cos(azimuth), Math.sin(elevation), out);
    }

    /** As {@link #launchDirection(GeodeticPoint, double[], double[])}, into a new array. */
    public double[] launchDirection(GeodeticPoint site, double[] aimEcef) {
        double[] out = new double[3];
        launchDirection(site, aimEcef, out);
        return out;
    }

    // ---------------------------------------------------------------------------------------

    private InterceptResult run(double t0, double s0, double[] state6, TargetMotion motion, double ground,
            double limit, FlightObserver observer) {
        if (!(limit > s0)) {
            throw new IllegalArgumentException("the flight-time limit must lie after the start of the flight");
        }
        this.target = motion;
        this.launchTime = t0 - s0;
        double[] y0 = ya;
        double[] y1 = yb;
        System.arraycopy(state6, 0, y0, 0, 6);
        y0[6] = 0;
        y0[7] = 0;
        y0[8] = 0;
        double t = t0;
        double end = motion.endTime();
        motion.stateAt(t, tgtA);
        double f0 = rangeRateNumerator(y0, tgtA);
        try {
            while (true) {
                double s = t - launchTime;
                if (s >= limit - 1e-9) {
                    return result(t, y0, tgtA, InterceptResult.Reason.FLIGHT_TIME_EXCEEDED);
                }
                if (t >= end - 1e-9) {
                    return result(t, y0, tgtA, InterceptResult.Reason.TARGET_ENDED);
                }
                double h = timeToGo(y0, tgtA) < ENDGAME_TIME_TO_GO_S ? endgameStep : step;
                h = clip(h, s, type.guidanceStartS());
                h = clip(h, s, type.burnTimeS());
                h = clip(h, s, limit);
                h = clip(h, t, end);
                double mid = s + 0.5 * h;
                burning = mid < type.burnTimeS() && type.thrustN() > 0;
                guided = mid >= type.guidanceStartS();
                rk4(t, y0, h, y1);
                double t1 = t + h;
                motion.stateAt(t1, tgtB);
                double f1 = rangeRateNumerator(y1, tgtB);
                if (f0 < 0 && f1 >= 0) {
                    return closestApproach(t, y0, y1, h);
                }
                if (radialHeight(y1) < ground + GROUND_TEST_MARGIN_M && ellipsoid.height(y1[0], y1[1], y1[2]) < ground) {
                    return result(t1, y1, tgtB, InterceptResult.Reason.GROUND);
                }
                if (observer != null) {
                    derivative(t1, y1, dyScratch); // sets `lateral` at the step's end
                    observer.onStep(t1, y1, lateral, tgtB);
                }
                double[] swap = y0;
                y0 = y1;
                y1 = swap;
                System.arraycopy(tgtB, 0, tgtA, 0, 6);
                f0 = f1;
                t = t1;
            }
        } finally {
            this.target = null;
        }
    }

    // Radius minus the ellipsoid's radius at the geocentric latitude (m), as the atmosphere's height.
    private double radialHeight(double[] y) {
        double r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
        return Math.sqrt(r2) - polarRadius / Math.sqrt(1 - e2 * (1 - y[2] * y[2] / r2));
    }

    // Cuts a step that would cross an event at `event` (same clock as `now`) to end on it.
    private static double clip(double h, double now, double event) {
        if (event > now + 1e-9 && now + h > event) {
            return event - now;
        }
        return h;
    }

    private static double rangeRateNumerator(double[] y, double[] tg) {
        double rx = tg[0] - y[0];
        double ry = tg[1] - y[1];
        double rz = tg[2] - y[2];
        return rx * (tg[3] - y[3]) + ry * (tg[4] - y[4]) + rz * (tg[5] - y[5]);
    }

    private static double timeToGo(double[] y, double[] tg) {
        double rx = tg[0] - y[0];
        double ry = tg[1] - y[1];
        double rz = tg[2] - y[2];
        double r = Math.sqrt(rx * rx + ry * ry + rz * rz);
        double closing = -(rx * (tg[3] - y[3]) + ry * (tg[4] - y[4]) + rz * (tg[5] - y[5])) / r;
        return closing > 0 ? r / closing : Double.POSITIVE_INFINITY;
    }

    private InterceptResult closestApproach(double t, double[] y0, double[] y1, double h) {
        // Illinois iteration on f(τ) = R·V over [0, h]: f(0) < 0 ≤ f(h)
        double flo = rangeRateAt(t, y0, y1, h, 0);
        double fhi = rangeRateAt(t, y0, y1, h, h);
        double tc = t + Illinois.root(tau -> rangeRateAt(t, y0, y1, h, tau), 0, flo, h, fhi, CPA_TOLERANCE_S, 0, 100);
        hermite(y0, y1, h, tc - t);
        target.stateAt(tc, tgt);
        double s = tc - launchTime;
        double miss = distance(herm, tgt);
        InterceptResult.Reason reason;
        if (s < type.minFlightTimeS()) {
            reason = InterceptResult.Reason.FUZE_NOT_ARMED;
        } else if (s > type.maxFlightTimeS()) {
            reason = InterceptResult.Reason.FLIGHT_TIME_EXCEEDED;
        } else if (miss <= type.lethalRadiusM()) {
            reason = InterceptResult.Reason.HIT;
        } else {
            reason = InterceptResult.Reason.MISSED;
        }
        return result(tc, herm, tgt, reason);
    }

    private double rangeRateAt(double t, double[] y0, double[] y1, double h, double dt) {
        hermite(y0, y1, h, dt);
        target.stateAt(t + dt, tgt);
        return rangeRateNumerator(herm, tgt);
    }

    private InterceptResult result(double t, double[] y, double[] tg, InterceptResult.Reason reason) {
        double speed = Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]);
        double dvx = tg[3] - y[3];
        double dvy = tg[4] - y[4];
        double dvz = tg[5] - y[5];
        double relative = Math.sqrt(dvx * dvx + dvy * dvy + dvz * dvz);
        return new InterceptResult(reason == InterceptResult.Reason.HIT, distance(y, tg), t,
                new double[] {y[0], y[1], y[2]}, t - launchTime, speed, relative, reason);
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    // Cubic Hermite interpolation of position and velocity across one step, into `herm`.
    private void hermite(double[] y0, double[] y1, double h, double dt) {
        Hermite.interpolate(y0, 0, y1, 0, h, dt / h, herm);
    }

    private void rk4(double t, double[] y, double h, double[] out) {
        derivative(t, y, k1);
        for (int i = 0; i < 9; i++) {
            tmp[i] = y[i] + 0.5 * h * k1[i];
        }
        derivative(t + 0.5 * h, tmp, k2);
        for (int i = 0; i < 9; i++) {
            tmp[i] = y[i] + 0.5 * h * k2[i];
        }
        derivative(t + 0.5 * h, tmp, k3);
        for (int i = 0; i < 9; i++) {
            tmp[i] = y[i] + h * k3[i];
        }
        derivative(t + h, tmp, k4);
        for (int i = 0; i < 9; i++) {
            out[i] = y[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /**
     * State derivative. State: position, velocity, achieved lateral acceleration (9 values).
     * The motor and guidance phase are those of the current step ({@link #burning},
     * {@link #guided}), so that no stage of a step sees another phase.
     */
    private void derivative(double t, double[] y, double[] dy) {
        double x = y[0];
        double yy = y[1];
        double z = y[2];
        double vx = y[3];
        double vy = y[4];
        double vz = y[5];
        gravity.acceleration(x, yy, z, vx, vy, vz, g3);
        double ax = g3[0];
        double ay = g3[1];
        double az = g3[2];
        double r2 = x * x + yy * yy + z * z;
        double r = Math.sqrt(r2);
        double zr2 = z * z / r2;

        // height for the atmosphere: radius minus the ellipsoid's radius at the geocentric latitude
        double height = r - polarRadius / Math.sqrt(1 - e2 * (1 - zr2));
        StandardAtmosphere.densityAndSpeedOfSound(height, air);
        double rho = air[0];
        double v2 = vx * vx + vy * vy + vz * vz;
        double v = Math.sqrt(v2);
        double q = 0.5 * rho * v2;
        double s = t - launchTime;
        double mass = burning
                ? type.launchMassKg() - massFlow * Math.min(Math.max(s, 0.0), type.burnTimeS())
                : type.burnoutMassKg();
        if (v > 0) {
            double cd = drag.cd(v / air[1], dragSegment);
            double k = -q * cd * area / (mass * v);
            ax += k * vx;
            ay += k * vy;
            az += k * vz;
        }
        if (burning) {
            double a = type.thrustN() / mass;
            if (guided && v > 1e-6) {
                ax += a * vx / v;
                ay += a * vy / v;
                az += a * vz / v;
            } else {
                ax += a * launchDir[0];
                ay += a * launchDir[1];
                az += a * launchDir[2];
            }
        }
        double lx = 0;
        double ly = 0;
        double lz = 0;
        if (guided) {
            double available = type.availableLateralAcceleration(q);
            double cx = 0;
            double cy = 0;
            double cz = 0;
            target.stateAt(t, tgt);
            double rx = tgt[0] - x;
            double ry = tgt[1] - yy;
            double rz = tgt[2] - z;
            double wx = tgt[3] - vx;
            double wy = tgt[4] - vy;
            double wz = tgt[5] - vz;
            double rr = rx * rx + ry * ry + rz * rz;
            double rw = rx * wx + ry * wy + rz * wz;
            if (rr > 0 && rw < 0) {
                // N·V_c·λ̇ along Ω × R̂: N·V_c/|R| times the relative velocity normal to the line of sight
                double range = Math.sqrt(rr);
                double gain = nav * (-rw / range) / range;
                double p = rw / rr;
                cx = gain * (wx - p * rx);
                cy = gain * (wy - p * ry);
                cz = gain * (wz - p * rz);
                double cn = Math.sqrt(cx * cx + cy * cy + cz * cz);
                if (cn > available) {
                    double f = available / cn;
                    cx *= f;
                    cy *= f;
                    cz *= f;
                }
            }
            if (tau > 0) {
                lx = y[6];
                ly = y[7];
                lz = y[8];
                dy[6] = (cx - lx) / tau;
                dy[7] = (cy - ly) / tau;
                dy[8] = (cz - lz) / tau;
            } else {
                lx = cx;
                ly = cy;
                lz = cz;
                dy[6] = 0;
                dy[7] = 0;
                dy[8] = 0;
            }
            if (v > 0) {
                double along = (lx * vx + ly * vy + lz * vz) / v2;
                lx -= along * vx;
                ly -= along * vy;
                lz -= along * vz;
            }
            double ln = Math.sqrt(lx * lx + ly * ly + lz * lz);
            if (ln > available) {
                double f = available / ln;
                lx *= f;
                ly *= f;
                lz *= f;
            }
        } else {
            // before guidance the lag holds no command
            dy[6] = tau > 0 ? -y[6] / tau : 0;
            dy[7] = tau > 0 ? -y[7] / tau : 0;
            dy[8] = tau > 0 ? -y[8] / tau : 0;
        }
        lateral[0] = lx;
        lateral[1] = ly;
        lateral[2] = lz;
        dy[0] = vx;
        dy[1] = vy;
        dy[2] = vz;
        dy[3] = ax + lx;
        dy[4] = ay + ly;
        dy[5] = az + lz;
    }
}
