/**
 * Readers of standalone static weapon-target assignment instances: the project's JSON format and
 * the text format of the public instances of Andersen, Pavlikov and Toffolo (2022). Both are
 * described in {@code docs/wta.md}; errors are {@link dev.bulwark.scenario.ScenarioException}s
 * whose problems name the file, the line and column, the field and what would be valid.
 */
package dev.bulwark.scenario.wta;
