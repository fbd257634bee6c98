package dev.bulwark.engine.track;

import dev.bulwark.engine.sensor.Scan;
import java.util.List;

/** Turns radar scans into tracks, without ever reading truth. */
public interface Tracker {

    /** Told when tracks are confirmed or dropped. */
    interface Listener {
        /** A track met the confirmation rule. */
        default void confirmed(Track track) {
        }

        /** A track was dropped. */
        default void dropped(Track track, String reason) {
        }
    }

    /** Takes one scan: predicts tracks to its time, associates, updates, starts, confirms and drops tracks. */
    void update(Scan scan);

    /** Live tracks (tentative and confirmed), in order of creation. */
    List<Track> tracks();

    /** Brings every track's estimate to time t (s) without a measurement (for a decision cycle). */
    void predictTo(double t);
}
