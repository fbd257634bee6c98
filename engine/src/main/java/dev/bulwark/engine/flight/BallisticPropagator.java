package dev.bulwark.engine.flight;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.Arrays;

/**
 * Unpowered point-mass flight in the Earth-centred, Earth-fixed (rotating) frame, integrated
 * with the classical fourth-order Runge–Kutta method at a fixed step, to ground impact.
 *
 * <p>Equations of motion (Vallado, <i>Fundamentals of Astrodynamics and Applications</i>,
 * 4th ed., 2013, §8.6 for J2; Zipfel, <i>Modeling and Simulation of Aerospace Vehicle
 * Dynamics</i>, 2nd ed., 2007, §5 for the rotating-frame terms):
 * <pre>
 *   r'' = g(r) − 2 ω × r' − ω × (ω × r) − ρ(h) |r'| r' / (2β)
 * </pre>
 * with g the point-mass plus J2 gravity, ω the Earth rotation vector along ECEF z, ρ the
 * {@link StandardAtmosphere} density at height h above the ellipsoid, and β = m/(C_d A) the
 * ballistic coefficient. The air moves with the Earth (no wind), so the airspeed is the ECEF velocity.
 *
 * <p>Neglected here: lift, wind, Mach-dependent drag, thrust (see {@link ThreatType}). The
 * height used for the density is the cheap approximation r − a(1 − f sin²φ_c), good to
 * metres; the ground crossing itself is found with the exact geodetic height: the step in
 * which the height drops below the ground is located, then the crossing time is found by
 * bisection-secant iteration on the cubic Hermite interpolant of that step (to 1 µs).
 *
 * <p>Not thread-safe: it keeps scratch arrays so that {@link #impact} allocates nothing.
 */
public final class BallisticPropagator {

