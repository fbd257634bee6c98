package dev.bulwark.engine.geo;

/**
 * A reference ellipsoid of revolution and the conversions between geodetic coordinates and
 * Earth-centred, Earth-fixed (ECEF) Cartesian coordinates on it.
 *
 * <p>The geodetic-to-Cartesian direction is the closed form found in every geodesy text
 * (e.g. Hofmann-Wellenhof, Lichtenegger &amp; Wasle, <i>GNSS</i>, 2008, eq. 5.9). The inverse
 * is H. Vermeille's closed-form solution, "Direct transformation from geocentric coordinates
 * to geodetic coordinates", <i>Journal of Geodesy</i> 76 (2002) 451–454, which is exact to
 * rounding for every point outside a small region near the centre of the Earth (not reached
 * by anything Bulwark simulates). Both are validated against GeographicLib's
 * {@code CartConvert} in the tests.
 *
 * <p>The conversions write into caller-supplied arrays so that hot loops (the ground-impact
 * test inside the flight integrator, radar scans) allocate nothing.
 */
public final class Ellipsoid {

    /** WGS84 semi-major axis (m), NIMA TR8350.2 (2000) table 3.1. */
    public static final double WGS84_EQUATORIAL_RADIUS = 6_378_137.0;
    /** WGS84 flattening, NIMA TR8350.2 (2000) table 3.1. */
    public static final double WGS84_FLATTENING = 1.0 / 298.257223563;

    /** The WGS84 ellipsoid. */
    public static final Ellipsoid WGS84 = new Ellipsoid(WGS84_EQUATORIAL_RADIUS, WGS84_FLATTENING);

    private final double a;
    private final double f;
    private final double e2;
    private final double b;

    /**
     * @param equatorialRadius semi-major axis a (m)
     * @param flattening       flattening f, 0 for a sphere
     */
    public Ellipsoid(double equatorialRadius, double flattening) {
        if (!(equatorialRadius > 0) || !(flattening >= 0 && flattening < 1)) {
            throw new IllegalArgumentException("invalid ellipsoid a=" + equatorialRadius + " f=" + flattening);
        }
        this.a = equatorialRadius;
        this.f = flattening;
        this.e2 = flattening * (2 - flattening);
        this.b = equatorialRadius * (1 - flattening);
    }

    /** A sphere of the given radius (m), for analytic test cases. */
    public static Ellipsoid sphere(double radius) {
        return new Ellipsoid(radius, 0.0);
    }

    /** Semi-major axis (m). */
    public double equatorialRadius() {
        return a;
    }

    /** Semi-minor axis (m). */
    public double polarRadius() {
        return b;
    }

    /** Flattening. */
    public double flattening() {
        return f;
    }

    /** First eccentricity squared. */
    public double eccentricitySquared() {
        return e2;
    }

    /**
     * Geodetic to ECEF.
     *
     * @param lat geodetic latitude (rad)
     * @param lon longitude (rad)
     * @param h   height above the ellipsoid (m)
     * @param out receives x, y, z (m) at indices 0..2
     */
    public void toEcef(double lat, double lon, double h, double[] out) {
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double n = a / Math.sqrt(1 - e2 * sinLat * sinLat);
        double r = (n + h) * cosLat;
        out[0] = r * Math.cos(lon);
        out[1] = r * Math.sin(lon);
        out[2] = (n * (1 - e2) + h) * sinLat;
    }

    /** Geodetic point to a new ECEF array {x, y, z} (m). */
    public double[] toEcef(GeodeticPoint p) {
        double[] out = new double[3];
        toEcef(p.latitude(), p.longitude(), p.altitude(), out);
        return out;
    }

    /**
     * ECEF to geodetic (Vermeille 2002).
     *
     * @param x   ECEF x (m)
     * @param y   ECEF y (m)
     * @param z   ECEF z (m)
     * @param out receives latitude (rad), longitude (rad), height (m) at indices 0..2
     */
    public void toGeodetic(double x, double y, double z, double[] out) {
        double p2 = x * x + y * y;
        double lon = Math.atan2(y, x);
        if (e2 == 0.0) {
            double r = Math.sqrt(p2 + z * z);
            out[0] = Math.atan2(z, Math.sqrt(p2));
            out[1] = lon;
            out[2] = r - a;
            return;
        }
        double k = vermeilleK(p2, z);
        double d = k * Math.sqrt(p2) / (k + e2);
        double dz = Math.sqrt(d * d + z * z);
        out[0] = 2 * Math.atan2(z, d + dz);
        out[1] = lon;
        out[2] = (k + e2 - 1) / k * dz;
    }

    // Vermeille (2002): the auxiliary quantity k from p² = x² + y² and z (for e2 > 0).
    private double vermeilleK(double p2, double z) {
        double a2 = a * a;
        double e4 = e2 * e2;
        double pp = p2 / a2;
        double q = (1 - e2) * z * z / a2;
        double r = (pp + q - e4) / 6.0;
        double s = e4 * pp * q / (4 * r * r * r);
        double t = Math.cbrt(1 + s + Math.sqrt(s * (2 + s)));
        double u = r * (1 + t + 1 / t);
        double v = Math.sqrt(u * u + e4 * q);
        double w = e2 * (u + v - q) / (2 * v);
        return Math.sqrt(u + v + w * w) - w;
    }

    /** ECEF (m) to a geodetic point. */
    public GeodeticPoint toGeodetic(double x, double y, double z) {
        double[] out = new double[3];
        toGeodetic(x, y, z, out);
        return new GeodeticPoint(out[0], out[1], out[2]);
    }

    /** ECEF array {x, y, z} (m) to a geodetic point. */
    public GeodeticPoint toGeodetic(double[] ecef) {
        return toGeodetic(ecef[0], ecef[1], ecef[2]);
    }

    /**
     * Height above the ellipsoid (m) of an ECEF point: the height part of Vermeille's
     * solution, without the two arc tangents of latitude and longitude (hot path of the
     * flight integrator's ground test).
     */
    public double height(double x, double y, double z) {
        double p2 = x * x + y * y;
        if (e2 == 0.0) {
            return Math.sqrt(p2 + z * z) - a;
        }
        double k = vermeilleK(p2, z);
        double d = k * Math.sqrt(p2) / (k + e2);
        return (k + e2 - 1) / k * Math.sqrt(d * d + z * z);
    }
}
