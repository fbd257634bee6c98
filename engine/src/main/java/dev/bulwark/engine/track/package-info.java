/**
 * Tracking: plots to tracks, without truth. The generic Kalman filter, motion and measurement
 * models, initiation, confirmation and deletion; gating and association are in
 * {@link dev.bulwark.engine.track.associate}.
 */
package dev.bulwark.engine.track;
