package dev.bulwark.engine.fusion;

import java.util.List;

/**
 * An air picture at one time: the system tracks a node holds, in increasing number.
 *
 * @param node   the node whose picture this is
 * @param time   time of the picture (s)
 * @param tracks the system tracks
 */
public record AirPicture(int node, double time, List<SystemTrack> tracks) {

    /** Copies the list. */
    public AirPicture {
        tracks = List.copyOf(tracks);
    }

    /** The positions (x, y, z per track, ECEF, m), for set metrics such as GOSPA. */
    public double[] positions() {
        double[] out = new double[3 * tracks.size()];
        for (int k = 0; k < tracks.size(); k++) {
            for (int i = 0; i < 3; i++) {
                out[3 * k + i] = tracks.get(k).state(i);
            }
        }
        return out;
    }
}
