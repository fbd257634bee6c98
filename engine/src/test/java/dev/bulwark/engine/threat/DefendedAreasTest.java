package dev.bulwark.engine.threat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.geo.PlanarRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grid-accelerated point location gives the exact test's answer everywhere, outlines included. */
class DefendedAreasTest {

    private static final Ellipsoid WGS84 = Ellipsoid.WGS84;
    private static final GeodeticPoint ORIGIN = GeodeticPoint.ofDegrees(31.50, 34.55, 0);

    @Test
    void locateAgreesWithTheExactTestOnRandomOutlinesAndPoints() {
        Random rnd = new Random(5);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            List<DefendedArea> list = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                list.add(new DefendedArea("A" + k, AreaKind.RESIDENTIAL, 1, star(rnd)));
            }
            DefendedAreas areas = new DefendedAreas(WGS84, new LocalFrame(WGS84, ORIGIN), list);
            PlanarRegions exact = areas.regions();
            double[] p = new double[3];
            for (DefendedArea a : list) {
                List<GeodeticPoint> vs = a.boundary().vertices();
                int m = vs.size();
                double[] e = new double[m];
                double[] nn = new double[m];
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                double south = Double.POSITIVE_INFINITY;
                double north = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < m; i++) {
                    exact.project(vs.get(i), p);
                    e[i] = p[0];
                    nn[i] = p[1];
                    lo = Math.min(lo, e[i]);
                    hi = Math.max(hi, e[i]);
                    south = Math.min(south, nn[i]);
                    north = Math.max(north, nn[i]);
                }
                // uniform points over and around the bounding box
                for (int s = 0; s < 4000; s++) {
                    double x = lo - 0.1 * (hi - lo) + 1.2 * (hi - lo) * rnd.nextDouble();
                    double y = south - 0.1 * (north - south) + 1.2 * (north - south) * rnd.nextDouble();
                    assertThat(areas.locate(x, y)).as("(%s, %s)", x, y).isEqualTo(exact.locate(x, y));
                    checked++;
                }
                // on the outline, at the vertices and the box's edges, and just off the outline
                for (int i = 0; i < m; i++) {
                    int j = (i + 1) % m;
                    for (int s = 0; s < 200; s++) {
                        double f = s == 0 ? 0 : rnd.nextDouble();
                        double x = e[i] + f * (e[j] - e[i]);
                        double y = nn[i] + f * (nn[j] - nn[i]);
                        double off = Math.pow(10, -12 + 10 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
                        double[][] points = {{x, y}, {x + off, y}, {x, y + off}, {x + off, y - off}, {lo, y}, {x, north}};
                        for (double[] q : points) {
                            assertThat(areas.locate(q[0], q[1])).as("(%s, %s)", q[0], q[1])
                                    .isEqualTo(exact.locate(q[0], q[1]));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100_000);
    }

    @Test
    void locatingAmongTheCandidatesOfABoxAgreesWithLocatingAmongAll() {
        // Random boxes over random overlapping outlines: every point of a box is located among the
        // box's candidates exactly as among all the areas; a box far from every area has none.
        Random rnd = new Random(11);
        int checked = 0;
        for (int trial = 0; trial < 30; trial++) {
            List<DefendedArea> list = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                list.add(new DefendedArea("A" + k, AreaKind.RESIDENTIAL, 1, star(rnd)));
            }
            DefendedAreas areas = new DefendedAreas(WGS84, new LocalFrame(WGS84, ORIGIN), list);
            int[] candidates = new int[n];
            for (int b = 0; b < 50; b++) {
                double ce = -30_000 + 60_000 * rnd.nextDouble();
                double cn = -30_000 + 60_000 * rnd.nextDouble();
                double we = 10 + 5_000 * rnd.nextDouble();
                double wn = 10 + 5_000 * rnd.nextDouble();
                int count = areas.candidates(ce - we, cn - wn, ce + we, cn + wn, candidates);
                for (int s = 0; s < 200; s++) {
                    double x = ce - we + 2 * we * rnd.nextDouble();
                    double y = cn - wn + 2 * wn * rnd.nextDouble();
                    assertThat(areas.locate(x, y, candidates, count)).as("(%s, %s)", x, y)
                            .isEqualTo(areas.locate(x, y));
                    checked++;
                }
            }
            assertThat(areas.candidates(1e7, 1e7, 1e7 + 1, 1e7 + 1, candidates)).isZero();
        }
        assertThat(checked).isEqualTo(300_000);
    }

    /** A random simple polygon: a star of 3 to 12 vertices at increasing angles, a few km across, maybe thin. */
    private static GeoPolygon star(Random rnd) {
        int m = 3 + rnd.nextInt(10);
        double lat = 31.3 + 0.4 * rnd.nextDouble();
        double lon = 34.4 + 0.4 * rnd.nextDouble();
        double size = 0.002 + 0.03 * rnd.nextDouble();
        double squash = rnd.nextInt(4) == 0 ? 0.02 : 1.0;
        double[] angles = new double[m];
        for (int i = 0; i < m; i++) {
            angles[i] = 2 * Math.PI * (i + 0.8 * rnd.nextDouble()) / m;
        }
        List<GeodeticPoint> vs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            double r = size * (0.3 + 0.7 * rnd.nextDouble());
            vs.add(GeodeticPoint.ofDegrees(lat + squash * r * Math.sin(angles[i]), lon + r * Math.cos(angles[i]), 0));
        }
        return new GeoPolygon(vs);
    }
}
