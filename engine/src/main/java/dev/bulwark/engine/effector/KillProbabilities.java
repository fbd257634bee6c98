package dev.bulwark.engine.effector;

import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.ThreatClass.Category;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A battery's single-shot probability of kill against each kind of threat: by threat type name
 * (e.g. {@code grad-122}), else by the type's {@link Category}, else a default.
 *
 * <p>Two readers: the kill draw at the intercept uses the <i>true</i> threat's type
 * ({@link #against(ThreatClass)}); battle management, which never sees the truth, uses the
 * category threat evaluation gives the track ({@link #against(Category)}). Immutable.
 *
 * @param byDefault  probability for a threat neither map names, in [0, 1]
 * @param byCategory probabilities per category, in [0, 1]
 * @param byType     probabilities per threat type name, in [0, 1]
 */
public record KillProbabilities(double byDefault, Map<Category, Double> byCategory, Map<String, Double> byType) {

    public KillProbabilities {
        byCategory = Collections.unmodifiableMap(byCategory.isEmpty() ? new EnumMap<>(Category.class)
                : new EnumMap<>(byCategory));
        byType = Collections.unmodifiableMap(new TreeMap<>(byType));
        check(byDefault);
        byCategory.values().forEach(KillProbabilities::check);
        byType.values().forEach(KillProbabilities::check);
    }

    /** The same probability against every threat. */
    public static KillProbabilities uniform(double pk) {
        return new KillProbabilities(pk, Map.of(), Map.of());
    }

    /** Whether every threat gets the default. */
    public boolean isUniform() {
        return byCategory.isEmpty() && byType.isEmpty();
    }

    /** Against a true threat: its type's entry, else its category's, else the default. */
    public double against(ThreatClass type) {
        Double p = byType.get(type.name());
        return p != null ? p : against(type.category());
    }

    /** Against a threat known only by its category: the category's entry, else the default. */
    public double against(Category category) {
        return byCategory.getOrDefault(category, byDefault);
    }

    private static void check(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability of kill must be in [0, 1], got " + p);
        }
    }
}
