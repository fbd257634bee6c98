package dev.bulwark.engine.fusion;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.network.TrackReport;
import dev.bulwark.engine.track.ConstantVelocity;
import dev.bulwark.engine.track.GnnTracker;
import dev.bulwark.engine.track.Track;
import dev.bulwark.engine.track.Tracker;
import dev.bulwark.engine.track.TrackerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A small scripted coalition for the fusion tests: nearly-constant-velocity targets in a
 * Cartesian box (any frame will do: fusion only needs positions and covariances in one frame),
 * and nodes, each a radar giving Cartesian position plots with its own noise covariance and
 * P_d inside its coverage, feeding its own GNN tracker. 1 s scans.
 */
final class CoalitionWorld {

    static final double PROCESS_NOISE = 1.0;

    /** One node: a radar and its tracker. */
    static final class Node {
        final int id;
        final double[] noise; // 3×3 plot covariance (m²)
        final double pd;
        final Predicate<double[]> covers;
        final GnnTracker tracker;

        Node(int id, double[] noise, double pd, Predicate<double[]> covers) {
            this.id = id;
            this.noise = noise;
            this.pd = pd;
            this.covers = covers;
            TrackerSettings s = new TrackerSettings(3, 4, 3, PROCESS_NOISE, 200, 16.27);
            this.tracker = new GnnTracker(s, new ConstantVelocity(s.processNoise()), Ellipsoid.WGS84,
                    Double.NEGATIVE_INFINITY, new Tracker.Listener() { });
        }

        /** One scan of plots from the truth, then the tracker's update. */
        void scan(double t, List<double[]> truth, Random rnd) {
            double[] l = new double[9];
            Dense.cholesky(3, noise, l);
            List<double[]> plots = new ArrayList<>();
            for (double[] x : truth) {
                if (covers.test(x) && rnd.nextDouble() < pd) {
                    double[] w = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
                    double[] z = new double[3];
                    for (int i = 0; i < 3; i++) {
                        z[i] = x[i];
                        for (int k = 0; k <= i; k++) {
                            z[i] += l[3 * i + k] * w[k];
                        }
                    }
                    plots.add(z);
                }
            }
            double[] z = new double[3 * plots.size()];
            double[] r = new double[9 * plots.size()];
            for (int k = 0; k < plots.size(); k++) {
                System.arraycopy(plots.get(k), 0, z, 3 * k, 3);
                System.arraycopy(noise, 0, r, 9 * k, 9);
            }
            tracker.update(t, id, plots.size(), z, r);
        }

        /** The confirmed tracks as reports. */
        List<TrackReport> reports(double t) {
            List<TrackReport> out = new ArrayList<>();
            for (Track k : tracker.tracks()) {
                if (k.confirmed()) {
                    out.add(new TrackReport(id, k.id(), k.time(), k.state(), k.covariance()));
                }
            }
            return out;
        }
    }

    final List<double[]> truth = new ArrayList<>();
    private final Random motion;

    CoalitionWorld(Random motion) {
        this.motion = motion;
    }

    /** Adds a target at (x, y, z) (m) moving at (vx, vy, 0) (m/s). */
    void target(double x, double y, double z, double vx, double vy) {
        truth.add(new double[] {x, y, z, vx, vy, 0});
    }

    /** Moves the targets by one 1 s step of white-acceleration noise (same q as the trackers). */
    void step() {
        double q = PROCESS_NOISE;
        double l11 = Math.sqrt(q / 3);
        double l21 = q / 2 / l11;
        double l22 = Math.sqrt(q - l21 * l21);
        for (double[] x : truth) {
            for (int a = 0; a < 3; a++) {
                double w1 = motion.nextGaussian();
                x[a] += x[3 + a] + l11 * w1;
                x[3 + a] += l21 * w1 + l22 * motion.nextGaussian();
            }
        }
    }

    /** Truth positions as a flat array. */
    double[] positions() {
        double[] p = new double[3 * truth.size()];
        for (int k = 0; k < truth.size(); k++) {
            System.arraycopy(truth.get(k), 0, p, 3 * k, 3);
        }
        return p;
    }

    /** Flat positions of reports. */
    static double[] positions(List<TrackReport> reports) {
        double[] p = new double[3 * reports.size()];
        for (int k = 0; k < reports.size(); k++) {
            for (int i = 0; i < 3; i++) {
                p[3 * k + i] = reports.get(k).state(i);
            }
        }
        return p;
    }

    static double[] diagonal(double sx, double sy, double sz) {
        return new double[] {sx * sx, 0, 0, 0, sy * sy, 0, 0, 0, sz * sz};
    }
}
