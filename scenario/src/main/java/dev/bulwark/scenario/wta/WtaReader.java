package dev.bulwark.scenario.wta;

import dev.bulwark.engine.assign.wta.WtaProblem;
import dev.bulwark.scenario.Problem;
import dev.bulwark.scenario.ScenarioException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a static weapon-target assignment instance (docs/wta.md). A file whose first non-blank
 * character is <code>{</code> is the JSON format, parsed by snakeyaml-engine (JSON is YAML 1.2),
 * which keeps the line and column of every value; any other file is the text format of Andersen,
 * Pavlikov and Toffolo (2022): {@code W T mu}, then T target values, then W*T lines {@code w t p}.
 *
 * <p>The whole file is checked before giving up, so one run reports every problem found.
 */
public final class WtaReader {

    private static final Set<String> TOP_KEYS = Set.of("targets", "weapons", "kill_probability");

    private WtaReader() {
    }

    /**
     * Reads an instance.
     *
     * @param file the file, named in messages as given
     * @throws ScenarioException listing every problem found, each as {@code file:line:column: field: message}
     */
    public static WtaInstance read(Path file) throws ScenarioException {
        String label = file.toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw fail(label, 0, 0, "", "is a directory, not a file");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw fail(label, 0, 0, "", "no such file");
        } catch (CharacterCodingException e) {
            throw fail(label, 0, 0, "", "not a text file in UTF-8 encoding");
        } catch (IOException | SecurityException e) {
            throw fail(label, 0, 0, "", "cannot be read: " + e.getMessage());
        }
        return parse(text, label);
    }

    /**
     * Reads an instance from text.
     *
     * @param text  the file's contents
     * @param label the file as named in messages
     * @throws ScenarioException listing every problem found
     */
    public static WtaInstance parse(String text, String label) throws ScenarioException {
        return text.stripLeading().startsWith("{") ? parseJson(text, label) : parseText(text, label);
    }

    private static ScenarioException fail(String label, int line, int column, String field, String message) {
        return new ScenarioException(List.of(new Problem(label, line, column, field, message)));
    }

    // ----- the text format of Andersen, Pavlikov and Toffolo -----

    private static WtaInstance parseText(String text, String label) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int i = nextContent(lines, 0);
        if (i >= lines.length) {
            throw fail(label, 1, 1, "", "the file is empty; expected 'W T mu' (weapon types, targets, units per type)"
                    + " or a JSON object (docs/wta.md)");
        }
        String[] head = lines[i].trim().split("\\s+");
        if (head.length != 3) {
            throw fail(label, i + 1, 1, "header", "expected 'W T mu': three whole numbers (weapon types, targets,"
                    + " units of each weapon type), got '" + lines[i].trim() + "'");
        }
        int nW = wholeNumber(head[0], 1, label, i, "header W (weapon types)", problems);
        int nT = wholeNumber(head[1], 1, label, i, "header T (targets)", problems);
        int mu = wholeNumber(head[2], 0, label, i, "header mu (units per weapon type)", problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        double[] values = new double[nT];
        for (int t = 0; t < nT; t++) {
            i = nextContent(lines, i + 1);
            if (i >= lines.length) {
                throw fail(label, lines.length, 1, "values", "the file ends after " + t + " of the " + nT
                        + " target values");
            }
            values[t] = number(lines[i].trim(), 0, Double.MAX_VALUE, label, i, "value of target " + t, problems);
        }
        double[][] p = new double[nW][nT];
        boolean[][] seen = new boolean[nW][nT];
        for (int k = 0; k < nW * nT; k++) {
            i = nextContent(lines, i + 1);
            if (i >= lines.length) {
                problems.add(new Problem(label, lines.length, 1, "kill_probability", "the file ends after " + k
                        + " of the " + nW * nT + " lines 'w t p' (W*T)"));
                break;
            }
            String[] f = lines[i].trim().split("\\s+");
            if (f.length != 3) {
                problems.add(new Problem(label, i + 1, 1, "kill_probability", "expected 'w t p' (weapon type 0.."
                        + (nW - 1) + ", target 0.." + (nT - 1) + ", probability 0..1), got '" + lines[i].trim() + "'"));
                continue;
            }
            int w = wholeNumber(f[0], 0, label, i, "weapon type", problems);
            int t = wholeNumber(f[1], 0, label, i, "target", problems);
            double v = number(f[2], 0, 1, label, i, "kill probability", problems);
            if (w >= nW || t >= nT) {
                problems.add(new Problem(label, i + 1, 1, "kill_probability", "weapon type must be 0.." + (nW - 1)
                        + " and target 0.." + (nT - 1) + ", got " + f[0] + " " + f[1]));
            } else if (w >= 0 && t >= 0) {
                if (seen[w][t]) {
                    problems.add(new Problem(label, i + 1, 1, "kill_probability", "weapon type " + w + " and target "
                            + t + " appear twice"));
                }
                seen[w][t] = true;
                p[w][t] = v;
            }
        }
        int extra = nextContent(lines, i + 1);
        if (problems.isEmpty() && extra < lines.length) {
            problems.add(new Problem(label, extra + 1, 1, "", "unexpected text after the " + nW * nT
                    + " probability lines: '" + lines[extra].trim() + "'"));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        int[] counts = new int[nW];
        java.util.Arrays.fill(counts, mu);
        List<String> wn = new ArrayList<>();
        List<String> tn = new ArrayList<>();
        for (int w = 0; w < nW; w++) {
            wn.add(Integer.toString(w));
        }
        for (int t = 0; t < nT; t++) {
            tn.add(Integer.toString(t));
        }
        return new WtaInstance(new WtaProblem(values, counts, p), wn, tn);
    }

    private static int nextContent(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    private static int wholeNumber(String s, int min, String label, int line, String field, List<Problem> out) {
        try {
            int v = Integer.parseInt(s);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        out.add(new Problem(label, line + 1, 1, field, "expected a whole number >= " + min + ", got '" + s + "'"));
        return -1;
    }

    private static double number(String s, double min, double max, String label, int line, String field,
            List<Problem> out) {
        try {
            double v = Double.parseDouble(s);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        out.add(new Problem(label, line + 1, 1, field, "expected a number from " + fmt(min) + " to " + fmt(max)
                + ", got '" + s + "'"));
        return 0;
    }

    private static String fmt(double v) {
        return v == Double.MAX_VALUE ? "any finite value" : v == Math.rint(v) ? Long.toString((long) v)
                : Double.toString(v);
    }

    // ----- the JSON format -----

    private static WtaInstance parseJson(String text, String label) throws ScenarioException {
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(label).setCodePointLimit(256 * 1024 * 1024).build();
            Optional<Node> r = new Compose(settings).composeString(text);
            if (r.isEmpty()) {
                throw fail(label, 1, 1, "", "the file is empty");
            }
            root = r.get();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            throw fail(label, m.map(x -> x.getLine() + 1).orElse(0), m.map(x -> x.getColumn() + 1).orElse(0), "",
                    "not valid JSON: " + (e.getProblem() == null ? "" : e.getProblem().strip()));
        } catch (YamlEngineException e) {
            throw fail(label, 0, 0, "", "not valid JSON: " + e.getMessage());
        }
        Json j = new Json(label);
        if (!(root instanceof MappingNode map)) {
            throw j.fail(root, "", "expected an object with keys targets, weapons and kill_probability");
        }
        Node targets = null;
        Node weapons = null;
        Node kill = null;
        for (NodeTuple tuple : map.getValue()) {
            String key = j.scalar(tuple.getKeyNode());
            switch (key == null ? "" : key) {
                case "targets" -> targets = tuple.getValueNode();
                case "weapons" -> weapons = tuple.getValueNode();
                case "kill_probability" -> kill = tuple.getValueNode();
                default -> j.problem(tuple.getKeyNode(), String.valueOf(key), "unknown key; valid: " + TOP_KEYS
                        .stream().sorted().reduce((a, b) -> a + ", " + b).orElse(""));
            }
        }
        List<String> targetNames = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        j.items(root, targets, "targets", "value", Double.MAX_VALUE, targetNames, values);
        List<String> weaponNames = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        j.items(root, weapons, "weapons", "count", Integer.MAX_VALUE, weaponNames, counts);
        int nT = values.size();
        int nW = counts.size();
        double[][] p = new double[nW][nT];
        if (kill == null) {
            j.problem(root, "kill_probability", "missing: one row per weapon, one probability (0..1) per target");
        } else if (!(kill instanceof SequenceNode rows)) {
            j.problem(kill, "kill_probability", "expected a list of rows, one per weapon");
        } else {
            if (rows.getValue().size() != nW && j.problems.isEmpty()) {
                j.problem(kill, "kill_probability", "expected " + nW + " rows (one per weapon), got "
                        + rows.getValue().size());
            }
            for (int w = 0; w < rows.getValue().size() && w < nW; w++) {
                Node row = rows.getValue().get(w);
                String field = "kill_probability[" + w + "]";
                if (!(row instanceof SequenceNode cells)) {
                    j.problem(row, field, "expected a list of " + nT + " probabilities, one per target");
                    continue;
                }
                if (cells.getValue().size() != nT) {
                    j.problem(row, field, "expected " + nT + " probabilities (one per target), got "
                            + cells.getValue().size());
                }
                for (int t = 0; t < cells.getValue().size() && t < nT; t++) {
                    Double v = j.number(cells.getValue().get(t), field + "[" + t + "]", 0, 1, false);
                    p[w][t] = v == null ? 0 : v;
                }
            }
        }
        if (!j.problems.isEmpty()) {
            throw new ScenarioException(j.problems);
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        int[] c = counts.stream().mapToInt(Double::intValue).toArray();
        return new WtaInstance(new WtaProblem(v, c, p), weaponNames, targetNames);
    }

    /** Problem collection and typed access to the JSON nodes. */
    private static final class Json {
        final String label;
        final List<Problem> problems = new ArrayList<>();

        Json(String label) {
            this.label = label;
        }

        ScenarioException fail(Node at, String field, String message) {
            problem(at, field, message);
            return new ScenarioException(problems);
        }

        void problem(Node at, String field, String message) {
            Optional<Mark> m = at == null ? Optional.empty() : at.getStartMark();
            problems.add(new Problem(label, m.map(x -> x.getLine() + 1).orElse(0),
                    m.map(x -> x.getColumn() + 1).orElse(0), field, message));
        }

        String scalar(Node n) {
            return n instanceof ScalarNode s ? s.getValue() : null;
        }

        /** The objects of a list: optional "name", a number under {@code numberKey}. */
        void items(Node root, Node list, String field, String numberKey, double max, List<String> names,
                List<Double> numbers) {
            boolean whole = max == Integer.MAX_VALUE;
            String what = "{\"name\": ..., \"" + numberKey + "\": " + (whole ? "whole number >= 0" : "number >= 0")
                    + "}";
            if (list == null) {
                problem(root, field, "missing: a list of objects " + what);
                return;
            }
            if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(list, field, "expected a non-empty list of objects " + what);
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node item = seq.getValue().get(i);
                String f = field + "[" + i + "]";
                String name = Integer.toString(i);
                Double number = null;
                if (!(item instanceof MappingNode m)) {
                    problem(item, f, "expected an object " + what);
                } else {
                    boolean found = false;
                    for (NodeTuple t : m.getValue()) {
                        String key = scalar(t.getKeyNode());
                        if ("name".equals(key)) {
                            String s = scalar(t.getValueNode());
                            if (s == null || s.isBlank()) {
                                problem(t.getValueNode(), f + ".name", "expected a non-empty text");
                            } else if (!seen.add(s)) {
                                problem(t.getValueNode(), f + ".name", "'" + s + "' is used twice; names must differ");
                            } else {
                                name = s;
                            }
                        } else if (numberKey.equals(key)) {
                            found = true;
                            number = number(t.getValueNode(), f + "." + numberKey, 0, max, whole);
                        } else {
                            problem(t.getKeyNode(), f + "." + key, "unknown key; valid: name, " + numberKey);
                        }
                    }
                    if (!found) {
                        problem(item, f + "." + numberKey, "missing: " + (whole ? "a whole number >= 0" : "a number >= 0"));
                    }
                }
                names.add(name);
                numbers.add(number == null ? 0.0 : number);
            }
        }

        Double number(Node n, String field, double min, double max, boolean whole) {
            String s = scalar(n);
            String valid = whole ? "a whole number >= 0" : max == 1 ? "a number from 0 to 1" : "a finite number >= 0";
            if (s == null || (n instanceof ScalarNode sc && !sc.isPlain())) {
                problem(n, field, "expected " + valid + (s == null ? "" : ", got the text \"" + s + "\""));
                return null;
            }
            try {
                double v = Double.parseDouble(s);
                if (v >= min && v <= max && (!whole || v == Math.rint(v))) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(n, field, "expected " + valid + ", got " + s);
            return null;
        }
    }
}
