package dev.bulwark.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Containment, projection and uniform sampling of {@link PlanarRegions}, on a 2 km square town
 * near 31.5° N 34.6° E and an L-shaped (concave) district, both seen from the local frame of a
 * radar ~20 km away, as a scenario would place them.
 */
class PlanarRegionsTest {

    private static final GeodeticPoint RADAR = GeodeticPoint.ofDegrees(31.45, 34.40, 40);
    private static final GeodeticPoint TOWN_CENTRE = GeodeticPoint.ofDegrees(31.5, 34.6, 0);
    private static final LocalFrame RADAR_FRAME = new LocalFrame(Ellipsoid.WGS84, RADAR);
    private static final LocalFrame TOWN_FRAME = new LocalFrame(Ellipsoid.WGS84, TOWN_CENTRE);

    // The town's square is laid out in its own ENU frame and seen from the radar frame, 20 km
    // away. Changing planes distorts the square by ~(d/R)² ≈ 1e-5 (1 cm) and rotates it by the
    // frames' meridian convergence (~0.1°, 1.7 m at the corners): test points stay ≥ 50 m from
    // the edges, so containment is decided by geometry, not by these model errors.
    private static final double EDGE_MARGIN_M = 50;
    // Vertices placed with unproject at distance d from the frame origin come back from project
    // displaced by ≈ (h0 + d²/2R)·d/R (see unprojectThenProjectStaysWithinTheModelsStatedAccuracy):
    // 12 cm at 14 km from the 40 m radar site; cell boundaries of the L-shapes get this slack.
    private static final double SLACK_M = 0.2;

    /** A surface point at east/north offsets (m) from the town centre, in the town's own frame. */
    private static GeodeticPoint town(double east, double north) {
        double[] ecef = new double[3];
        TOWN_FRAME.enuToEcef(east, north, 0, ecef);
        return Ellipsoid.WGS84.toGeodetic(ecef).withAltitude(0);
    }

    private static GeoPolygon townSquare() {
        return new GeoPolygon(List.of(town(-1000, -1000), town(1000, -1000), town(1000, 1000), town(-1000, 1000)));
    }

    /** An L: three 1 km cells (SW, SE, NW) of a 2 km square whose south-west corner is at (x0, y0) in the radar frame. */
    private static GeoPolygon lShape(PlanarRegions plane, double x0, double y0) {
        double[][] ring = {{0, 0}, {2000, 0}, {2000, 1000}, {1000, 1000}, {1000, 2000}, {0, 2000}};
        List<GeodeticPoint> vertices = new ArrayList<>();
        for (double[] v : ring) {
            vertices.add(plane.unproject(x0 + v[0], y0 + v[1]));
        }
        return new GeoPolygon(vertices);
    }

    private static PlanarRegions radarPlane(List<GeoPolygon> regions) {
        return new PlanarRegions(Ellipsoid.WGS84, RADAR_FRAME, regions);
    }

    private static boolean containsGeodetic(PlanarRegions regions, int i, GeodeticPoint p) {
        double[] plane = new double[3];
        regions.project(p, plane);
        return regions.contains(i, plane[0], plane[1]);
    }

    @Test
    void squareTownContainsPointsInsideAndNotOutside() {
        PlanarRegions regions = radarPlane(List.of(townSquare()));
        double inner = 1000 - EDGE_MARGIN_M;
        double outer = 1000 + EDGE_MARGIN_M;

        assertThat(containsGeodetic(regions, 0, TOWN_CENTRE)).isTrue();
        for (double[] p : new double[][] {{inner, inner}, {-inner, inner}, {inner, -inner}, {-inner, -inner},
                {0, inner}, {inner, 0}}) {
            assertThat(containsGeodetic(regions, 0, town(p[0], p[1]))).as("inside %s, %s", p[0], p[1]).isTrue();
        }
        for (double[] p : new double[][] {{outer, 0}, {-outer, 0}, {0, outer}, {0, -outer}, {outer, outer},
                {5000, 5000}}) {
            assertThat(containsGeodetic(regions, 0, town(p[0], p[1]))).as("outside %s, %s", p[0], p[1]).isFalse();
        }
        assertThat(containsGeodetic(regions, 0, RADAR)).isFalse();
    }

