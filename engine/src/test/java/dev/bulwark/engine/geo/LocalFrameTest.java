package dev.bulwark.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.ReferenceData;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates {@link LocalFrame} against GeographicLib's {@code CartConvert -l} local
 * east-north-up mode (reference table {@code reference/geo/cartconvert-local-enu.txt}) and checks
 * that its conversions invert each other.
 */
class LocalFrameTest {

    private static final String TABLE = "/reference/geo/cartconvert-local-enu.txt";

    // ENU components reach 1e6 m; CartConvert prints 1e-9 m; the site origin (7e6 m ECEF) is
    // rounded to ~1e-9 m before the difference is rotated. 1 µm is ~1000x that rounding and far
    // below any real error (a frame rotated by 1e-9 rad already moves a 300 km point by 0.3 mm).
    // Measured worst over the table: 2.2e-9 m (ENU), 1.8e-9 m (range).
    private static final double ENU_TOL_M = 1e-6;
    // Range is a norm of the ENU vector: same tolerance.
    private static final double RANGE_TOL_M = 1e-6;
    // Angles: 1e-6 m of position error at the nearest off-axis target (~10 km) is 1e-10 rad;
    // 1e-9 rad (a 0.3 mm shift at 300 km) keeps a margin of ten. Measured worst: 6.2e-13 rad
    // (azimuth), 4.6e-13 rad (elevation).
    private static final double ANGLE_TOL_RAD = 1e-9;

    static Stream<Arguments> cartConvertLocal() {
        return ReferenceData.arguments(TABLE);
    }

