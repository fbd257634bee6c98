package dev.bulwark.engine.sensor;

import java.util.List;

/**
 * The plots of one radar scan, and the volume it searched, so that a tracker counts a miss
 * only for tracks the radar could have seen.
 *
 * @param time   scan time (s); every plot of the scan is taken at this instant
 * @param sensor index of the radar
 * @param plots  the detections, in the order the radar produced them
 * @param radar  the radar, for its coverage test
 */
public record Scan(double time, int sensor, List<Plot> plots, Radar radar) {
    public Scan {
        plots = List.copyOf(plots);
    }

    /** Whether an ECEF position (m) was inside the searched volume. */
    public boolean covers(double x, double y, double z) {
        return radar.covers(x, y, z);
    }
}
