package dev.bulwark.scenario;

import dev.bulwark.engine.flight.Boost;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.Motor;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.guided.BallisticMissileThreat;
import dev.bulwark.engine.flight.guided.WaypointThreat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code threat_types} entries, both in scenario files (where an entry may override a
 * catalogue type key by key) and in the built-in catalogue (where every required key is given).
 *
 * <p>Alternatives: the drag is {@code drag_coefficient} (constant) or {@code drag_table}
 * ({@code [[mach, cd], ...]}); the boost is {@code burnout_speed_mps} (instantaneous) or a motor
 * ({@code burn_time_s}, {@code thrust_n} or {@code total_impulse_n_s}, {@code propellant_mass_kg},
 * optional {@code rail_length_m}). An override that gives one alternative replaces the other;
 * an override of some motor keys of a type that has a motor keeps its other motor keys.
 */
final class ThreatTypes {

    static final List<String> KEYS = List.of("name", "kind", "mass_kg", "reference_area_m2", "drag_coefficient", "drag_table",
            "burnout_speed_mps", "burn_time_s", "thrust_n", "total_impulse_n_s", "propellant_mass_kg",
            "rail_length_m", "min_elevation_deg", "max_elevation_deg", "trajectory", "rcs_m2", "cost_usd",
            "dispersion_fraction");

    /** Keys that describe a motor. */
    static final List<String> MOTOR_KEYS = List.of("burn_time_s", "thrust_n", "total_impulse_n_s",
            "propellant_mass_kg", "rail_length_m");

    /** Rail length (m) of a motor that does not give one: about a BM-21 launch tube's length [notional]. */
    static final double DEFAULT_RAIL_LENGTH_M = 3.0;
    /** Maximum elevation (deg) of a new type that does not give one, for low- and for high-angle fire [notional]. */
    static final double DEFAULT_MAX_ELEVATION_LOW_DEG = 70;
    static final double DEFAULT_MAX_ELEVATION_HIGH_DEG = 85;
    /** Elevations (deg) accepted: from level to just short of vertical. */
    static final Range ELEVATION = new Range(0, true, 90, false);

    private static final String MOTOR_NEEDS = "burn_time_s, thrust_n (or total_impulse_n_s) and propellant_mass_kg";

    /**
     * What a {@code threat_types} list yields.
     *
     * @param types    every usable type by name: the base types (overridden where the list says so), then new ones
     * @param declared every name the list declared, usable or not (to avoid a second error where it is used)
     */
    record Result(Map<String, ThreatClass> types, Set<String> declared) {
    }

    /** The values of {@code kind}, in the order documented. */
    static final List<String> KINDS = List.of("unguided", "drone", "cruise_missile", "ballistic_missile");

    private ThreatTypes() {
    }

