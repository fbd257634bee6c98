package dev.bulwark.engine.threat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sim.TinyWorlds;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Course prediction for powered threats, and the evaluator's choice between it and ballistic
 * prediction: a drone in level flight towards a town is recognised and judged by its course; a
 * rocket is judged ballistic throughout its flight.
 */
class ThreatEvaluatorTest {

    private static final Ellipsoid WGS84 = Ellipsoid.WGS84;
    private static final GeodeticPoint ORIGIN = GeodeticPoint.ofDegrees(31.52, 34.55, 0);
    /** The town: about 31.515–31.535 N, 34.585–34.610 E. */
    private static final DefendedArea TOWN = TinyWorlds.town();
    private static final LocalFrame TOWN_FRAME = new LocalFrame(WGS84, GeodeticPoint.ofDegrees(31.525, 34.5975, 0));

    private static DefendedAreas areas() {
        return new DefendedAreas(WGS84, new LocalFrame(WGS84, ORIGIN), List.of(TOWN));
    }

    private static double[] diagonal(double sigmaPos, double sigmaVel) {
        double[] p = new double[36];
        for (int i = 0; i < 3; i++) {
            p[i * 6 + i] = sigmaPos * sigmaPos;
            p[(i + 3) * 6 + i + 3] = sigmaVel * sigmaVel;
        }
        return p;
    }

    /**
     * A drone's state at time t: flying due east at 50 m/s, 300 m up, on the town's centre line,
     * {@code startEast} m east of the town's centre at t = 0 (negative: west of it).
     */
    private static double[] drone(double t, double startEast) {
        double[] p = new double[3];
        TOWN_FRAME.enuToEcef(startEast + 50 * t, 0, 300, p);
        double[] v = new double[3];
        TOWN_FRAME.rotateToEcef(50, 0, 0, v);
        return new double[] {p[0], p[1], p[2], v[0], v[1], v[2]};
    }

    private static double[] level(double t, double startEast, double speed) {
        double[] p = new double[3];
        TOWN_FRAME.enuToEcef(startEast + speed * t, 0, 300, p);
        double[] v = new double[3];
        TOWN_FRAME.rotateToEcef(speed, 0, 0, v);
        return new double[] {p[0], p[1], p[2], v[0], v[1], v[2]};
    }

    private static ThreatEvaluator evaluator(DefendedAreas areas) {
        return new ThreatEvaluator(new ImpactPredictor(new BallisticPropagator(EarthModel.WGS84, 1.0), areas,
                10_000, 0.0, 900), new CoursePredictor(areas, WGS84));
    }

    @Test
    void aCourseTowardsATownIsPredictedToStrikeTheMiddleOfItsChord() {
        // 6 km west of the centre, flying east through the middle of the town (34.585–34.610 E):
        // the chord's middle is at 34.5975 E, the centre, 6 km to go at 50 m/s, 120 s
        DefendedAreas areas = areas();
        CoursePredictor course = new CoursePredictor(areas, WGS84);
        Assessment a = course.assess(7, 100, drone(0, -6_000), diagonal(20, 2));
        double[] west = enu(GeodeticPoint.ofDegrees(31.525, 34.585, 0));
        double[] east = enu(GeodeticPoint.ofDegrees(31.525, 34.610, 0));
        double toGo = ((west[0] + east[0]) / 2 + 6_000) / 50;
        assertThat(a.timeToImpact()).isCloseTo(toGo, within(0.1));
        // the course runs through the middle of a 2.2 km-wide town with a cross-track spread of
        // about 250 m: it passes through it with near certainty
        assertThat(a.probabilityDefended()).isGreaterThan(0.99);
        assertThat(a.likelyArea()).isZero();
        // the predicted path is the course flown at constant velocity up to the arrival
        double[] s = new double[6];
        a.predicted().stateAt(100 + 10, s);
        double[] expected = drone(10, -6_000);
        for (int i = 0; i < 3; i++) {
            assertThat(s[i]).isCloseTo(expected[i], within(1e-6));
        }
        // the cross-track (north) spread grows with the time to go: σ² = 20² + (120 × 2)²; along
        // the course (east) only a metre is kept
        assertThat(Math.sqrt(a.covNN())).isCloseTo(Math.hypot(20, toGo * 2), within(5.0));
        assertThat(Math.sqrt(a.covEE())).isLessThan(10.0);
    }