    private static LocalFrame frameOf(ReferenceData.Row row) {
        return new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(row.get(0), row.get(1), row.get(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cartConvertLocal")
    void ecefToEnuMatchesCartConvert(ReferenceData.Row row) {
        double[] enu = new double[3];
        frameOf(row).ecefToEnu(row.get(6), row.get(7), row.get(8), enu);

        assertThat(enu[0]).as("east").isCloseTo(row.get(9), within(ENU_TOL_M));
        assertThat(enu[1]).as("north").isCloseTo(row.get(10), within(ENU_TOL_M));
        assertThat(enu[2]).as("up").isCloseTo(row.get(11), within(ENU_TOL_M));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cartConvertLocal")
    void ecefToRaeMatchesCartConvert(ReferenceData.Row row) {
        double e = row.get(9);
        double n = row.get(10);
        double u = row.get(11);
        double range = Math.sqrt(e * e + n * n + u * u);
        double horizontal = Math.hypot(e, n);
        double[] rae = new double[3];
        frameOf(row).ecefToRae(row.get(6), row.get(7), row.get(8), rae);

        assertThat(rae[0]).as("range").isCloseTo(range, within(RANGE_TOL_M));
        assertThat(rae[2]).as("elevation").isCloseTo(Math.asin(u / range), within(ANGLE_TOL_RAD));
        assertThat(rae[1]).as("azimuth in [0, 2π)").isGreaterThanOrEqualTo(0.0).isLessThan(2 * Math.PI);
        if (horizontal > 1.0) { // the azimuth of a point overhead is undefined
            double expectedAz = Math.atan2(e, n);
            assertThat(angleBetween(rae[1], expectedAz)).as("azimuth error").isLessThan(ANGLE_TOL_RAD);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cartConvertLocal")
    void enuToEcefInvertsCartConvert(ReferenceData.Row row) {
        double[] ecef = new double[3];
        frameOf(row).enuToEcef(row.get(9), row.get(10), row.get(11), ecef);

        assertThat(ecef[0]).as("X").isCloseTo(row.get(6), within(ENU_TOL_M));
        assertThat(ecef[1]).as("Y").isCloseTo(row.get(7), within(ENU_TOL_M));
        assertThat(ecef[2]).as("Z").isCloseTo(row.get(8), within(ENU_TOL_M));
    }

    @Test
    void dueNorthIsAzimuthZeroAndDueEastIsHalfPi() {
        LocalFrame frame = new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(31.45, 34.40, 40));
        double[] ecef = new double[3];
        double[] rae = new double[3];

        frame.enuToEcef(0, 10_000, 0, ecef);
        frame.ecefToRae(ecef[0], ecef[1], ecef[2], rae);
        assertThat(rae[0]).isCloseTo(10_000, within(RANGE_TOL_M));
        assertThat(angleBetween(rae[1], 0.0)).as("azimuth of due north").isLessThan(ANGLE_TOL_RAD);
        assertThat(rae[2]).isCloseTo(0.0, within(ANGLE_TOL_RAD));

        frame.enuToEcef(10_000, 0, 0, ecef);
        frame.ecefToRae(ecef[0], ecef[1], ecef[2], rae);
        assertThat(rae[1]).as("azimuth of due east").isCloseTo(Math.PI / 2, within(ANGLE_TOL_RAD));
        assertThat(rae[2]).isCloseTo(0.0, within(ANGLE_TOL_RAD));

        frame.enuToEcef(0, -10_000, 0, ecef);
        frame.ecefToRae(ecef[0], ecef[1], ecef[2], rae);
        assertThat(rae[1]).as("azimuth of due south").isCloseTo(Math.PI, within(ANGLE_TOL_RAD));

        frame.enuToEcef(-10_000, 0, 0, ecef);
        frame.ecefToRae(ecef[0], ecef[1], ecef[2], rae);
        assertThat(rae[1]).as("azimuth of due west").isCloseTo(1.5 * Math.PI, within(ANGLE_TOL_RAD));

        frame.enuToEcef(0, 0, 10_000, ecef);
        frame.ecefToRae(ecef[0], ecef[1], ecef[2], rae);
        assertThat(rae[2]).as("elevation overhead").isCloseTo(Math.PI / 2, within(ANGLE_TOL_RAD));
    }

    @Test
    void azimuthStaysBelowTwoPiJustWestOfNorth() {
        // Site on the equator at longitude 0: east is +Y, north is +Z. A target 10 km north and
        // 1 pm west has atan2(e, n) = -1e-16 rad, which rounds to 2π when 2π is added.
        LocalFrame frame = new LocalFrame(Ellipsoid.WGS84, GeodeticPoint.ofDegrees(0, 0, 0));
        double[] rae = new double[3];
        frame.ecefToRae(frame.originX(), -1e-12, frame.originZ() + 10_000, rae);
        assertThat(rae[1]).isGreaterThanOrEqualTo(0.0).isLessThan(2 * Math.PI);
        assertThat(angleBetween(rae[1], 0.0)).isLessThan(ANGLE_TOL_RAD);
    }

    @Test
    void aGeodeticPointDueNorthOnTheSurfaceHasAzimuthZero() {
        // Same longitude, 0.09° further north, on the ellipsoid: the geodetic meridian is the
        // local north direction, so the azimuth is 0 (mod 2π) and the point is below the horizon
        // by the angle between chord and tangent of the meridian, asin(d / 2M) ≈ 0.79 mrad with M
        // the meridian radius of curvature. M varies by 3e-4 relative over the 10 km, so the
        // circle approximation is good to ~2e-7 rad: tolerance 1e-6 rad (0.1% of the dip).
        GeodeticPoint site = GeodeticPoint.ofDegrees(31.45, 34.40, 0);
        LocalFrame frame = new LocalFrame(Ellipsoid.WGS84, site);
        double[] target = Ellipsoid.WGS84.toEcef(GeodeticPoint.ofDegrees(31.54, 34.40, 0));
        double[] rae = new double[3];
        frame.ecefToRae(target[0], target[1], target[2], rae);
        assertThat(angleBetween(rae[1], 0.0)).isLessThan(ANGLE_TOL_RAD);
        double e2 = Ellipsoid.WGS84.eccentricitySquared();
        double sin = Math.sin(Math.toRadians(31.495));
        double meridianRadius = Ellipsoid.WGS84.equatorialRadius() * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5);
        assertThat(rae[2]).isCloseTo(-Math.asin(rae[0] / (2 * meridianRadius)), within(1e-6));
    }

    @Test
    void conversionsRoundTrip() {
        // Each pair of methods must invert the other to rounding: 1e-8 m on positions up to
        // 2000 km (~10 ulp of an ECEF coordinate), 1e-12 rad on angles of targets beyond 1 km.
        SplittableRandom random = new SplittableRandom(42L);
        double[] a = new double[3];
        double[] b = new double[3];
        double[] c = new double[3];
        for (int i = 0; i < 2_000; i++) {
            GeodeticPoint site = GeodeticPoint.ofDegrees(random.nextDouble(-89, 89), random.nextDouble(-180, 180),
                    random.nextDouble(-100, 3_000));
            LocalFrame frame = new LocalFrame(Ellipsoid.WGS84, site);
            double e = random.nextDouble(-1e6, 1e6);
            double n = random.nextDouble(-1e6, 1e6);
            double u = random.nextDouble(-1e5, 1e6);

            frame.enuToEcef(e, n, u, a);
            frame.ecefToEnu(a[0], a[1], a[2], b);
            assertThat(b[0]).isCloseTo(e, within(1e-8));
            assertThat(b[1]).isCloseTo(n, within(1e-8));
            assertThat(b[2]).isCloseTo(u, within(1e-8));

            frame.rotateToEcef(e, n, u, a);
            assertThat(norm(a)).as("rotation keeps length").isCloseTo(Math.sqrt(e * e + n * n + u * u),
                    within(1e-8));
            frame.rotateToEnu(a[0], a[1], a[2], b);
            assertThat(b[0]).isCloseTo(e, within(1e-8));
            assertThat(b[1]).isCloseTo(n, within(1e-8));
            assertThat(b[2]).isCloseTo(u, within(1e-8));

            double range = random.nextDouble(1_000, 2_000_000);
            double az = random.nextDouble(0, 2 * Math.PI);
            double el = random.nextDouble(-Math.PI / 2 + 0.01, Math.PI / 2 - 0.01);
            frame.raeToEcef(range, az, el, a);
            frame.ecefToRae(a[0], a[1], a[2], c);
            assertThat(c[0]).isCloseTo(range, within(1e-8));
            assertThat(angleBetween(c[1], az)).isLessThan(1e-12 * 2_000_000 / range + 1e-13);
            assertThat(c[2]).isCloseTo(el, within(1e-12));
        }
    }

    @Test
    void enuAxesAreTheGeodeticDirections() {
        // Up is the ellipsoid normal: a point 1000 m higher at the same latitude and longitude is
        // exactly (0, 0, 1000) in ENU (to rounding, 1e-8 m); north is the direction of increasing
        // latitude along the meridian.
        GeodeticPoint site = GeodeticPoint.ofDegrees(-60, -70, 1000);
        LocalFrame frame = new LocalFrame(Ellipsoid.WGS84, site);
        double[] above = Ellipsoid.WGS84.toEcef(site.withAltitude(2000));
        double[] enu = new double[3];
        frame.ecefToEnu(above[0], above[1], above[2], enu);
        assertThat(enu[0]).isCloseTo(0, within(1e-8));
        assertThat(enu[1]).isCloseTo(0, within(1e-8));
        assertThat(enu[2]).isCloseTo(1000, within(1e-8));

        double[] northward = Ellipsoid.WGS84.toEcef(GeodeticPoint.ofDegrees(-59.999, -70, 1000));
        frame.ecefToEnu(northward[0], northward[1], northward[2], enu);
        assertThat(enu[1]).isPositive();
        assertThat(Math.abs(enu[0])).isLessThan(1e-8);

        assertThat(frame.site()).isEqualTo(site);
        double[] origin = frame.originEcef();
        assertThat(origin).containsExactly(frame.originX(), frame.originY(), frame.originZ());
        origin[0] = 0;
        assertThat(frame.originX()).as("originEcef returns a copy").isNotZero();
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    /** Absolute difference of two angles (rad), modulo 2π, in [0, π]. */
    static double angleBetween(double a, double b) {
        return Math.abs(Math.IEEEremainder(a - b, 2 * Math.PI));
    }
}
