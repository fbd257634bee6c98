package dev.bulwark.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void meanStandardDeviationAndStudentInterval() {
        // 1, 2, 3, 4: mean 2.5, s = sqrt(5/3) = 1.2909944; t(0.975, 3) = 3.1824463 (printed tables,
        // e.g. Law 2015, Table T.1), so the half-width is 3.1824463 * 1.2909944 / 2 = 2.0542
        Estimate e = Estimate.of(new double[] {1, 2, 3, 4});
        assertThat(e.n()).isEqualTo(4);
        assertThat(e.mean()).isEqualTo(2.5);
        assertThat(e.standardDeviation()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(e.halfWidth()).isCloseTo(3.1824463 * Math.sqrt(5.0 / 3) / 2, within(1e-6));
        assertThat(e.low()).isCloseTo(2.5 - e.halfWidth(), within(1e-15));
        assertThat(e.high()).isCloseTo(2.5 + e.halfWidth(), within(1e-15));
    }

    @Test
    void undefinedValuesAreLeftOutAndTooFewGiveNoInterval() {
        Estimate e = Estimate.of(new double[] {Double.NaN, 3, Double.NaN, 5});
        assertThat(e.n()).isEqualTo(2);
        assertThat(e.mean()).isEqualTo(4.0);
        // t(0.975, 1) = 12.706205
        assertThat(e.halfWidth()).isCloseTo(12.706205 * Math.sqrt(2) / Math.sqrt(2), within(1e-5));
        Estimate one = Estimate.of(new double[] {7, Double.NaN});
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.halfWidth()).isNaN();
        assertThat(Estimate.of(new double[] {Double.NaN}).mean()).isNaN();
    }

    @Test
    void constantValuesHaveAZeroWidthInterval() {
        Estimate e = Estimate.of(new double[] {280, 280, 280});
        assertThat(e.standardDeviation()).isZero();
        assertThat(e.halfWidth()).isZero();
    }

    @Test
    void pairedDifferencesRemoveWhatThePairsShare() {
        // b = a + 1 exactly: the difference is 1 with no spread, though a itself varies widely
        double[] a = {10, 50, 90, 130};
        double[] b = {11, 51, 91, 131};
        Estimate d = Estimate.ofDifferences(a, b);
        assertThat(d.mean()).isEqualTo(1.0);
        assertThat(d.halfWidth()).isZero();
        assertThat(Estimate.ofDifferences(a, a).mean()).isZero();
        assertThat(Estimate.ofDifferences(new double[] {1, Double.NaN}, new double[] {2, 3}).n()).isEqualTo(1);
    }
}
