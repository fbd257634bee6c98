package dev.bulwark.engine.flight;

/**
 * The acceleration of a body in the Earth-fixed (rotating) frame from gravity and the frame's
 * rotation: point-mass gravity with the J2 zonal term (Vallado, <i>Fundamentals of
 * Astrodynamics and Applications</i>, 4th ed., 2013, §8.6), the Coriolis term −2ω×v and the
 * centrifugal term −ω×(ω×r), ω along ECEF z (Zipfel, <i>Modeling and Simulation of Aerospace
 * Vehicle Dynamics</i>, 2nd ed., 2007, §5). Every flight model adds its own aerodynamic and
 * thrust forces to this.
 *
 * <p>Immutable; {@link #acceleration} writes into a caller array and allocates nothing.
 */
public final class EarthGravity {

    private final double mu;
    private final double j2ReSq;
    private final double omega;

    /** The gravity and rotation of an Earth model. */
    public EarthGravity(EarthModel earth) {
        double a = earth.ellipsoid().equatorialRadius();
        this.mu = earth.mu();
        this.j2ReSq = earth.j2() * a * a;
        this.omega = earth.rotationRate();
    }

    /**
     * Acceleration (m/s²) at an ECEF position (m) moving at an ECEF velocity (m/s).
     *
     * @param out receives ax, ay, az at indices 0..2
     */
    public void acceleration(double x, double y, double z, double vx, double vy, double vz, double[] out) {
        double r2 = x * x + y * y + z * z;
        double r = Math.sqrt(r2);
        double zr2 = z * z / r2;
        double c = 1.5 * j2ReSq / r2;
        double g = -mu / (r2 * r);
        double gxy = g * (1 + c * (1 - 5 * zr2));
        out[0] = gxy * x + 2 * omega * vy + omega * omega * x;
        out[1] = gxy * y - 2 * omega * vx + omega * omega * y;
        out[2] = g * (1 + c * (3 - 5 * zr2)) * z;
    }
}
