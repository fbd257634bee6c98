/**
 * Sharing one batch of independent computations among a few threads: what the battle-management
 * cycle uses to evaluate threats and plan intercepts on more than one core. Not a pipeline stage;
 * the stages that use it (threat evaluation, assignment) keep their results independent of the
 * number of threads.
 */
package dev.bulwark.engine.parallel;