    @Test
    void aSmallRingAndTheIndexedLocatorGiveTheSameAnswers() {
        // a 400-vertex circle takes the indexed path, a 40-vertex one the direct crossing count;
        // both must agree with the exact circle away from the boundary, and with each other on it
        List<GeodeticPoint> big = new java.util.ArrayList<>();
        List<GeodeticPoint> small = new java.util.ArrayList<>();
        for (int k = 0; k < 400; k++) {
            double a = 2 * Math.PI * k / 400;
            big.add(town(1500 * Math.cos(a), 1500 * Math.sin(a)));
            if (k % 10 == 0) {
                small.add(town(1500 * Math.cos(a), 1500 * Math.sin(a)));
            }
        }
        PlanarRegions both = new PlanarRegions(Ellipsoid.WGS84, TOWN_FRAME,
                List.of(new GeoPolygon(big), new GeoPolygon(small)));
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 2000; i++) {
            double e = -2000 + 4000 * r.nextDouble();
            double n = -2000 + 4000 * r.nextDouble();
            double d = Math.hypot(e, n);
            if (d < 1400 || d > 1510) {
                // inside both rings' common part, or outside both
                assertThat(both.contains(0, e, n)).isEqualTo(d < 1400);
                assertThat(both.contains(1, e, n)).isEqualTo(d < 1400);
            }
        }
        // and the box test: a box around the centre meets the rings' boxes, one 10 km off does not
        assertThat(both.intersectsBox(-10, -10, 10, 10)).isTrue();
        assertThat(both.intersectsBox(10_000, 10_000, 10_100, 10_100)).isFalse();
        assertThat(both.intersectsBox(1_490, -10, 2_000, 10)).isTrue();
    }

    @Test
    void verticesCountAsInsideAndAreaIsFourSquareKilometres() {
        GeoPolygon square = townSquare();
        PlanarRegions regions = radarPlane(List.of(square));
        for (GeodeticPoint v : square.vertices()) {
            assertThat(containsGeodetic(regions, 0, v)).as("vertex %s is on the boundary", v).isTrue();
        }
        // 2 km x 2 km; the plane projection at 20 km changes areas by ~(d/R)² = 1e-5 relative,
        // so 4e6 m² ± 100 m² (2.5e-5) — a wrong projection (degrees as metres, a lost cos φ)
        // would be off by orders of magnitude.
        assertThat(regions.area(0)).isCloseTo(4.0e6, within(100.0));
        assertThat(regions.size()).isEqualTo(1);
        assertThat(regions.frame()).isSameAs(RADAR_FRAME);
    }

    @Test
    void unprojectThenProjectStaysWithinTheModelsStatedAccuracy() {
        // The class promises that its plane moves boundaries by well under 0.1% of their distance
        // from the origin within 100 km. unproject drops a plane point onto the ellipsoid along the
        // ellipsoid normal, project comes back along the frame's up axis; the two differ by the
        // tilt between them (d/R) times the height of the plane above the ground (the site's 40 m
        // plus d²/2R), so the round trip moves a point by ≈ (h0 + d²/2R)·d/R: 7 cm at 10 km, 5.6 m
        // at 77 km. Checked against that estimate with a factor 2 on the curvature term and the
        // smallest WGS84 radius of curvature, and against 1e-3·d; see
        // unprojectIsTheExactInverseOfProject for the stricter property.
        PlanarRegions regions = radarPlane(List.of(townSquare()));
        double[] plane = new double[3];
        SplittableRandom random = new SplittableRandom(3L);
        double worstRelative = 0;
        for (int i = 0; i < 1_000; i++) {
            double e = random.nextDouble(-100_000, 100_000);
            double n = random.nextDouble(-100_000, 100_000);
            GeodeticPoint p = regions.unproject(e, n);
            assertThat(p.altitude()).isZero();
            regions.project(p, plane);
            double d = Math.hypot(e, n);
            double moved = Math.hypot(plane[0] - e, plane[1] - n);
            worstRelative = Math.max(worstRelative, moved / d);
            double r = 6_335_000;
            assertThat(moved).as("round trip of (%s, %s)", e, n)
                    .isLessThan((RADAR.altitude() + d * d / r) * d / r + 1e-6);
        }
        assertThat(worstRelative).isLessThan(1e-3);
    }

    @Test
    void unprojectIsTheExactInverseOfProject() {
        PlanarRegions regions = radarPlane(List.of(townSquare()));
        double[] plane = new double[3];
        SplittableRandom random = new SplittableRandom(3L);
        for (int i = 0; i < 1_000; i++) {
            double e = random.nextDouble(-100_000, 100_000);
            double n = random.nextDouble(-100_000, 100_000);
            regions.project(regions.unproject(e, n), plane);
            // rounding of ECEF coordinates and of the inverse: 1e-6 m
            assertThat(plane[0]).isCloseTo(e, within(1e-6));
            assertThat(plane[1]).isCloseTo(n, within(1e-6));
        }
    }

    @Test
    void concaveLShapeExcludesItsNotch() {
        PlanarRegions helper = radarPlane(List.of(townSquare()));
        double x0 = 5_000;
        double y0 = -8_000;
        PlanarRegions regions = radarPlane(List.of(lShape(helper, x0, y0)));

        assertThat(regions.contains(0, x0 + 500, y0 + 500)).as("south-west cell").isTrue();
        assertThat(regions.contains(0, x0 + 1500, y0 + 500)).as("south-east cell").isTrue();
        assertThat(regions.contains(0, x0 + 500, y0 + 1500)).as("north-west cell").isTrue();
        assertThat(regions.contains(0, x0 + 1500, y0 + 1500)).as("the notch").isFalse();
        assertThat(regions.contains(0, x0 + 1050, y0 + 1050)).as("just inside the notch corner").isFalse();
        assertThat(regions.contains(0, x0 + 950, y0 + 950)).as("just outside the notch corner").isTrue();
        assertThat(regions.contains(0, x0 - 10, y0 + 500)).isFalse();
        assertThat(regions.contains(0, x0 + 2010, y0 + 500)).isFalse();
        // three 1 km² cells; the vertices were placed by unproject, whose round trip moves them by
        // ≈ (h0 + d²/2R)·d/R ≈ 7 cm at 9 km: 8 km of perimeter x 7 cm = 560 m² (2e-4 relative)
        assertThat(regions.area(0)).isCloseTo(3.0e6, within(600.0));
    }

    @Test
    void locateReturnsTheFirstContainingRegionOrMinusOne() {
        PlanarRegions helper = radarPlane(List.of(townSquare()));
        PlanarRegions regions = radarPlane(List.of(townSquare(), lShape(helper, 5_000, -8_000)));
        double[] plane = new double[3];
        regions.project(TOWN_CENTRE, plane);
        assertThat(regions.locate(plane[0], plane[1])).isEqualTo(0);
        assertThat(regions.locate(5_500, -7_500)).isEqualTo(1);
        assertThat(regions.locate(6_500, -6_500)).isEqualTo(-1);
        assertThat(regions.locate(0, 0)).isEqualTo(-1);
    }

    @Test
    void sampleUniformStaysInsideTheSquareAndFillsItsQuadrantsEvenly() {
        PlanarRegions regions = radarPlane(List.of(townSquare()));
        double[] centre = new double[3];
        regions.project(TOWN_CENTRE, centre);
        SplittableRandom random = new SplittableRandom(11L);
        int n = 40_000;
        int[] quadrant = new int[4];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            regions.sampleUniform(0, random::nextDouble, p);
            assertThat(regions.contains(0, p[0], p[1])).isTrue();
            quadrant[(p[0] >= centre[0] ? 1 : 0) + (p[1] >= centre[1] ? 2 : 0)]++;
        }
        // The square is symmetric under quarter turns about its centre, so the four quadrants cut by
        // the frame's axes through the centre have equal areas whatever the square's small rotation
        // in this frame. Each count is binomial(n, 1/4): 5 standard deviations.
        assertCountsUniform(quadrant, n);
    }

    @Test
    void sampleUniformFillsTheThreeCellsOfTheLShapeEvenly() {
        PlanarRegions helper = radarPlane(List.of(townSquare()));
        double x0 = -3_000;
        double y0 = 12_000;
        PlanarRegions regions = radarPlane(List.of(lShape(helper, x0, y0)));
        SplittableRandom random = new SplittableRandom(12L);
        int n = 30_000;
        int[] cells = new int[3];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            regions.sampleUniform(0, random::nextDouble, p);
            double x = p[0] - x0;
            double y = p[1] - y0;
            // SLACK_M: the vertices sit up to ~12 cm (d = 14 km) from their nominal places
            assertThat(x).isBetween(-SLACK_M, 2000.0 + SLACK_M);
            assertThat(y).isBetween(-SLACK_M, 2000.0 + SLACK_M);
            assertThat(x >= 1000 + SLACK_M && y >= 1000 + SLACK_M).as("sample in the notch at %s, %s", x, y)
                    .isFalse();
            cells[x >= 1000 ? 1 : (y >= 1000 ? 2 : 0)]++;
        }
        assertCountsUniform(cells, n);
    }

    /** Each of k cells of equal area holds a binomial(n, 1/k) count: within 5 standard deviations. */
    private static void assertCountsUniform(int[] counts, int n) {
        double p = 1.0 / counts.length;
        double mean = n * p;
        double sigma = Math.sqrt(n * p * (1 - p));
        for (int count : counts) {
            assertThat((double) count).isCloseTo(mean, within(5 * sigma));
        }
    }

    @Test
    void selfCrossingPolygonIsRejected() {
        // A bow tie: the edges (SW->NE) and (SE->NW) cross at the centre.
        GeoPolygon bowTie = new GeoPolygon(List.of(town(-1000, -1000), town(1000, 1000), town(1000, -1000),
                town(-1000, 1000)));
        assertThatThrownBy(() -> radarPlane(List.of(townSquare(), bowTie)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("polygon 1")
                .hasMessageContaining("not simple");
        assertThat(PlanarRegions.isSimple(Ellipsoid.WGS84, bowTie)).isFalse();
        assertThat(PlanarRegions.isSimple(Ellipsoid.WGS84, townSquare())).isTrue();
        assertThat(PlanarRegions.isSimple(Ellipsoid.WGS84, lShape(radarPlane(List.of()), 0, 0))).isTrue();
    }

    @Test
    void polygonNeedsThreeVertices() {
        assertThatThrownBy(() -> new GeoPolygon(List.of(town(0, 0), town(1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3");
    }
}