    @Test
    void aCourseGrazingATownIsUncertain() {
        // flying east 1.0 km north of the centre line, inside the town's north edge (about 1.1 km
        // north) by ~100 m: with a cross-track spread of ~250 m, the chance of passing through is
        // well short of certain but not small
        double[] x = drone(0, -6_000);
        double[] p = new double[3];
        TOWN_FRAME.enuToEcef(-6_000, 1_000, 300, p);
        System.arraycopy(p, 0, x, 0, 3);
        Assessment a = new CoursePredictor(areas(), WGS84).assess(7, 0, x, diagonal(20, 2));
        assertThat(a.probabilityDefended()).isBetween(0.3, 0.9);
    }

    private static double[] enu(GeodeticPoint g) {
        double[] out = new double[3];
        double[] ecef = WGS84.toEcef(g);
        TOWN_FRAME.ecefToEnu(ecef[0], ecef[1], ecef[2], out);
        return out;
    }

    @Test
    void aCourseThatMissesEveryTownThreatensNone() {
        DefendedAreas areas = areas();
        double[] x = new double[6];
        double[] p = new double[3];
        TOWN_FRAME.enuToEcef(-6_000, 5_000, 300, p); // 5 km north of the town's line, flying east
        double[] v = new double[3];
        TOWN_FRAME.rotateToEcef(50, 0, 0, v);
        System.arraycopy(p, 0, x, 0, 3);
        System.arraycopy(v, 0, x, 3, 3);
        Assessment a = new CoursePredictor(areas, WGS84).assess(7, 0, x, diagonal(20, 1));
        assertThat(a.probabilityDefended()).isZero();
        assertThat(a.timeToImpact()).isEqualTo(CoursePredictor.HORIZON_S);
    }

    @Test
    void aDroneIsRecognisedAfterItsSpanAndJudgedByItsCourse() {
        ThreatEvaluator evaluator = evaluator(areas());
        for (double t = 0; t <= 12; t += 0.5) {
            Assessment a = evaluator.assess(3, t, drone(t, -8_000), diagonal(20, 2));
            if (t < ThreatEvaluator.MIN_SPAN_S) {
                // ballistic: it would fall ~400 m ahead, far short of the town
                assertThat(evaluator.powered(3)).as("t = %s", t).isFalse();
                assertThat(a.probabilityDefended()).isZero();
            }
            if (t >= ThreatEvaluator.MIN_SPAN_S + 0.5) {
                assertThat(evaluator.powered(3)).as("t = %s", t).isTrue();
                assertThat(a.probabilityDefended()).as("t = %s", t).isGreaterThan(0.6);
            }
        }
        evaluator.forget(3);
        assertThat(evaluator.powered(3)).isFalse();
    }

