package dev.bulwark.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of the commands that run replications ({@code montecarlo}, {@code compare}, {@code sweep}):
 * how many, from which base seed, on how many threads, and how quietly.
 */
final class ReplicationOptions {

    @Option(names = "--runs", paramLabel = "N", required = true, description = "Number of replications (at least 2).")
    int runs;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed, instead of the (first) scenario's.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Replications run at once (default: the number of processors).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Print only the table: no progress bar, no messages.")
    boolean quiet;

    /** Checks the values; a bad one is a command-line error (exit status 2). */
    void validate(CommandSpec spec) {
        validate(spec, runs, threads);
    }

    /** Checks a number of replications and of threads (null: the default); a bad one exits with status 2. */
    static void validate(CommandSpec spec, int runs, Integer threads) {
        if (runs < 2) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 2 (a confidence interval needs"
                    + " two replications), got " + runs);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
    }

    /** The base seed: {@code --seed}, else the scenario's. */
    long baseSeed(long scenarioSeed) {
        return seed == null ? scenarioSeed : seed;
    }

    /** Threads to use: {@code --threads}, else the number of processors. */
    int threadCount() {
        return threadCount(threads);
    }

    /** Threads to use: the given number, else (null) the number of processors. */
    static int threadCount(Integer threads) {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
