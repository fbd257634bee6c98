/**
 * Measures counted against truth: the measures of effectiveness of a run ({@link
 * dev.bulwark.engine.metrics.RunSummary}) and the multi-target tracking metrics (GOSPA, OSPA, and
 * the position RMSE over the pairs of their assignment), which share one result type,
 * {@link dev.bulwark.engine.metrics.SetDistance}.
 */
package dev.bulwark.engine.metrics;
