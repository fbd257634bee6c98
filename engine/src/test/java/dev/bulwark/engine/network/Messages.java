package dev.bulwark.engine.network;

/** Sample messages for the network tests. */
final class Messages {

    private Messages() {
    }

    /** A track report with distinct numbers everywhere and a valid covariance. */
    static TrackReport track(int source, int local, double time, double x, double y, double z) {
        double[] state = {x, y, z, 120.5, -80.25, 3.125};
        double[] p = new double[36];
        for (int i = 0; i < 6; i++) {
            p[6 * i + i] = i < 3 ? 400 + i : 25 + i;
        }
        p[1] = p[6] = 12.5;
        p[3] = p[18] = 7.75;
        return new TrackReport(source, local, time, state, p);
    }
}
