package dev.bulwark.engine.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.RandomStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unresolved targets: detected targets within one range-azimuth-elevation cell give one plot at
 * the SNR-weighted centroid of their true positions, with the errors drawn for the strongest;
 * resolved targets give one plot each; merging is transitive; it never happens when a
 * resolution is 0.
 */
class RadarResolutionTest {

    private static final double RES_R = 50;
    private static final double RES_AZ = 0.02;
    private static final double RES_EL = 0.03;

    private static RadarSpec spec() {
        return new RadarSpec("R", GeodeticPoint.ofDegrees(31.45, 34.62, 40), 500, 100_000, Math.toRadians(0.5),
                Math.toRadians(80), 1, 60_000, 0, 15, 0.002, 0.003);
    }

    private static Radar radar(RadarSpec spec) {
        return new Radar(spec, 0, Ellipsoid.WGS84, 2024, new RandomStream(1));
    }

    /** A fixed target at range (m), azimuth and elevation (rad) from the radar; 10⁶ m² is always detected. */
    private static SensorTargets.Fixed at(Radar radar, int id, double r, double az, double el, double rcs) {
        double[] p = new double[3];
        radar.frame().raeToEcef(r, az, el, p);
        return SensorTargets.Fixed.at(id, p, rcs);
    }

    @Test
    void twoTargetsInOneCellGiveOnePlotAtTheirSnrWeightedCentroid() {
        Radar merging = radar(spec().withResolution(RES_R, RES_AZ, RES_EL));
        // The strongest target alone, on a radar with the same key: the same draws, so its errors.
        Radar alone = radar(spec());
        double el = 0.1;
        SensorTarget strong = at(merging, 1, 20_000, 1.0, el, 4e6);
        SensorTarget weak = at(merging, 2, 20_030, 1.0 + 0.5 * RES_AZ, el + 0.5 * RES_EL, 1e6);
        for (int i = 0; i < 200; i++) {
            List<Plot> merged = merging.scan(i, List.of(weak, strong)).plots();
            List<Plot> single = alone.scan(i, List.of(strong)).plots();
            assertThat(merged).as("scan %d", i).hasSize(1);
            Plot m = merged.get(0);
            Plot s = single.get(0);
            // SNR ∝ σ/R⁴: weights 4e6/20000⁴ and 1e6/20030⁴
            double ws = 4e6 / Math.pow(20_000, 4);
            double ww = 1e6 / Math.pow(20_030, 4);
            double r = (ws * 20_000 + ww * 20_030) / (ws + ww);
            double az = (ws * 1.0 + ww * (1.0 + 0.5 * RES_AZ)) / (ws + ww);
            double e = (ws * el + ww * (el + 0.5 * RES_EL)) / (ws + ww);
            double[] truthStrong = rae(merging, strong);
            assertThat(m.range()).isCloseTo(r + (s.range() - truthStrong[0]), within(1e-6));
            assertThat(m.azimuth()).isCloseTo(az + (s.azimuth() - truthStrong[1]), within(1e-9));
            assertThat(m.elevation()).isCloseTo(e + (s.elevation() - truthStrong[2]), within(1e-9));
        }
    }

    @Test
    void targetsApartInAnyOneCoordinateAreResolved() {
        Radar radar = radar(spec().withResolution(RES_R, RES_AZ, RES_EL));
        double el = 0.1;
        SensorTarget a = at(radar, 1, 20_000, 1.0, el, 1e6);
        List<SensorTarget> apart = List.of(at(radar, 2, 20_000 + 1.5 * RES_R, 1.0, el, 1e6),
                at(radar, 3, 20_000, 1.0 + 1.5 * RES_AZ, el, 1e6), at(radar, 4, 20_000, 1.0, el + 1.5 * RES_EL, 1e6));
        for (SensorTarget b : apart) {
            assertThat(radar.scan(0, List.of(a, b)).plots()).as("target %d", b.id()).hasSize(2);
        }
    }

