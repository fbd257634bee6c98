/**
 * Measures of effectiveness of a run, counted against truth.
 */
package dev.bulwark.engine.metrics;
