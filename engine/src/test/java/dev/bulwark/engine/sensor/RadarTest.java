package dev.bulwark.engine.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.RandomStream;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validates {@link Radar} against its stated model: the Swerling I detection law and its
 * 0.9-at-reference-range calibration, empirical detection rates, Gaussian measurement errors,
 * coverage, Poisson false alarms spread over the coverage, reproducibility from the key, and
 * common random numbers across target lists.
 *
 * <p>Statistical checks use two-sided 99.9% bounds computed from the exact sampling
 * distribution (binomial, Poisson, chi-square, normal), on fixed seeds: each passes or fails
 * deterministically, and a wrong model (say σ off by 3%, or P_d off by 0.01) falls outside.
 */
class RadarTest {

    /** Two-sided 99.9%: each tail 0.05%. */
    private static final double TAIL = 0.0005;
    private static final double Z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - TAIL);

    private static final double MIN_EL = Math.toRadians(0.5);
    private static final double MAX_EL = Math.toRadians(80);
    private static final double SIGMA_R = 15;
    private static final double SIGMA_AZ = 0.002;
    private static final double SIGMA_EL = 0.003;
    private static final int INDEX = 3;

    private static RadarSpec spec(double falseAlarmsPerScan) {
        return new RadarSpec("R-test", GeodeticPoint.ofDegrees(31.45, 34.62, 40), 500, 100_000, MIN_EL, MAX_EL, 1.0,
                60_000, falseAlarmsPerScan, SIGMA_R, SIGMA_AZ, SIGMA_EL);
    }

    private static Radar radar(double falseAlarmsPerScan, long key, long clutterSeed) {
        return new Radar(spec(falseAlarmsPerScan), INDEX, Ellipsoid.WGS84, key, new RandomStream(clutterSeed));
    }

    /** A fixed target at range (m), azimuth and elevation (rad) from the radar. */
    private static SensorTargets.Fixed target(Radar radar, int id, double range, double az, double el, double rcs) {
        double[] ecef = new double[3];
        radar.frame().raeToEcef(range, az, el, ecef);
        return SensorTargets.Fixed.at(id, ecef, rcs);
    }

    private static double[] rae(Radar radar, SensorTarget target) {
        double[] s = new double[6];
        target.stateAt(0, s);
        double[] out = new double[3];
        radar.frame().ecefToRae(s[0], s[1], s[2], out);
        return out;
    }

    @Test
    void detectionProbabilityIsPointNineForOneSquareMetreAtTheReferenceRange() {
        Radar radar = radar(0, 1, 1);
        assertThat(radar.detectionProbability(1.0, 60_000)).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void detectionProbabilityFollowsSwerlingOneWithAnInverseFourthPowerSnr() {
        Radar radar = radar(0, 1, 1);
        // Independent statement of the model: P_d = P_fa^(1/(1+SNR)), SNR = SNR_ref σ (R_ref/R)⁴,
        // SNR_ref such that P_d(1 m², R_ref) = 0.9. Values agree to rounding (1e-12 on a [0, 1] quantity).
        double snrRef = Math.log(1e-6) / Math.log(0.9) - 1;
        for (double rcs : new double[] {0.01, 0.05, 1, 10}) {
            for (double range : new double[] {5_000, 30_000, 60_000, 90_000, 150_000}) {
                double snr = snrRef * rcs * Math.pow(60_000 / range, 4);
                double expected = Math.pow(1e-6, 1 / (1 + snr));
                assertThat(radar.detectionProbability(rcs, range)).as("rcs %s, range %s", rcs, range)
                        .isCloseTo(expected, within(1e-12));
            }
        }
        // the R⁻⁴ law: 16 times the cross-section at twice the range is the same target
        assertThat(radar.detectionProbability(16, 80_000)).isCloseTo(radar.detectionProbability(1, 40_000),
                within(1e-12));
        // limits: no signal leaves the false-alarm probability, a huge signal certain detection
        assertThat(radar.detectionProbability(1, 1e9)).isCloseTo(1e-6, within(1e-12));
        assertThat(radar.detectionProbability(1e9, 60_000)).isGreaterThan(1 - 1e-9);
    }

    @Test
    void detectionProbabilityFallsWithRangeAndRisesWithCrossSection() {
        Radar radar = radar(0, 1, 1);
        double previous = 1.0;
        for (double range = 1_000; range <= 200_000; range += 1_000) {
            double pd = radar.detectionProbability(0.1, range);
            assertThat(pd).as("range %s", range).isLessThan(previous).isGreaterThan(0);
            previous = pd;
        }
        previous = 0.0;
        for (double rcs = 0.001; rcs <= 100; rcs *= 1.5) {
            double pd = radar.detectionProbability(rcs, 70_000);
            assertThat(pd).as("rcs %s", rcs).isGreaterThan(previous).isLessThanOrEqualTo(1);
            previous = pd;
        }
    }

    @ParameterizedTest(name = "target at {0} m")
    @ValueSource(doubles = {60_000, 90_000})
    void empiricalDetectionRateMatchesTheDetectionProbability(double range) {
        // 20,000 independent scans (each scan index seeds its own draw) of a fixed 1 m² target.
        // P_d is 0.9 at 60 km and ≈ 0.596 at 90 km; the count must lie in the binomial 99.9%
        // interval, about ±0.7 percentage points at 0.9 and ±1.1 at 0.596.
        Radar radar = radar(0, 0x5eed, 1);
        SensorTarget target = target(radar, 7, range, 1.0, Math.toRadians(10), 1.0);
        double pd = radar.detectionProbability(1.0, rae(radar, target)[0]);
        int scans = 20_000;
        int detections = 0;
        for (int i = 0; i < scans; i++) {
            detections += radar.scan(i, List.of(target)).plots().size();
        }
        BinomialDistribution binomial = new BinomialDistribution(scans, pd);
        assertThat(detections).as("detections of %s scans with P_d %s", scans, pd)
                .isBetween(binomial.inverseCumulativeProbability(TAIL),
                        binomial.inverseCumulativeProbability(1 - TAIL));
    }

    @Test
    void measurementErrorsAreUnbiasedWithTheSpecifiedStandardDeviations() {
        // A 1 m² target at 30 km (P_d ≈ 0.993) seen over 20,000 scans. For each of range,
        // azimuth and elevation: the mean error lies within Z σ/√n of 0, and Σe²/σ² (the true
        // value is known, so n degrees of freedom) lies in the chi-square 99.9% interval, which
        // is about ±3.3% on σ² for n ≈ 20,000. The errors are uncorrelated (|ρ| < Z/√n).
        Radar radar = radar(0, 42, 1);
        SensorTarget target = target(radar, 11, 30_000, 2.5, Math.toRadians(20), 1.0);
        double[] truth = rae(radar, target);
        List<double[]> errors = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Scan scan = radar.scan(0.5 * i, List.of(target));
            for (Plot p : scan.plots()) {
                assertThat(p.time()).isEqualTo(0.5 * i);
                assertThat(p.sensor()).isEqualTo(INDEX);
                assertThat(p.site()).isSameAs(radar.frame());
                assertThat(new double[] {p.sigmaRange(), p.sigmaAzimuth(), p.sigmaElevation()})
                        .containsExactly(SIGMA_R, SIGMA_AZ, SIGMA_EL);
                errors.add(new double[] {p.range() - truth[0], p.azimuth() - truth[1], p.elevation() - truth[2]});
            }
        }
        int n = errors.size();
        assertThat(n).isGreaterThan(19_000);
        double[] sigma = {SIGMA_R, SIGMA_AZ, SIGMA_EL};
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(n);
        double lo = chi2.inverseCumulativeProbability(TAIL);
        double hi = chi2.inverseCumulativeProbability(1 - TAIL);
        String[] names = {"range", "azimuth", "elevation"};
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double sumSq = 0;
            for (double[] e : errors) {
                sum += e[c];
                sumSq += e[c] * e[c];
            }
            assertThat(Math.abs(sum / n)).as("%s mean error", names[c]).isLessThan(Z * sigma[c] / Math.sqrt(n));
            assertThat(sumSq / (sigma[c] * sigma[c])).as("%s Σe²/σ²", names[c]).isBetween(lo, hi);
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double cross = 0;
                for (double[] e : errors) {
                    cross += e[a] * e[b];
                }
                double rho = cross / n / (sigma[a] * sigma[b]);
                assertThat(Math.abs(rho)).as("correlation of %s and %s", names[a], names[b])
                        .isLessThan(Z / Math.sqrt(n));
            }
        }
    }

    @Test
    void targetsOutsideTheCoverageAreNeverDetected() {
        // 10⁶ m² makes P_d = 1 to double precision wherever the target is, so only coverage decides.
        Radar radar = radar(0, 9, 1);
        double el = Math.toRadians(10);
        SensorTarget inside = target(radar, 1, 50_000, 0.3, el, 1e6);
        List<SensorTarget> outside = List.of(
                target(radar, 2, 100_500, 1.3, el, 1e6),                    // beyond the maximum range
                target(radar, 3, 400, 2.3, el, 1e6),                        // inside the minimum range
                target(radar, 4, 30_000, 3.3, Math.toRadians(0.3), 1e6),    // under the elevation floor
                target(radar, 5, 10_000, 4.3, Math.toRadians(85), 1e6));    // above the elevation ceiling
        SensorTarget landed = new SensorTarget() {
            // in coverage, but no longer airborne
            private final SensorTargets.Fixed where = target(radar, 6, 20_000, 5.3, el, 1e6);

            @Override
            public int id() {
                return 6;
            }

            @Override
            public boolean airborne(double t) {
                return false;
            }

            @Override
            public void stateAt(double t, double[] out) {
                where.stateAt(t, out);
            }

            @Override
            public double rcs() {
                return 1e6;
            }
        };
        double[] s = new double[6];
        inside.stateAt(0, s);
        assertThat(radar.covers(s[0], s[1], s[2])).isTrue();
        for (SensorTarget t : outside) {
            t.stateAt(0, s);
            assertThat(radar.covers(s[0], s[1], s[2])).as("target %d covered", t.id()).isFalse();
        }
        List<SensorTarget> all = new ArrayList<>(outside);
        all.add(landed);
        all.add(inside);
        double[] insideRae = rae(radar, inside);
        for (int i = 0; i < 500; i++) {
            List<Plot> plots = radar.scan(i, all).plots();
            assertThat(plots).as("scan %d", i).hasSize(1);
            // the one plot is the inside target's (5 σ in azimuth is 10 mrad; the others are ≥ 1 rad away)
            assertThat(plots.get(0).azimuth()).isCloseTo(insideRae[1], within(5 * SIGMA_AZ));
        }
    }

    @Test
    void falseAlarmsArePoissonWithTheSpecifiedMean() {
        // λ = 2 per scan, 5,000 scans, no targets. The total is Poisson(10,000): it must lie in
        // that distribution's 99.9% interval (about ±3.3%). The per-scan histogram (bins 0..5, ≥6,
        // smallest expected count 83) must pass a chi-square goodness-of-fit test at 99.9%.
        double lambda = 2.0;
        int scans = 5_000;
        Radar radar = radar(lambda, 1, 2024);
        int[] histogram = new int[7];
        int total = 0;
        for (int i = 0; i < scans; i++) {
            int k = radar.scan(i, List.of()).plots().size();
            histogram[Math.min(k, 6)]++;
            total += k;
        }
        PoissonDistribution sum = new PoissonDistribution(lambda * scans);
        assertThat(total).isBetween(sum.inverseCumulativeProbability(TAIL), sum.inverseCumulativeProbability(1 - TAIL));
        PoissonDistribution perScan = new PoissonDistribution(lambda);
        double chi2 = 0;
        for (int k = 0; k < 7; k++) {
            double p = k < 6 ? perScan.probability(k) : 1 - perScan.cumulativeProbability(5);
            double expected = scans * p;
            chi2 += (histogram[k] - expected) * (histogram[k] - expected) / expected;
        }
        assertThat(chi2).as("goodness of fit, 6 degrees of freedom")
                .isLessThan(new ChiSquaredDistribution(6).inverseCumulativeProbability(1 - 2 * TAIL));
    }

    @Test
    void falseAlarmsLieInsideTheCoverageAndAreUniformInRangeAzimuthAndElevation() {
        // Every false plot is inside the coverage band. The model spreads them uniformly in range,
        // azimuth and elevation: each coordinate's sample mean must lie within Z·(width/√12)/√n
        // of the band's middle.
        Radar radar = radar(3.0, 1, 77);
        List<Plot> plots = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Scan scan = radar.scan(10.0 + i, List.of());
            for (Plot p : scan.plots()) {
                assertThat(p.time()).isEqualTo(10.0 + i);
                assertThat(p.sensor()).isEqualTo(INDEX);
                assertThat(p.range()).isBetween(500.0, 100_000.0);
                assertThat(p.azimuth()).isGreaterThanOrEqualTo(0).isLessThan(2 * Math.PI);
                assertThat(p.elevation()).isBetween(MIN_EL, MAX_EL);
                assertThat(new double[] {p.sigmaRange(), p.sigmaAzimuth(), p.sigmaElevation()})
                        .containsExactly(SIGMA_R, SIGMA_AZ, SIGMA_EL);
                plots.add(p);
            }
        }
        int n = plots.size();
        assertThat(n).isGreaterThan(8_000);
        double[][] bands = {{500, 100_000}, {0, 2 * Math.PI}, {MIN_EL, MAX_EL}};
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (Plot p : plots) {
                sum += c == 0 ? p.range() : c == 1 ? p.azimuth() : p.elevation();
            }
            double width = bands[c][1] - bands[c][0];
            assertThat(sum / n).as("mean of coordinate %d", c)
                    .isCloseTo(0.5 * (bands[c][0] + bands[c][1]), within(Z * width / Math.sqrt(12.0 * n)));
        }
    }

    @Test
    void theSameKeyGivesTheSamePlotsAndAnotherKeyOthers() {
        // Three targets with P_d between 0.6 and 0.99 and λ = 1: detections, errors and false alarms
        // all come from the key and the clutter seed.
        Radar a = radar(1.0, 123, 456);
        Radar b = radar(1.0, 123, 456);
        Radar otherKey = radar(1.0, 124, 456);
        List<SensorTarget> targets = List.of(target(a, 1, 90_000, 0.5, 0.2, 1.0), target(a, 2, 40_000, 2.0, 0.4, 1.0),
                target(a, 3, 75_000, 4.0, 0.1, 0.5));
        int differing = 0;
        for (int i = 0; i < 100; i++) {
            List<Plot> pa = a.scan(i, targets).plots();
            List<Plot> pb = b.scan(i, targets).plots();
            List<Plot> pc = otherKey.scan(i, targets).plots();
            assertThat(values(pb)).as("scan %d", i).isEqualTo(values(pa));
            if (!values(pc).equals(values(pa))) {
                differing++;
            }
        }
        // with another key every scan's target errors differ (the false alarms, from the same seed, do not)
        assertThat(differing).isEqualTo(100);
    }

    @Test
    void aTargetsPlotsDoNotChangeWhenOtherTargetsAreAdded() {
        // Common random numbers: target A (P_d ≈ 0.6, so both detections and misses occur) gets the
        // same detections and the same errors whether it is scanned alone or after and before
        // other targets. A's plots are recognised by azimuth: the others are ≥ 1 rad away.
        Radar alone = radar(0, 99, 5);
        Radar crowded = radar(0, 99, 5);
        SensorTarget a = target(alone, 10, 90_000, 1.0, 0.15, 1.0);
        SensorTarget b = target(alone, 20, 50_000, 3.0, 0.3, 1.0);
        SensorTarget c = target(alone, 30, 70_000, 5.0, 0.05, 2.0);
        int detectedA = 0;
        int detectedOthers = 0;
        for (int i = 0; i < 400; i++) {
            List<Plot> pa = alone.scan(i, List.of(a)).plots();
            List<Plot> all = crowded.scan(i, List.of(b, a, c)).plots();
            List<Plot> fromA = new ArrayList<>();
            for (Plot p : all) {
                if (Math.abs(p.azimuth() - 1.0) < 0.5) {
                    fromA.add(p);
                } else {
                    detectedOthers++;
                }
            }
            assertThat(values(fromA)).as("scan %d", i).isEqualTo(values(pa));
            detectedA += pa.size();
        }
        assertThat(detectedA).isBetween(150, 350);
        assertThat(detectedOthers).isGreaterThan(400);
    }

    @Test
    void falseAlarmsDoNotChangeWhenTargetsAreAdded() {
        // The false-alarm stream is the radar's own: two sure targets (P_d = 1 at 10⁶ m²) come
        // first in the scan, and the false alarms after them are those of the empty sky.
        Radar empty = radar(2.0, 7, 31);
        Radar busy = radar(2.0, 7, 31);
        List<SensorTarget> targets = List.of(target(busy, 1, 20_000, 1, 0.2, 1e6), target(busy, 2, 30_000, 2, 0.2, 1e6));
        int falseAlarms = 0;
        for (int i = 0; i < 200; i++) {
            List<Plot> clutter = empty.scan(i, List.of()).plots();
            List<Plot> withTargets = busy.scan(i, targets).plots();
            assertThat(withTargets.size()).isEqualTo(clutter.size() + 2);
            assertThat(values(withTargets.subList(2, withTargets.size()))).isEqualTo(values(clutter));
            falseAlarms += clutter.size();
        }
        assertThat(falseAlarms).isGreaterThan(300);
    }

    /** A plot's numbers (Plot.equals compares the site frame by identity, which differs between radars). */
    private static List<List<Double>> values(List<Plot> plots) {
        List<List<Double>> out = new ArrayList<>();
        for (Plot p : plots) {
            out.add(List.of(p.time(), (double) p.sensor(), p.range(), p.azimuth(), p.elevation(), p.sigmaRange(),
                    p.sigmaAzimuth(), p.sigmaElevation()));
        }
        return out;
    }

    @Test
    void skippedEmptyScansCountAsScans() {
        // scans with nothing to see draw nothing; skipping them leaves the later scans' draws as they were
        Radar scanned = radar(0, 0x5eed, 1);
        Radar skipped = radar(0, 0x5eed, 1);
        SensorTarget target = target(scanned, 7, 80_000, 1.0, Math.toRadians(10), 1.0);
        for (int i = 0; i < 5; i++) {
            assertThat(scanned.scan(i, List.of()).plots()).isEmpty();
        }
        skipped.skipEmptyScans(5);
        for (int i = 5; i < 200; i++) {
            List<Plot> a = scanned.scan(i, List.of(target)).plots();
            List<Plot> b = skipped.scan(i, List.of(target)).plots();
            assertThat(b).hasSameSizeAs(a);
            for (int k = 0; k < a.size(); k++) {
                assertThat(b.get(k).range()).isEqualTo(a.get(k).range());
                assertThat(b.get(k).azimuth()).isEqualTo(a.get(k).azimuth());
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> radar(0.5, 1, 1).skipEmptyScans(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
