package dev.bulwark.engine.assign;

/**
 * The rules battle management follows.
 *
 * @param engageThreshold                 engage a threat only if its probability of impact inside some defended area is at least this
 * @param salvoSize                       interceptors fired together at one threat
 * @param maxInterceptorsPerThreat        most interceptors ever fired at one threat
 * @param shootLookShoot                  after a miss, engage again if time allows
 * @param assumedBallisticCoefficientKgM2 ballistic coefficient (kg/m²) assumed when predicting a track's impact point
 */
public record Doctrine(
        double engageThreshold,
        int salvoSize,
        int maxInterceptorsPerThreat,
        boolean shootLookShoot,
        double assumedBallisticCoefficientKgM2) {

    /** Iron Dome-like defaults: engage at ≥ 20% chance of hitting a defended area, one round at a time, at most two. */
    public static final Doctrine DEFAULT = new Doctrine(0.2, 1, 2, true, 10_000.0);

    public Doctrine {
        if (!(engageThreshold >= 0 && engageThreshold <= 1) || salvoSize < 1 || maxInterceptorsPerThreat < salvoSize
                || !(assumedBallisticCoefficientKgM2 > 0)) {
            throw new IllegalArgumentException("invalid doctrine");
        }
    }
}
