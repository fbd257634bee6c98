package dev.bulwark.scenario;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One file being read: its label as shown to the user, and where its problems go.
 *
 * @param label    the file as the user knows it (path as given, or relative to the scenario)
 * @param problems the sink shared by every file of one load
 */
record Source(String label, Problems problems) {

    void problem(Node at, String field, String message) {
        problems.at(label, at, field, message);
    }
}
