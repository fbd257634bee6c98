package dev.bulwark.engine.threat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.assign.Decision;
import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.assign.EngagementState;
import dev.bulwark.engine.assign.Reason;
import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sim.TinyWorlds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The doctrine's kind weights scale an area's value in the value at risk, and so the order of engagement. */
class KindWeightsTest {

    private static final Ellipsoid WGS84 = Ellipsoid.WGS84;
    private static final GeodeticPoint ORIGIN = GeodeticPoint.ofDegrees(31.52, 34.55, 0);

    private final Trajectory truth = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600)
            .solve(TinyWorlds.QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0),
                    GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory();

    private Assessment assess(int trackId, DefendedArea area, Doctrine doctrine) {
        DefendedAreas areas = new DefendedAreas(WGS84, new LocalFrame(WGS84, ORIGIN), List.of(area),
                doctrine::kindWeight);
        ImpactPredictor predictor = new ImpactPredictor(new BallisticPropagator(EarthModel.WGS84, 0.1), areas,
                TinyWorlds.QASSAM.ballisticCoefficient(), 0.0, 600);
        double[] x = new double[6];
        truth.stateAt(5.0, x);
        double[] p = new double[36];
        for (int i = 0; i < 3; i++) {
            p[i * 6 + i] = 1e-6;
            p[(i + 3) * 6 + i + 3] = 1e-8;
        }
        return predictor.assess(trackId, 5.0, x, p);
    }

    @Test
    void aWeightedKindRaisesTheValueAtRiskAndGoesFirst() {
        DefendedArea town = TinyWorlds.town();
        DefendedArea hospital = new DefendedArea("Hospital", AreaKind.HOSPITAL, 50, town.boundary());
        Doctrine plain = Doctrine.DEFAULT;
        Doctrine weighted = Doctrine.DEFAULT.withKindWeights(Map.of(AreaKind.HOSPITAL, 3.0));
        assertThat(weighted.kindWeight(AreaKind.RESIDENTIAL)).isEqualTo(1.0);

        Assessment h = assess(2, hospital, weighted);
        assertThat(h.valueAtRisk()).isCloseTo(150 * h.areaProbabilities()[0], within(1e-9));
        assertThat(assess(2, hospital, plain).valueAtRisk()).isCloseTo(50 * h.areaProbabilities()[0], within(1e-9));

        // one round, the same rocket seen as bound for the town (100) or the hospital (50, or 150 weighted)
        for (Doctrine d : List.of(plain, weighted, weighted.withAssignment(Doctrine.Assignment.GREEDY, 0))) {
            Assessment t = assess(1, town, d);
            Assessment hh = assess(2, hospital, d);
            Battery b = new Battery(TinyWorlds.battery("B", 31.52, 34.68, 1), 0, WGS84);
            List<Decision> out = d.assigner().assign(5.0, List.of(t, hh), id -> EngagementState.NONE, List.of(b));
            int engaged = out.stream().filter(Decision::engage).findFirst().orElseThrow(() -> new AssertionError(out.toString())).trackId();
            assertThat(engaged).as("%s", d).isEqualTo(d == plain ? 1 : 2);
            assertThat(out).filteredOn(x -> !x.engage()).singleElement().extracting(Decision::reason)
                    .isIn(Reason.NO_STOCK, Reason.ASSIGNED_ELSEWHERE);
        }
    }
}
