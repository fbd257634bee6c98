package dev.bulwark.scenario;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reading YAML lists of entries. */
final class Lists {

    private Lists() {
    }

    /**
     * The entries of a list, or an empty list when the node is absent or empty (YAML null), or
     * after reporting that it is not a list.
     *
     * @param what what one entry is, for the message ("radar")
     */
    static List<Node> items(Source src, Node node, String field, String what) {
        if (node == null || Fields.isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode)) {
            src.problem(node, field, "expected a list of " + what + "s (each entry starting with '- '), got "
                    + Fields.describe(node));
            return List.of();
        }
        return ((SequenceNode) node).getValue();
    }
}
