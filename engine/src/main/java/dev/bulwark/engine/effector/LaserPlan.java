package dev.bulwark.engine.effector;

/**
 * A planned laser engagement: the dwell from {@code startTime} to {@code endTime} on the
 * predicted path of a track.
 *
 * @param laser     index of the laser in the scenario
 * @param startTime start of the dwell, after slewing (s)
 * @param endTime   when the planned energy is delivered (s)
 */
public record LaserPlan(int laser, double startTime, double endTime) {
}
