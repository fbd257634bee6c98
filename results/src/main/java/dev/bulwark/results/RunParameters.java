package dev.bulwark.results;

/**
 * What identifies a run in its output files, besides its measures.
 *
 * @param scenarioFile   the scenario's file name only (no directory), so the output does not
 *                       depend on where the file was kept
 * @param seed           the seed the run used
 * @param bulwarkVersion the version of Bulwark that made the run
 */
public record RunParameters(String scenarioFile, long seed, String bulwarkVersion) {

    public RunParameters {
        if (scenarioFile == null || scenarioFile.isBlank() || bulwarkVersion == null || bulwarkVersion.isBlank()) {
            throw new IllegalArgumentException("scenario file name and Bulwark version are required");
        }
    }
}
