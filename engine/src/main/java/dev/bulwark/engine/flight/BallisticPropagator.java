package dev.bulwark.engine.flight;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.Arrays;

/**
 * Point-mass flight of an unguided round in the Earth-centred, Earth-fixed (rotating) frame,
 * integrated with the classical fourth-order Runge–Kutta method at a fixed step, to ground
 * impact: rockets with their motor burning, shells and mortar bombs, and (for impact
 * prediction) anything that coasts with a known ballistic coefficient.
 *
 * <p>Equations of motion (Vallado, <i>Fundamentals of Astrodynamics and Applications</i>,
 * 4th ed., 2013, §8.6 for J2; Zipfel, <i>Modeling and Simulation of Aerospace Vehicle
 * Dynamics</i>, 2nd ed., 2007, §5 for the rotating-frame terms; Sutton &amp; Biblarz, <i>Rocket
 * Propulsion Elements</i>, 9th ed., 2017, §4.3 for the powered point mass):
 * <pre>
 *   r'' = g(r) − 2 ω × r' − ω × (ω × r) + [F(t) − ½ ρ(h) |r'|² C_D(M) A] / m(t) · r'/|r'|
 *   m(t) = m_0 − ṁ (t − t_ignition) during the burn, the burn-out mass after;  M = |r'| / a(h)
 * </pre>
 * with g the point-mass plus J2 gravity, ω the Earth rotation vector along ECEF z, ρ and a the
 * {@link StandardAtmosphere} density and speed of sound at height h above the ellipsoid,
 * C_D(M) the type's {@link DragTable}, A its reference area and F the {@link Motor}'s thrust,
 * which acts along the velocity. The air moves with the Earth (no wind), so the airspeed is
 * the ECEF velocity. For impact prediction the same equations run without thrust and with a
 * single ballistic coefficient β = m/(C_D A) ({@link #propagate}, {@link #impact}).
 *
 * <p>Launch ({@link #launch}): a rocket with a motor starts at rest and leaves its rail after
 * the rail length, with the speed given by thrust, the falling mass and gravity along the rail
 * (closed form; see {@link Motor} for what that neglects); the integration starts there. The
 * step in which the motor burns out is shortened to end at burn-out, so that no step straddles
 * the jump in thrust, and the burn is integrated in steps of at most {@link #BOOST_STEP_S}. A
 * round with an instantaneous boost starts at the launch point with its burn-out speed.
 *
 * <p>Neglected here: lift and the angle of attack, wind, the difference between power-on and
 * power-off base drag, the thrust's dependence on ambient pressure. The height used for density
 * and speed of sound is r − b/√(1 − e² cos²φ_c) along the radius, within a metre of the
 * geodetic height below 100 km; the ground crossing itself is found with the exact geodetic
 * height: the step in which the height drops below the ground is located, then the crossing
 * time by bisection-secant iteration on the cubic Hermite interpolant of that step (to 1 µs).
 * The equations, their sources and their validation are stated in docs/models/flight.md.
 *
 * <p>Not thread-safe: it keeps scratch arrays so that {@link #impact} and {@link #launchImpact}
 * allocate nothing.
 */
public final class BallisticPropagator {

    /** Longest integration step during a motor's burn (s). */
    public static final double BOOST_STEP_S = 0.05;
    /** Cheap radial height above which the exact geodetic height is not needed for the ground test (m). */
    private static final double GROUND_TEST_MARGIN_M = 50.0;

    private final EarthModel earth;
    private final double step;
    private final double boostStep;
    private final double mu;
    private final double j2ReSq;
    private final double omega;
    private final double polarRadius;
    private final double s1;
    private final double s2;
    private final double s3;
    private final double s4;
    private final Ellipsoid ellipsoid;

    private final double[] k1 = new double[6];
    private final double[] k2 = new double[6];
    private final double[] k3 = new double[6];
    private final double[] k4 = new double[6];
    private final double[] tmp = new double[6];
    private final double[] geo = new double[3];
    private final double[] y0 = new double[6];
    private final double[] y1 = new double[6];
    private final double[] hermite = new double[6];
    // the step whose ground crossing is being located, read by heightAboveGround (no allocation)
    private double[] crossA;
    private double[] crossB;
    private double crossH;
    private double crossGround;
    private final Illinois.Function heightAboveGround = dt -> {
        interpolate(crossA, crossB, crossH, dt);
        return height(hermite) - crossGround;
    };
    // the cheap crossing: radial height plus the geodetic-minus-radial difference, linear in the step
    private boolean cheapCrossing;
    private double offsetA;
    private double offsetSlope;
    private final Illinois.Function cheapHeightAboveGround = dt -> {
        interpolate(crossA, crossB, crossH, dt);
        return radialHeight(hermite) + offsetA + offsetSlope * dt - crossGround;
    };
    private final double[] air = new double[2];
    // impactSensitivity's scratch: the adjoints of its two rows (6 values each), a stage's
    // argument and slopes, and the linearisations at the ends and middle of a step
    private final double[] adjoint = new double[12];
    private final double[] predicted = new double[12];
    private final double[] stage1 = new double[12];
    private final double[] stage2 = new double[12];
    private final double[] stage3 = new double[12];
    private final double[] stage4 = new double[12];
    private final double[] midState = new double[6];
    private double[] linA = new double[12];
    private double[] linB = new double[12];
    private final double[] linM = new double[12];

    // The flight being integrated (set by configure*): drag, mass and thrust.
    private boolean dragOn;
    private boolean constantCd;
    private double cdConstant;
    private DragTable table;
    private int segment;
    private double area;
    private double lastRadialHeight;
    private double burnoutMass;
    private double areaOverBurnoutMass;
    private boolean burning;
    private double burnEnd;
    private double ignitionTime;
    private double launchMass;
    private double massFlow;
    private double thrust;

