package dev.bulwark.engine.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.RandomStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Scan} is an immutable value whose coverage test is its radar's. */
class ScanTest {

    private static final RadarSpec SPEC = new RadarSpec("R", GeodeticPoint.ofDegrees(31.45, 34.62, 0), 500, 100_000,
            Math.toRadians(0.5), Math.toRadians(80), 1.0, 60_000, 0, 15, 0.002, 0.002);

    @Test
    void plotsAreCopiedAndCannotBeModified() {
        Radar radar = new Radar(SPEC, 2, Ellipsoid.WGS84, 1, new RandomStream(1));
        Plot plot = new Plot(5.0, 2, radar.frame(), 10_000, 1, 0.1, 15, 0.002, 0.002);
        List<Plot> plots = new ArrayList<>(List.of(plot));
        Scan scan = new Scan(5.0, 2, plots, radar);
        plots.add(plot);
        assertThat(scan.plots()).containsExactly(plot);
        assertThatThrownBy(() -> scan.plots().add(plot)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void coverageIsTheRadars() {
        Radar radar = new Radar(SPEC, 0, Ellipsoid.WGS84, 1, new RandomStream(1));
        Scan scan = radar.scan(3.0, List.of());
        assertThat(scan.time()).isEqualTo(3.0);
        assertThat(scan.sensor()).isZero();
        assertThat(scan.radar()).isSameAs(radar);
        double[] p = new double[3];
        // in range and elevation; beyond the maximum range; under the elevation floor
        radar.frame().raeToEcef(50_000, 1.0, Math.toRadians(10), p);
        assertThat(scan.covers(p[0], p[1], p[2])).isTrue();
        radar.frame().raeToEcef(100_100, 1.0, Math.toRadians(10), p);
        assertThat(scan.covers(p[0], p[1], p[2])).isFalse();
        radar.frame().raeToEcef(50_000, 1.0, Math.toRadians(0.4), p);
        assertThat(scan.covers(p[0], p[1], p[2])).isFalse();
    }
}
