package dev.bulwark.engine.track;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.track.TrackerSettings.Association;
import dev.bulwark.engine.track.TrackerSettings.Filter;
import dev.bulwark.engine.track.TrackerSettings.Measurement;
import dev.bulwark.engine.track.TrackerSettings.Motion;
import org.junit.jupiter.api.Nested;

/**
 * Runs the {@link TrackerContract} over the trackers' filter × measurement × motion-model
 * combinations, for both associations: every motion model with the extended Kalman filter on
 * converted positions (the gravity model's are {@link GnnTrackerTest} and {@link JpdaTrackerTest})
 * and with the unscented filter on spherical measurements, plus the extended filter on spherical
 * measurements (with the estimated drag) and the unscented one on converted positions. The IMM
 * does not take the JPDA update (refused by {@link TrackerSettings}). Each nested class is one
 * combination, built as the simulation builds it ({@link TrackModel#of(TrackerSettings, double,
 * double, Ellipsoid, double, double, double, java.util.function.DoubleUnaryOperator)}) from the
 * contract's settings; the contract's rockets are Qassams, so the straight-flight models (constant
 * velocity, coordinated turn, IMM) track them with gravity and drag left to the process noise.
 */
class TrackerCombinationsTest {

    /** The contract on one combination. */
    abstract static class Combination extends TrackerContract {
        private final Association association;
        private final Filter filter;
        private final Measurement measurement;
        private final Motion motion;

        Combination(Association association, Filter filter, Measurement measurement, Motion motion) {
            this.association = association;
            this.filter = filter;
            this.measurement = measurement;
            this.motion = motion;
        }

        @Override
        protected Tracker newTracker(TrackerSettings settings, Ellipsoid ellipsoid, double groundAltitude,
                Tracker.Listener listener) {
            TrackerSettings s = new TrackerSettings(settings.confirmHits(), settings.confirmWindow(),
                    settings.deleteAfterMisses(), settings.processNoise(), settings.initialSpeedSigmaMps(),
                    settings.gateChiSquare(), association, motion, filter, measurement);
            EarthModel earth = EarthModel.WGS84;
            TrackModel model = TrackModel.of(s, earth.mu(), earth.j2(), ellipsoid, earth.rotationRate(),
                    TrackModel.DEFAULT_BETA_KG_M2, 0.5, StandardAtmosphere::density);
            return association == Association.JPDA ? new JpdaTracker(s, model, ellipsoid, groundAltitude, listener)
                    : new GnnTracker(s, model, ellipsoid, groundAltitude, listener);
        }
    }

    @Nested
    class GnnUkfSphericalGravity extends Combination {
        GnnUkfSphericalGravity() {
            super(Association.GNN, Filter.UKF, Measurement.SPHERICAL, Motion.GRAVITY);
        }
    }

    @Nested
    class GnnEkfConvertedBallisticDrag extends Combination {
        GnnEkfConvertedBallisticDrag() {
            super(Association.GNN, Filter.EKF, Measurement.CONVERTED, Motion.BALLISTIC_DRAG);
        }
    }

    @Nested
    class GnnUkfSphericalBallisticDrag extends Combination {
        GnnUkfSphericalBallisticDrag() {
            super(Association.GNN, Filter.UKF, Measurement.SPHERICAL, Motion.BALLISTIC_DRAG);
        }
    }

    @Nested
    class GnnEkfConvertedConstantVelocity extends Combination {
        GnnEkfConvertedConstantVelocity() {
            super(Association.GNN, Filter.EKF, Measurement.CONVERTED, Motion.CONSTANT_VELOCITY);
        }
    }

    @Nested
    class GnnUkfSphericalConstantVelocity extends Combination {
        GnnUkfSphericalConstantVelocity() {
            super(Association.GNN, Filter.UKF, Measurement.SPHERICAL, Motion.CONSTANT_VELOCITY);
        }
    }

    @Nested
    class GnnEkfConvertedBallisticEstimatedDrag extends Combination {
        GnnEkfConvertedBallisticEstimatedDrag() {
            super(Association.GNN, Filter.EKF, Measurement.CONVERTED, Motion.BALLISTIC_ESTIMATED_DRAG);
        }
    }

    @Nested
    class GnnUkfSphericalBallisticEstimatedDrag extends Combination {
        GnnUkfSphericalBallisticEstimatedDrag() {
            super(Association.GNN, Filter.UKF, Measurement.SPHERICAL, Motion.BALLISTIC_ESTIMATED_DRAG);
        }
    }

