/**
 * The {@code bulwark} command: reads a scenario, runs the engine, prints the summary table
 * and writes the run's files. The only place in Bulwark that prints or exits.
 *
 * <p>Exit status: 0 when the run completed (and its files were written); 1 on an I/O or
 * internal error; 2 on a bad command line, an invalid or missing scenario, or an output
 * directory that may not be replaced.
 */
package dev.bulwark.cli;