    /**
     * @param list the {@code threat_types} value (null if absent)
     * @param path its field path
     * @param base the types an entry may override by naming them
     */
    static Result read(Source src, Node list, String path, Map<String, ThreatClass> base) {
        Map<String, ThreatClass> types = new LinkedHashMap<>(base);
        Set<String> declared = new LinkedHashSet<>();
        Names names = new Names(src, "threat type");
        List<Node> items = Lists.items(src, list, path, "threat type");
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            String peekedName = scalar(item, "name");
            ThreatClass base0 = peekedName == null ? null : base.get(peekedName);
            String kind = kind(src, item, itemPath, base0);
            if (kind == null) {
                if (peekedName != null) {
                    declared.add(peekedName);
                }
                continue;
            }
            List<String> keys = switch (kind) {
                case "drone", "cruise_missile" -> GuidedThreatTypes.WAYPOINT_KEYS;
                case "ballistic_missile" -> GuidedThreatTypes.MISSILE_KEYS;
                default -> KEYS;
            };
            Fields f = new Fields(src, item, itemPath, keys);
            if (!f.ok()) {
                continue;
            }
            String name = f.text("name");
            if (name != null && !names.add(name, f.get("name"), f.join("name"))) {
                name = null;
            }
            ThreatClass from = name == null ? null : base.get(name);
            if (name != null) {
                declared.add(name);
            }
            List<String> catalogue = new ArrayList<>(base.keySet());
            ThreatClass type = switch (kind) {
                case "drone" -> GuidedThreatTypes.waypoint(src, f, item, itemPath, name, ThreatClass.Category.DRONE,
                        (WaypointThreat) from, catalogue);
                case "cruise_missile" -> GuidedThreatTypes.waypoint(src, f, item, itemPath, name,
                        ThreatClass.Category.CRUISE_MISSILE, (WaypointThreat) from, catalogue);
                case "ballistic_missile" -> GuidedThreatTypes.missile(src, f, item, itemPath, name,
                        (BallisticMissileThreat) from, catalogue);
                default -> entry(src, f, item, itemPath, name, (ThreatType) from, catalogue);
            };
            if (type != null) {
                types.put(name, type);
            }
        }
        return new Result(types, declared);
    }

    /**
     * The {@code kind} of an entry: the one it gives, else its catalogue type's, else
     * {@code unguided}; null after reporting an unknown kind or a change of a catalogue type's kind.
     */
    private static String kind(Source src, Node item, String itemPath, ThreatClass from) {
        String inherited = from == null ? null : kindOf(from);
        Node node = child(item, "kind");
        if (node == null) {
            return inherited == null ? "unguided" : inherited;
        }
        String field = itemPath + ".kind";
        String text = Fields.text(src, node, field);
        if (text == null) {
            return null;
        }
        if (!KINDS.contains(text)) {
            String guess = Suggestions.closest(text, KINDS);
            src.problem(node, field, "unknown kind '" + text + "'" + (guess != null ? "; did you mean '" + guess
                    + "'? " : "; ") + "valid: " + String.join(", ", KINDS));
            return null;
        }
        if (inherited != null && !inherited.equals(text)) {
            src.problem(node, field, "'" + from.name() + "' is a " + inherited + " in the built-in catalogue; an"
                    + " entry with its name changes its values, not its kind (give a new name for a new " + text
                    + ")");
            return null;
        }
        return text;
    }

    /** The {@code kind} key of a type. */
    static String kindOf(ThreatClass type) {
        return type.category() == ThreatClass.Category.ROCKET_ARTILLERY_MORTAR ? "unguided" : type.category().key();
    }

    private static Node child(Node item, String key) {
        if (item instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    private static String scalar(Node item, String key) {
        return child(item, key) instanceof ScalarNode s ? s.getValue() : null;
    }

    /** One entry as a type, or null after reporting its problems. */
    private static ThreatType entry(Source src, Fields f, Node item, String itemPath, String name, ThreatType from,
            List<String> catalogue) {
        int problemsBefore = src.problems().size();
        List<String> missing = new ArrayList<>();
        Double mass = value(f, "mass_kg", Range.POSITIVE, from == null ? null : from.massKg(), missing);
        Double area = value(f, "reference_area_m2", Range.POSITIVE, from == null ? null : from.referenceAreaM2(),
                missing);
        DragTable drag = drag(src, f, from, missing);
        Boost boost = boost(src, f, name, from, missing);
        Double minElevation = value(f, "min_elevation_deg", ELEVATION,
                from == null ? null : Math.toDegrees(from.minElevationRad()), missing);
        ThreatType.AngleOfFire angle = angleOfFire(src, f, from);
        Double maxElevation;
        if (f.has("max_elevation_deg")) {
            maxElevation = Fields.number(src, f.get("max_elevation_deg"), f.join("max_elevation_deg"), ELEVATION);
        } else if (from != null) {
            maxElevation = Math.toDegrees(from.maxElevationRad());
        } else {
            maxElevation = angle == ThreatType.AngleOfFire.HIGH ? DEFAULT_MAX_ELEVATION_HIGH_DEG
                    : DEFAULT_MAX_ELEVATION_LOW_DEG;
        }
        Double rcs = value(f, "rcs_m2", Range.POSITIVE, from == null ? null : from.rcsM2(), missing);
        Double cost = value(f, "cost_usd", Range.NON_NEGATIVE, from == null ? null : from.costUsd(), missing);
        Double dispersion = value(f, "dispersion_fraction", Range.PROBABILITY,
                from == null ? null : from.dispersionFraction(), missing);
        if (name != null && from == null && !missing.isEmpty()) {
            String field = missing.size() == 1 ? f.join(missing.get(0).split(" ")[0]) : itemPath;
            src.problem(item, field, "threat type '" + name + "' is not in the built-in catalogue ("
                    + String.join(", ", catalogue) + "), so it needs all its required keys; missing: "
                    + String.join("; ", missing));
        }
        if (minElevation != null && maxElevation != null && !(maxElevation > minElevation)) {
            boolean maxGiven = f.has("max_elevation_deg");
            String key = maxGiven ? "max_elevation_deg" : "min_elevation_deg";
            src.problem(f.get(key), f.join(key), "max_elevation_deg (" + Numbers.format(maxElevation)
                    + (maxGiven ? "" : ", from " + (from != null ? "the catalogue" : "its default"))
                    + ") must be above min_elevation_deg (" + Numbers.format(minElevation) + ")");
            return null;
        }
        if (name == null || mass == null || area == null || drag == null || boost == null || minElevation == null
                || maxElevation == null || angle == null || rcs == null || cost == null || dispersion == null
                || src.problems().size() > problemsBefore) {
            return null;
        }
        return new ThreatType(name, mass, area, drag, boost, Math.toRadians(minElevation),
                Math.toRadians(maxElevation), angle, rcs, cost, dispersion);
    }

    /** {@code drag_coefficient} or {@code drag_table}, else the base type's drag; null if neither. */
    private static DragTable drag(Source src, Fields f, ThreatType from, List<String> missing) {
        return drag(src, f, "drag_coefficient", "drag_table", from == null ? null : from.drag(), missing);
    }

    /**
     * A drag given as a constant coefficient or as a table under two keys, else a default; null
     * (noting it as missing when there is no default) if neither, or after a problem.
     */
    static DragTable drag(Source src, Fields f, String constantKey, String tableKey, DragTable dflt,
            List<String> missing) {
        if (f.has(constantKey) && f.has(tableKey)) {
            src.problem(f.get(tableKey), f.join(tableKey), "give either " + constantKey + " (the same at every Mach"
                    + " number) or " + tableKey + " ([[mach, cd], ...]), not both");
            return null;
        }
        if (f.has(constantKey)) {
            Double cd = Fields.number(src, f.get(constantKey), f.join(constantKey), Range.NON_NEGATIVE);
            return cd == null ? null : DragTable.constant(cd);
        }
        if (f.has(tableKey)) {
            return dragTable(src, f.get(tableKey), f.join(tableKey));
        }
        if (dflt == null) {
            missing.add(constantKey + " or " + tableKey);
        }
        return dflt;
    }

    /** A list of [mach, cd] pairs, Mach increasing; null after reporting its problems. */
    static DragTable dragTable(Source src, Node node, String field) {
        if (!(node instanceof SequenceNode) || ((SequenceNode) node).getValue().isEmpty()) {
            src.problem(node, field, "expected a list of [mach, cd] pairs, Mach increasing, such as"
                    + " [[0.0, 0.3], [1.0, 0.5], [2.0, 0.4]]; got " + (node instanceof SequenceNode ? "an empty list"
                            : Fields.describe(node)));
            return null;
        }
        List<Node> items = ((SequenceNode) node).getValue();
        double[] mach = new double[items.size()];
        double[] cd = new double[items.size()];
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Node pair = items.get(i);
            String at = field + "[" + i + "]";
            if (!(pair instanceof SequenceNode) || ((SequenceNode) pair).getValue().size() != 2) {
                int n = pair instanceof SequenceNode ? ((SequenceNode) pair).getValue().size() : -1;
                src.problem(pair, at, "expected a pair [mach, cd], got " + (n < 0 ? Fields.describe(pair)
                        : n + (n == 1 ? " number" : " numbers")));
                ok = false;
                continue;
            }
            List<Node> xs = ((SequenceNode) pair).getValue();
            Double m = Fields.number(src, xs.get(0), at + "[0]", Range.NON_NEGATIVE);
            Double c = Fields.number(src, xs.get(1), at + "[1]", Range.NON_NEGATIVE);
            if (m == null || c == null) {
                ok = false;
                continue;
            }
            if (i > 0 && ok && !(m > mach[i - 1])) {
                src.problem(xs.get(0), at + "[0]", "Mach numbers must increase down the table: "
                        + Numbers.format(m) + " follows " + Numbers.format(mach[i - 1]));
                ok = false;
            }
            mach[i] = m;
            cd[i] = c;
        }
        return ok ? DragTable.of(mach, cd) : null;
    }

    /**
     * {@code burnout_speed_mps} or the motor keys, else the base type's boost; null if neither or
     * after a problem.
     */
    private static Boost boost(Source src, Fields f, String name, ThreatType from, List<String> missing) {
        boolean motorKeys = MOTOR_KEYS.stream().anyMatch(f::has);
        if (f.has("burnout_speed_mps") && motorKeys) {
            src.problem(f.get("burnout_speed_mps"), f.join("burnout_speed_mps"), "give either burnout_speed_mps (an"
                    + " instantaneous boost) or a motor (" + MOTOR_NEEDS + ", and rail_length_m), not both");
            return null;
        }
        if (f.has("burnout_speed_mps")) {
            Double v = Fields.number(src, f.get("burnout_speed_mps"), f.join("burnout_speed_mps"), Range.POSITIVE);
            return v == null ? null : new Boost.BurnoutSpeed(v);
        }
        if (!motorKeys) {
            if (from == null) {
                missing.add("burnout_speed_mps or a motor (" + MOTOR_NEEDS + ")");
                return null;
            }
            return from.boost();
        }
        Motor old = from == null ? null : from.motor();
        if (f.has("thrust_n") && f.has("total_impulse_n_s")) {
            src.problem(f.get("total_impulse_n_s"), f.join("total_impulse_n_s"),
                    "give either thrust_n or total_impulse_n_s (thrust_n × burn_time_s), not both");
            return null;
        }
        List<String> motorMissing = new ArrayList<>();
        Double burn = value(f, "burn_time_s", Range.POSITIVE, old == null ? null : old.burnTimeS(), motorMissing);
        Double propellant = value(f, "propellant_mass_kg", Range.POSITIVE,
                old == null ? null : old.propellantMassKg(), motorMissing);
        Double rail = f.number("rail_length_m", Range.POSITIVE, old == null ? DEFAULT_RAIL_LENGTH_M : old.railLengthM());
        Double thrust;
        if (f.has("thrust_n")) {
            thrust = Fields.number(src, f.get("thrust_n"), f.join("thrust_n"), Range.POSITIVE);
        } else if (f.has("total_impulse_n_s")) {
            Double impulse = Fields.number(src, f.get("total_impulse_n_s"), f.join("total_impulse_n_s"),
                    Range.POSITIVE);
            thrust = impulse == null || burn == null ? null : impulse / burn;
        } else if (old != null) {
            thrust = old.thrustN();
        } else {
            motorMissing.add("thrust_n (or total_impulse_n_s)");
            thrust = null;
        }
        if (!motorMissing.isEmpty()) {
            String why = from != null ? "'" + name + "' has an instantaneous boost (burnout_speed_mps) in the catalogue,"
                    + " so a motor needs " : "a motor needs ";
            String first = motorMissing.get(0).split(" ")[0];
            src.problem(f.node(), f.join(first), why + MOTOR_NEEDS + "; missing: " + String.join(", ", motorMissing));
            return null;
        }
        if (burn == null || propellant == null || rail == null || thrust == null) {
            return null;
        }
        return new Motor(burn, thrust, propellant, rail);
    }

    /** {@code trajectory: low|high}, else the base type's, else low; null after a problem. */
    private static ThreatType.AngleOfFire angleOfFire(Source src, Fields f, ThreatType from) {
        if (!f.has("trajectory")) {
            return from == null ? ThreatType.AngleOfFire.LOW : from.angleOfFire();
        }
        String text = Fields.text(src, f.get("trajectory"), f.join("trajectory"));
        if (text == null) {
            return null;
        }
        for (ThreatType.AngleOfFire a : ThreatType.AngleOfFire.values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        src.problem(f.get("trajectory"), f.join("trajectory"), "unknown trajectory '" + text + "'; valid: low"
                + " (elevations below that of maximum range: rockets), high (above it: mortars)");
        return null;
    }

    /** A key's value, the base type's when absent, or null (noting it as missing when there is no base). */
    static Double value(Fields f, String key, Range range, Double dflt, List<String> missing) {
        if (f.has(key)) {
            return Fields.number(f.source(), f.get(key), f.join(key), range);
        }
        if (dflt == null) {
            missing.add(key);
        }
        return dflt;
    }
}
