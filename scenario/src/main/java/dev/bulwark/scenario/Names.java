package dev.bulwark.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** The names used in one list (areas, radars, ...), reporting a name used twice. */
final class Names {

    private final Source src;
    private final String what;
    private final Map<String, String> firstUse = new LinkedHashMap<>();

    /**
     * @param what what the names name, for the message ("radar")
     */
    Names(Source src, String what) {
        this.src = src;
        this.what = what;
    }

    /** Records a name; false (after reporting) if it is already used. */
    boolean add(String name, Node at, String field) {
        String first = firstUse.get(name);
        if (first != null) {
            src.problem(at, field, "duplicate " + what + " name '" + name + "': already used by " + first
                    + "; names must be unique");
            return false;
        }
        firstUse.put(name, field.replaceAll("\\.name$", "") + " on line " + Fields.line(at));
        return true;
    }
}
