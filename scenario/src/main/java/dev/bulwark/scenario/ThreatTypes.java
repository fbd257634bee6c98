package dev.bulwark.scenario;

import dev.bulwark.engine.flight.ThreatType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code threat_types} entries, both in scenario files (where an entry may override a
 * catalogue type key by key) and in the built-in catalogue (where every key is given).
 */
final class ThreatTypes {

    static final List<String> KEYS = List.of("name", "mass_kg", "reference_area_m2", "drag_coefficient",
            "burnout_speed_mps", "min_elevation_deg", "rcs_m2", "cost_usd", "dispersion_fraction");

    /** Highest launcher elevation accepted as a minimum (deg): the aiming model searches low trajectories only. */
    static final double MAX_MIN_ELEVATION_DEG = 45;

    /**
     * What a {@code threat_types} list yields.
     *
     * @param types    every usable type by name: the base types (overridden where the list says so), then new ones
     * @param declared every name the list declared, usable or not (to avoid a second error where it is used)
     */
    record Result(Map<String, ThreatType> types, Set<String> declared) {
    }

    private ThreatTypes() {
    }

    /**
     * @param list the {@code threat_types} value (null if absent)
     * @param path its field path
     * @param base the types an entry may override by naming them
     */
    static Result read(Source src, Node list, String path, Map<String, ThreatType> base) {
        Map<String, ThreatType> types = new LinkedHashMap<>(base);
        Set<String> declared = new LinkedHashSet<>();
        Names names = new Names(src, "threat type");
        List<Node> items = Lists.items(src, list, path, "threat type");
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            Fields f = new Fields(src, item, itemPath, KEYS);
            if (!f.ok()) {
                continue;
            }
            String name = f.text("name");
            if (name != null && !names.add(name, f.get("name"), f.join("name"))) {
                name = null;
            }
            ThreatType from = name == null ? null : base.get(name);
            if (name != null) {
                declared.add(name);
            }
            List<String> missing = new ArrayList<>();
            boolean checkMissing = name != null && from == null;
            Double mass = value(f, "mass_kg", Range.POSITIVE, from == null ? null : from.massKg(), missing);
            Double area = value(f, "reference_area_m2", Range.POSITIVE,
                    from == null ? null : from.referenceAreaM2(), missing);
            Double cd = value(f, "drag_coefficient", Range.NON_NEGATIVE,
                    from == null ? null : from.dragCoefficient(), missing);
            Double speed = value(f, "burnout_speed_mps", Range.POSITIVE,
                    from == null ? null : from.burnoutSpeedMps(), missing);
            Double elevation = value(f, "min_elevation_deg", new Range(0, true, MAX_MIN_ELEVATION_DEG, false),
                    from == null ? null : Math.toDegrees(from.minElevationRad()), missing);
            Double rcs = value(f, "rcs_m2", Range.POSITIVE, from == null ? null : from.rcsM2(), missing);
            Double cost = value(f, "cost_usd", Range.NON_NEGATIVE, from == null ? null : from.costUsd(), missing);
            Double dispersion = value(f, "dispersion_fraction", Range.PROBABILITY,
                    from == null ? null : from.dispersionFraction(), missing);
            if (checkMissing && !missing.isEmpty()) {
                String field = missing.size() == 1 ? f.join(missing.get(0)) : itemPath;
                src.problem(item, field, "threat type '" + name + "' is not in the built-in catalogue ("
                        + String.join(", ", base.keySet()) + "), so it needs every key; missing: "
                        + String.join(", ", missing));
            }
            if (name != null && mass != null && area != null && cd != null && speed != null && elevation != null
                    && rcs != null && cost != null && dispersion != null) {
                types.put(name, new ThreatType(name, mass, area, cd, speed, Math.toRadians(elevation), rcs, cost,
                        dispersion));
            }
        }
        return new Result(types, declared);
    }

    /** A key's value, the base type's when absent, or null (noting it as missing when there is no base). */
    private static Double value(Fields f, String key, Range range, Double dflt, List<String> missing) {
        if (f.has(key)) {
            return Fields.number(f.source(), f.get(key), f.join(key), range);
        }
        if (dflt == null) {
            missing.add(key);
        }
        return dflt;
    }
}
