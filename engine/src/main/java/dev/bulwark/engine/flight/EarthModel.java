package dev.bulwark.engine.flight;

import dev.bulwark.engine.geo.Ellipsoid;

/**
 * The Earth as the flight models see it: its shape, gravity field (point mass plus the J2
 * zonal term) and rotation rate.
 *
 * @param ellipsoid    the surface that trajectories end on
 * @param mu           gravitational parameter GM (m³/s²)
 * @param j2           second zonal harmonic (dimensionless), 0 for a point mass
 * @param rotationRate Earth rotation rate (rad/s), 0 for a non-rotating Earth
 */
public record EarthModel(Ellipsoid ellipsoid, double mu, double j2, double rotationRate) {

    /** WGS84 GM (m³/s²), NIMA TR8350.2 (2000) table 3.1. */
    public static final double WGS84_MU = 3.986004418e14;
    /** WGS84 rotation rate (rad/s), NIMA TR8350.2 (2000) table 3.1. */
    public static final double WGS84_ROTATION_RATE = 7.292115e-5;
    /** EGM96 normalised C̄20 converted to J2 (= -√5·C̄20), NIMA TR8350.2 (2000) table 5.3. */
    public static final double EGM96_J2 = 1.08262982e-3;

    /** WGS84 ellipsoid, rotation and GM with J2: the default for every scenario. */
    public static final EarthModel WGS84 = new EarthModel(Ellipsoid.WGS84, WGS84_MU, EGM96_J2, WGS84_ROTATION_RATE);

    public EarthModel {
        if (ellipsoid == null || !(mu > 0) || !(j2 >= 0) || !(rotationRate >= 0)) {
            throw new IllegalArgumentException("invalid Earth model");
        }
    }
}
