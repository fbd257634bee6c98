package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sensor.Plot;
import dev.bulwark.engine.sim.RandomStream;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo consistency of the tracking filter: {@link KalmanFilter} with
 * {@link GravityConstantVelocity} on {@link ConvertedPosition} measurements of a vacuum
 * ballistic target. A consistent filter's normalised estimation error squared (NEES, 6 degrees
 * of freedom) and normalised innovation squared (NIS, 3 degrees of freedom), averaged over
 * independent runs, follow chi-square(dof·runs)/runs (Bar-Shalom, Li &amp; Kirubarajan 2001,
 * §5.4.2): the standard check that the covariance the filter reports is the error it makes.
 *
 * <p>Truth: the engine's RK4 flight model (β = ∞), 0.05 s steps, read through
 * {@link Trajectory#stateAt}: 900 m/s at 45°, a 130 s flight, 20 to 60 km from the radar.
 * Measurements: built here from the truth with {@link LocalFrame#ecefToRae} plus Gaussian noise
 * (σ_r 15 m, σ_angle 2 mrad), one per second. The filter starts from the first plot (its
 * converted position and covariance, zero velocity with σ 1,000 m/s per axis).
 *
 * <p>Why the truth gets a random acceleration in the main test: the tracking model neglects
 * J2 (≈ 0.015 m/s² here, nearly constant), and on the bare {@link EarthModel#WGS84} flight no q
 * is consistent. Measured mean NEES after 5 s: 41 at q = 10⁻⁶, 23 at 10⁻⁴, 8.2 at 10⁻³ (the J2
 * bias shows), 3.5 at 0.1 and 3.3 at 1 (the filter expects accelerations the truth does not
 * have, so in steady state it reports more error than it makes). Hence two tests: the WGS84
 * flight plus a white acceleration of the density the filter assumes (the textbook setting,
 * in which J2 hides in the noise), and the noise-free flight on a point-mass Earth, which the
 * model describes exactly, with a negligible q.
 */
class FilterConsistencyTest {

    private static final int RUNS = 100;
    private static final double SIGMA_R = 15;
    private static final double SIGMA_ANGLE = 0.002;
    private static final double REVISIT = 1.0;
    /** New-track velocity standard deviation (m/s): nearly uninformative for a 900 m/s target. */
    private static final double INITIAL_SPEED_SIGMA = 1_000;
    private static final double FIRST_PLOT = 2.0;
    /** Steps before this time (s) are left out: the velocity prior still counts there. */
    private static final double SETTLED = FIRST_PLOT + 5.0;

    @Test
    void consistentOnTheWgs84FlightWithTheProcessNoiseItAssumes() {
        // q = 1 m²/s³ in the filter and in the truth. Bounds: the 95% two-sided interval of
        // chi-square(dof·100)/100, [5.35, 6.69] for NEES and [2.54, 3.50] for NIS. A consistent
        // filter's average falls inside at each step with probability 0.95; we ask for 90% of the
        // steps after 5 s, because the steps are not independent (each run's error is correlated
        // over the filter's memory of a few scans). Measured on this seed: NEES inside at 115 of
        // 125 steps, NIS at 122; on 8 other seeds 111 to 124 and 115 to 122 (so the 90% rule is
        // met by most, not all, seeds; the deterministic seed here does).
        //
        // Second check, over all steps and runs together: the grand mean NEES within 5% of 6 and
        // NIS within 5% of 3. Even if only 10 steps per run were independent, the grand mean's
        // standard error would be √(2·6/1000) = 0.11 (1.8%), so 5% is ≥ 2.7 standard errors.
        // Measured: 6.003 and 2.984 (8 other seeds: 5.87 to 6.16 and 2.96 to 3.05).
        Result r = simulate(EarthModel.WGS84, 1.0, 1.0);
        double[] nees95 = bounds(6, 0.95);
        double[] nis95 = bounds(3, 0.95);
        int steps = r.settledSteps();
        assertThat(steps).isGreaterThan(100);
        assertThat(r.stepsInside(r.meanNees(), nees95)).as("steps with the average NEES in %s of %d",
                Arrays.toString(nees95), steps).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * steps));
        assertThat(r.stepsInside(r.meanNis(), nis95)).as("steps with the average NIS in %s of %d",
                Arrays.toString(nis95), steps).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * steps));
        assertThat(r.grandMean(r.meanNees())).as("grand mean NEES").isBetween(6 * 0.95, 6 * 1.05);
        assertThat(r.grandMean(r.meanNis())).as("grand mean NIS").isBetween(3 * 0.95, 3 * 1.05);
    }

    @Test
    void consistentOnANoiseFreeFlightItsModelDescribesExactly() {
        // Point-mass gravity and rotation: GravityConstantVelocity's own Earth; q = 10⁻⁶ m²/s³ (a
        // token). Without process noise, each run's error is a few least-squares parameters that
        // barely change over the flight, so the per-step rule is a coin toss across seeds (measured
        // 71 to 122 of 125 steps inside on 8 seeds). The check that holds is on the grand mean over
        // steps and runs: in the worst case (each run's NEES constant in time) it is distributed as
        // chi-square(6·100)/100, and less spread otherwise, so its 99.9% interval [4.93, 7.21] bounds it;
        // likewise chi-square(3·100)/100 for NIS, [2.26, 3.87]. Measured: NEES 6.24 and NIS 2.98 (8 seeds:
        // 5.68 to 6.54 and 2.96 to 3.05); the same filter on the J2 flight gives 41.
        EarthModel pointMass = new EarthModel(Ellipsoid.WGS84, EarthModel.WGS84_MU, 0, EarthModel.WGS84_ROTATION_RATE);
        Result r = simulate(pointMass, 1e-6, 0.0);
        assertThat(r.grandMean(r.meanNees())).as("grand mean NEES").isBetween(bounds(6, 0.999)[0],
                bounds(6, 0.999)[1]);
        assertThat(r.grandMean(r.meanNis())).as("grand mean NIS").isBetween(bounds(3, 0.999)[0],
                bounds(3, 0.999)[1]);
    }

    /** Per-step averages over the runs. */
    private record Result(double[] times, double[] meanNees, double[] meanNis) {

        int settledSteps() {
            return (int) Arrays.stream(times).filter(t -> t >= SETTLED).count();
        }

        int stepsInside(double[] values, double[] interval) {
            int inside = 0;
            for (int k = 0; k < times.length; k++) {
                if (times[k] >= SETTLED && values[k] >= interval[0] && values[k] <= interval[1]) {
                    inside++;
                }
            }
            return inside;
        }

        double grandMean(double[] values) {
            double sum = 0;
            for (int k = 0; k < times.length; k++) {
                if (times[k] >= SETTLED) {
                    sum += values[k];
                }
            }
            return sum / settledSteps();
        }
    }

    /** Two-sided interval of the average over RUNS of chi-square(dof) with the given coverage. */
    private static double[] bounds(int dof, double coverage) {
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(dof * RUNS);
        double tail = (1 - coverage) / 2;
        return new double[] {chi2.inverseCumulativeProbability(tail) / RUNS,
            chi2.inverseCumulativeProbability(1 - tail) / RUNS};
    }

    /**
     * Runs the Monte Carlo.
     *
     * @param earth      the truth's Earth model
     * @param q          the filter's process noise (m²/s³)
     * @param truthNoise spectral density (m²/s³) of a white acceleration added to the truth, 0 for none
     */
    private static Result simulate(EarthModel earth, double q, double truthNoise) {
        Ellipsoid e = Ellipsoid.WGS84;
        GeodeticPoint launch = GeodeticPoint.ofDegrees(31.3, 34.35, 0);
        LocalFrame atLaunch = new LocalFrame(e, launch);
        double speed = 900;
        double el = Math.toRadians(45);
        double az = Math.toRadians(40);
        double[] pos = e.toEcef(launch);
        double[] vel = new double[3];
        atLaunch.rotateToEcef(speed * Math.cos(el) * Math.sin(az), speed * Math.cos(el) * Math.cos(az),
                speed * Math.sin(el), vel);
        Trajectory truth = new BallisticPropagator(earth, 0.05).propagate(0,
                new double[] {pos[0], pos[1], pos[2], vel[0], vel[1], vel[2]}, Double.POSITIVE_INFINITY, 0, 1_000);
        // the radar 40 km east and 15 km north of the launcher, beside the ground track
        double[] site = new double[3];
        atLaunch.enuToEcef(40_000, 15_000, 0, site);
        LocalFrame radar = new LocalFrame(e, e.toGeodetic(site).withAltitude(0));

        int steps = (int) Math.floor((truth.impactTime() - 1 - FIRST_PLOT) / REVISIT) + 1;
        double[] times = new double[steps];
        double[] meanNees = new double[steps];
        double[] meanNis = new double[steps];
        GravityConstantVelocity model = new GravityConstantVelocity(q, EarthModel.WGS84_MU,
                EarthModel.WGS84_ROTATION_RATE);
        ConvertedPosition converter = new ConvertedPosition();
        double[] f = new double[36];
        double[] b = new double[6];
        double[] qm = new double[36];
        double[] x = new double[6];
        double[] rae = new double[3];
        double[] delta = new double[6];
        // Cholesky factor of the per-axis white-acceleration noise [[T³/3, T²/2], [T²/2, T]]·q
        double l11 = Math.sqrt(truthNoise * REVISIT * REVISIT * REVISIT / 3);
        double l21 = truthNoise > 0 ? truthNoise * REVISIT * REVISIT / 2 / l11 : 0;
        double l22 = Math.sqrt(Math.max(0, truthNoise * REVISIT - l21 * l21));
        for (int run = 0; run < RUNS; run++) {
            RandomStream noise = new RandomStream(0xBA11 * 1_000L + run);
            RandomStream wander = new RandomStream(0xD1CE * 1_000L + run);
            Arrays.fill(delta, 0);
            KalmanFilter kf = new KalmanFilter(6, 3);
            for (int k = 0; k < steps; k++) {
                double t = FIRST_PLOT + k * REVISIT;
                times[k] = t;
                if (k > 0) {
                    // the truth's random departure: exact discretisation δ ← F δ + w, w ~ N(0, Q) per axis
                    // (linear superposition on the flight; the gravity gradient acting on δ, 3e-6/s²
                    // times a few metres, is negligible)
                    for (int i = 0; i < 3; i++) {
                        double u1 = wander.nextGaussian();
                        double u2 = wander.nextGaussian();
                        delta[i] += REVISIT * delta[i + 3] + l11 * u1;
                        delta[i + 3] += l21 * u1 + l22 * u2;
                    }
                }
                truth.stateAt(t, x);
                for (int i = 0; i < 6; i++) {
                    x[i] += delta[i];
                }
                radar.ecefToRae(x[0], x[1], x[2], rae);
                Plot plot = new Plot(t, 0, radar, rae[0] + SIGMA_R * noise.nextGaussian(),
                        rae[1] + SIGMA_ANGLE * noise.nextGaussian(), rae[2] + SIGMA_ANGLE * noise.nextGaussian(),
                        SIGMA_R, SIGMA_ANGLE, SIGMA_ANGLE);
                converter.convert(plot);
                if (k == 0) {
                    double[] p0 = new double[36];
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            p0[i * 6 + j] = 0.5 * (converter.r()[i * 3 + j] + converter.r()[j * 3 + i]);
                        }
                        p0[(i + 3) * 6 + i + 3] = INITIAL_SPEED_SIGMA * INITIAL_SPEED_SIGMA;
                    }
                    kf.initialise(new double[] {converter.z()[0], converter.z()[1], converter.z()[2], 0, 0, 0}, p0);
                    meanNis[k] = Double.NaN;
                } else {
                    model.transition(kf.state(), REVISIT, f, b, qm);
                    kf.predict(f, b, qm);
                    meanNis[k] += kf.update(converter.z(), ConvertedPosition.H, converter.r(), 3) / RUNS;
                }
                meanNees[k] += nees(kf, x) / RUNS;
            }
        }
        return new Result(times, meanNees, meanNis);
    }

    /** (x̂ − x)ᵀ P⁻¹ (x̂ − x), by Cholesky. */
    private static double nees(KalmanFilter kf, double[] x) {
        RealMatrix p = MatrixUtils.createRealMatrix(6, 6);
        double[] e = new double[6];
        for (int i = 0; i < 6; i++) {
            e[i] = kf.state()[i] - x[i];
            for (int j = 0; j < 6; j++) {
                p.setEntry(i, j, kf.covariance()[i * 6 + j]);
            }
        }
        double[] w = new CholeskyDecomposition(p).getSolver().solve(MatrixUtils.createRealVector(e)).toArray();
        double acc = 0;
        for (int i = 0; i < 6; i++) {
            acc += e[i] * w[i];
        }
        return acc;
    }
}
