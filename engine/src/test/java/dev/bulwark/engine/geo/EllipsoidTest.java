package dev.bulwark.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.ReferenceData;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validates {@link Ellipsoid} against GeographicLib's {@code CartConvert} (reference table
 * {@code reference/geo/cartconvert-wgs84.txt}, its header names the version and command), against
 * the defining WGS84 constants, and against the closed-form sphere.
 */
class EllipsoidTest {

    private static final String TABLE = "/reference/geo/cartconvert-wgs84.txt";

    // CartConvert prints 1e-9 m and is itself accurate to a few nm; one unit in the last place of
    // an ECEF coordinate at 1000 km altitude is 9.3e-10 m. 1 µm leaves room for a few ulp of libm
    // differences in sin/cos while any error in the formula (a wrong e², N or sign) is metres or
    // more. Measured worst over the table: 1.4e-9 m.
    private static final double ECEF_TOL_M = 1e-6;
    // Latitude: 1e-11 rad is 0.06 mm on the ground, ~100x the rounding of a 7e6 m coordinate
    // (1e-9 m / 6.4e6 m = 1.5e-16 rad per ulp, amplified by the ~20 operations of Vermeille's
    // method); a formula error would be ≥ 1e-9 rad. Measured worst: 2.2e-16 rad.
    private static final double LAT_TOL_RAD = 1e-11;
    // Longitude compared as the arc length it moves the point along its parallel, so that points
    // 0.1 m from the axis (where one nm is 1e-8 rad) are held to the same standard as the others.
    // Measured worst: 2.7e-9 m.
    private static final double LON_ARC_TOL_M = 1e-6;
    // Height: same reasoning as the ECEF tolerance. Measured worst: 3.2e-9 m.
    private static final double HEIGHT_TOL_M = 1e-6;

