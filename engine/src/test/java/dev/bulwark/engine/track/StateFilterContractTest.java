package dev.bulwark.engine.track;

import java.util.List;
import org.junit.jupiter.api.Nested;

/** The {@link StateFilterContract} over every filter. */
class StateFilterContractTest {

    @Nested
    class Extended extends StateFilterContract {
        @Override
        StateFilter newFilter(MotionModel model) {
            return new ExtendedKalmanFilter(6, 4);
        }

        @Override
        MotionModel predictionModel(MotionModel model) {
            return model;
        }
    }

    @Nested
    class ExtendedSharingWorkArrays extends StateFilterContract {
        @Override
        StateFilter newFilter(MotionModel model) {
            return new ExtendedKalmanFilter(new ExtendedKalmanFilter(6, 4));
        }

        @Override
        MotionModel predictionModel(MotionModel model) {
            return model;
        }
    }

    @Nested
    class Unscented extends StateFilterContract {
        @Override
        StateFilter newFilter(MotionModel model) {
            return new UnscentedKalmanFilter(6, 4);
        }

        @Override
        MotionModel predictionModel(MotionModel model) {
            return model;
        }
    }

    /** Two modes with the same model: the IMM must be that model's filter. */
    @Nested
    class InteractingMultipleModel extends StateFilterContract {
        @Override
        StateFilter newFilter(MotionModel model) {
            return new ImmFilter(List.of(new ExtendedKalmanFilter(6, 4), new UnscentedKalmanFilter(6, 4)),
                    List.of(model, model), new double[] {0.9, 0.1, 0.2, 0.8}, new double[] {0.5, 0.5}, 4);
        }

        @Override
        MotionModel predictionModel(MotionModel model) {
            return null;
        }
    }
}