    @Test
    void mergingIsTransitiveAndAcrossNorthAndKeepsTheScanOrder() {
        Radar radar = radar(spec().withResolution(RES_R, RES_AZ, RES_EL));
        double el = 0.2;
        // a chain 0.8 cells apart in range: the ends are 1.6 cells apart but share the middle one
        SensorTarget first = at(radar, 1, 30_000, 0.5, el, 1e6);
        SensorTarget middle = at(radar, 2, 30_000 + 0.8 * RES_R, 0.5, el, 1e6);
        SensorTarget last = at(radar, 3, 30_000 + 1.6 * RES_R, 0.5, el, 1e6);
        // two targets either side of north, 0.6 cells apart in azimuth
        SensorTarget westOfNorth = at(radar, 4, 40_000, 2 * Math.PI - 0.3 * RES_AZ, el, 1e6);
        SensorTarget eastOfNorth = at(radar, 5, 40_000, 0.3 * RES_AZ, el, 1e6);
        SensorTarget lone = at(radar, 6, 50_000, 3.0, el, 1e6);
        for (int i = 0; i < 100; i++) {
            List<Plot> plots = radar.scan(i, List.of(lone, last, westOfNorth, first, eastOfNorth, middle)).plots();
            assertThat(plots).hasSize(3);
            // in the order of each cell's first target: lone, the chain (via 'last'), the pair at north
            assertThat(plots.get(0).azimuth()).isCloseTo(3.0, within(0.02));
            assertThat(plots.get(1).range()).isCloseTo(30_000 + 0.8 * RES_R, within(80.0));
            double north = Math.IEEEremainder(plots.get(2).azimuth(), 2 * Math.PI);
            assertThat(north).isCloseTo(0.0, within(0.012));
        }
    }

    @Test
    void aZeroResolutionResolvesEvenCoincidentTargets() {
        Radar radar = radar(spec().withResolution(0, RES_AZ, RES_EL));
        SensorTarget a = at(radar, 1, 20_000, 1.0, 0.1, 1e6);
        SensorTarget b = at(radar, 2, 20_000, 1.0, 0.1, 1e6);
        assertThat(radar.scan(0, List.of(a, b)).plots()).hasSize(2);
    }

    @Test
    void aResolvedTargetsPlotIsTheSameWithOrWithoutResolutionAndOtherTargets() {
        // Common random numbers survive the resolution step: a target in a cell of its own keeps its plots.
        Radar plain = radar(spec());
        Radar merging = radar(spec().withResolution(RES_R, RES_AZ, RES_EL));
        SensorTarget a = at(plain, 1, 70_000, 1.0, 0.1, 1.0);
        SensorTarget b = at(plain, 2, 40_000, 2.0, 0.1, 1e6);
        SensorTarget c = at(plain, 3, 40_010, 2.0, 0.1, 1e6);
        int seen = 0;
        for (int i = 0; i < 300; i++) {
            List<Plot> alone = plain.scan(i, List.of(a)).plots();
            List<Plot> crowded = merging.scan(i, List.of(b, a, c)).plots();
            List<Plot> fromA = crowded.stream().filter(p -> Math.abs(p.azimuth() - 1.0) < 0.5).toList();
            assertThat(fromA).hasSameSizeAs(alone);
            for (int k = 0; k < alone.size(); k++) {
                assertThat(fromA.get(k).range()).isEqualTo(alone.get(k).range());
                assertThat(fromA.get(k).azimuth()).isEqualTo(alone.get(k).azimuth());
                assertThat(fromA.get(k).elevation()).isEqualTo(alone.get(k).elevation());
            }
            seen += alone.size();
            assertThat(crowded).hasSize(alone.size() + 1);
        }
        assertThat(seen).isBetween(100, 299);
    }

    private static double[] rae(Radar radar, SensorTarget t) {
        double[] s = new double[6];
        t.stateAt(0, s);
        double[] out = new double[3];
        radar.frame().ecefToRae(s[0], s[1], s[2], out);
        return out;
    }
}
