package dev.bulwark.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario that cannot be run, with every problem found in it: the loader checks the whole
 * file in one pass, so a user fixes all mistakes at once rather than one per attempt.
 *
 * <p>{@link #getMessage()} lists the problems one per line in {@link Problem#format()} form,
 * ready to print; the exception never carries a cause meant for the user's eyes.
 */
public final class ScenarioException extends Exception {

    private final List<Problem> problems;

    /**
     * @param problems the problems found, in the order they should be reported; at least one
     */
    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a scenario exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, in reporting order (never empty). */
    public List<Problem> problems() {
        return problems;
    }
}
