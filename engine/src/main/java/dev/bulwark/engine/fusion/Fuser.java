package dev.bulwark.engine.fusion;

import dev.bulwark.engine.network.TrackReport;
import java.util.List;

/** The fusion stage: the latest track reports of every source (the node's own included) into an air picture. */
public interface Fuser {

    /**
     * Fuses at time t (s): each report is brought to t, associated across sources and fused.
     * At most one report per (source, local track).
     */
    AirPicture fuse(double t, List<TrackReport> reports);
}
