package dev.bulwark.scenario;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * A YAML mapping read against the keys it may hold. Construction reports keys that are not
 * allowed (with the closest valid key) and keys given twice; the typed getters report missing,
 * mistyped and out-of-range values and return {@code null} for them, so that reading goes on
 * and every problem of a file is found in one pass.
 */
final class Fields {

    private final Source src;
    private final Node node;
    private final String path;
    private final boolean ok;
    private final Map<String, Node> keys = new LinkedHashMap<>();
    private final Map<String, Node> values = new LinkedHashMap<>();
    /** Valid keys proposed for misspelt ones: not reported again as missing. */
    private final Set<String> suggested = new HashSet<>();

    /**
     * @param src     the file
     * @param node    the node that should be a mapping; null if absent (then nothing is reported here)
     * @param path    field path of the mapping, such as {@code radars[0]} (empty at the top level)
     * @param allowed the keys it may hold
     */
    Fields(Source src, Node node, String path, List<String> allowed) {
        this.src = src;
        this.node = node;
        this.path = path;
        if (node == null) {
            this.ok = false;
            return;
        }
        if (!(node instanceof MappingNode)) {
            this.ok = false;
            src.problem(node, path, "expected a mapping of keys (" + String.join(", ", allowed) + "), got "
                    + describe(node));
            return;
        }
        this.ok = true;
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode)) {
                src.problem(k, path, "a key must be a plain word, got " + describe(k));
                continue;
            }
            String key = ((ScalarNode) k).getValue();
            if (keys.containsKey(key)) {
                src.problem(k, join(key), "key '" + key + "' is given twice (first on line "
                        + line(keys.get(key)) + "); keep one");
                continue;
            }
            keys.put(key, k);
            if (!allowed.contains(key)) {
                String guess = Suggestions.closest(key, allowed);
                if (guess != null) {
                    suggested.add(guess);
                }
                String msg = "unknown key '" + key + "'";
                msg += guess != null ? "; did you mean '" + guess + "'?"
                        : "; valid keys here: " + String.join(", ", allowed);
                src.problem(k, join(key), msg);
                continue;
            }
            values.put(key, t.getValueNode());
        }
    }

    /** Whether the node was a mapping (problems inside it are reported either way). */
    boolean ok() {
        return ok;
    }

    /** The mapping node itself (null if absent). */
    Node node() {
        return node;
    }

    /** The field path of this mapping. */
    String path() {
        return path;
    }

    Source source() {
        return src;
    }

    /** Field path of one of its keys. */
    String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value node of a key, or null. */
    Node get(String key) {
        return values.get(key);
    }

    /** Reports a missing required key at the start of the mapping. */
    void missing(String key) {
        missing(key, "");
    }

    /** Reports a missing required key, with a hint appended to the message. */
    void missing(String key, String hint) {
        if (ok && !suggested.contains(key)) {
            src.problem(node, join(key), "missing required key '" + key + "'" + hint);
        }
    }

    /** A required number. */
    Double number(String key, Range range) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return number(src, get(key), join(key), range);
    }

    /** An optional number with a default (the default is not range-checked). */
    Double number(String key, Range range, double dflt) {
        return has(key) ? number(src, get(key), join(key), range) : Double.valueOf(dflt);
    }

    /** A required whole number. */
    Integer integer(String key, Range range) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return toInt(get(key), join(key), whole(src, get(key), join(key), range));
    }

    /** An optional whole number with a default. */
    Integer integer(String key, Range range, int dflt) {
        if (!has(key)) {
            return dflt;
        }
        return toInt(get(key), join(key), whole(src, get(key), join(key), range));
    }

    private Integer toInt(Node n, String field, Long v) {
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            src.problem(n, field, "the number " + v + " is too large");
            return null;
        }
        return Integer.valueOf(v.intValue());
    }

    /** An optional 64-bit whole number with a default. */
    Long longInteger(String key, long dflt) {
        return has(key) ? whole(src, get(key), join(key), Range.ANY) : Long.valueOf(dflt);
    }

    /** An optional true/false with a default. */
    Boolean bool(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        Node n = get(key);
        if (n instanceof ScalarNode && ((ScalarNode) n).isPlain()) {
            String v = ((ScalarNode) n).getValue().toLowerCase(Locale.ROOT);
            if (v.equals("true")) {
                return Boolean.TRUE;
            }
            if (v.equals("false")) {
                return Boolean.FALSE;
            }
        }
        src.problem(n, join(key), "expected true or false, got " + describe(n));
        return null;
    }

    /** A required non-empty text. */
    String text(String key) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return text(src, get(key), join(key));
    }

    /** An optional text with a default. */
    String text(String key, String dflt) {
        return has(key) ? text(src, get(key), join(key)) : dflt;
    }

    // ---------------------------------------------------------------- scalar conversions

    /** A finite number in a range, or null after reporting why not. */
    static Double number(Source src, Node n, String field, Range range) {
        String raw = numberText(src, n, field, "a number");
        if (raw == null) {
            return null;
        }
        double v = Double.parseDouble(raw);
        if (!Double.isFinite(v)) {
            src.problem(n, field, "the number " + raw + " is too large");
            return null;
        }
        if (!range.contains(v)) {
            src.problem(n, field, "out of range: must be " + range.describe() + ", got " + raw);
            return null;
        }
        return v;
    }

    /** A whole number in a range, or null after reporting why not. */
    static Long whole(Source src, Node n, String field, Range range) {
        String raw = numberText(src, n, field, "a whole number");
        if (raw == null) {
            return null;
        }
        if (!Numbers.isInteger(raw) && !Numbers.isIntegral(raw)) {
            src.problem(n, field, "expected a whole number, got " + raw);
            return null;
        }
        long v;
        try {
            v = new BigDecimal(raw.startsWith("+") ? raw.substring(1) : raw).longValueExact();
        } catch (ArithmeticException e) {
            src.problem(n, field, "the number " + raw + " is too large");
            return null;
        }
        if (!range.contains(v)) {
            src.problem(n, field, "out of range: must be " + range.describe() + ", got " + raw);
            return null;
        }
        return v;
    }

    /** The text of a scalar that is written as a number, or null after reporting what it is instead. */
    private static String numberText(Source src, Node n, String field, String expected) {
        if (!(n instanceof ScalarNode)) {
            src.problem(n, field, "expected " + expected + ", got " + describe(n));
            return null;
        }
        ScalarNode s = (ScalarNode) n;
        String v = s.getValue().trim();
        if (isNull(n)) {
            src.problem(n, field, "no value given; expected " + expected);
            return null;
        }
        if (!s.isPlain()) {
            src.problem(n, field, "expected " + expected + ", got the quoted text \"" + s.getValue() + "\""
                    + (Numbers.isDecimal(v) ? "; remove the quotes" : ""));
            return null;
        }
        if (!Numbers.isDecimal(v)) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.matches("[-+]?\\.(inf|nan)")) {
                src.problem(n, field, "expected a finite number, got " + v);
            } else if (v.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*[a-zA-Z%°]+")) {
                src.problem(n, field, "expected " + expected + " without a unit, got '" + v
                        + "' (the unit is part of the key's name)");
            } else {
                src.problem(n, field, "expected " + expected + ", got the text '" + v + "'");
            }
            return null;
        }
        return v;
    }

    /** A non-empty text scalar, or null after reporting why not. */
    static String text(Source src, Node n, String field) {
        if (!(n instanceof ScalarNode)) {
            src.problem(n, field, "expected a text value, got " + describe(n));
            return null;
        }
        if (isNull(n) || ((ScalarNode) n).getValue().isBlank()) {
            src.problem(n, field, "no value given; expected a text value");
            return null;
        }
        return ((ScalarNode) n).getValue().strip();
    }

    /** Whether a node is YAML's null: an empty plain value, '~' or 'null'. */
    static boolean isNull(Node n) {
        if (!(n instanceof ScalarNode) || !((ScalarNode) n).isPlain()) {
            return false;
        }
        String v = ((ScalarNode) n).getValue();
        return v.isEmpty() || v.equals("~") || v.equalsIgnoreCase("null");
    }

    /** How a node reads to a person: "a list", "a mapping", "the text 'abc'", "nothing". */
    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping (key: value pairs)";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n == null || isNull(n)) {
            return "nothing";
        }
        String v = ((ScalarNode) n).getValue();
        return Numbers.isDecimal(v.trim()) && ((ScalarNode) n).isPlain() ? "the number " + v : "'" + v + "'";
    }

    /** 1-based line of a node, or 0. */
    static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
