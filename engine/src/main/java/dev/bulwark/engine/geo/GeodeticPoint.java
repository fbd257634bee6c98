package dev.bulwark.engine.geo;

/**
 * A point given by geodetic latitude, longitude and height above the WGS84 ellipsoid.
 *
 * <p>Angles are in radians and the height in metres, as everywhere inside Bulwark; degrees
 * appear only at the edges (scenario files, reports), through {@link #ofDegrees} and the
 * {@code ...Degrees()} accessors.
 *
 * @param latitude  geodetic latitude (rad), in [-π/2, π/2]
 * @param longitude longitude (rad), east positive
 * @param altitude  height above the ellipsoid (m)
 */
public record GeodeticPoint(double latitude, double longitude, double altitude) {

    public GeodeticPoint {
        if (!(Math.abs(latitude) <= Math.PI / 2 + 1e-12)) {
            throw new IllegalArgumentException("latitude out of range: " + latitude + " rad");
        }
        if (!Double.isFinite(longitude) || !Double.isFinite(altitude)) {
            throw new IllegalArgumentException("longitude and altitude must be finite");
        }
    }

    /** A point from latitude and longitude in degrees and height in metres. */
    public static GeodeticPoint ofDegrees(double latitudeDeg, double longitudeDeg, double altitudeM) {
        return new GeodeticPoint(Math.toRadians(latitudeDeg), Math.toRadians(longitudeDeg), altitudeM);
    }

    /** Latitude in degrees. */
    public double latitudeDegrees() {
        return Math.toDegrees(latitude);
    }

    /** Longitude in degrees, in (-180, 180]. */
    public double longitudeDegrees() {
        double deg = Math.toDegrees(longitude);
        deg = deg % 360.0;
        if (deg > 180.0) {
            deg -= 360.0;
        } else if (deg <= -180.0) {
            deg += 360.0;
        }
        return deg;
    }

    /** The same horizontal position at another height (m). */
    public GeodeticPoint withAltitude(double newAltitude) {
        return new GeodeticPoint(latitude, longitude, newAltitude);
    }
}
