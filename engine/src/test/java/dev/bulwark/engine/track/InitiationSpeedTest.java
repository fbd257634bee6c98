package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.sim.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The fastest target the tracker can start: a new track starts at its first plot with zero
 * velocity and σ_v per axis, so its second plot, v·T away, must fall in a gate of about
 * √χ² · √(σ_v² T² + σ²) per axis. A ballistic missile at 3 km/s seen every 10 s by an
 * early-warning radar (1 km plot noise) lies 30 km on: outside the gate with the default
 * σ_v = 400 m/s (every plot starts a new tentative track and none confirms), inside it with the
 * single-point initiation rule σ_v = v_max/2 (Mallick and La Scala, Acta Automatica Sinica 34(3),
 * 2008), which confirms the track on its third plot (3 of 4). docs/models/pipeline.md, Tracking.
 */
class InitiationSpeedTest {

    private static final double REVISIT_S = 10;
    private static final double SIGMA_M = 1000;
    private static final int SCANS = 12;

    @Test
    void theDefaultPriorCannotStartAThreeKilometrePerSecondMissileSeenEveryTenSeconds() {
        Result r = fly(TrackerSettings.DEFAULT);
        assertThat(r.confirmed).isZero();
        // every plot started a tentative track of its own
        assertThat(r.started).isEqualTo(SCANS);
    }

    @Test
    void halfTheTopSpeedConfirmsItOnItsThirdPlot() {
        TrackerSettings d = TrackerSettings.DEFAULT;
        TrackerSettings wide = new TrackerSettings(d.confirmHits(), d.confirmWindow(), d.deleteAfterMisses(),
                d.processNoise(), 3000.0 / 2, d.gateChiSquare());
        Result r = fly(wide);
        assertThat(r.confirmed).isEqualTo(1);
        assertThat(r.firstConfirmation).isEqualTo(2 * REVISIT_S);
        assertThat(r.started).isEqualTo(1);
        assertThat(r.dropped).isZero();
    }

    private record Result(int started, int confirmed, int dropped, double firstConfirmation) {
    }

    /** A gravity-only flight at 3 km/s, 250 km up over the Middle East, plotted every 10 s. */
    private static Result fly(TrackerSettings settings) {
        GravityConstantVelocity motion = new GravityConstantVelocity(settings.processNoise(), EarthModel.WGS84_MU,
                EarthModel.WGS84_ROTATION_RATE);
        int[] confirmed = {0};
        int[] dropped = {0};
        double[] first = {Double.NaN};
        double[] now = {0};
        GnnTracker tracker = new GnnTracker(settings, motion, Ellipsoid.WGS84, 0, new Tracker.Listener() {
            @Override
            public void confirmed(Track track) {
                confirmed[0]++;
                if (Double.isNaN(first[0])) {
                    first[0] = now[0];
                }
            }

            @Override
            public void dropped(Track track, String reason) {
                dropped[0]++;
            }
        });
        double[] x = new double[6];
        Ellipsoid.WGS84.toEcef(Math.toRadians(32.3), Math.toRadians(44.0), 250_000, x);
        // 3 km/s: 2.8 km/s west, 1.1 km/s down, in the local east-north-up frame
        double lat = Math.toRadians(32.3);
        double lon = Math.toRadians(44.0);
        double ve = -2800;
        double vu = -1100;
        x[3] = -Math.sin(lon) * ve + Math.cos(lat) * Math.cos(lon) * vu;
        x[4] = Math.cos(lon) * ve + Math.cos(lat) * Math.sin(lon) * vu;
        x[5] = Math.sin(lat) * vu;
        RandomStream noise = new RandomStream(2024);
        double[] next = new double[6];
        double[] r = {SIGMA_M * SIGMA_M, 0, 0, 0, SIGMA_M * SIGMA_M, 0, 0, 0, SIGMA_M * SIGMA_M};
        double[] z = new double[3];
        for (int k = 0; k < SCANS; k++) {
            now[0] = k * REVISIT_S;
            for (int i = 0; i < 3; i++) {
                z[i] = x[i] + SIGMA_M * noise.nextGaussian();
            }
            tracker.update(now[0], 0, 1, z, r);
            for (int step = 0; step < 100; step++) {
                motion.propagate(x, REVISIT_S / 100, next);
                System.arraycopy(next, 0, x, 0, 6);
            }
        }
        return new Result(tracker.tracksStarted(), confirmed[0], dropped[0], first[0]);
    }
}
