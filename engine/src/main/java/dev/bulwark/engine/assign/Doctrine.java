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
 * <p>Saving stock: a battery whose stock (ready and reserve rounds) has fallen below
 * {@code lowStockFraction} of its initial stock engages only threats whose probability of
 * impact in a defended area is at least {@code lowStockThreshold}, keeping its last rounds for
 * the surest threats of a long campaign. A fraction of 0 turns the rule off.
 *
 * @param assumedBallisticCoefficientKgM2 ballistic coefficient (kg/m²) assumed when predicting a track's impact point
 * @param lowStockFraction                below this share of its initial stock, a battery saves its rounds (0: never)
 * @param lowStockThreshold               the probability a battery saving its rounds requires before engaging
 */
public record Doctrine(
        double engageThreshold,
        double engageConfidence,
        double reassessS,
        int salvoSize,
        int maxInterceptorsPerThreat,
        boolean shootLookShoot,
        double assumedBallisticCoefficientKgM2,
        double lowStockFraction,
        double lowStockThreshold) {

    /**
     * Iron Dome-like defaults: consider threats with a 20% or higher chance of hitting a
     * defended area, engage at once from 60%, look again after 1 s; one round at a time, at
     * most two, shoot-look-shoot; an assumed ballistic coefficient of 10,000 kg/m².
     */
    public static final Doctrine DEFAULT = new Doctrine(0.2, 0.6, 1.0, 1, 2, true, 10_000.0);

    public Doctrine {
        if (!(engageThreshold >= 0 && engageThreshold <= 1) || !(engageConfidence >= engageThreshold
                && engageConfidence <= 1) || !(reassessS >= 0) || salvoSize < 1
                || maxInterceptorsPerThreat < salvoSize || !(assumedBallisticCoefficientKgM2 > 0)
                || !(lowStockFraction >= 0 && lowStockFraction <= 1)
                || !(lowStockThreshold >= engageThreshold && lowStockThreshold <= 1)) {
            throw new IllegalArgumentException("invalid doctrine");
        }
    }

    /** A doctrine that never saves stock (no low-stock rule). */
    public Doctrine(double engageThreshold, double engageConfidence, double reassessS, int salvoSize,
            int maxInterceptorsPerThreat, boolean shootLookShoot, double assumedBallisticCoefficientKgM2) {
        this(engageThreshold, engageConfidence, reassessS, salvoSize, maxInterceptorsPerThreat, shootLookShoot,
                assumedBallisticCoefficientKgM2, 0.0, engageThreshold);
    }

    /** Whether a battery with this share of its initial stock left may engage a threat of this probability. */
    public boolean stockAllows(double stockFraction, double probability) {
        return !(stockFraction < lowStockFraction) || probability >= lowStockThreshold;
    }
}