    static Stream<Arguments> cartConvert() {
        return ReferenceData.arguments(TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cartConvert")
    void geodeticToEcefMatchesCartConvert(ReferenceData.Row row) {
        double[] ecef = new double[3];
        Ellipsoid.WGS84.toEcef(Math.toRadians(row.get(0)), Math.toRadians(row.get(1)), row.get(2), ecef);

        assertThat(ecef[0]).as("X").isCloseTo(row.get(3), within(ECEF_TOL_M));
        assertThat(ecef[1]).as("Y").isCloseTo(row.get(4), within(ECEF_TOL_M));
        assertThat(ecef[2]).as("Z").isCloseTo(row.get(5), within(ECEF_TOL_M));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cartConvert")
    void ecefToGeodeticMatchesCartConvert(ReferenceData.Row row) {
        double[] geo = new double[3];
        double x = row.get(3);
        double y = row.get(4);
        double z = row.get(5);
        Ellipsoid.WGS84.toGeodetic(x, y, z, geo);

        assertThat(geo[0]).as("latitude").isCloseTo(Math.toRadians(row.get(0)), within(LAT_TOL_RAD));
        assertThat(geo[2]).as("height").isCloseTo(row.get(2), within(HEIGHT_TOL_M));
        assertThat(Ellipsoid.WGS84.height(x, y, z)).as("height-only path").isCloseTo(row.get(2), within(HEIGHT_TOL_M));
        double axisDistance = Math.hypot(x, y);
        if (axisDistance > 0) { // on the axis the longitude is undefined
            double dLon = wrap(geo[1] - Math.toRadians(row.get(1)));
            assertThat(Math.abs(dLon) * axisDistance).as("longitude error along the parallel (m)")
                    .isLessThan(LON_ARC_TOL_M);
        }
    }

    @Test
    void referenceTableCoversTheRequestedCases() {
        var rows = ReferenceData.load(TABLE);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(55);
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(90.0));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(-90.0));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(89.9));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(-89.9));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(2)).isEqualTo(-100.0));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(2)).isEqualTo(1_000_000.0));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(1)).isNegative());
    }

    @Test
    void derivedConstantsMatchWgs84Definition() {
        // NIMA TR8350.2 (2000) table 3.3: b = 6356752.3142 m, e² = 6.69437999014e-3 (both to the
        // digits printed there, so the tolerance is half a unit in their last place).
        assertThat(Ellipsoid.WGS84.polarRadius()).isCloseTo(6_356_752.3142, within(5e-5));
        assertThat(Ellipsoid.WGS84.eccentricitySquared()).isCloseTo(6.69437999014e-3, within(5e-15));
        assertThat(Ellipsoid.WGS84.equatorialRadius()).isEqualTo(6_378_137.0);
        assertThat(Ellipsoid.WGS84.flattening()).isEqualTo(1 / 298.257223563);
    }

    @Test
    void roundTripsAreExactToRounding() {
        // 20 000 points spread over the globe from -500 m to 2000 km. Geodetic -> ECEF -> geodetic
        // must come back to a few nm (1e-8 m: ~10 ulp of a coordinate) and ECEF -> geodetic -> ECEF
        // likewise; both would break by metres if the two directions used different ellipsoids or
        // if Vermeille's iteration-free solution lost accuracy anywhere in this range.
        SplittableRandom random = new SplittableRandom(20_260_101L);
        double[] ecef = new double[3];
        double[] geo = new double[3];
        double[] back = new double[3];
        double worstGeo = 0;
        double worstEcef = 0;
        for (int i = 0; i < 20_000; i++) {
            double lat = Math.asin(random.nextDouble(-1, 1));
            double lon = random.nextDouble(-Math.PI, Math.PI);
            double h = random.nextDouble(-500, 2_000_000);
            Ellipsoid.WGS84.toEcef(lat, lon, h, ecef);
            Ellipsoid.WGS84.toGeodetic(ecef[0], ecef[1], ecef[2], geo);
            double r = Ellipsoid.WGS84.equatorialRadius() + h;
            worstGeo = Math.max(worstGeo, Math.abs(geo[0] - lat) * r);
            worstGeo = Math.max(worstGeo, Math.abs(wrap(geo[1] - lon)) * r * Math.cos(lat));
            worstGeo = Math.max(worstGeo, Math.abs(geo[2] - h));
            worstGeo = Math.max(worstGeo, Math.abs(Ellipsoid.WGS84.height(ecef[0], ecef[1], ecef[2]) - h));
            Ellipsoid.WGS84.toEcef(geo[0], geo[1], geo[2], back);
            worstEcef = Math.max(worstEcef, Math.abs(back[0] - ecef[0]));
            worstEcef = Math.max(worstEcef, Math.abs(back[1] - ecef[1]));
            worstEcef = Math.max(worstEcef, Math.abs(back[2] - ecef[2]));
        }
        assertThat(worstGeo).as("geodetic round trip, worst error (m)").isLessThan(1e-8);
        assertThat(worstEcef).as("ECEF round trip, worst error (m)").isLessThan(1e-8);
    }

    @Test
    void geodeticPointOverloadsAgreeWithArrayForms() {
        GeodeticPoint p = GeodeticPoint.ofDegrees(31.5, 34.45, 123.0);
        double[] expected = new double[3];
        Ellipsoid.WGS84.toEcef(p.latitude(), p.longitude(), p.altitude(), expected);
        double[] viaPoint = Ellipsoid.WGS84.toEcef(p);
        assertThat(viaPoint).containsExactly(expected);

        GeodeticPoint back = Ellipsoid.WGS84.toGeodetic(viaPoint);
        assertThat(back.latitude()).isCloseTo(p.latitude(), within(LAT_TOL_RAD));
        assertThat(back.longitude()).isCloseTo(p.longitude(), within(LAT_TOL_RAD));
        assertThat(back.altitude()).isCloseTo(p.altitude(), within(HEIGHT_TOL_M));
        assertThat(Ellipsoid.WGS84.height(viaPoint[0], viaPoint[1], viaPoint[2])).isCloseTo(123.0, within(HEIGHT_TOL_M));
    }

    @ParameterizedTest
    @ValueSource(doubles = {6_371_000.0, 1_737_400.0})
    void sphereMatchesSphericalCoordinates(double radius) {
        // On a sphere both directions are the textbook spherical-coordinate formulas; the only
        // error is rounding (1e-9 m at these radii, 1e-15 rad), so 1e-8 m and 1e-14 rad.
        Ellipsoid sphere = Ellipsoid.sphere(radius);
        assertThat(sphere.flattening()).isZero();
        assertThat(sphere.polarRadius()).isEqualTo(radius);
        SplittableRandom random = new SplittableRandom(7L);
        double[] ecef = new double[3];
        double[] geo = new double[3];
        for (int i = 0; i < 2_000; i++) {
            double lat = random.nextDouble(-Math.PI / 2, Math.PI / 2);
            double lon = random.nextDouble(-Math.PI, Math.PI);
            double h = random.nextDouble(-100, 1_000_000);
            double r = radius + h;
            sphere.toEcef(lat, lon, h, ecef);
            assertThat(ecef[0]).isCloseTo(r * Math.cos(lat) * Math.cos(lon), within(1e-8));
            assertThat(ecef[1]).isCloseTo(r * Math.cos(lat) * Math.sin(lon), within(1e-8));
            assertThat(ecef[2]).isCloseTo(r * Math.sin(lat), within(1e-8));

            sphere.toGeodetic(ecef[0], ecef[1], ecef[2], geo);
            double norm = Math.sqrt(ecef[0] * ecef[0] + ecef[1] * ecef[1] + ecef[2] * ecef[2]);
            assertThat(geo[0]).isCloseTo(lat, within(1e-14));
            assertThat(wrap(geo[1] - lon)).isCloseTo(0.0, within(1e-14));
            assertThat(geo[2]).isCloseTo(norm - radius, within(1e-8));
            assertThat(geo[2]).isCloseTo(h, within(1e-8));
            assertThat(sphere.height(ecef[0], ecef[1], ecef[2])).isCloseTo(h, within(1e-8));
        }
    }

    @Test
    void rejectsInvalidShapes() {
        assertThatThrownBy(() -> new Ellipsoid(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ellipsoid(6e6, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ellipsoid(6e6, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ellipsoid(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    static double wrap(double a) {
        return Math.IEEEremainder(a, 2 * Math.PI);
    }
}
