package dev.bulwark.engine.flight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import org.junit.jupiter.api.Test;

/** {@link Trajectory}'s speed bound holds along its dense output, at the truth's and the prediction's steps. */
class TrajectoryTest {

    private static final ThreatType GRAD = new ThreatType("grad-122", 45.5, 0.0117, 0.3, 690, Math.toRadians(5), 0.05,
            1_000, 0.0);

    private static double maxInterpolatedSpeed(Trajectory path) {
        double[] s = new double[6];
        double best = 0;
        for (double t = path.startTime(); t <= path.impactTime(); t += 1e-3) {
            path.stateAt(t, s);
            best = Math.max(best, Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]));
        }
        return best;
    }

    @Test
    void theSpeedBoundHoldsAlongTheDenseOutput() {
        Ellipsoid e = Ellipsoid.WGS84;
        GeodeticPoint launch = GeodeticPoint.ofDegrees(31.5, 34.45, 0);
        double[] p = e.toEcef(launch);
        double[] up = {p[0] / 6.4e6, p[1] / 6.4e6, p[2] / 6.4e6};
        for (double step : new double[] {0.2, 1.0}) {
            // a boosted flight (launch rail, burn, coast) and a fast coast with a low β, steeply down
            Trajectory boosted = new BallisticPropagator(EarthModel.WGS84, step).launch(GRAD, 0, p,
                    new double[] {up[0] + 0.9, up[1], up[2]}, 0, 600);
            double[] x = {p[0] + 0.3 * up[0] * 3e4, p[1] + 0.3 * up[1] * 3e4, p[2] + 0.3 * up[2] * 3e4,
                    -900 * up[0] * 0.3, -900 * up[1] * 0.3, -900 * up[2] * 0.3 + 300};
            Trajectory diving = new BallisticPropagator(EarthModel.WGS84, step).propagate(0, x, 2_000, 0, 600);
            for (Trajectory path : new Trajectory[] {boosted, diving}) {
                double fastest = maxInterpolatedSpeed(path);
                assertThat(fastest).isPositive();
                assertThat(path.speedBoundMps()).as("step %s s", step).isGreaterThanOrEqualTo(fastest);
            }
        }
    }

    @Test
    void theCheapGroundCrossingIsCentimetresFromTheExactOne() {
        // BallisticPropagator.impact with the cheap height (radial height plus the geodetic-minus-radial
        // difference linear across the step), and the recorded flight of impact prediction
        // (propagate with exactHeight false), against the exact geodetic crossing: within 5 cm and
        // 0.2 ms, at 1, 2 and 4 s steps, steep and shallow.
        Ellipsoid e = Ellipsoid.WGS84;
        double[] p = e.toEcef(GeodeticPoint.ofDegrees(31.5, 34.45, 6_000));
        double[] n = e.toEcef(GeodeticPoint.ofDegrees(31.6, 34.45, 6_000));
        double[] up = {p[0] / 6.4e6, p[1] / 6.4e6, p[2] / 6.4e6};
        double nx = n[0] - p[0];
        double ny = n[1] - p[1];
        double nz = n[2] - p[2];
        double nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
        for (double step : new double[] {1.0, 2.0, 4.0}) {
            BallisticPropagator prop = new BallisticPropagator(EarthModel.WGS84, step);
            for (double dive : new double[] {-50, -200, -500}) {
                for (double beta : new double[] {3_000, 12_000}) {
                    double[] x = {p[0], p[1], p[2], 400 * nx / nn + dive * up[0], 400 * ny / nn + dive * up[1],
                            400 * nz / nn + dive * up[2]};
                    double[] exact = new double[6];
                    double[] cheap = new double[6];
                    double te = prop.impact(0, x, beta, 0, 600, exact, true);
                    double tc = prop.impact(0, x, beta, 0, 600, cheap, false);
                    assertThat(tc).isCloseTo(te, org.assertj.core.api.Assertions.within(2e-4));
                    double d = Math.sqrt(Math.pow(exact[0] - cheap[0], 2) + Math.pow(exact[1] - cheap[1], 2)
                            + Math.pow(exact[2] - cheap[2], 2));
                    assertThat(d).as("step %s, dive %s, beta %s", step, dive, beta).isLessThan(0.05);
                    Trajectory recorded = prop.propagate(0, x, beta, 0, 600, false);
                    assertThat(recorded.impactTime()).isEqualTo(tc);
                    double[] end = new double[6];
                    recorded.stateAt(recorded.impactTime(), end);
                    assertThat(end).containsExactly(cheap);
                    double[] onGround = e.toEcef(recorded.impactPoint());
                    assertThat(Math.sqrt(Math.pow(exact[0] - onGround[0], 2) + Math.pow(exact[1] - onGround[1], 2)
                            + Math.pow(exact[2] - onGround[2], 2))).isLessThan(0.05);
                }
            }
        }
    }

    @Test
    void statesDoNotDependOnTheOrderOfTheQueries() {
        // stateAt starts from the segment of its last call: read in any order, and at the nodes,
        // the states are those read in order by a trajectory flown the same way
        Ellipsoid e = Ellipsoid.WGS84;
        double[] p = e.toEcef(GeodeticPoint.ofDegrees(31.5, 34.45, 0));
        double[] dir = {p[0] / 6.4e6 + 0.9, p[1] / 6.4e6, p[2] / 6.4e6};
        Trajectory a = new BallisticPropagator(EarthModel.WGS84, 0.2).launch(GRAD, 3, p, dir, 0, 600);
        Trajectory b = new BallisticPropagator(EarthModel.WGS84, 0.2).launch(GRAD, 3, p, dir, 0, 600);
        java.util.Random random = new java.util.Random(9);
        double[] sa = new double[6];
        double[] sb = new double[6];
        for (int i = 0; i < 5_000; i++) {
            double t = i % 4 == 0 ? a.startTime() + 0.2 * random.nextInt((int) (a.flightTime() / 0.2) + 2)
                    : a.startTime() - 1 + (a.flightTime() + 2) * random.nextDouble();
            a.stateAt(t, sa);
            b.stateAt(a.startTime(), sb); // puts b's hint at the start: the search from scratch
            b.stateAt(t, sb);
            assertThat(sa).as("t = %s", t).containsExactly(sb);
        }
        for (double t = a.startTime(); t <= a.impactTime() + 1; t += 0.01) {
            a.stateAt(t, sa);
            b.stateAt(a.impactTime() + 5, sb); // hint at the end
            b.stateAt(t, sb);
            assertThat(sa).as("t = %s", t).containsExactly(sb);
        }
    }
}
