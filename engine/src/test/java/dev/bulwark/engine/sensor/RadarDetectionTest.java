package dev.bulwark.engine.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.RandomStream;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Swerling detection laws against a Monte Carlo square-law detector written here from
 * first principles; a Swerling III target's detection rate in the scan; radial-speed
 * measurement. Statistical bounds are two-sided 99.9% from the exact sampling distribution, on
 * fixed seeds.
 */
class RadarDetectionTest {

    private static final double TAIL = 0.0005;
    private static final double Z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - TAIL);

    /**
     * A square-law detector on one complex sample: noise of unit power (I and Q each N(0, ½)), a
     * signal of power S drawn from the Swerling case's χ² law with mean snr (2 or 4 degrees of
     * freedom) and a uniform phase, detected when |signal + noise|² exceeds T = −ln P_fa.
     */
    private static double monteCarlo(Swerling swerling, double snr, double pfa, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double threshold = -Math.log(pfa);
        int dof = swerling == Swerling.SWERLING_1 ? 2 : 4;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            double chi2 = 0;
            for (int k = 0; k < dof; k++) {
                double g = gaussian(rng);
                chi2 += g * g;
            }
            double power = snr * chi2 / dof;
            double phase = 2 * Math.PI * rng.nextDouble();
            double amplitude = Math.sqrt(power);
            double in = amplitude * Math.cos(phase) + Math.sqrt(0.5) * gaussian(rng);
            double quad = amplitude * Math.sin(phase) + Math.sqrt(0.5) * gaussian(rng);
            if (in * in + quad * quad > threshold) {
                hits++;
            }
        }
        return hits;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: independent of the project's own generator
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @ParameterizedTest(name = "{0}, SNR {1}, P_fa {2}")
    @CsvSource({"SWERLING_1, 3, 1e-3", "SWERLING_1, 20, 1e-3", "SWERLING_1, 30, 1e-6", "SWERLING_3, 3, 1e-3",
        "SWERLING_3, 20, 1e-3", "SWERLING_3, 30, 1e-6", "SWERLING_3, 100, 1e-6"})
    void closedFormsMatchASimulatedSquareLawDetector(Swerling swerling, double snr, double pfa) {
        int n = 200_000;
        double pd = swerling.detectionProbability(snr, pfa);
        BinomialDistribution b = new BinomialDistribution(n, pd);
        assertThat(monteCarlo(swerling, snr, pfa, n, 17)).as("P_d %s", pd)
                .isBetween((double) b.inverseCumulativeProbability(TAIL), (double) b.inverseCumulativeProbability(1 - TAIL));
    }

    @Test
    void swerlingThreeIsBelowSwerlingOneAtLowSnrAndAboveAtHighSnr() {
        double pfa = 1e-6;
        assertThat(Swerling.SWERLING_1.detectionProbability(0, pfa)).isCloseTo(pfa, within(1e-15));
        assertThat(Swerling.SWERLING_3.detectionProbability(0, pfa)).isCloseTo(pfa, within(1e-15));
        // Fewer deep fades: the steadier target is easier to see once the mean signal is strong.
        assertThat(Swerling.SWERLING_3.detectionProbability(5, pfa))
                .isLessThan(Swerling.SWERLING_1.detectionProbability(5, pfa));
        assertThat(Swerling.SWERLING_3.detectionProbability(200, pfa))
                .isGreaterThan(Swerling.SWERLING_1.detectionProbability(200, pfa));
        // Swerling I: P_d = P_fa^(1/(1+SNR)) exactly
        assertThat(Swerling.SWERLING_1.detectionProbability(12.3, pfa))
                .isCloseTo(Math.pow(pfa, 1 / 13.3), within(1e-15));
    }

    private static RadarSpec spec() {
        return new RadarSpec("R", GeodeticPoint.ofDegrees(31.45, 34.62, 40), 500, 150_000, Math.toRadians(0.5),
                Math.toRadians(80), 1, 60_000, 0, 15, 0.002, 0.003);
    }

    /** A target moving at constant ECEF velocity from the radar-relative place given. */
    private record Moving(int id, double[] start, double[] velocity, double rcs, Swerling swerling)
            implements SensorTarget {
        @Override
        public boolean airborne(double t) {
            return true;
        }

        @Override
        public void stateAt(double t, double[] out) {
            for (int k = 0; k < 3; k++) {
                out[k] = start[k] + velocity[k] * t;
                out[k + 3] = velocity[k];
            }
        }
    }

    @Test
    void aSwerlingThreeTargetIsDetectedAtItsOwnRate() {
        // A 1 m² Swerling III target at 80 km: SNR ≈ 41.2, P_d ≈ 0.85 (Swerling I would give ≈ 0.72).
        Radar radar = new Radar(spec(), 0, Ellipsoid.WGS84, 99, new RandomStream(1));
        double[] p = new double[3];
        radar.frame().raeToEcef(80_000, 1.0, Math.toRadians(10), p);
        SensorTarget t = new Moving(5, p, new double[3], 1.0, Swerling.SWERLING_3);
        double pd = radar.detectionProbability(1.0, 80_000, Swerling.SWERLING_3);
        assertThat(pd).isGreaterThan(radar.detectionProbability(1.0, 80_000) + 0.03);
        int scans = 20_000;
        int hits = 0;
        for (int i = 0; i < scans; i++) {
            hits += radar.scan(i, List.of(t)).plots().size();
        }
        BinomialDistribution b = new BinomialDistribution(scans, pd);
        assertThat(hits).isBetween(b.inverseCumulativeProbability(TAIL), b.inverseCumulativeProbability(1 - TAIL));
    }

    @Test
    void radialSpeedIsTheVelocityAlongTheLineOfSightWithGaussianNoise() {
        double sigma = 1.5;
        Radar radar = new Radar(spec().withRadialSpeed(sigma), 0, Ellipsoid.WGS84, 7, new RandomStream(1));
        Radar plain = new Radar(spec(), 0, Ellipsoid.WGS84, 7, new RandomStream(1));
        // 30 km out at azimuth 2 rad, elevation 0.2 rad: 300 m/s straight away plus 200 m/s across the line of sight
        double az = 2.0;
        double el = 0.2;
        double[] p = new double[3];
        radar.frame().raeToEcef(30_000, az, el, p);
        double[] away = new double[3];
        radar.frame().rotateToEcef(Math.cos(el) * Math.sin(az), Math.cos(el) * Math.cos(az), Math.sin(el), away);
        double[] across = new double[3];
        radar.frame().rotateToEcef(Math.cos(az), -Math.sin(az), 0, across);
        double[] v = new double[3];
        for (int k = 0; k < 3; k++) {
            v[k] = 300 * away[k] + 200 * across[k];
        }
        SensorTarget t = new Moving(3, p, v, 100, Swerling.SWERLING_1);
        int n = 0;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < 10_000; i++) {
            // the truth moves, so look at it at t = 0 each time through a fresh scan index
            List<Plot> plots = radar.scan(0, List.of(t)).plots();
            List<Plot> without = plain.scan(0, List.of(t)).plots();
            assertThat(plots).hasSameSizeAs(without);
            for (int k = 0; k < plots.size(); k++) {
                Plot a = plots.get(k);
                Plot b = without.get(k);
                // measuring radial speed adds a draw after the position's: the position is unchanged
                assertThat(List.of(a.range(), a.azimuth(), a.elevation()))
                        .isEqualTo(List.of(b.range(), b.azimuth(), b.elevation()));
                assertThat(b.hasRadialSpeed()).isFalse();
                assertThat(b.sigmaRadialSpeed()).isNaN();
                assertThat(a.sigmaRadialSpeed()).isEqualTo(sigma);
                double e = a.radialSpeed() - 300;
                sum += e;
                sumSq += e * e;
                n++;
            }
        }
        assertThat(n).isGreaterThan(9_900);
        assertThat(Math.abs(sum / n)).isLessThan(Z * sigma / Math.sqrt(n));
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(n);
        assertThat(sumSq / (sigma * sigma)).isBetween(chi2.inverseCumulativeProbability(TAIL),
                chi2.inverseCumulativeProbability(1 - TAIL));
    }
}
