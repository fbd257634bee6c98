package dev.bulwark.scenario;

/**
 * One thing wrong with a scenario file, located precisely enough for a person to fix it.
 *
 * <p>{@link #format()} gives the conventional compiler-style line, for example
 * {@code southern-front.yaml:42:7: raids[2].threat_type: unknown threat type 'grod'; valid: qassam, rocket-107, grad-122}.
 *
 * @param file    the file as the user named it (the scenario file, or a GeoJSON file it refers to)
 * @param line    1-based line of the offending text, or 0 when the problem has no position (a missing file)
 * @param column  1-based column of the offending text, or 0 when the problem has no position
 * @param field   path of the offending key, such as {@code batteries[0].probability_of_kill}; empty when the
 *                problem concerns the file as a whole (a YAML syntax error)
 * @param message what is wrong and what would be valid
 */
public record Problem(String file, int line, int column, String field, String message) {

    /** Normalises nulls to empty strings so that {@link #format()} never prints "null". */
    public Problem {
        file = file == null ? "" : file;
        field = field == null ? "" : field;
        message = message == null ? "" : message;
    }

    /** The problem as one line: {@code file:line:column: field: message} (position and field omitted when absent). */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (!field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