    @Nested
    class GnnEkfConvertedCoordinatedTurn extends Combination {
        GnnEkfConvertedCoordinatedTurn() {
            super(Association.GNN, Filter.EKF, Measurement.CONVERTED, Motion.COORDINATED_TURN);
        }
    }

    @Nested
    class GnnUkfSphericalCoordinatedTurn extends Combination {
        GnnUkfSphericalCoordinatedTurn() {
            super(Association.GNN, Filter.UKF, Measurement.SPHERICAL, Motion.COORDINATED_TURN);
        }
    }

    @Nested
    class GnnEkfConvertedImm extends Combination {
        GnnEkfConvertedImm() {
            super(Association.GNN, Filter.EKF, Measurement.CONVERTED, Motion.IMM);
        }
    }

    @Nested
    class GnnUkfSphericalImm extends Combination {
        GnnUkfSphericalImm() {
            super(Association.GNN, Filter.UKF, Measurement.SPHERICAL, Motion.IMM);
        }
    }

    @Nested
    class GnnEkfSphericalBallisticEstimatedDrag extends Combination {
        GnnEkfSphericalBallisticEstimatedDrag() {
            super(Association.GNN, Filter.EKF, Measurement.SPHERICAL, Motion.BALLISTIC_ESTIMATED_DRAG);
        }
    }

    @Nested
    class GnnUkfConvertedGravity extends Combination {
        GnnUkfConvertedGravity() {
            super(Association.GNN, Filter.UKF, Measurement.CONVERTED, Motion.GRAVITY);
        }
    }

    @Nested
    class JpdaUkfSphericalGravity extends Combination {
        JpdaUkfSphericalGravity() {
            super(Association.JPDA, Filter.UKF, Measurement.SPHERICAL, Motion.GRAVITY);
        }
    }

    @Nested
    class JpdaEkfConvertedBallisticDrag extends Combination {
        JpdaEkfConvertedBallisticDrag() {
            super(Association.JPDA, Filter.EKF, Measurement.CONVERTED, Motion.BALLISTIC_DRAG);
        }
    }

    @Nested
    class JpdaUkfSphericalBallisticDrag extends Combination {
        JpdaUkfSphericalBallisticDrag() {
            super(Association.JPDA, Filter.UKF, Measurement.SPHERICAL, Motion.BALLISTIC_DRAG);
        }
    }

    @Nested
    class JpdaEkfConvertedConstantVelocity extends Combination {
        JpdaEkfConvertedConstantVelocity() {
            super(Association.JPDA, Filter.EKF, Measurement.CONVERTED, Motion.CONSTANT_VELOCITY);
        }
    }

    @Nested
    class JpdaUkfSphericalConstantVelocity extends Combination {
        JpdaUkfSphericalConstantVelocity() {
            super(Association.JPDA, Filter.UKF, Measurement.SPHERICAL, Motion.CONSTANT_VELOCITY);
        }
    }

    @Nested
    class JpdaEkfConvertedBallisticEstimatedDrag extends Combination {
        JpdaEkfConvertedBallisticEstimatedDrag() {
            super(Association.JPDA, Filter.EKF, Measurement.CONVERTED, Motion.BALLISTIC_ESTIMATED_DRAG);
        }
    }

    @Nested
    class JpdaUkfSphericalBallisticEstimatedDrag extends Combination {
        JpdaUkfSphericalBallisticEstimatedDrag() {
            super(Association.JPDA, Filter.UKF, Measurement.SPHERICAL, Motion.BALLISTIC_ESTIMATED_DRAG);
        }
    }

    @Nested
    class JpdaEkfConvertedCoordinatedTurn extends Combination {
        JpdaEkfConvertedCoordinatedTurn() {
            super(Association.JPDA, Filter.EKF, Measurement.CONVERTED, Motion.COORDINATED_TURN);
        }
    }

    @Nested
    class JpdaUkfSphericalCoordinatedTurn extends Combination {
        JpdaUkfSphericalCoordinatedTurn() {
            super(Association.JPDA, Filter.UKF, Measurement.SPHERICAL, Motion.COORDINATED_TURN);
        }
    }

    @Nested
    class JpdaEkfSphericalBallisticEstimatedDrag extends Combination {
        JpdaEkfSphericalBallisticEstimatedDrag() {
            super(Association.JPDA, Filter.EKF, Measurement.SPHERICAL, Motion.BALLISTIC_ESTIMATED_DRAG);
        }
    }

    @Nested
    class JpdaUkfConvertedGravity extends Combination {
        JpdaUkfConvertedGravity() {
            super(Association.JPDA, Filter.UKF, Measurement.CONVERTED, Motion.GRAVITY);
        }
    }

}
