package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * Distances along the ellipsoid for route lengths and reach checks. The arc between two
 * points is the angle between their ellipsoid normals times Euler's radius of curvature
 * R_α = MN / (M sin²α + N cos²α) at the mid-point, in the direction α of the arc there
 * (Euler's theorem on the normal sections of a surface; e.g. Torge &amp; Müller, <i>Geodesy</i>,
 * 4th ed., 2012). Not a geodesic solution: within
 * about 0.1% of the geodesic for arcs up to a few thousand kilometres at mid latitudes, which
 * is ample for range checks and flight-time estimates.
 */
final class Surface {

    private Surface() {
    }

    /** Approximate distance along the ellipsoid between two points (m); heights are ignored. */
    static double distance(Ellipsoid ellipsoid, GeodeticPoint p, GeodeticPoint q) {
        double[] n1 = normal(p.latitude(), p.longitude());
        double[] n2 = normal(q.latitude(), q.longitude());
        double cx = n1[1] * n2[2] - n1[2] * n2[1];
        double cy = n1[2] * n2[0] - n1[0] * n2[2];
        double cz = n1[0] * n2[1] - n1[1] * n2[0];
        double sigma = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz),
                n1[0] * n2[0] + n1[1] * n2[1] + n1[2] * n2[2]);
        if (sigma == 0) {
            return 0;
        }
        double mx = n1[0] + n2[0];
        double my = n1[1] + n2[1];
        double mz = n1[2] + n2[2];
        double mn = Math.sqrt(mx * mx + my * my + mz * mz);
        double lat = Math.asin(mz / mn);
        double lon = Math.atan2(my, mx);
        // direction of the arc at the mid-point: the chord n2 − n1 in the local east-north plane
        double dx = n2[0] - n1[0];
        double dy = n2[1] - n1[1];
        double dz = n2[2] - n1[2];
        double sl = Math.sin(lat);
        double cl = Math.cos(lat);
        double so = Math.sin(lon);
        double co = Math.cos(lon);
        double east = -so * dx + co * dy;
        double north = -sl * co * dx - sl * so * dy + cl * dz;
        double alpha = Math.atan2(east, north);
        double e2 = ellipsoid.eccentricitySquared();
        double w = 1 - e2 * sl * sl;
        double n = ellipsoid.equatorialRadius() / Math.sqrt(w);
        double m = ellipsoid.equatorialRadius() * (1 - e2) / (w * Math.sqrt(w));
        double sa = Math.sin(alpha);
        double ca = Math.cos(alpha);
        double euler = m * n / (m * sa * sa + n * ca * ca);
        return sigma * euler;
    }

    /** Unit ellipsoid normal (geodetic up) at a latitude and longitude (rad), ECEF. */
    static double[] normal(double lat, double lon) {
        double cl = Math.cos(lat);
        return new double[] {cl * Math.cos(lon), cl * Math.sin(lon), Math.sin(lat)};
    }
}
