package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.Simulation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulation's truth step is coarse for speed; this checks that it costs under a metre at
 * impact for every catalogue type at its best-range elevation, against the same model
 * integrated at a twentieth of the step (whose own error is then 20⁴ = 160,000 times smaller).
 */
class TruthStepAccuracyTest {

    static Stream<String> types() {
        return ThreatCatalogue.unguided().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theTruthStepLandsWithinAMetreOfAFineIntegration(String name) {
        ThreatType type = ThreatCatalogue.unguided().get(name);
        GeodeticPoint launch = GeodeticPoint.ofDegrees(31.5, 34.5, 0);
        Aiming coarse = new Aiming(new BallisticPropagator(EarthModel.WGS84, Simulation.TRUTH_STEP_S), 900);
        Aiming fine = new Aiming(new BallisticPropagator(EarthModel.WGS84, Simulation.TRUTH_STEP_S / 20), 900);
        double azimuth = Math.toRadians(60);
        double elevation = coarse.reach(type, launch, azimuth).bestElevationRad();
        Trajectory a = coarse.fly(type, 0, launch, azimuth, elevation, 0);
        Trajectory b = fine.fly(type, 0, launch, azimuth, elevation, 0);
        double[] pa = Ellipsoid.WGS84.toEcef(a.impactPoint());
        double[] pb = Ellipsoid.WGS84.toEcef(b.impactPoint());
        double miss = Math.sqrt(Math.pow(pa[0] - pb[0], 2) + Math.pow(pa[1] - pb[1], 2) + Math.pow(pa[2] - pb[2], 2));
        assertThat(miss).as("%s: impact difference (m)", name).isLessThan(1.0);
        assertThat(Math.abs(a.impactTime() - b.impactTime())).as("%s: impact time difference (s)", name)
                .isLessThan(0.01);
    }
}
