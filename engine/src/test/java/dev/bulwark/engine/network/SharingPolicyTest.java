package dev.bulwark.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Data kinds, coarsening and embargo zones of a {@link SharingPolicy}. */
class SharingPolicyTest {

    private static final Ellipsoid E = Ellipsoid.WGS84;

    private static TrackReport trackAt(double latDeg, double lonDeg, double alt) {
        double[] p = E.toEcef(GeodeticPoint.ofDegrees(latDeg, lonDeg, alt));
        return Messages.track(1, 5, 10, p[0], p[1], p[2]);
    }

    @Test
    void onlyTheAgreedKindsGo() {
        SharingPolicy tracksOnly = new SharingPolicy(EnumSet.of(DataKind.TRACKS), 0, 0, List.of(), E);
        TrackReport t = trackAt(31, 35, 5000);
        assertThat(tracksOnly.apply(t)).isSameAs(t);
        assertThat(tracksOnly.apply(new EngagementStatus(1, 5, 10, EngagementStatus.State.ASSIGNED, 0))).isNull();
        assertThat(tracksOnly.apply(new PlotReport(1, 0, 10, new double[3], new double[9]))).isNull();
        assertThat(SharingPolicy.none(E).apply(t)).isNull();
    }

    @Test
    void nothingIsSharedAboutObjectsOverAnEmbargoZone() {
        // a 1° square around (32.5 N, 36.5 E), far from the frame of any other zone
        GeoPolygon zone = new GeoPolygon(List.of(GeodeticPoint.ofDegrees(32, 36, 0), GeodeticPoint.ofDegrees(32, 37, 0),
                GeodeticPoint.ofDegrees(33, 37, 0), GeodeticPoint.ofDegrees(33, 36, 0)));
        GeoPolygon far = new GeoPolygon(List.of(GeodeticPoint.ofDegrees(40, 50, 0), GeodeticPoint.ofDegrees(40, 51, 0),
                GeodeticPoint.ofDegrees(41, 51, 0)));
        SharingPolicy p = new SharingPolicy(EnumSet.allOf(DataKind.class), 0, 0, List.of(far, zone), E);
        assertThat(p.apply(trackAt(32.5, 36.5, 9000))).isNull();
        assertThat(p.apply(trackAt(32.01, 36.99, 100))).isNull();
        assertThat(p.apply(trackAt(31.98, 36.5, 9000))).isNotNull();
        assertThat(p.apply(trackAt(32.5, 37.03, 9000))).isNotNull();
        double[] inside = E.toEcef(GeodeticPoint.ofDegrees(32.5, 36.5, 0));
        assertThat(p.apply(new PlotReport(1, 0, 3, inside, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}))).isNull();
        assertThat(p.apply(new EngagementStatus(1, 5, 10, EngagementStatus.State.KILLED, 0))).isNotNull();
    }

    @Test
    void coarseningSnapsToCellCentresAndDeclaresTheQuantisationVariance() {
        double g = 1000;
        SharingPolicy p = new SharingPolicy(EnumSet.allOf(DataKind.class), g, 0, List.of(), E);
        Random rnd = new Random(3);
        double[] sumSq = new double[3];
        int n = 20_000;
        for (int k = 0; k < n; k++) {
            TrackReport t = trackAt(29 + 4 * rnd.nextDouble(), 33 + 4 * rnd.nextDouble(), 20_000 * rnd.nextDouble());
            TrackReport c = (TrackReport) p.apply(t);
            for (int i = 0; i < 3; i++) {
                double err = c.state(i) - t.state(i);
                assertThat(Math.abs(err)).isLessThanOrEqualTo(g / 2 + 1e-6);
                assertThat(Math.abs(c.state(i) / g - Math.floor(c.state(i) / g) - 0.5)).isLessThan(1e-6);
                assertThat(c.covariance(i, i)).isCloseTo(t.covariance(i, i) + g * g / 12, within(1e-6));
                sumSq[i] += err * err;
            }
            for (int i = 3; i < 6; i++) {
                assertThat(c.state(i)).isEqualTo(t.state(i));
                assertThat(c.covariance(i, i)).isEqualTo(t.covariance(i, i));
            }
            assertThat(c.covariance(0, 1)).isEqualTo(t.covariance(0, 1));
        }
        // the declared g²/12 is the actual mean square error of the grid, within 3 %
        for (int i = 0; i < 3; i++) {
            assertThat(sumSq[i] / n).isCloseTo(g * g / 12, within(0.03 * g * g / 12));
        }
    }
}
