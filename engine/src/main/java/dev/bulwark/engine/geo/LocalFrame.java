package dev.bulwark.engine.geo;

/**
 * A local east-north-up (ENU) frame tangent to the ellipsoid at a site, and the radar
 * coordinates (range, azimuth, elevation) measured from that site.
 *
 * <p>The ENU axes are the geodetic east, north and ellipsoid-normal up directions at the
 * site. Azimuth is measured clockwise from north (rad, in [0, 2π)); elevation from the
 * local horizontal plane (rad, positive up). This is the frame every radar measures in and
 * the frame in which scenario launchers and batteries point.
 *
 * <p>Immutable and thread-safe. The conversion methods write into caller arrays so that
 * scan loops allocate nothing.
 */
public final class LocalFrame {

    private final GeodeticPoint site;
    private final double[] origin;
    // rows: east, north, up unit vectors in ECEF
    private final double ex, ey, ez, nx, ny, nz, ux, uy, uz;

    /** The ENU frame at a site on an ellipsoid. */
    public LocalFrame(Ellipsoid ellipsoid, GeodeticPoint site) {
        this.site = site;
        this.origin = ellipsoid.toEcef(site);
        double sl = Math.sin(site.latitude());
        double cl = Math.cos(site.latitude());
        double so = Math.sin(site.longitude());
        double co = Math.cos(site.longitude());
        ex = -so;
        ey = co;
        ez = 0;
        nx = -sl * co;
        ny = -sl * so;
        nz = cl;
        ux = cl * co;
        uy = cl * so;
        uz = sl;
    }

    /** The site (origin of the frame). */
    public GeodeticPoint site() {
        return site;
    }

    /** ECEF coordinates of the site (m); a copy. */
    public double[] originEcef() {
        return origin.clone();
    }

    /** ECEF x of the site (m). */
    public double originX() {
        return origin[0];
    }

    /** ECEF y of the site (m). */
    public double originY() {
        return origin[1];
    }

    /** ECEF z of the site (m). */
    public double originZ() {
        return origin[2];
    }

    /** ECEF position (m) to ENU (m), written to {@code out[0..2]}. */
    public void ecefToEnu(double x, double y, double z, double[] out) {
        double dx = x - origin[0];
        double dy = y - origin[1];
        double dz = z - origin[2];
        out[0] = ex * dx + ey * dy + ez * dz;
        out[1] = nx * dx + ny * dy + nz * dz;
        out[2] = ux * dx + uy * dy + uz * dz;
    }

    /** ECEF direction or velocity to ENU components (no translation). */
    public void rotateToEnu(double x, double y, double z, double[] out) {
        out[0] = ex * x + ey * y + ez * z;
        out[1] = nx * x + ny * y + nz * z;
        out[2] = ux * x + uy * y + uz * z;
    }

    /** ENU direction or velocity to ECEF components (no translation). */
    public void rotateToEcef(double e, double n, double u, double[] out) {
        out[0] = ex * e + nx * n + ux * u;
        out[1] = ey * e + ny * n + uy * u;
        out[2] = ez * e + nz * n + uz * u;
    }

    /** ENU position (m) to ECEF (m), written to {@code out[0..2]}. */
    public void enuToEcef(double e, double n, double u, double[] out) {
        rotateToEcef(e, n, u, out);
        out[0] += origin[0];
        out[1] += origin[1];
        out[2] += origin[2];
    }

    /**
     * ECEF position (m) to range (m), azimuth (rad, clockwise from north, [0, 2π)) and
     * elevation (rad) from the site, written to {@code out[0..2]}.
     */
    public void ecefToRae(double x, double y, double z, double[] out) {
        ecefToEnu(x, y, z, out);
        double e = out[0];
        double n = out[1];
        double u = out[2];
        double horizontal = Math.sqrt(e * e + n * n);
        double az = Math.atan2(e, n);
        if (az < 0) {
            az += 2 * Math.PI;
            if (az >= 2 * Math.PI) {
                az = 0; // a negative angle below half an ulp of 2π rounds up to 2π
            }
        }
        out[0] = Math.sqrt(horizontal * horizontal + u * u);
        out[1] = az;
        out[2] = Math.atan2(u, horizontal);
    }

    /** Range (m), azimuth (rad) and elevation (rad) to ECEF position (m), into {@code out}. */
    public void raeToEcef(double range, double azimuth, double elevation, double[] out) {
        double ce = Math.cos(elevation);
        enuToEcef(range * ce * Math.sin(azimuth), range * ce * Math.cos(azimuth), range * Math.sin(elevation), out);
    }
}
