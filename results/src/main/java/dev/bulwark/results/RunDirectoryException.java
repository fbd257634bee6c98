package dev.bulwark.results;

/**
 * The directory asked for a run's output cannot be used: it exists and is not a previous
 * Bulwark run directory, so replacing it could destroy someone's files. The message says
 * which directory and why, in words for the user.
 */
public final class RunDirectoryException extends Exception {

    /** An exception with a message for the user. */
    public RunDirectoryException(String message) {
        super(message);
    }
}
