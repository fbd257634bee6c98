package dev.bulwark.engine.track;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.Ellipsoid;

/** Runs the {@link TrackerContract} on {@link JpdaTracker} with its default P_D, clutter density and cap. */
class JpdaTrackerTest extends TrackerContract {

    @Override
    protected Tracker newTracker(TrackerSettings settings, Ellipsoid ellipsoid, double groundAltitude,
            Tracker.Listener listener) {
        return new JpdaTracker(settings, new GravityConstantVelocity(settings.processNoise(), EarthModel.WGS84_MU,
                EarthModel.WGS84_ROTATION_RATE), ellipsoid, groundAltitude, listener);
    }
}
