package dev.bulwark.scenario;

import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a scenario's {@code sweep} section into a {@link Sweep}, reporting every problem with
 * its line and field: unknown parameters, targets that name no battery, laser or raid, empty or
 * repeated values, values of the wrong type or out of range, a parameter declared twice, a grid
 * over {@link Sweep#MAX_POINTS}, and (once the world is built, {@link #checkGrid}) grid points
 * whose raids would launch after the scenario ends.
 */
final class SweepReader {

    static final List<String> KEYS = List.of("parameter", "battery", "laser", "raid", "values");

    private final Source src;
    private final List<List<Node>> valueNodes = new ArrayList<>();
    private Node sweepNode;

    SweepReader(Source src) {
        this.src = src;
    }

    /**
     * The sweep under the top-level key {@code sweep}, {@link Sweep#NONE} when absent, or null
     * after reporting a problem.
     */
    Sweep read(Fields top, List<BatterySpec> batteries, List<LaserSpec> lasers, List<RaidSpec> raids) {
        if (!top.has("sweep") || Fields.isNull(top.get("sweep"))) {
            return Sweep.NONE;
        }
        sweepNode = top.get("sweep");
        List<Node> items = Lists.items(src, sweepNode, "sweep", "sweep parameter");
        if (!(sweepNode instanceof SequenceNode)) {
            return null;
        }
        if (items.isEmpty()) {
            src.problem(sweepNode, "sweep", "at least one parameter is needed, got none; leave 'sweep' out for no"
                    + " sweep");
            return null;
        }
        boolean ok = true;
        List<Sweep.Parameter> parameters = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Sweep.Parameter p = parameter(new Fields(src, items.get(i), "sweep[" + i + "]", KEYS), batteries, lasers,
                    raids, labels);
            if (p == null) {
                ok = false;
            } else {
                parameters.add(p);
            }
        }
        if (!ok) {
            return null;
        }
        Sweep sweep = new Sweep(parameters);
        if (sweep.size() > Sweep.MAX_POINTS) {
            src.problem(sweepNode, "sweep", "the grid has " + (sweep.size() == Long.MAX_VALUE ? "too many"
                    : Long.toString(sweep.size())) + " points (the product of the numbers of values), more than the"
                    + " limit of " + Sweep.MAX_POINTS + "; give fewer values");
            return null;
        }
        return sweep;
    }

    private Sweep.Parameter parameter(Fields f, List<BatterySpec> batteries, List<LaserSpec> lasers,
            List<RaidSpec> raids, Map<String, String> labels) {
        if (!f.ok()) {
            return null;
        }
        String name = f.text("parameter");
        Sweep.Kind kind = null;
        if (name != null) {
            for (Sweep.Kind k : Sweep.Kind.values()) {
                if (k.key().equals(name.toLowerCase(Locale.ROOT))) {
                    kind = k;
                }
            }
            if (kind == null) {
                List<String> valid = Arrays.stream(Sweep.Kind.values()).map(Sweep.Kind::key).toList();
                String guess = Suggestions.closest(name, valid);
                src.problem(f.get("parameter"), f.join("parameter"), "unknown parameter '" + name + "'"
                        + (guess != null ? "; did you mean '" + guess + "'? " : "; ") + "valid: "
                        + String.join(", ", valid));
            }
        }
        String target = null;
        boolean targetOk = true;
        for (String key : List.of("battery", "laser", "raid")) {
            if (!f.has(key) || kind == null) {
                continue;
            }
            if (!key.equals(kind.targetKey())) {
                src.problem(f.get(key), f.join(key), "parameter " + kind.key() + " " + (kind.targetKey() == null
                        ? "acts on the scenario as a whole and takes no '" + key + "'"
                        : "takes '" + kind.targetKey() + "', not '" + key + "'"));
                targetOk = false;
                continue;
            }
            target = Fields.text(src, f.get(key), f.join(key));
            List<String> names = switch (key) {
                case "battery" -> batteries.stream().map(BatterySpec::name).toList();
                case "laser" -> lasers.stream().map(LaserSpec::name).toList();
                default -> raids.stream().map(RaidSpec::name).toList();
            };
            if (target == null) {
                targetOk = false;
            } else if (!names.contains(target)) {
                String guess = Suggestions.closest(target, names);
                src.problem(f.get(key), f.join(key), "unknown " + key + " '" + target + "'"
                        + (guess != null ? "; did you mean '" + guess + "'? " : "; ") + "the scenario's "
                        + (key.equals("battery") ? "batteries" : key + "s") + ": "
                        + (names.isEmpty() ? "none" : String.join(", ", names)));
                targetOk = false;
            }
        }
        if (kind == Sweep.Kind.LASER && lasers.isEmpty()) {
            src.problem(f.get("parameter"), f.join("parameter"), "the scenario has no lasers to switch on or off;"
                    + " add one under 'lasers'");
            targetOk = false;
        }
        if (!f.has("values")) {
            f.missing("values", " (a list such as [10, 20, 40])");
            return null;
        }
        List<Node> nodes = valueList(f);
        if (kind == null || nodes == null || name == null || !targetOk) {
            return null;
        }
        List<Sweep.Value> values = new ArrayList<>();
        Set<Double> seen = new HashSet<>();
        boolean ok = true;
        for (int j = 0; j < nodes.size(); j++) {
            Node n = nodes.get(j);
            String field = f.join("values") + "[" + j + "]";
            Sweep.Value v = value(kind, n, field, batteries.size());
            if (v == null) {
                ok = false;
            } else if (!seen.add(v.number())) {
                src.problem(n, field, "the value " + v.text() + " is given twice; give each value once");
                ok = false;
            } else {
                values.add(v);
            }
        }
        String label = target == null ? kind.key() : kind.key() + "[" + target + "]";
        String first = labels.get(label);
        if (first != null) {
            src.problem(f.get("parameter"), f.join("parameter"), "parameter " + label + " is already swept by "
                    + first + "; give all its values in one entry");
            return null;
        }
        labels.put(label, f.path() + " on line " + Fields.line(f.node()));
        if (!ok) {
            return null;
        }
        valueNodes.add(nodes);
        return new Sweep.Parameter(label, kind, target, values);
    }

    /** The nodes of a non-empty list of values, or null after reporting. */
    private List<Node> valueList(Fields f) {
        Node n = f.get("values");
        if (!(n instanceof SequenceNode seq)) {
            src.problem(n, f.join("values"), "expected a list of values such as [10, 20, 40], got "
                    + Fields.describe(n));
            return null;
        }
        if (seq.getValue().isEmpty()) {
            src.problem(n, f.join("values"), "at least one value is needed, got an empty list");
            return null;
        }
        return seq.getValue();
    }

    /** One value, checked for the parameter's kind, or null after reporting. */
    private Sweep.Value value(Sweep.Kind kind, Node n, String field, int batteries) {
        switch (kind) {
            case LASER -> {
                if (n instanceof ScalarNode s && s.isPlain()) {
                    String v = s.getValue().toLowerCase(Locale.ROOT);
                    if (v.equals("true") || v.equals("false")) {
                        boolean on = v.equals("true");
                        return new Sweep.Value(on ? 1 : 0, on ? "on" : "off");
                    }
                }
                src.problem(n, field, "expected true (laser deployed) or false (left out), got " + Fields.describe(n));
                return null;
            }
            case RAID_SCALE -> {
                Double v = Fields.number(src, n, field, Range.POSITIVE);
                return v == null ? null : new Sweep.Value(v, ((ScalarNode) n).getValue().strip());
            }
            default -> {
                Range range = switch (kind) {
                    case RESERVE_ROUNDS -> Range.NON_NEGATIVE;
                    case BATTERIES -> Range.between(0, batteries);
                    default -> Range.atLeast(1);
                };
                Long v = Fields.whole(src, n, field, range);
                if (v == null) {
                    return null;
                }
                if (v > Integer.MAX_VALUE) {
                    src.problem(n, field, "the number " + v + " is too large");
                    return null;
                }
                return new Sweep.Value(v, Long.toString(v));
            }
        }
    }

    /**
     * Checks every grid point's raids against the scenario's end: a raid made larger must still
     * launch its last round by {@code duration_s}. Reports each offending value once, at the
     * value of the last parameter that changed the raid.
     */
    void checkGrid(Sweep sweep, World base) {
        Set<String> reported = new HashSet<>();
        List<Sweep.Parameter> parameters = sweep.parameters();
        for (int i = 0; i < sweep.size(); i++) {
            int[] choice = sweep.choice(i);
            World w = sweep.apply(base, choice);
            for (RaidSpec r : w.raids()) {
                double last = r.launchTime(r.count() - 1);
                if (last <= w.durationS()) {
                    continue;
                }
                int culprit = -1;
                for (int p = 0; p < parameters.size(); p++) {
                    Sweep.Parameter q = parameters.get(p);
                    if ((q.kind() == Sweep.Kind.RAID_SCALE || q.kind() == Sweep.Kind.RAID_COUNT)
                            && (q.target() == null || q.target().equals(r.name()))) {
                        culprit = p;
                    }
                }
                if (culprit < 0) {
                    continue; // the loaded raid itself was checked by the reader
                }
                Sweep.Parameter q = parameters.get(culprit);
                Node at = valueNodes.get(culprit).get(choice[culprit]);
                String field = "sweep[" + culprit + "].values[" + choice[culprit] + "]";
                if (!reported.add(field)) {
                    continue;
                }
                String others = choice.length > 1
                        ? " (at the grid point " + describe(sweep, choice) + ")" : "";
                src.problem(at, field, String.format(Locale.ROOT, "with %s %s%s, raid '%s' has %d rounds and its last"
                        + " launch comes at %s s, after the scenario ends (duration_s %s); lower the value, raise"
                        + " the raid's rate_per_min or lengthen duration_s", q.label(),
                        q.values().get(choice[culprit]).text(), others, r.name(), r.count(), Numbers.format(last),
                        Numbers.format(w.durationS())));
            }
        }
    }

    private static String describe(Sweep sweep, int[] choice) {
        return java.util.stream.IntStream.range(0, choice.length)
                .mapToObj(p -> sweep.parameters().get(p).label() + "="
                        + sweep.parameters().get(p).values().get(choice[p]).text())
                .collect(Collectors.joining(", "));
    }
}
