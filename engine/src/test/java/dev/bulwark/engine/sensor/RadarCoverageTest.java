package dev.bulwark.engine.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.RandomStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Radar} coverage beyond range and elevation: the 4/3-Earth radar horizon, checked
 * against the analytic horizon distance √(2kRh_r) + √(2kRh_t) (Skolnik 2001, §8.2) and its exact
 * spherical form; and the azimuth sector, across north.
 */
class RadarCoverageTest {

    private static final double EARTH = 6_371_000.0;
    private static final double KR = Radar.EFFECTIVE_EARTH_FACTOR * EARTH;

    /** A radar at (0° N, 0° E) on a spherical Earth, antenna h_r above the ground, looking down to −10°. */
    private static Radar onSphere(double antennaHeight) {
        RadarSpec spec = new RadarSpec("horizon", new GeodeticPoint(0, 0, antennaHeight), 0, 3_000_000,
                Math.toRadians(-10), Math.toRadians(89), 1, 1e9, 0, 10, 0.001, 0.001).withGroundAltitude(0);
        return new Radar(spec, 0, Ellipsoid.sphere(EARTH), 1, new RandomStream(1));
    }

    /** Whether a point at height h (m) over the ground point at great-circle distance d (m) due east is covered. */
    private static boolean covers(Radar radar, double d, double h) {
        double[] p = Ellipsoid.sphere(EARTH).toEcef(new GeodeticPoint(0, d / EARTH, h));
        return radar.covers(p[0], p[1], p[2]);
    }