    @Test
    void aRocketIsJudgedBallisticThroughoutItsFlight() {
        ThreatEvaluator evaluator = evaluator(areas());
        Trajectory rocket = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600)
                .solve(TinyWorlds.QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0),
                        GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory();
        double[] s = new double[6];
        for (double t = 2; t < rocket.impactTime() - 0.5; t += 0.5) {
            rocket.stateAt(t, s);
            evaluator.assess(5, t, s, diagonal(20, 5));
            assertThat(evaluator.powered(5)).as("t = %s", t).isFalse();
        }
    }

    @Test
    void levelFlightFasterThanSoundIsNeverTakenForAPoweredThreat() {
        // the same level flight at 300 m, 12 s of history: a cruise missile at 250 m/s is judged
        // by its course, a track at 450 m/s (a low-angle rocket's climb-out looks like this) is not
        ThreatEvaluator evaluator = evaluator(areas());
        for (double t = 0; t <= 12; t += 0.5) {
            evaluator.assess(1, t, level(t, -40_000, 250), diagonal(20, 2));
            evaluator.assess(2, t, level(t, -40_000, 450), diagonal(20, 2));
        }
        assertThat(evaluator.powered(1)).isTrue();
        assertThat(evaluator.powered(2)).isFalse();
        Assessment fast = evaluator.assess(2, 12.5, level(12.5, -40_000, 450), diagonal(20, 2));
        assertThat(fast.timeToImpact()).as("judged ballistic: it falls within a minute")
                .isLessThan(60);
        Assessment slow = evaluator.assess(1, 12.5, level(12.5, -40_000, 250), diagonal(20, 2));
        assertThat(slow.timeToImpact()).as("judged by its course").isGreaterThan(100);
    }

    @Test
    void aBatchSharedAmongThreadsGivesTheSameAssessmentsAsOneThreadToTheBit() {
        // 40 rockets at different points of a flight towards the town and 8 drones, over 14 cycles
        // (the drones become powered on the way): the batch's ballistic predictions are flown by 3
        // threads, one track after another in the reference
        DefendedAreas areas = areas();
        ThreatEvaluator one = evaluator(areas);
        ThreatEvaluator three = new ThreatEvaluator(new ImpactPredictor(new BallisticPropagator(EarthModel.WGS84, 1.0),
                areas, 10_000, 0.0, 900), new CoursePredictor(areas, WGS84), 3);
        assertThat(three.threads()).isEqualTo(3);
        Trajectory rocket = new Aiming(new BallisticPropagator(EarthModel.WGS84, 0.1), 600)
                .solve(TinyWorlds.QASSAM, 0, GeodeticPoint.ofDegrees(31.535, 34.51, 0),
                        GeodeticPoint.ofDegrees(31.525, 34.5975, 0)).trajectory();
        int rockets = 40;
        int drones = 8;
        int n = rockets + drones;
        int compared = 0;
        for (double t = 0; t <= 13; t += 1) {
            int[] ids = new int[n];
            double[] times = new double[n];
            double[][] states = new double[n][];
            double[][] covariances = new double[n][];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
                times[i] = t;
                if (i < rockets) {
                    states[i] = new double[6];
                    rocket.stateAt(Math.min(1 + t + i * 0.4, rocket.impactTime() - 1), states[i]);
                } else {
                    states[i] = drone(t, -8_000 - 500 * (i - rockets));
                }
                covariances[i] = diagonal(20 + i, 2 + 0.1 * i);
            }
            Assessment[] batch = three.assessAll(ids, times, states, covariances);
            for (int i = 0; i < n; i++) {
                Assessment a = one.assess(ids[i], times[i], states[i], covariances[i]);
                Assessment b = batch[i];
                assertThat(b == null).as("track %d at %s", ids[i], t).isEqualTo(a == null);
                if (a == null) {
                    continue;
                }
                assertThat(b.category()).isEqualTo(a.category());
                assertThat(b.impactTime()).isEqualTo(a.impactTime());
                assertThat(b.impactEast()).isEqualTo(a.impactEast());
                assertThat(b.impactNorth()).isEqualTo(a.impactNorth());
                assertThat(new double[] {b.covEE(), b.covEN(), b.covNN()})
                        .containsExactly(a.covEE(), a.covEN(), a.covNN());
                assertThat(b.areaProbabilities()).containsExactly(a.areaProbabilities());
                assertThat(b.valueAtRisk()).isEqualTo(a.valueAtRisk());
                assertThat(three.powered(ids[i])).isEqualTo(one.powered(ids[i]));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(14 * rockets / 2);
        assertThat(three.powered(rockets + 1)).as("a drone is judged by its course by then").isTrue();
    }
}
