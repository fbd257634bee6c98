package dev.bulwark.engine.assign;

/**
 * The rules battle management follows.
 *
 * <p>Engagement under uncertainty: a threat whose probability of impact in a defended area is
 * at least {@code engageThreshold} but below {@code engageConfidence} is engaged only when
 * waiting {@code reassessS} more for a sharper prediction would leave no feasible intercept
 * (or, under shoot-look-shoot, no time for a second shot after it); above
 * {@code engageConfidence} it is engaged at once. Early in flight the impact prediction
 * is wide, so this keeps interceptors for the threats that really are bound for a town.
 *
 * @param engageThreshold                 engage a threat only if its probability of impact inside some defended area is at least this
 * @param engageConfidence                at or above this probability, engage at once; below it, wait while an intercept stays feasible
 * @param reassessS                       the wait for the next look (s) assumed when deciding whether to wait
 * @param salvoSize                       interceptors fired together at one threat
 * @param maxInterceptorsPerThreat        most interceptors ever fired at one threat
 * @param shootLookShoot                  after a miss, engage again if time allows
 * @param assumedBallisticCoefficientKgM2 ballistic coefficient (kg/m²) assumed when predicting a track's impact point
 */
public record Doctrine(
        double engageThreshold,
        double engageConfidence,
        double reassessS,
        int salvoSize,
        int maxInterceptorsPerThreat,
        boolean shootLookShoot,
        double assumedBallisticCoefficientKgM2) {

    /**
     * Iron Dome-like defaults: consider threats with a 20% or higher chance of hitting a
     * defended area, engage at once from 60%, look again after 1 s; one round at a time, at
     * most two, shoot-look-shoot; an assumed ballistic coefficient of 10,000 kg/m².
     */
    public static final Doctrine DEFAULT = new Doctrine(0.2, 0.6, 1.0, 1, 2, true, 10_000.0);

    public Doctrine {
        if (!(engageThreshold >= 0 && engageThreshold <= 1) || !(engageConfidence >= engageThreshold
                && engageConfidence <= 1) || !(reassessS >= 0) || salvoSize < 1
                || maxInterceptorsPerThreat < salvoSize || !(assumedBallisticCoefficientKgM2 > 0)) {
            throw new IllegalArgumentException("invalid doctrine");
        }
    }
}
