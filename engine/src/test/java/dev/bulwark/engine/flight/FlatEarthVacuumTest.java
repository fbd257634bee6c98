package dev.bulwark.engine.flight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vacuum flight over a flat, non-rotating Earth against the schoolbook solution: range
 * v² sin 2θ / g, time of flight 2 v sin θ / g, and the apogee (v sin θ)² / 2g reached at
 * v sin θ / g, which the trajectory finds by root finding on its dense output.
 *
 * <p>The flight model works on an ellipsoid, so the flat Earth is a sphere so large
 * (R = 10¹² m, μ = g R²) that its surface is flat and its gravity uniform to within the ratio of
 * the range to R, under 1e-7 for these shots; a larger R would cost more in rounding, since the
 * coordinates are then of size R (a double resolves 1e12 m to 0.1 mm, 1e-7 of a 1 km range).
 * Both stay well below the 1e-6 tolerance, so the comparison tests the integrator, the
 * ground-crossing root finding and the launch geometry, not the stand-in. (The curved-Earth case is tested against Kepler's solution in
 * BallisticPropagatorTest.)
 */
class FlatEarthVacuumTest {

    private static final double G = 9.80665;
    private static final double R = 1e12;
    private static final EarthModel FLAT = new EarthModel(Ellipsoid.sphere(R), G * R * R, 0, 0);

    @ParameterizedTest
    @CsvSource({
        "100, 45", "300, 45", "300, 20", "300, 70", "700, 10", "700, 45", "1000, 60",
    })
    void rangeAndTimeOfFlightMatchTheAnalyticSolution(double speed, double elevationDeg) {
        ThreatType vacuum = new ThreatType("vacuum", 100, 0.01, 0.0, speed, Math.toRadians(1), 0.1, 0, 0);
        GeodeticPoint launch = new GeodeticPoint(0, 0, 0);
        Aiming aiming = new Aiming(new BallisticPropagator(FLAT, 0.05), 600);
        double theta = Math.toRadians(elevationDeg);
        Trajectory t = aiming.fly(vacuum, 0, launch, Math.toRadians(30), theta, 0);

        double[] impact = FLAT.ellipsoid().toEcef(t.impactPoint());
        double[] enu = new double[3];
        new LocalFrame(FLAT.ellipsoid(), launch).ecefToEnu(impact[0], impact[1], impact[2], enu);
        double range = Math.hypot(enu[0], enu[1]);

        double expectedRange = speed * speed * Math.sin(2 * theta) / G;
        double expectedTime = 2 * speed * Math.sin(theta) / G;
        // relative error below 1e-6, as the validation plan requires
        assertThat(Math.abs(range / expectedRange - 1)).as("range %.3f m vs %.3f m", range, expectedRange)
                .isLessThan(1e-6);
        assertThat(Math.abs(t.flightTime() / expectedTime - 1)).as("time of flight").isLessThan(1e-6);
        // the apogee, found by root finding between the 0.05 s steps (the cubic Hermite interpolant
        // is exact for this quadratic height). Its time is only as good as the interpolated vertical
        // speed, which at coordinates of 1e12 m carries ~0.1 mm / 0.05 s = 2e-3 m/s of rounding,
        // i.e. ~2e-4 s; BallisticPropagatorTest checks it to 1e-6 against Kepler.
        double vz = speed * Math.sin(theta);
        assertThat(Math.abs(t.apogeeAltitude() / (vz * vz / (2 * G)) - 1)).as("apogee height").isLessThan(1e-6);
        assertThat(t.apogeeTime()).as("apogee time").isCloseTo(vz / G, org.assertj.core.api.Assertions.within(1e-3));
        // and the shot went along the azimuth it was fired on
        assertThat(Math.atan2(enu[0], enu[1])).isCloseTo(Math.toRadians(30), org.assertj.core.api.Assertions.within(1e-9));
    }
}
