package dev.bulwark.scenario;

import dev.bulwark.engine.geo.GeoPolygon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a defended area's outline from a GeoJSON file (RFC 7946): a FeatureCollection or a
 * single Feature, the feature chosen by {@code properties.name}, its geometry a Polygon of
 * which the outer ring is used (holes are ignored). GeoJSON is parsed as YAML 1.2, of which
 * JSON is a subset, so every problem in it has a line and column.
 */
final class GeoJson {

    private static final int MAX_NAMES_LISTED = 20;

    private GeoJson() {
    }

    /**
     * The outline, or null after reporting its problems.
     *
     * @param scenarioFile the scenario file, as given; the GeoJSON path is relative to it
     * @param area         the defended-area entry holding {@code geojson} (and maybe {@code feature})
     * @param featureName  the name to look for in {@code properties.name}
     * @param altitude     ground height given to every vertex (m)
     * @param parsed       files already parsed in this load (null where parsing failed), so that a file
     *                     shared by several areas is read, and its syntax errors reported, once
     */
    static GeoPolygon read(Path scenarioFile, Fields area, String featureName, double altitude,
            Map<Path, Node> parsed) {
        Source scenario = area.source();
        Node pathNode = area.get("geojson");
        String relative = Fields.text(scenario, pathNode, area.join("geojson"));
        if (relative == null) {
            return null;
        }
        Path path = scenarioFile.resolveSibling(relative).normalize();
        if (!Files.isRegularFile(path)) {
            scenario.problem(pathNode, area.join("geojson"), "GeoJSON file not found: " + path
                    + " (the path is relative to the scenario file)");
            return null;
        }
        Source src = new Source(path.toString(), scenario.problems());
        Node root;
        if (parsed.containsKey(path)) {
            root = parsed.get(path);
        } else {
            root = YamlFiles.compose(path, src);
            parsed.put(path, root);
        }
        if (root == null) {
            return null;
        }
        String rootType = type(src, root, "");
        if (rootType == null) {
            return null;
        }
        List<Node> features = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (rootType.equals("FeatureCollection")) {
            Node list = member(root, "features");
            if (!(list instanceof SequenceNode)) {
                src.problem(list == null ? root : list, "features",
                        "a FeatureCollection needs a 'features' list, got " + Fields.describe(list));
                return null;
            }
            List<Node> items = ((SequenceNode) list).getValue();
            for (int i = 0; i < items.size(); i++) {
                features.add(items.get(i));
                paths.add("features[" + i + "]");
            }
        } else if (rootType.equals("Feature")) {
            features.add(root);
            paths.add("");
        } else {
            src.problem(member(root, "type"), "type", "expected a GeoJSON FeatureCollection or Feature, got type '"
                    + rootType + "'");
            return null;
        }
        List<Integer> matches = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Node name = member(member(features.get(i), "properties"), "name");
            if (name instanceof ScalarNode && !Fields.isNull(name)) {
                String value = ((ScalarNode) name).getValue();
                names.add(value);
                if (value.equals(featureName)) {
                    matches.add(i);
                }
            }
        }
        Node blame = area.has("feature") ? area.get("feature") : pathNode;
        String blameField = area.join(area.has("feature") ? "feature" : "geojson");
        if (matches.isEmpty()) {
            String listed = names.isEmpty() ? "none of its features has properties.name"
                    : "names there: " + String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMES_LISTED)))
                            + (names.size() > MAX_NAMES_LISTED ? ", ..." : "");
            String guess = Suggestions.closest(featureName, names);
            scenario.problem(blame, blameField, "no feature with properties.name '" + featureName + "' in " + path
                    + (guess != null ? "; did you mean '" + guess + "'? " : "; ") + listed
                    + (area.has("feature") ? "" : " (set 'feature:' to choose one by name)"));
            return null;
        }
        if (matches.size() > 1) {
            List<String> lines = new ArrayList<>();
            for (int m : matches) {
                lines.add(Integer.toString(Fields.line(features.get(m))));
            }
            scenario.problem(blame, blameField, matches.size() + " features in " + path + " are named '" + featureName
                    + "' (lines " + String.join(", ", lines) + "); feature names must be unique");
            return null;
        }
        int k = matches.get(0);
        Node feature = features.get(k);
        String fpath = paths.get(k).isEmpty() ? "" : paths.get(k) + ".";
        Node geometry = member(feature, "geometry");
        if (!(geometry instanceof MappingNode)) {
            src.problem(geometry == null ? feature : geometry, fpath + "geometry", "feature '" + featureName
                    + "' needs a Polygon geometry, got " + Fields.describe(geometry));
            return null;
        }
        String geometryType = type(src, geometry, fpath + "geometry.");
        if (geometryType == null) {
            return null;
        }
        if (!geometryType.equals("Polygon")) {
            src.problem(member(geometry, "type"), fpath + "geometry.type", "feature '" + featureName + "' has a "
                    + geometryType + " geometry; only Polygon is supported"
                    + (geometryType.equals("MultiPolygon") ? " (make one feature and one defended area per part)" : ""));
            return null;
        }
        Node rings = member(geometry, "coordinates");
        String cpath = fpath + "geometry.coordinates";
        if (!(rings instanceof SequenceNode) || ((SequenceNode) rings).getValue().isEmpty()) {
            src.problem(rings == null ? geometry : rings, cpath,
                    "a Polygon's coordinates must be a list of rings, got " + Fields.describe(rings));
            return null;
        }
        return Rings.read(src, ((SequenceNode) rings).getValue().get(0), cpath + "[0]", Rings.Order.LON_LAT,
                altitude);
    }

    /** The value of an object's "type" member, or null after reporting. */
    private static String type(Source src, Node object, String prefix) {
        if (!(object instanceof MappingNode)) {
            src.problem(object, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                    "expected a GeoJSON object, got " + Fields.describe(object));
            return null;
        }
        Node type = member(object, "type");
        if (!(type instanceof ScalarNode) || Fields.isNull(type)) {
            src.problem(type == null ? object : type, prefix + "type", "a GeoJSON object needs a 'type' member");
            return null;
        }
        return ((ScalarNode) type).getValue();
    }

    /** A member of a JSON object, or null (also when the node is not an object). */
    static Node member(Node object, String key) {
        if (!(object instanceof MappingNode)) {
            return null;
        }
        for (NodeTuple t : ((MappingNode) object).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }
}
