package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ConstantVelocity}: matrices by hand, and a Monte Carlo check that Q is the covariance it claims. */
class ConstantVelocityTest {

    @Test
    void matricesForTwoSecondsByHand() {
        // dt = 2 s, q = 3 m²/s³: F has dt = 2 on the position-velocity block; Q per axis
        // q dt³/3 = 8, q dt²/2 = 6, q dt = 6. No known input.
        double[] f = new double[36];
        double[] b = {9, 9, 9, 9, 9, 9};
        double[] q = new double[36];
        new ConstantVelocity(3).transition(new double[6], 2.0, f, b, q);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double fe = i == j ? 1 : (j == i + 3 ? 2 : 0);
                assertThat(f[i * 6 + j]).as("F[%d][%d]", i, j).isEqualTo(fe);
                double qe = 0;
                if (i % 3 == j % 3) {
                    qe = i < 3 && j < 3 ? 8 : (i >= 3 && j >= 3 ? 6 : 6);
                }
                assertThat(q[i * 6 + j]).as("Q[%d][%d]", i, j).isEqualTo(qe);
            }
        }
        assertThat(b).containsOnly(0.0);
        assertThat(new ConstantVelocity(3).dependsOnState()).isFalse();
        assertThat(new GravityConstantVelocity(3, 3.986e14, 7.29e-5).dependsOnState()).isTrue();
    }

    @Test
    void qIsTheCovarianceOfIntegratedWhiteAcceleration() {
        // Simulate x'' = w(t), w white with density q, by 200 sub-steps of constant acceleration over dt; the sample covariance
        // of (x, v) over 20,000 runs must match Q within sampling error (about 2%).
        double qd = 4.0;
        double dt = 1.5;
        int steps = 200;
        double h = dt / steps;
        Random rnd = new Random(3);
        double sxx = 0;
        double sxv = 0;
        double svv = 0;
        int runs = 20_000;
        for (int r = 0; r < runs; r++) {
            double x = 0;
            double v = 0;
            for (int k = 0; k < steps; k++) {
                double a = rnd.nextGaussian() * Math.sqrt(qd / h);
                x += v * h + 0.5 * a * h * h;
                v += a * h;
            }
            sxx += x * x;
            sxv += x * v;
            svv += v * v;
        }
        double[] f = new double[36];
        double[] q = new double[36];
        new ConstantVelocity(qd).transition(new double[6], dt, f, new double[6], q);
        assertThat(sxx / runs).isCloseTo(q[0], within(0.05 * q[0]));
        assertThat(sxv / runs).isCloseTo(q[3], within(0.05 * q[3]));
        assertThat(svv / runs).isCloseTo(q[21], within(0.05 * q[21]));
    }

    @Test
    void refusesNegativeNoise() {
        assertThatThrownBy(() -> new ConstantVelocity(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
