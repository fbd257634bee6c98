/**
 * What a run leaves behind: the event log ({@code events.jsonl}), the measures of
 * effectiveness ({@code summary.json}, {@code summary.csv}) and the directory that holds
 * them, written so that a run either produces a complete directory or none.
 *
 * <p>Every file is a pure function of its inputs: no timestamps, no host names, no
 * hash-ordered maps, fixed decimals and {@code \n} line ends, so the same scenario and seed
 * give byte-identical files on any machine. Library code: it never prints; problems are
 * exceptions.
 */
package dev.bulwark.results;