    // Samples kept by propagate and launch, recorded into this propagator's own arrays (grown as
    // needed, kept between flights) and copied to arrays of their exact size at the end: a fresh
    // array filled by a copy is not zeroed first, and holds no unused tail.
    private double[] times = new double[256];
    private double[] states = new double[6 * 256];
    private int count;
    private double apogeeRadial;
    private int apogeeIndex;
    private final ApogeeSearch apogeeSearch;

    /**
     * @param earth the Earth model
     * @param stepS integration step (s); 0.1 s keeps a 100 km rocket trajectory's impact point within a metre
     */
    public BallisticPropagator(EarthModel earth, double stepS) {
        if (!(stepS > 0)) {
            throw new IllegalArgumentException("step must be positive");
        }
        this.earth = earth;
        this.step = stepS;
        this.boostStep = Math.min(stepS, BOOST_STEP_S);
        this.ellipsoid = earth.ellipsoid();
        double a = ellipsoid.equatorialRadius();
        this.mu = earth.mu();
        this.j2ReSq = earth.j2() * a * a;
        this.omega = earth.rotationRate();
        double e2 = ellipsoid.eccentricitySquared();
        this.polarRadius = ellipsoid.polarRadius();
        // b·(1 − x)^(−1/2) = b·(1 + x/2 + 3x²/8 + 5x³/16 + 35x⁴/128 + …) with x = e² cos²φc
        this.s1 = polarRadius * e2 / 2;
        this.s2 = polarRadius * 3 * e2 * e2 / 8;
        this.s3 = polarRadius * 5 * e2 * e2 * e2 / 16;
        this.s4 = polarRadius * 35 * e2 * e2 * e2 * e2 / 128;
        this.apogeeSearch = new ApogeeSearch(ellipsoid, polarRadius, s1, s2, s3, s4);
    }

    /** The Earth model. */
    public EarthModel earth() {
        return earth;
    }

    /** The integration step of coasting flight (s). */
    public double step() {
        return step;
    }

    // ------------------------------------------------------------------ configuration

    /** Coasting flight with one ballistic coefficient (kg/m²), +∞ for vacuum. */
    void configureCoast(double beta) {
        dragOn = beta != Double.POSITIVE_INFINITY;
        constantCd = true;
        cdConstant = 1.0;
        table = null;
        // with C_D = 1 and A = 1 m², the drag term ρ v² C_D A / (2m) is ρ v² / (2β)
        area = 1.0;
        burnoutMass = beta;
        areaOverBurnoutMass = 1.0 / beta;
        burning = false;
    }

    /**
     * Coasting flight whose drag coefficient follows a shape against Mach number: C_D A / m =
     * shape(M) / β, so that β is the ballistic coefficient where the shape is 1 (its first Mach
     * number, for a shape normalised there). A null shape is {@link #configureCoast(double)}.
     */
    void configureCoast(double beta, DragTable shape) {
        if (shape == null) {
            configureCoast(beta);
            return;
        }
        dragOn = beta != Double.POSITIVE_INFINITY;
        constantCd = shape.isConstant();
        cdConstant = shape.cdAt(0);
        table = shape;
        segment = 0;
        area = 1.0;
        burnoutMass = beta;
        areaOverBurnoutMass = 1.0 / beta;
        burning = false;
    }

    /**
     * The flight of a type launched at t0: drag table, area, masses and motor. Leaves the motor
     * burning if the type has one.
     */
    void configureType(ThreatType type, double t0) {
        DragTable d = type.drag();
        dragOn = d.maxCd() > 0;
        constantCd = d.isConstant();
        cdConstant = d.cdAt(0);
        table = d;
        segment = 0;
        area = type.referenceAreaM2();
        burnoutMass = type.massKg();
        areaOverBurnoutMass = area / burnoutMass;
        Motor motor = type.motor();
        burning = motor != null;
        if (motor != null) {
            ignitionTime = t0;
            burnEnd = t0 + motor.burnTimeS();
            launchMass = type.launchMassKg();
            massFlow = motor.massFlowKgPerS();
            thrust = motor.thrustN();
        }
    }

    /** Switches the thrust (and the mass flow) on or off for the steps that follow. */
    void setBurning(boolean on) {
        burning = on;
    }

    // ------------------------------------------------------------------ equations of motion

    /**
     * State derivative of a coasting round: velocity and acceleration (ECEF).
     *
     * @param y    state (x, y, z, vx, vy, vz)
     * @param beta ballistic coefficient (kg/m²), +∞ for vacuum
     * @param dy   receives the derivative
     */
    void derivative(double[] y, double beta, double[] dy) {
        configureCoast(beta);
        derivative(0.0, y, dy);
    }

