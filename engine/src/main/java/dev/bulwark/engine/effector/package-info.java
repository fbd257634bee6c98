/**
 * Effectors: interceptor batteries (stock, reloads, engagement envelope, intercept planning).
 */
package dev.bulwark.engine.effector;