    private final EarthModel earth;
    private final double step;
    private final double a;
    private final double f;
    private final double mu;
    private final double j2ReSq;
    private final double omega;
    private final double e2;
    private final double surfaceRadiusFactor;
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
        this.ellipsoid = earth.ellipsoid();
        this.a = ellipsoid.equatorialRadius();
        this.f = ellipsoid.flattening();
        this.mu = earth.mu();
        this.j2ReSq = earth.j2() * a * a;
        this.omega = earth.rotationRate();
        this.e2 = ellipsoid.eccentricitySquared();
        this.surfaceRadiusFactor = ellipsoid.polarRadius();
    }

    /** The Earth model. */
    public EarthModel earth() {
        return earth;
    }

    /**
     * State derivative: velocity and acceleration (ECEF).
     *
     * @param y    state (x, y, z, vx, vy, vz) at {@code yOff}
     * @param beta ballistic coefficient (kg/m²), +∞ for vacuum
     * @param dy   receives the derivative
     */
    void derivative(double[] y, double beta, double[] dy) {
        double x = y[0];
        double yy = y[1];
        double z = y[2];
        double vx = y[3];
        double vy = y[4];
        double vz = y[5];
        double r2 = x * x + yy * yy + z * z;
        double r = Math.sqrt(r2);
        double r3 = r2 * r;
        double zr2 = z * z / r2;
        double c = 1.5 * j2ReSq / r2;
        double gxy = -mu / r3 * (1 + c * (1 - 5 * zr2));
        double gz = -mu / r3 * (1 + c * (3 - 5 * zr2));
        double ax = gxy * x;
        double ay = gxy * yy;
        double az = gz * z;
        // rotating frame: Coriolis −2ω×v and centrifugal −ω×(ω×r), with ω = (0, 0, Ω)
        ax += 2 * omega * vy + omega * omega * x;
        ay += -2 * omega * vx + omega * omega * yy;
        if (beta != Double.POSITIVE_INFINITY) {
            // height above the ellipsoid along the radius: r minus the surface radius at the
            // geocentric latitude, b / sqrt(1 − e² cos²φc); within a metre of the geodetic height
            // below 100 km (the radius and the normal differ by at most 0.19°)
            double h = r - surfaceRadiusFactor / Math.sqrt(1 - e2 * (1 - zr2));
            double rho = StandardAtmosphere.density(h);
            double v = Math.sqrt(vx * vx + vy * vy + vz * vz);
            double k = -rho * v / (2 * beta);
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

    private void rk4(double[] y, double h, double beta, double[] out) {
        derivative(y, beta, k1);
        for (int i = 0; i < 6; i++) {
            tmp[i] = y[i] + 0.5 * h * k1[i];
        }
        derivative(tmp, beta, k2);
        for (int i = 0; i < 6; i++) {
            tmp[i] = y[i] + 0.5 * h * k2[i];
        }
        derivative(tmp, beta, k3);
        for (int i = 0; i < 6; i++) {
            tmp[i] = y[i] + h * k3[i];
        }
        derivative(tmp, beta, k4);
        for (int i = 0; i < 6; i++) {
            out[i] = y[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    private double height(double[] y) {
        return ellipsoid.height(y[0], y[1], y[2]);
    }

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
        int capacity = 256;
        double[] times = new double[capacity];
        double[] states = new double[6 * capacity];
        times[0] = t0;
        System.arraycopy(state0, 0, states, 0, 6);
        System.arraycopy(state0, 0, y0, 0, 6);
        int n = 1;
        double t = t0;
        double apogee = height(y0);
        while (true) {
            if (t - t0 > maxFlightTime) {
                throw new IllegalStateException("no ground impact within " + maxFlightTime + " s");
            }
            rk4(y0, step, beta, y1);
            double h1 = height(y1);
            apogee = Math.max(apogee, h1);
            if (h1 <= groundAltitude) {
                double tc = crossing(t, y0, y1, groundAltitude);
                hermite(y0, y1, tc - t);
                if (n + 1 > capacity) {
                    capacity *= 2;
                    times = Arrays.copyOf(times, capacity);
                    states = Arrays.copyOf(states, 6 * capacity);
                }
                times[n] = t + tc - t;
                System.arraycopy(hermite, 0, states, 6 * n, 6);
                n++;
                ellipsoid.toGeodetic(hermite[0], hermite[1], hermite[2], geo);
                GeodeticPoint impact = new GeodeticPoint(geo[0], geo[1], groundAltitude);
                return new Trajectory(times, states, n, times[n - 1], impact, apogee);
            }
            t += step;
            if (n + 1 > capacity) {
                capacity *= 2;
                times = Arrays.copyOf(times, capacity);
                states = Arrays.copyOf(states, 6 * capacity);
            }
            times[n] = t;
            System.arraycopy(y1, 0, states, 6 * n, 6);
            n++;
            System.arraycopy(y1, 0, y0, 0, 6);
        }
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
        System.arraycopy(state0, 0, y0, 0, 6);
        double t = t0;
        if (height(y0) <= groundAltitude) {
            System.arraycopy(y0, 0, out, 0, 6);
            return t0;
        }
        while (t - t0 <= maxFlightTime) {
            rk4(y0, step, beta, y1);
            if (height(y1) <= groundAltitude) {
                double tc = crossing(t, y0, y1, groundAltitude);
                hermite(y0, y1, tc - t);
                System.arraycopy(hermite, 0, out, 0, 6);
                return tc;
            }
            System.arraycopy(y1, 0, y0, 0, 6);
            t += step;
        }
        return Double.NaN;
    }

    // Hermite interpolation of the step [ya at 0, yb at step] at offset dt, into `hermite`.
    private void hermite(double[] ya, double[] yb, double dt) {
        Hermite.interpolate(ya, 0, yb, 0, step, dt / step, hermite);
    }

    // Time in [t, t + step] where the interpolated height equals the ground: bracketed secant (Illinois).
    private double crossing(double t, double[] ya, double[] yb, double ground) {
        double lo = 0;
        double hi = step;
        double flo = height(ya) - ground;
        double fhi = height(yb) - ground;
        if (flo <= 0) {
            return t;
        }
        int side = 0;
        for (int it = 0; it < 60 && hi - lo > 1e-6; it++) {
            double mid = (lo * fhi - hi * flo) / (fhi - flo);
            if (!(mid > lo && mid < hi)) {
                mid = 0.5 * (lo + hi);
            }
            hermite(ya, yb, mid);
            double fm = height(hermite) - ground;
            if (fm > 0) {
                lo = mid;
                flo = fm;
                if (side == -1) {
                    fhi *= 0.5;
                }
                side = -1;
            } else {
                hi = mid;
                fhi = fm;
                if (side == 1) {
                    flo *= 0.5;
                }
                side = 1;
            }
        }
        return t + 0.5 * (lo + hi);
    }
}
