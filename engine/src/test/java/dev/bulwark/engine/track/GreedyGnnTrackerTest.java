package dev.bulwark.engine.track;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.track.associate.GreedyAssociator;

/** Runs the {@link TrackerContract} on {@link GnnTracker} with the greedy association of its first version. */
class GreedyGnnTrackerTest extends TrackerContract {

    @Override
    protected Tracker newTracker(TrackerSettings settings, Ellipsoid ellipsoid, double groundAltitude,
            Tracker.Listener listener) {
        return new GnnTracker(settings, new GravityConstantVelocity(settings.processNoise(), EarthModel.WGS84_MU,
                EarthModel.WGS84_ROTATION_RATE), ellipsoid, groundAltitude, listener, new GreedyAssociator());
    }
}
