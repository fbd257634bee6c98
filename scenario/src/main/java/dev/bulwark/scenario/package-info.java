/**
 * The scenario format: reads a YAML scenario file (format v1, documented in
 * {@code docs/scenario-reference.md}), validates all of it with messages that name the file,
 * line, column and field, and builds the engine's immutable
 * {@link dev.bulwark.engine.sim.World}. Also holds the built-in catalogue of threat types.
 *
 * <p>Entry point: {@link dev.bulwark.scenario.ScenarioLoader#load(java.nio.file.Path)}.
 * YAML (and GeoJSON, parsed as YAML 1.2) is read with snakeyaml-engine's node API, which
 * keeps the position of every value. Units are converted from the file's (degrees,
 * kilometres, milliradians) to SI here and nowhere else.
 */
package dev.bulwark.scenario;
