package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.sensor.Plot;
import dev.bulwark.engine.sensor.Radar;
import dev.bulwark.engine.sensor.Scan;
import dev.bulwark.engine.sim.RandomStream;
import java.util.List;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the {@link TrackerContract} on {@link GnnTracker}, and adds its own checks. */
class GnnTrackerTest extends TrackerContract {

    @Override
    protected Tracker newTracker(TrackerSettings settings, Ellipsoid ellipsoid, double groundAltitude,
            Tracker.Listener listener) {
        return new GnnTracker(settings, new GravityConstantVelocity(settings.processNoise(), EarthModel.WGS84_MU,
                EarthModel.WGS84_ROTATION_RATE), ellipsoid, groundAltitude, listener);
    }

    @Test
    void refusesAMotionModelThatIsNotPositionAndVelocity() {
        MotionModel fourStates = new MotionModel() {
            @Override
            public int dimension() {
                return 4;
            }

            @Override
            public void transition(double[] x, double dt, double[] f, double[] b, double[] q) {
            }
        };
        assertThatThrownBy(() -> new GnnTracker(TrackerSettings.DEFAULT, fourStates, Ellipsoid.WGS84, 0,
                new Tracker.Listener() { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6");
    }

    @ParameterizedTest(name = "plot at {0} of the gate")
    @ValueSource(doubles = {0.95, 1.05})
    void aPlotIsAssociatedExactlyWhenItsMahalanobisDistanceIsInsideTheGate(double fraction) {
        // A tentative track from one plot; one second later a plot placed at squared Mahalanobis
        // distance fraction·γ from the track's prediction (S = H P Hᵀ + R with the new plot's own R,
        // found by fixed-point iteration, since R depends on where the plot is). Inside the gate it
        // updates the track; outside it starts a second track.
        TrackerSettings settings = TrackerSettings.DEFAULT;
        GnnTracker tracker = (GnnTracker) newTracker(settings, Ellipsoid.WGS84, 0, new Tracker.Listener() { });
        Radar radar = new Radar(radarSpec(), RADAR_INDEX, Ellipsoid.WGS84, 1, new RandomStream(1));
        Plot first = new Plot(0.0, RADAR_INDEX, radar.frame(), 20_000, 1.0, 0.2, 15, 0.002, 0.002);
        tracker.update(new Scan(0.0, RADAR_INDEX, List.of(first), radar));
        tracker.predictTo(1.0);
        Track track = tracker.tracks().get(0);
        double[] x = track.state().clone();
        RealMatrix pPos = MatrixUtils.createRealMatrix(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                pPos.setEntry(i, j, track.covariance()[i * 6 + j]);
            }
        }
        double[] direction = {0.48, -0.6, 0.64}; // a unit vector in whitened coordinates
        double scale = Math.sqrt(fraction * settings.gateChiSquare());
        ConvertedPosition converter = new ConvertedPosition();
        double[] rae = new double[3];
        double[] z = x.clone();
        Plot second = null;
        double d2 = 0;
        for (int iteration = 0; iteration < 6; iteration++) {
            radar.frame().ecefToRae(z[0], z[1], z[2], rae);
            second = new Plot(1.0, RADAR_INDEX, radar.frame(), rae[0], rae[1], rae[2], 15, 0.002, 0.002);
            converter.convert(second);
            RealMatrix s = pPos.add(symmetric(converter.r()));
            RealMatrix l = new CholeskyDecomposition(s).getL();
            double[] offset = l.operate(new double[] {scale * direction[0], scale * direction[1], scale * direction[2]});
            z = new double[] {x[0] + offset[0], x[1] + offset[1], x[2] + offset[2]};
            double[] nu = {converter.z()[0] - x[0], converter.z()[1] - x[1], converter.z()[2] - x[2]};
            d2 = MatrixUtils.createRealVector(nu).dotProduct(new CholeskyDecomposition(s).getSolver()
                    .solve(MatrixUtils.createRealVector(nu)));
        }
        assertThat(d2 / settings.gateChiSquare()).isCloseTo(fraction, within(1e-6));
        tracker.update(new Scan(1.0, RADAR_INDEX, List.of(second), radar));
        if (fraction < 1) {
            assertThat(tracker.tracks()).containsExactly(track);
            assertThat(track.plotsUsed()).isEqualTo(2);
        } else {
            assertThat(tracker.tracks()).hasSize(2);
            assertThat(tracker.tracks().get(0)).isSameAs(track);
            assertThat(track.plotsUsed()).isEqualTo(1);
            assertThat(track.consecutiveMisses()).isEqualTo(1);
        }
    }

    private static RealMatrix symmetric(double[] r) {
        RealMatrix m = MatrixUtils.createRealMatrix(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m.setEntry(i, j, 0.5 * (r[i * 3 + j] + r[j * 3 + i]));
            }
        }
        return m;
    }

    @Test
    void everyUnassociatedPlotStartsATrackWithItsPositionAndCovariance() {
        // Two plots far apart in one scan: two tentative tracks, numbered in plot order, at the
        // converted positions with the converted covariance and the initial velocity variance.
        GnnTracker tracker = (GnnTracker) newTracker(TrackerSettings.DEFAULT, Ellipsoid.WGS84, 0,
                new Tracker.Listener() { });
        Radar radar = new Radar(radarSpec(), RADAR_INDEX, Ellipsoid.WGS84, 1, new RandomStream(1));
        Plot near = new Plot(4.0, RADAR_INDEX, radar.frame(), 10_000, 1.0, 0.1, 15, 0.002, 0.002);
        Plot far = new Plot(4.0, RADAR_INDEX, radar.frame(), 40_000, 3.0, 0.2, 15, 0.002, 0.002);
        tracker.update(new Scan(4.0, RADAR_INDEX, List.of(near, far), radar));
        assertThat(tracker.tracksStarted()).isEqualTo(2);
        assertThat(tracker.tracks()).hasSize(2);
        ConvertedPosition converter = new ConvertedPosition();
        Plot[] plots = {near, far};
        for (int k = 0; k < 2; k++) {
            Track track = tracker.tracks().get(k);
            converter.convert(plots[k]);
            assertThat(track.id()).isEqualTo(k + 1);
            assertThat(track.time()).isEqualTo(4.0);
            assertThat(track.status()).isEqualTo(Track.Status.TENTATIVE);
            assertThat(track.plotsUsed()).isEqualTo(1);
            assertThat(track.lastSensor()).isEqualTo(RADAR_INDEX);
            assertThat(track.state()).containsExactly(converter.z()[0], converter.z()[1], converter.z()[2], 0, 0, 0);
            double sv = TrackerSettings.DEFAULT.initialSpeedSigmaMps();
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    double expected = i < 3 && j < 3 ? converter.r()[i * 3 + j] : i == j ? sv * sv : 0;
                    assertThat(track.covariance()[i * 6 + j]).as("P[%d][%d]", i, j).isEqualTo(expected);
                }
            }
        }
        assertThatThrownBy(() -> tracker.tracks().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
