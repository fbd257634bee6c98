/**
 * Threat evaluation: defended areas, impact-point prediction with uncertainty, and the
 * probability that each track lands in each defended area.
 */
package dev.bulwark.engine.threat;
