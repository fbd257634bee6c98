package dev.bulwark.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.track.associate.JpdaAssociator;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link TrackerContract} on {@link JpdaTracker} with its default P_D, clutter density and
 * cap, and checks its own soft update and initiation rule.
 */
class JpdaTrackerTest extends TrackerContract {

    @Override
    protected Tracker newTracker(TrackerSettings settings, Ellipsoid ellipsoid, double groundAltitude,
            Tracker.Listener listener) {
        return new JpdaTracker(settings, new GravityConstantVelocity(settings.processNoise(), EarthModel.WGS84_MU,
                EarthModel.WGS84_ROTATION_RATE), ellipsoid, groundAltitude, listener);
    }

    @Test
    void twoPlotsInOneGateBothPullTheTrackAndOnlyAnImprobablePlotStartsATrack() {
        // One track started at the origin (R = 25² m² per axis, speed σ 10 m/s, q = 1). One second
        // later: plots A (+30 m in x) and B (−30 m in x) symmetric about the prediction, so β_A = β_B,
        // and plot C 100 km away. The update moves x by K (β_A ν_A + β_B ν_B) = 0: the track stays
        // on the origin, its x variance grows by the spread term over what one plot would leave,
        // and A and B, each with β = (1 − β₀)/2 < 1/2 (β₀ > 0), both start tentative tracks,
        // as does C (β = 0). With the clutter density raised so that β₀ is large, the spread
        // term is visible.
        TrackerSettings settings = new TrackerSettings(3, 4, 3, 1.0, 10.0, 16.27);
        JpdaTracker tracker = new JpdaTracker(settings, new ConstantVelocity(1.0), Ellipsoid.WGS84,
                Double.NEGATIVE_INFINITY, new Tracker.Listener() { }, new JpdaAssociator(0.9, 1e-6, 100), 0.5);
        double[] r = new double[9 * 3];
        for (int k = 0; k < 3; k++) {
            r[9 * k] = r[9 * k + 4] = r[9 * k + 8] = 625;
        }
        tracker.update(0, 0, 1, new double[] {0, 0, 0}, r);
        assertThat(tracker.tracks()).hasSize(1);
        double[] z = {30, 0, 0, -30, 0, 0, 100_000, 0, 0};
        tracker.update(1, 0, 3, z, r);
        Track track = tracker.tracks().get(0);
        assertThat(track.state()[0]).isCloseTo(0.0, within(1e-9));
        assertThat(track.plotsUsed()).isEqualTo(2);
        // one plot at the prediction would leave the x variance at (P⁻ − P⁻²/(P⁻ + R)); the PDAF
        // leaves more (β₀ P⁻ weight and the spread of ±30 m)
        double prior = 625 + 100 + 1.0 / 3; // P_xx after 1 s: R + σ_v² dt² + q dt³/3
        double single = prior - prior * prior / (prior + 625);
        assertThat(track.covariance()[0]).isGreaterThan(single * 1.05);
        assertThat(tracker.tracks()).as("A, B and C each start a track").hasSize(4);
        assertThat(tracker.tracksStarted()).isEqualTo(4);
    }
}
