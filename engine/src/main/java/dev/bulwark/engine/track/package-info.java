/**
 * Tracking: plots to tracks, without truth. The generic Kalman filter, motion and measurement
 * models, gating, association, initiation, confirmation and deletion.
 */
package dev.bulwark.engine.track;