    /**
     * State derivative of the configured flight at time t (s): velocity and acceleration (ECEF).
     *
     * @param t  time (s); it matters only while the motor burns (the mass falls with time)
     * @param y  state (x, y, z, vx, vy, vz)
     * @param dy receives the derivative
     */
    void derivative(double t, double[] y, double[] dy) {
        double x = y[0];
        double yy = y[1];
        double z = y[2];
        double vx = y[3];
        double vy = y[4];
        double vz = y[5];
        double r2 = x * x + yy * yy + z * z;
        // one square root and one division, side by side, for the whole of gravity and the height
        double r = Math.sqrt(r2);
        double invR2 = 1.0 / r2;
        double invR = r * invR2;
        double zr2 = z * z * invR2;
        double c = 1.5 * j2ReSq * invR2;
        double muR3 = mu * invR2 * invR;
        double gxy = -muR3 * (1 + c * (1 - 5 * zr2));
        double gz = -muR3 * (1 + c * (3 - 5 * zr2));
        double ax = gxy * x;
        double ay = gxy * yy;
        double az = gz * z;
        // rotating frame: Coriolis −2ω×v and centrifugal −ω×(ω×r), with ω = (0, 0, Ω)
        ax += 2 * omega * vy + omega * omega * x;
        ay += -2 * omega * vx + omega * omega * yy;
        if (dragOn || burning) {
            double v = Math.sqrt(vx * vx + vy * vy + vz * vz);
            double mass = burning ? launchMass - massFlow * (t - ignitionTime) : burnoutMass;
            // acceleration along the velocity, per unit of velocity: (thrust − drag) / (m v)
            double k = 0;
            if (dragOn) {
                double h = r - surfaceRadius(1 - zr2);
                lastRadialHeight = h;
                // density and 1/(speed of sound) from the US76 table, inlined (see StandardAtmosphere)
                double rho;
                double invA;
                if (h < StandardAtmosphere.TABLE_TOP_M) {
                    double[] tab = StandardAtmosphere.TABLE;
                    double hx = h > 0 ? h * StandardAtmosphere.INV_STEP : 0.0;
                    int i = (int) hx;
                    double frac = hx - i;
                    int n = 4 * i;
                    rho = tab[n] + frac * tab[n + 1];
                    invA = tab[n + 2] + frac * tab[n + 3];
                } else {
                    StandardAtmosphere.densityAndSpeedOfSound(h, air);
                    rho = air[0];
                    invA = 1.0 / air[1];
                }
                double cd;
                if (constantCd) {
                    cd = cdConstant;
                } else {
                    double mach = v * invA;
                    int s = table.segment(mach, segment);
                    segment = s;
                    cd = table.a[s] + table.b[s] * mach;
                }
                k = -0.5 * rho * v * cd * (burning ? area / mass : areaOverBurnoutMass);
            }
            if (burning && v > 0) {
                k += thrust / (mass * v);
            }
            ax += k * vx;
            ay += k * vy;
            az += k * vz;
        }
        dy[0] = vx;
        dy[1] = vy;
        dy[2] = vz;
        dy[3] = ax;
        dy[4] = ay;
        dy[5] = az;
    }

