package dev.bulwark.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one load, across the scenario file and the files it refers to. */
final class Problems {

    private final List<Problem> list = new ArrayList<>();

    void add(Problem p) {
        list.add(p);
    }

    /** A problem located at a node's start in {@code file}. */
    void at(String file, Node node, String field, String message) {
        at(file, node == null ? Optional.empty() : node.getStartMark(), field, message);
    }

    /** A problem located at a snakeyaml mark (0-based) in {@code file}. */
    void at(String file, Optional<Mark> mark, String field, String message) {
        int line = mark.map(m -> m.getLine() + 1).orElse(0);
        int column = mark.map(m -> m.getColumn() + 1).orElse(0);
        list.add(new Problem(file, line, column, field, message));
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<Problem> list() {
        return List.copyOf(list);
    }
}
