package dev.bulwark.engine.assign;

import dev.bulwark.engine.threat.AreaKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

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
 * <p>Value and cost: an area's effective value is its value times the weight of its kind
 * ({@code kindWeights}, 1 for a kind not listed); the value at risk of a threat is
 * Σ_k P_k·V_k·w(kind_k). The weapon-target assigners ({@link Assignment#GREEDY},
 * {@link Assignment#EXACT}, {@link Assignment#LNS}) maximise, each cycle, the expected defended
 * value saved minus {@code costWeight} times the cost of the shots ({@link WtaAssigner}).
 *
 * @param kindWeights                     weight of each kind of area (&gt; 0); kinds not in the map weigh 1
 * @param assignment                      the assignment algorithm
 * @param costWeight                      λ, value units per USD charged for a shot (≥ 0; 0: cost never holds fire)
 * @param ambiguousWait                   how long a threat between the threshold and the confidence level waits ({@link AmbiguousWait})
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
        double lowStockThreshold,
        Map<AreaKind, Double> kindWeights,
        Assignment assignment,
        double costWeight,
        AmbiguousWait ambiguousWait) {

    /** The assignment algorithm battle management runs each cycle. */
    public enum Assignment {
        /**
         * {@link GreedyAssigner}: threats one by one in order of value at risk, each to its best
         * battery; no objective, no cost.
         */
        THREAT_ORDER,
        /** {@link WtaAssigner} with greedy maximum marginal return. */
        GREEDY,
        /** {@link WtaAssigner} with branch and bound, falling back to {@link #LNS} above a size limit. */
        EXACT,
        /** {@link WtaAssigner} with the large-neighbourhood search. */
        LNS;

        /** The key used in scenario files. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How long a threat between {@code engageThreshold} and {@code engageConfidence} (an ambiguous
     * threat) is left to wait for a sharper prediction.
     */
    public enum AmbiguousWait {
        /**
         * While the battery could still intercept after the next look and, under shoot-look-shoot
         * with shots left, still fire a second shot after that intercept.
         */
        SECOND_SHOT,
        /**
         * While the battery could still intercept after the next look: the ambiguous threat gives up
         * the second shot's time and is engaged at the last look from which one shot (or salvo) is
         * still feasible, unless its probability rises to {@code engageConfidence} first (engaged
         * then, with a second shot if time allows) or falls below {@code engageThreshold} (held as
         * open ground).
         */
        LAST_SHOT;

        /** The key used in scenario files. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The wait for ambiguous threats when a scenario does not choose one. */
    public static final AmbiguousWait DEFAULT_AMBIGUOUS_WAIT = AmbiguousWait.SECOND_SHOT;

    /** The assignment algorithm when a scenario does not choose one. */
    public static final Assignment DEFAULT_ASSIGNMENT = Assignment.THREAT_ORDER;

    /**
     * Iron Dome-like defaults: consider threats with a 20% or higher chance of hitting a
     * defended area, engage at once from 60%, look again after 1 s; one round at a time, at
     * most two, shoot-look-shoot; an assumed ballistic coefficient of 10,000 kg/m².
     */
    public static final Doctrine DEFAULT = new Doctrine(0.2, 0.6, 1.0, 1, 2, true, 10_000.0);

    public Doctrine {
        kindWeights = Collections.unmodifiableMap(kindWeights.isEmpty() ? new EnumMap<>(AreaKind.class)
                : new EnumMap<>(kindWeights));
        for (double w : kindWeights.values()) {
            if (!(w > 0 && Double.isFinite(w))) {
                throw new IllegalArgumentException("invalid doctrine: kind weights must be positive, got " + w);
            }
        }
        if (assignment == null || ambiguousWait == null || !(costWeight >= 0 && Double.isFinite(costWeight))) {
            throw new IllegalArgumentException("invalid doctrine");
        }
        if (!(engageThreshold >= 0 && engageThreshold <= 1) || !(engageConfidence >= engageThreshold
                && engageConfidence <= 1) || !(reassessS >= 0) || salvoSize < 1
                || maxInterceptorsPerThreat < salvoSize || !(assumedBallisticCoefficientKgM2 > 0)
                || !(lowStockFraction >= 0 && lowStockFraction <= 1)
                || !(lowStockThreshold >= engageThreshold && lowStockThreshold <= 1)) {
            throw new IllegalArgumentException("invalid doctrine");
        }
    }

    /** A doctrine with the default wait for ambiguous threats. */
    public Doctrine(double engageThreshold, double engageConfidence, double reassessS, int salvoSize,
            int maxInterceptorsPerThreat, boolean shootLookShoot, double assumedBallisticCoefficientKgM2,
            double lowStockFraction, double lowStockThreshold, Map<AreaKind, Double> kindWeights,
            Assignment assignment, double costWeight) {
        this(engageThreshold, engageConfidence, reassessS, salvoSize, maxInterceptorsPerThreat, shootLookShoot,
                assumedBallisticCoefficientKgM2, lowStockFraction, lowStockThreshold, kindWeights, assignment,
                costWeight, DEFAULT_AMBIGUOUS_WAIT);
    }

    /** A doctrine with equal kind weights, the default assignment and no cost weight. */
    public Doctrine(double engageThreshold, double engageConfidence, double reassessS, int salvoSize,
            int maxInterceptorsPerThreat, boolean shootLookShoot, double assumedBallisticCoefficientKgM2,
            double lowStockFraction, double lowStockThreshold) {
        this(engageThreshold, engageConfidence, reassessS, salvoSize, maxInterceptorsPerThreat, shootLookShoot,
                assumedBallisticCoefficientKgM2, lowStockFraction, lowStockThreshold, Map.of(), DEFAULT_ASSIGNMENT, 0.0);
    }

    /** A doctrine that never saves stock (no low-stock rule). */
    public Doctrine(double engageThreshold, double engageConfidence, double reassessS, int salvoSize,
            int maxInterceptorsPerThreat, boolean shootLookShoot, double assumedBallisticCoefficientKgM2) {
        this(engageThreshold, engageConfidence, reassessS, salvoSize, maxInterceptorsPerThreat, shootLookShoot,
                assumedBallisticCoefficientKgM2, 0.0, engageThreshold);
    }

    /** This doctrine with another assignment algorithm and cost weight. */
    public Doctrine withAssignment(Assignment algorithm, double lambda) {
        return new Doctrine(engageThreshold, engageConfidence, reassessS, salvoSize, maxInterceptorsPerThreat,
                shootLookShoot, assumedBallisticCoefficientKgM2, lowStockFraction, lowStockThreshold, kindWeights,
                algorithm, lambda, ambiguousWait);
    }

    /** This doctrine with other kind weights. */
    public Doctrine withKindWeights(Map<AreaKind, Double> weights) {
        return new Doctrine(engageThreshold, engageConfidence, reassessS, salvoSize, maxInterceptorsPerThreat,
                shootLookShoot, assumedBallisticCoefficientKgM2, lowStockFraction, lowStockThreshold, weights,
                assignment, costWeight, ambiguousWait);
    }

    /** This doctrine with another wait for ambiguous threats. */
    public Doctrine withAmbiguousWait(AmbiguousWait wait) {
        return new Doctrine(engageThreshold, engageConfidence, reassessS, salvoSize, maxInterceptorsPerThreat,
                shootLookShoot, assumedBallisticCoefficientKgM2, lowStockFraction, lowStockThreshold, kindWeights,
                assignment, costWeight, wait);
    }

    /** The weight of a kind of area (1 when not set). */
    public double kindWeight(AreaKind kind) {
        return kindWeights.getOrDefault(kind, 1.0);
    }

    /** The assigner this doctrine asks for. */
    public WeaponTargetAssigner assigner() {
        return assigner(dev.bulwark.engine.parallel.Workers.CALLING_THREAD);
    }

    /** The assigner this doctrine asks for, planning intercepts on these workers (the same decisions). */
    public WeaponTargetAssigner assigner(dev.bulwark.engine.parallel.Workers workers) {
        return assignment == Assignment.THREAT_ORDER ? new GreedyAssigner(this, workers)
                : new WtaAssigner(this, workers);
    }

    /** Whether a battery with this share of its initial stock left may engage a threat of this probability. */
    public boolean stockAllows(double stockFraction, double probability) {
        return !(stockFraction < lowStockFraction) || probability >= lowStockThreshold;
    }
}