    /** One classical Runge–Kutta step; k1 must already hold the derivative at (t, y). */
    private void rk4(double t, double[] y, double h, double[] out) {
        for (int i = 0; i < 6; i++) {
            tmp[i] = y[i] + 0.5 * h * k1[i];
        }
        derivative(t + 0.5 * h, tmp, k2);
        for (int i = 0; i < 6; i++) {
            tmp[i] = y[i] + 0.5 * h * k2[i];
        }
        derivative(t + 0.5 * h, tmp, k3);
        for (int i = 0; i < 6; i++) {
            tmp[i] = y[i] + h * k3[i];
        }
        derivative(t + h, tmp, k4);
        for (int i = 0; i < 6; i++) {
            out[i] = y[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    private double height(double[] y) {
        return ellipsoid.height(y[0], y[1], y[2]);
    }

    /**
     * The cheap height along the radius used for the air (m): r minus the surface radius at the
     * geocentric latitude; within a metre of the geodetic height below 100 km (the radius and
     * the normal differ by at most 0.19°).
     */
    private double radialHeight(double[] y) {
        double r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
        double r = Math.sqrt(r2);
        return r - surfaceRadius(1 - y[2] * y[2] / r2);
    }

    /**
     * Radius of the ellipsoid's surface at a geocentric latitude φc, given cos²φc:
     * b / √(1 − e² cos²φc), as its binomial series in e² cos²φc to the fourth power (the next
     * term is below 0.1 mm on the WGS84 ellipsoid), to spare a square root and a division.
     */
    private double surfaceRadius(double cos2) {
        return polarRadius + cos2 * (s1 + cos2 * (s2 + cos2 * (s3 + cos2 * s4)));
    }

    // ------------------------------------------------------------------ coasting flights (impact prediction)

    /**
     * Flies from a state to the ground, keeping every step for dense output.
     *
     * @param t0             start time (s)
     * @param state0         ECEF position (m) and velocity (m/s)
     * @param beta           ballistic coefficient (kg/m²), +∞ for vacuum
     * @param groundAltitude height of the ground above the ellipsoid (m)
     * @param maxFlightTime  give up after this long (s)
     * @return the trajectory
     * @throws IllegalStateException if the ground is not reached within {@code maxFlightTime}
     */
    public Trajectory propagate(double t0, double[] state0, double beta, double groundAltitude, double maxFlightTime) {
        return propagate(t0, state0, beta, groundAltitude, maxFlightTime, true);
    }

    /**
     * As {@link #propagate(double, double[], double, double, double)}, optionally with the cheaper
     * ground crossing of {@link #impact(double, double[], double, double, double, double[], boolean)}
     * (centimetres and a fraction of a millisecond from the exact one): for impact prediction, whose
     * uncertainty is tens of metres at the least.
     *
     * @param exactHeight whether to locate the crossing on the exact geodetic height
     * @return the trajectory
     * @throws IllegalStateException if the ground is not reached within {@code maxFlightTime}
     */
    public Trajectory propagate(double t0, double[] state0, double beta, double groundAltitude, double maxFlightTime,
            boolean exactHeight) {
        return propagate(t0, state0, beta, null, groundAltitude, maxFlightTime, exactHeight);
    }

    /**
     * As {@link #propagate(double, double[], double, double, double, boolean)}, with a drag
     * coefficient that follows a shape against Mach number: the drag deceleration is
     * ρ |v|² shape(M) / (2β), so β is the ballistic coefficient where the shape is 1 (normalise the
     * shape at its first Mach number for the β there). A null shape is a constant coefficient.
     *
     * @param shape the drag coefficient's shape against Mach number, or null
     * @return the trajectory
     * @throws IllegalStateException if the ground is not reached within {@code maxFlightTime}
     */
    public Trajectory propagate(double t0, double[] state0, double beta, DragTable shape, double groundAltitude,
            double maxFlightTime, boolean exactHeight) {
        configureCoast(beta, shape);
        startRecording();
        System.arraycopy(state0, 0, y0, 0, 6);
        record(t0, y0);
        cheapCrossing = !exactHeight;
        double impactTime;
        try {
            impactTime = run(t0, t0, groundAltitude, maxFlightTime, true);
        } finally {
            cheapCrossing = false;
        }
        return finishRecording(t0, impactTime, maxFlightTime, groundAltitude);
    }

    /**
     * Flies from a state to the ground without keeping the path: allocation-free, for impact
     * prediction in the battle-management loop.
     *
     * @param t0             start time (s)
     * @param state0         ECEF position (m) and velocity (m/s); not modified
     * @param beta           ballistic coefficient (kg/m²)
     * @param groundAltitude height of the ground above the ellipsoid (m)
     * @param maxFlightTime  give up after this long (s)
     * @param out            receives the ECEF impact state (6 values)
     * @return the impact time (s), or NaN if the ground is not reached in time
     */
    public double impact(double t0, double[] state0, double beta, double groundAltitude, double maxFlightTime,
            double[] out) {
        return impact(t0, state0, beta, groundAltitude, maxFlightTime, out, true);
    }

    /**
     * As {@link #impact(double, double[], double, double, double, double[])}, optionally with a
     * cheaper ground crossing: with {@code exactHeight} false the crossing is found on the cheap
     * radial height of the interpolant plus the difference between the geodetic and the radial
     * height, taken exactly at the step's ends and linearly between them. That difference changes
     * by centimetres over a step of a few kilometres (it grows with the height by 5.6e-6 of it, the
     * square of the 0.19° between radius and normal, and varies slowly with latitude), so the
     * crossing moves by centimetres; for impact prediction, whose uncertainty is tens of metres at
     * the least.
     *
     * @param exactHeight whether to locate the crossing on the exact geodetic height
     * @return the impact time (s), or NaN if the ground is not reached in time
     */
    public double impact(double t0, double[] state0, double beta, double groundAltitude, double maxFlightTime,
            double[] out, boolean exactHeight) {
        cheapCrossing = !exactHeight;
        try {
            return impactOnce(t0, state0, beta, groundAltitude, maxFlightTime, out);
        } finally {
            cheapCrossing = false;
        }
    }

    private double impactOnce(double t0, double[] state0, double beta, double groundAltitude, double maxFlightTime,
            double[] out) {
        configureCoast(beta);
        System.arraycopy(state0, 0, y0, 0, 6);
        if (height(y0) <= groundAltitude) {
            System.arraycopy(y0, 0, out, 0, 6);
            return t0;
        }
        double tc = run(t0, t0, groundAltitude, maxFlightTime, false);
        if (!Double.isNaN(tc)) {
            System.arraycopy(hermite, 0, out, 0, 6);
        }
        return tc;
    }

    /**
     * Sensitivity of a coasting flight's impact point to its start state and to the logarithm of
     * its ballistic coefficient: the first-order change of two linear functions of the impact
     * position (for example its east and north coordinates in a tangent plane) per unit change of
     * each of the six components of the start state and of ln β.
     *
     * <p>Method: the adjoint of the flight's variational equations. With the state y = (r, v)
     * and its derivative f(y) = (v, a(r, v)), a perturbation δy obeys δẏ = A(t) δy along the
     * flight; for an output w·δr at the impact (a row w), the adjoint μ(t) with μ̇ = −Aᵀμ keeps
     * μ·δy constant along the flight, so μ at the start is the sensitivity to the start state. At
     * the impact, μ = (w − (w·v)/(n·v) n, 0), the normal n of the ellipsoid taking in the shift
     * of the impact time (the perturbed flight meets the ground earlier or later, moving along v).
     * The ballistic coefficient enters as ∫ μ·∂f/∂ln β dt with ∂a/∂ln β = −a_drag, integrated
     * alongside. μ is carried back along the recorded nodes of the path by the classical
     * Runge–Kutta method, two recorded steps at a time with the node between them as the midpoint
     * while that spans at most {@value #MAX_ADJOINT_STEP_S} s, else one step at a time with the
     * midpoint interpolated (so also the last, partial step to the impact): fourth order, so that at the prediction's 1–2 s steps the sensitivities agree
     * with finite differences of flown impacts to a fraction of a percent.
     *
     * <p>The Jacobian A: point-mass gravity gradient μ/r³ (3 r̂r̂ᵀ − I) (the J2 part of the
     * gradient, a thousandth of it, is left out), the centrifugal and Coriolis terms exactly, and
     * the drag a = −ρ(h) |v| v / (2β) with the density's slope from the same US76 table the flight
     * uses, its height gradient taken along the radius. Tested against finite differences of
     * flown impacts (BallisticPropagatorTest).
     *
     * @param path  a coasting flight flown by {@link #propagate} with this β and this Earth model
     * @param beta  its ballistic coefficient (kg/m²); {@link Double#POSITIVE_INFINITY} for no drag
     * @param rowA  the first output: an ECEF row w, the output being w·r at the impact
     * @param rowB  the second output's row
     * @param out   receives 14 values: ∂A/∂(x, y, z, vx, vy, vz) at the path's start, ∂A/∂ln β,
     *              then the same seven for B
     */
    public void impactSensitivity(Trajectory path, double beta, double[] rowA, double[] rowB, double[] out) {
        impactSensitivity(path, beta, null, rowA, rowB, out);
    }

    /**
     * As {@link #impactSensitivity(Trajectory, double, double[], double[], double[])} for a flight
     * with a drag shape ({@link #propagate(double, double[], double, DragTable, double, double,
     * boolean)}): the drag a = −ρ(h) |v| v s(M) / (2β), M = |v|/c(h), whose Jacobian has, besides
     * the terms of a constant coefficient with ρ s in place of ρ, the shape's slope s'(M): along the
     * velocity, −(ρ/2β)(s + M s') v vᵀ/|v| in place of −(ρ/2β) s v vᵀ/|v|, and through the height,
     * d(ρ s)/dh = ρ' s + ρ s' |v| d(1/c)/dh (both from the same US76 table as the flight). The
     * sensitivity to ln β is still ∫ μ·(−a_drag) dt. A null shape is the constant coefficient.
     *
     * @param shape the flight's drag shape, or null
     */
    public void impactSensitivity(Trajectory path, double beta, DragTable shape, double[] rowA, double[] rowB,
            double[] out) {
        sensitivityShape = shape;
        sensitivitySegment = 0;
        double[] ts = path.nodeTimes();
        double[] ss = path.nodeStates();
        int m = path.nodeCount();
        double c = beta == Double.POSITIVE_INFINITY ? 0.0 : 0.5 / beta;
        int o = 6 * (m - 1);
        double vx = ss[o + 3];
        double vy = ss[o + 4];
        double vz = ss[o + 5];
        // the ellipsoid's normal at the impact
        double lat = path.impactPoint().latitude();
        double lon = path.impactPoint().longitude();
        double nx = Math.cos(lat) * Math.cos(lon);
        double ny = Math.cos(lat) * Math.sin(lon);
        double nz = Math.sin(lat);
        double nv = nx * vx + ny * vy + nz * vz;
        double[] lam = adjoint;
        double ka = (rowA[0] * vx + rowA[1] * vy + rowA[2] * vz) / nv;
        double kb = (rowB[0] * vx + rowB[1] * vy + rowB[2] * vz) / nv;
        lam[0] = rowA[0] - ka * nx;
        lam[1] = rowA[1] - ka * ny;
        lam[2] = rowA[2] - ka * nz;
        lam[6] = rowB[0] - kb * nx;
        lam[7] = rowB[1] - kb * ny;
        lam[8] = rowB[2] - kb * nz;
        for (int i = 3; i < 6; i++) {
            lam[i] = 0;
            lam[6 + i] = 0;
        }
        double qa = 0;
        double qb = 0;
        // Back from the impact by classical Runge-Kutta steps: over two equal recorded steps at
        // once with the node between them as the midpoint, else over one step with its midpoint
        // interpolated (the last, partial step to the impact, and an odd step left over).
        int k = m - 1;
        linearise(ss, 6 * k, c, linB);
        while (k > 0) {
            double hk = ts[k] - ts[k - 1];
            if (!(hk > 0)) {
                // a flight that starts on the ground ends where it starts: nothing to integrate
                k--;
                linearise(ss, 6 * k, c, linB);
                continue;
            }
            double width;
            int next;
            if (k >= 2 && 2 * hk <= MAX_ADJOINT_STEP_S && Math.abs((ts[k - 1] - ts[k - 2]) - hk) <= 1e-9 * hk) {
                linearise(ss, 6 * (k - 1), c, linM);
                linearise(ss, 6 * (k - 2), c, linA);
                width = 2 * hk;
                next = k - 2;
            } else {
                Hermite.interpolate(ss, 6 * (k - 1), ss, 6 * k, hk, 0.5, midState);
                linearise(midState, 0, c, linM);
                linearise(ss, 6 * (k - 1), c, linA);
                width = hk;
                next = k - 1;
            }
            // dλ/ds = Aᵀλ and dq/ds = λ·∂f/∂ln β, with s the time back from the impact
            for (int r = 0; r < 12; r += 6) {
                applyTranspose(linB, lam, r, stage1, r);
                for (int i = 0; i < 6; i++) {
                    predicted[r + i] = lam[r + i] + 0.5 * width * stage1[r + i];
                }
                applyTranspose(linM, predicted, r, stage2, r);
                double q2 = betaIntegrand(linM, predicted, r);
                for (int i = 0; i < 6; i++) {
                    predicted[r + i] = lam[r + i] + 0.5 * width * stage2[r + i];
                }
                applyTranspose(linM, predicted, r, stage3, r);
                double q3 = betaIntegrand(linM, predicted, r);
                for (int i = 0; i < 6; i++) {
                    predicted[r + i] = lam[r + i] + width * stage3[r + i];
                }
                applyTranspose(linA, predicted, r, stage4, r);
                double q4 = betaIntegrand(linA, predicted, r);
                double q1 = betaIntegrand(linB, lam, r);
                double dq = width / 6 * (q1 + 2 * q2 + 2 * q3 + q4);
                if (r == 0) {
                    qa += dq;
                } else {
                    qb += dq;
                }
                for (int i = 0; i < 6; i++) {
                    lam[r + i] += width / 6 * (stage1[r + i] + 2 * stage2[r + i] + 2 * stage3[r + i] + stage4[r + i]);
                }
            }
            double[] swap = linB;
            linB = linA;
            linA = swap;
            k = next;
        }
        System.arraycopy(lam, 0, out, 0, 6);
        out[6] = qa;
        System.arraycopy(lam, 6, out, 7, 6);
        out[13] = qb;
    }

    /**
     * Longest Runge–Kutta step of {@link #impactSensitivity} (s): the drag's ∂a/∂v reaches about
     * 0.3/s for a fast, light rocket low down (a Grad at β = 3,000 kg/m²), and a 4 s step over it
     * errs by most of a percent.
     */
    private static final double MAX_ADJOINT_STEP_S = 2.0;

    // Indices of a linearisation (see impactSensitivity): r̂, μ/r³, v, |v|, 1/|v|, cρ, c dρ/dh (with a
    // drag shape s: cρs, c d(ρs)/dh), and c ρ (s + M s').
    private static final int RX = 0;
    private static final int RY = 1;
    private static final int RZ = 2;
    private static final int GRAVITY = 3;
    private static final int VX = 4;
    private static final int VY = 5;
    private static final int VZ = 6;
    private static final int SPEED = 7;
    private static final int INV_SPEED = 8;
    private static final int RHO = 9;
    private static final int RHO_SLOPE = 10;
    // c ρ (s + M s'), the drag's change along the velocity (c ρ without a shape, as RHO)
    private static final int RHO_ALONG = 11;
    // the drag shape of the sensitivity being computed, or null, and its segment cursor
    private DragTable sensitivityShape;
    private int sensitivitySegment;

    // The linearisation at the state at y[o..o+5], into j (11 values, the indices above).
    private void linearise(double[] y, int o, double c, double[] j) {
        double x = y[o];
        double yy = y[o + 1];
        double z = y[o + 2];
        double vx = y[o + 3];
        double vy = y[o + 4];
        double vz = y[o + 5];
        double r2 = x * x + yy * yy + z * z;
        double r = Math.sqrt(r2);
        double invR = 1.0 / r;
        j[RX] = x * invR;
        j[RY] = yy * invR;
        j[RZ] = z * invR;
        j[GRAVITY] = mu * invR * invR * invR;
        j[VX] = vx;
        j[VY] = vy;
        j[VZ] = vz;
        double v = Math.sqrt(vx * vx + vy * vy + vz * vz);
        j[SPEED] = v;
        j[INV_SPEED] = v > 0 ? 1.0 / v : 0.0;
        if (c == 0) {
            j[RHO] = 0;
            j[RHO_SLOPE] = 0;
            j[RHO_ALONG] = 0;
        } else if (sensitivityShape == null) {
            StandardAtmosphere.densityAndSlope(r - surfaceRadius(1 - z * z / r2), air);
            j[RHO] = c * air[0];
            j[RHO_SLOPE] = c * air[1];
            j[RHO_ALONG] = j[RHO];
        } else {
            double h = r - surfaceRadius(1 - z * z / r2);
            StandardAtmosphere.densityAndSlope(h, air);
            // 1/c(h) and its height slope from the table the flight reads (flat above its top)
            double invA;
            double invASlope;
            if (h < StandardAtmosphere.TABLE_TOP_M) {
                double[] tab = StandardAtmosphere.TABLE;
                double hx = h > 0 ? h * StandardAtmosphere.INV_STEP : 0.0;
                int i = (int) hx;
                invA = tab[4 * i + 2] + (hx - i) * tab[4 * i + 3];
                invASlope = h > 0 ? tab[4 * i + 3] * StandardAtmosphere.INV_STEP : 0.0;
            } else {
                StandardAtmosphere.densityAndSpeedOfSound(h, geo);
                invA = 1.0 / geo[1];
                invASlope = 0;
            }
            DragTable d = sensitivityShape;
            double mach = v * invA;
            int seg = d.segment(mach, sensitivitySegment);
            sensitivitySegment = seg;
            double shape = d.a[seg] + d.b[seg] * mach;
            double slope = d.b[seg];
            j[RHO] = c * air[0] * shape;
            j[RHO_SLOPE] = c * (air[1] * shape + air[0] * slope * v * invASlope);
            j[RHO_ALONG] = c * air[0] * (shape + mach * slope);
        }
    }

    // Aᵀλ at a linearisation j, for the adjoint at lam[o..o+5], into out[p..p+5].
    private void applyTranspose(double[] j, double[] lam, int o, double[] out, int p) {
        double mvx = lam[o + 3];
        double mvy = lam[o + 4];
        double mvz = lam[o + 5];
        double rx = j[RX];
        double ry = j[RY];
        double rz = j[RZ];
        double vx = j[VX];
        double vy = j[VY];
        double vz = j[VZ];
        double gravity = j[GRAVITY];
        double speed = j[SPEED];
        double rho = j[RHO];
        double rDotM = rx * mvx + ry * mvy + rz * mvz;
        double vDotM = vx * mvx + vy * mvy + vz * mvz;
        // Arᵀ λv: gravity gradient (symmetric), centrifugal, drag through the density's height slope
        double g3 = 3 * gravity * rDotM;
        double dragR = -j[RHO_SLOPE] * speed * vDotM;
        double w2 = omega * omega;
        out[p] = (g3 + dragR) * rx + (w2 - gravity) * mvx;
        out[p + 1] = (g3 + dragR) * ry + (w2 - gravity) * mvy;
        out[p + 2] = (g3 + dragR) * rz - gravity * mvz;
        // λr + Avᵀ λv: Coriolis transposed, drag −cρ(|v| I + v vᵀ/|v|)
        double dv = j[RHO_ALONG] * vDotM * j[INV_SPEED];
        double rs = rho * speed;
        out[p + 3] = lam[o] - 2 * omega * mvy - rs * mvx - dv * vx;
        out[p + 4] = lam[o + 1] + 2 * omega * mvx - rs * mvy - dv * vy;
        out[p + 5] = lam[o + 2] - rs * mvz - dv * vz;
    }

    // λ·∂f/∂ln β at a linearisation j: λv · (cρ|v| v).
    private static double betaIntegrand(double[] j, double[] lam, int o) {
        return j[RHO] * j[SPEED] * (lam[o + 3] * j[VX] + lam[o + 4] * j[VY] + lam[o + 5] * j[VZ]);
    }

    // ------------------------------------------------------------------ launched flights (truth, aiming)

    /**
     * Flies a round of a type from its launch to the ground, keeping every step for dense
     * output. With a motor the trajectory starts at rest at the launch point, reaches the end of
     * the rail, burns and coasts; with an instantaneous boost it starts at the burn-out speed.
     *
     * @param type           the round
     * @param t0             launch time (s)
     * @param position       ECEF launch point (m), 3 values
     * @param direction      ECEF direction of the launcher (its azimuth and elevation), 3 values, normalised here
     * @param groundAltitude height of the ground above the ellipsoid (m)
     * @param maxFlightTime  give up after this long (s)
     * @return the trajectory
     * @throws IllegalStateException    if the ground is not reached within {@code maxFlightTime}
     * @throws IllegalArgumentException if the motor cannot move the rocket off its rail
     */
    public Trajectory launch(ThreatType type, double t0, double[] position, double[] direction, double groundAltitude,
            double maxFlightTime) {
        startRecording();
        double tStart = start(type, t0, position, direction, true);
        return finishRecording(t0, run(t0, tStart, groundAltitude, maxFlightTime, true), maxFlightTime,
                groundAltitude);
    }

    /**
     * As {@link #launch}, without keeping the path: allocation-free, for aiming.
     *
     * @param out receives the ECEF impact state (6 values)
     * @return the impact time (s), or NaN if the ground is not reached within {@code maxFlightTime}
     * @throws IllegalArgumentException if the motor cannot move the rocket off its rail
     */
    public double launchImpact(ThreatType type, double t0, double[] position, double[] direction,
            double groundAltitude, double maxFlightTime, double[] out) {
        double tStart = start(type, t0, position, direction, false);
        double tc = run(t0, tStart, groundAltitude, maxFlightTime, false);
        if (!Double.isNaN(tc)) {
            System.arraycopy(hermite, 0, out, 0, 6);
        }
        return tc;
    }

    /**
     * Configures the type's flight and puts its free-flight start state in y0: the end of the
     * rail for a motor, the launch point at the burn-out speed otherwise. Records the launch
     * point too if asked. Returns the time of that start state.
     */
    private double start(ThreatType type, double t0, double[] position, double[] direction, boolean keep) {
        double ux = direction[0];
        double uy = direction[1];
        double uz = direction[2];
        double norm = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= norm;
        uy /= norm;
        uz /= norm;
        Motor motor = type.motor();
        if (motor == null) {
            configureType(type, t0);
            double v = ((Boost.BurnoutSpeed) type.boost()).speedMps();
            y0[0] = position[0];
            y0[1] = position[1];
            y0[2] = position[2];
            y0[3] = v * ux;
            y0[4] = v * uy;
            y0[5] = v * uz;
            if (keep) {
                record(t0, y0);
            }
            return t0;
        }
        // gravity with the centrifugal term at the launch point (velocity zero: no Coriolis, no drag)
        configureCoast(Double.POSITIVE_INFINITY);
        y0[0] = position[0];
        y0[1] = position[1];
        y0[2] = position[2];
        y0[3] = 0;
        y0[4] = 0;
        y0[5] = 0;
        if (keep) {
            record(t0, y0);
        }
        derivative(t0, y0, k1);
        double gAlong = -(k1[3] * ux + k1[4] * uy + k1[5] * uz);
        configureType(type, t0);
        double m0 = launchMass;
        double f = thrust;
        double mdot = massFlow;
        double length = motor.railLengthM();
        double a0 = f / m0 - gAlong;
        if (!(a0 > 0)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the motor of %s cannot lift it along its rail: thrust %.0f N against a weight component of %.0f N",
                    type.name(), f, m0 * gAlong));
        }
        // Along the rail: s'' = F / (m0 − ṁt) − g_s, from rest. With x = ṁt/m0:
        //   v(t) = (F/ṁ)·(−ln(1 − x)) − g_s t,   s(t) = (F m0/ṁ²)·((1 − x)·ln(1 − x) + x) − g_s t²/2.
        // s is convex, and the constant-acceleration guess overestimates the time, so Newton's
        // iteration from it falls monotonically onto the root.
        double t = Math.sqrt(2 * length / a0);
        double v = 0;
        for (int it = 0; it < 50; it++) {
            double xx = mdot * t / m0;
            double ln = Math.log1p(-xx);
            double s = f * m0 / (mdot * mdot) * ((1 - xx) * ln + xx) - 0.5 * gAlong * t * t;
            v = -f / mdot * ln - gAlong * t;
            double dt = (s - length) / v;
            t -= dt;
            if (Math.abs(dt) <= 1e-12 * t) {
                break;
            }
        }
        v = -f / mdot * Math.log1p(-mdot * t / m0) - gAlong * t;
        if (t >= motor.burnTimeS()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the motor of %s burns out (%.2f s) before the rocket leaves its %.1f m rail", type.name(),
                    motor.burnTimeS(), length));
        }
        y0[0] = position[0] + length * ux;
        y0[1] = position[1] + length * uy;
        y0[2] = position[2] + length * uz;
        y0[3] = v * ux;
        y0[4] = v * uy;
        y0[5] = v * uz;
        if (keep) {
            record(t0 + t, y0);
        }
        return t0 + t;
    }

    // ------------------------------------------------------------------ the integration loop

    /**
     * Integrates the configured flight from y0 at tStart to the ground. On impact, leaves the
     * impact state in {@code hermite} and returns its time; returns NaN if the flight lasts longer
     * than maxFlightTime after t0. Records the steps if asked.
     */
    private double run(double t0, double tStart, double ground, double maxFlightTime, boolean keep) {
        double t = tStart;
        double testAbove = ground + GROUND_TEST_MARGIN_M;
        derivative(t, y0, k1);
        while (t - t0 <= maxFlightTime) {
            double h = step;
            boolean burnsOut = false;
            if (burning) {
                double remaining = burnEnd - t;
                if (remaining <= boostStep * (1 + 1e-9)) {
                    h = remaining;
                    burnsOut = true;
                } else {
                    // equal steps to burn-out, none longer than the boost step
                    h = remaining / Math.ceil(remaining / boostStep - 1e-9);
                }
            }
            rk4(t, y0, h, y1);
            double tNext = burnsOut ? burnEnd : t + h;
            if (burnsOut) {
                burning = false;
            }
            // The next step's first stage, evaluated now (with the motor off if it just burnt out):
            // with drag on it also yields the radial height of y1 for the ground test.
            derivative(tNext, y1, k1);
            double radial = dragOn ? lastRadialHeight : radialHeight(y1);
            if (radial <= testAbove && height(y1) <= ground) {
                double tc = crossing(t, y0, y1, h, ground);
                interpolate(y0, y1, h, tc - t);
                if (keep) {
                    record(tc, hermite);
                }
                return tc;
            }
            t = tNext;
            if (keep) {
                record(t, y1);
                if (radial > apogeeRadial) {
                    apogeeRadial = radial;
                    apogeeIndex = count - 1;
                }
            }
            System.arraycopy(y1, 0, y0, 0, 6);
        }
        return Double.NaN;
    }

    private void startRecording() {
        count = 0;
        apogeeRadial = Double.NEGATIVE_INFINITY;
        apogeeIndex = 0;
    }

    private void record(double t, double[] y) {
        if (count == times.length) {
            times = Arrays.copyOf(times, 2 * count);
            states = Arrays.copyOf(states, 12 * count);
        }
        times[count] = t;
        System.arraycopy(y, 0, states, 6 * count, 6);
        count++;
    }

    /**
     * The apogee search of a recorded flight, run when the trajectory is first asked for its apogee
     * (impact predictions never are): {time (s), geodetic height (m)}. The integration loop tracks
     * the highest radial height, within a metre of the geodetic one; the exact height is computed
     * only for the samples whose radial height is within 5 m of that maximum, around its index.
     * The highest of those samples is then refined by root finding: where the interpolant's radial
     * velocity r·v changes sign from positive to negative in a neighbouring step (Illinois on the
     * cubic Hermite interpolant, to 1 µs), the height there replaces the sample's if higher. The
     * apogee is thus the point farthest from the Earth's centre, which for these flights lies
     * within centimetres of the highest geodetic point. Immutable; each search has its own scratch.
     */
    static final class ApogeeSearch {
        private final Ellipsoid ellipsoid;
        private final double polarRadius;
        private final double s1;
        private final double s2;
        private final double s3;
        private final double s4;

        private ApogeeSearch(Ellipsoid ellipsoid, double polarRadius, double s1, double s2, double s3, double s4) {
            this.ellipsoid = ellipsoid;
            this.polarRadius = polarRadius;
            this.s1 = s1;
            this.s2 = s2;
            this.s3 = s3;
            this.s4 = s4;
        }

        /**
         * @param apogeeIndex  the recorded node of the highest radial height seen by the loop
         * @param apogeeRadial that height (m), −∞ if none was seen
         */
        double[] find(double[] ts, double[] ss, int n, int apogeeIndex, double apogeeRadial) {
            double best = Double.NEGATIVE_INFINITY;
            int bestIndex = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < Math.min(n, 2); i++) {
                top = Math.max(top, radialHeightAt(ss, i));
            }
            top = Math.max(top, apogeeRadial);
            for (int dir = -1; dir <= 1; dir += 2) {
                for (int i = dir < 0 ? apogeeIndex : apogeeIndex + 1; i >= 0 && i < n; i += dir) {
                    if (radialHeightAt(ss, i) < top - 5.0) {
                        break;
                    }
                    double h = ellipsoid.height(ss[6 * i], ss[6 * i + 1], ss[6 * i + 2]);
                    if (h > best) {
                        best = h;
                        bestIndex = i;
                    }
                }
            }
            for (int i = 0; i < Math.min(n, 2); i++) {
                double h = ellipsoid.height(ss[6 * i], ss[6 * i + 1], ss[6 * i + 2]);
                if (h > best) {
                    best = h;
                    bestIndex = i;
                }
            }
            double bestTime = ts[bestIndex];
            double[] y = new double[6];
            for (int seg = Math.max(0, bestIndex - 1); seg <= Math.min(bestIndex, n - 2); seg++) {
                int a = 6 * seg;
                int b = a + 6;
                double ra = radialVelocity(ss, a);
                double rb = radialVelocity(ss, b);
                if (ra > 0 && rb <= 0) {
                    double h = ts[seg + 1] - ts[seg];
                    Illinois.Function rv = u -> {
                        Hermite.interpolate(ss, a, ss, b, h, u, y);
                        return y[0] * y[3] + y[1] * y[4] + y[2] * y[5];
                    };
                    double u = Illinois.root(rv, 0, ra, 1, rb, 1e-6 / h, 0, 60);
                    Hermite.interpolate(ss, a, ss, b, h, u, y);
                    double hu = ellipsoid.height(y[0], y[1], y[2]);
                    if (hu > best) {
                        best = hu;
                        bestTime = ts[seg] + u * h;
                    }
                }
            }
            return new double[] {bestTime, best};
        }

        private static double radialVelocity(double[] ss, int offset) {
            return ss[offset] * ss[offset + 3] + ss[offset + 1] * ss[offset + 4] + ss[offset + 2] * ss[offset + 5];
        }

        // as BallisticPropagator.radialHeight, on a recorded node
        private double radialHeightAt(double[] ss, int i) {
            double x = ss[6 * i];
            double y = ss[6 * i + 1];
            double z = ss[6 * i + 2];
            double r2 = x * x + y * y + z * z;
            double cos2 = 1 - z * z / r2;
            return Math.sqrt(r2) - (polarRadius + cos2 * (s1 + cos2 * (s2 + cos2 * (s3 + cos2 * s4))));
        }
    }

    private Trajectory finishRecording(double t0, double impactTime, double maxFlightTime, double ground) {
        if (Double.isNaN(impactTime)) {
            throw new IllegalStateException("no ground impact within " + maxFlightTime + " s");
        }
        int n = count;
        double[] ts = Arrays.copyOf(times, n);
        double[] ss = Arrays.copyOf(states, 6 * n);
        ellipsoid.toGeodetic(hermite[0], hermite[1], hermite[2], geo);
        GeodeticPoint impact = new GeodeticPoint(geo[0], geo[1], ground);
        return new Trajectory(ts, ss, n, impactTime, impact, apogeeSearch, apogeeIndex, apogeeRadial);
    }

    // Hermite interpolation of the step [ya at 0, yb at h] at offset dt, into `hermite`.
    private void interpolate(double[] ya, double[] yb, double h, double dt) {
        Hermite.interpolate(ya, 0, yb, 0, h, dt / h, hermite);
    }

    // Time in [t, t + h] where the interpolated height equals the ground (Illinois, to 1 µs).
    private double crossing(double t, double[] ya, double[] yb, double h, double ground) {
        double flo = height(ya) - ground;
        if (flo <= 0) {
            return t;
        }
        crossA = ya;
        crossB = yb;
        crossH = h;
        crossGround = ground;
        double fhi = height(yb) - ground;
        if (cheapCrossing) {
            offsetA = flo + ground - radialHeight(ya);
            offsetSlope = (fhi + ground - radialHeight(yb) - offsetA) / h;
            return t + Illinois.root(cheapHeightAboveGround, 0, flo, h, fhi, 1e-6, 0, 60);
        }
        return t + Illinois.root(heightAboveGround, 0, flo, h, fhi, 1e-6, 0, 60);
    }
}