    @ParameterizedTest(name = "antenna {0} m, target {1} m")
    @CsvSource({"10, 100", "10, 1000", "30, 3000", "5, 10000", "100, 50", "0, 2000"})
    void aTargetIsSeenUpToTheAnalyticHorizonDistanceAndNotBeyond(double hr, double ht) {
        Radar radar = onSphere(hr);
        double analytic = Math.sqrt(2 * KR * hr) + Math.sqrt(2 * KR * ht);
        // The analytic form drops terms of order h/(kR): under 0.1% for these heights.
        assertThat(covers(radar, analytic * 0.997, ht)).as("0.3%% inside %.0f m", analytic).isTrue();
        assertThat(covers(radar, analytic * 1.003, ht)).as("0.3%% beyond %.0f m", analytic).isFalse();
        // The exact spherical boundary, kR (acos(kR/(kR+h_r)) + acos(kR/(kR+h_t))), found to 1 m by bisection.
        double exact = KR * (Math.acos(KR / (KR + hr)) + Math.acos(KR / (KR + ht)));
        double lo = analytic * 0.99;
        double hi = analytic * 1.01;
        while (hi - lo > 0.5) {
            double mid = 0.5 * (lo + hi);
            if (covers(radar, mid, ht)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertThat(lo).isCloseTo(exact, within(1.0));
    }

    @Test
    void theHorizonOnWgs84AtAGazaSiteMatchesTheAnalyticDistance() {
        // Antenna 10 m above ground at 50 m, a drone 100 m above the ground: √(2kRh_r) + √(2kRh_t) with R
        // the local mean radius (≈ 6,372 km at 31.5° N) is about 54 km.
        double ground = 50;
        GeodeticPoint site = GeodeticPoint.ofDegrees(31.5, 34.5, ground + 10);
        RadarSpec spec = new RadarSpec("gaza", site, 0, 500_000, Math.toRadians(-5), Math.toRadians(80), 1, 1e9, 0,
                10, 0.001, 0.001).withGroundAltitude(ground);
        Radar radar = new Radar(spec, 0, Ellipsoid.WGS84, 1, new RandomStream(1));
        double kr = Radar.EFFECTIVE_EARTH_FACTOR * 6_372_000;
        double analytic = Math.sqrt(2 * kr * 10) + Math.sqrt(2 * kr * 100);
        assertThat(analytic).isCloseTo(54_200, within(200.0));
        for (double bearing : new double[] {0, 1.5, 3.0, 4.5}) {
            // a point 100 m above the ground, found by walking along the ground in one bearing
            assertThat(coversAlongGround(radar, site, ground, bearing, analytic * 0.99, 100)).isTrue();
            assertThat(coversAlongGround(radar, site, ground, bearing, analytic * 1.01, 100)).isFalse();
        }
    }

    private static boolean coversAlongGround(Radar radar, GeodeticPoint site, double ground, double bearing,
            double distance, double height) {
        // spherical destination formula on the local mean radius (the 0.3% flattening effect is inside the 1% margin)
        double r = 6_372_000;
        double delta = distance / r;
        double lat1 = site.latitude();
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(delta) + Math.cos(lat1) * Math.sin(delta) * Math.cos(bearing));
        double lon2 = site.longitude() + Math.atan2(Math.sin(bearing) * Math.sin(delta) * Math.cos(lat1),
                Math.cos(delta) - Math.sin(lat1) * Math.sin(lat2));
        double[] p = Ellipsoid.WGS84.toEcef(new GeodeticPoint(lat2, lon2, ground + height));
        return radar.covers(p[0], p[1], p[2]);
    }

    @Test
    void aTargetOnTheGroundBeyondTheAntennaHorizonIsNotSeenAndNoPlotsComeFromIt() {
        Radar radar = onSphere(20);
        double horizon = Math.sqrt(2 * KR * 20) + Math.sqrt(2 * KR * 1); // a target 1 m above the ground
        double[] near = Ellipsoid.sphere(EARTH).toEcef(new GeodeticPoint(0, 0.9 * horizon / EARTH, 1));
        double[] far = Ellipsoid.sphere(EARTH).toEcef(new GeodeticPoint(0, 1.1 * horizon / EARTH, 1));
        SensorTarget seen = SensorTargets.Fixed.at(1, near, 1e6);
        SensorTarget hidden = SensorTargets.Fixed.at(2, far, 1e6);
        for (int i = 0; i < 50; i++) {
            assertThat(radar.scan(i, List.of(hidden, seen)).plots()).hasSize(1);
        }
    }

    @Test
    void anAntennaOnTheGroundWithAPositiveElevationFloorIsLimitedByTheFloorNotTheHorizon() {
        // The first radar model (antenna on the ground, floor 0.5°) must see what it saw before.
        RadarSpec spec = new RadarSpec("floor", new GeodeticPoint(0, 0, 0), 0, 3_000_000, Math.toRadians(0.5),
                Math.toRadians(89), 1, 1e9, 0, 10, 0.001, 0.001);
        Radar radar = new Radar(spec, 0, Ellipsoid.sphere(EARTH), 1, new RandomStream(1));
        for (double range = 1_000; range < 3_000_000; range *= 1.7) {
            assertThat(radar.aboveHorizon(range, Math.toRadians(0.5))).as("range %s", range).isTrue();
        }
    }

    @Test
    void theSectorIsBoresightPlusOrMinusTheHalfWidthAcrossNorth() {
        GeodeticPoint site = GeodeticPoint.ofDegrees(31.5, 34.5, 0);
        RadarSpec spec = new RadarSpec("sector", site, 0, 100_000, Math.toRadians(0.5), Math.toRadians(80), 1, 6e4,
                2.0, 10, 0.001, 0.001).withSector(Math.toRadians(350), Math.toRadians(30));
        Radar radar = new Radar(spec, 0, Ellipsoid.WGS84, 1, new RandomStream(5));
        double[] p = new double[3];
        double[][] cases = {{350, 1}, {19.5, 1}, {20.5, 0}, {320.5, 1}, {319.5, 0}, {170, 0}, {0, 1}};
        for (double[] c : cases) {
            radar.frame().raeToEcef(20_000, Math.toRadians(c[0]), Math.toRadians(5), p);
            assertThat(radar.covers(p[0], p[1], p[2])).as("azimuth %s°", c[0]).isEqualTo(c[1] == 1);
        }
        // false alarms fall in the sector, and fill it (both sides of north)
        int east = 0;
        int west = 0;
        for (int i = 0; i < 2_000; i++) {
            for (Plot plot : radar.scan(i, List.of()).plots()) {
                double off = Math.IEEEremainder(plot.azimuth() - Math.toRadians(350), 2 * Math.PI);
                assertThat(Math.abs(off)).isLessThanOrEqualTo(Math.toRadians(30));
                assertThat(plot.azimuth()).isBetween(0.0, 2 * Math.PI);
                if (off > 0) {
                    east++;
                } else {
                    west++;
                }
            }
        }
        // 4,000 false alarms, half each side: Binomial(4000, 0.5) is within ±105 at 99.9%
        assertThat(east + west).isGreaterThan(3_700);
        assertThat(Math.abs(east - west)).isLessThan(2 * 105);
    }
}
