package dev.bulwark.engine.sim;

import dev.bulwark.engine.assign.Reason;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.threat.Assessment;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.engine.threat.DefendedAreas;
import dev.bulwark.engine.threat.ImpactPredictor;
import dev.bulwark.engine.track.Track;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic of threat evaluation's impact prediction (test scope, not part of the engine): runs
 * a world's simulation and, at every assessment of a confirmed track matched to a true unguided
 * threat, compares the prediction with the truth and splits its error.
 *
 * <p>For each assessment it records the true and the predicted impact (east, north in the scenario's
 * tangent plane), the 2×2 covariance the prediction gave, the track's position and velocity error
 * against the truth at the track's own time and its normalised squared error against the track's
 * covariance, the probability given and battle management's decision, and three predictions flown
 * by a copy of the simulation's predictor: from the track's state (which must equal the simulation's
 * own), from the true state with the same model (β), and from the true state with the covariance's
 * state part only. The split of the error e = predicted − true impact:
 * <ul>
 * <li>(a) track-state error propagated: prediction from the track's state minus prediction from the
 * true state, both with the predictor's model;</li>
 * <li>(b) model error: prediction from the true state minus the true impact (the predictor's drag
 * model against the truth's, since gravity and the integration agree to metres);</li>
 * <li>(c) calibration: the normalised squared errors of e against the whole covariance, of (a)
 * against its state part S P Sᵀ and of (b) against its drag part.</li>
 * </ul>
 *
 * <p>It reads the simulation's private command node and truth by reflection (it lives in the
 * engine's package for the package-private ones); nothing in the run is changed by it.
 */
public final class PredictionProbe {

    /** One assessment of one track matched to one true threat. */
    public record Sample(double time, double trackTime, int trackId, int threatId, String type, double timeToGo,
            double trueE, double trueN, double predE, double predN, double covEE, double covEN, double covNN,
            double alongE, double alongN, double positionErrorM, double velocityErrorMps, double stateNees,
            double fromTrueE, double fromTrueN, double stateCovEE, double stateCovEN, double stateCovNN,
            double probability, String reason, boolean boundForArea, double distanceToAreaM, int stateDimension,
            double betaUsed, double sinceLaunch, double trackAge, double planNow, double planLater,
            double predictedTimeToGo, double planLaterTrue) {

        /** This sample with its track and threat numbers offset (to pool several runs). */
        public Sample renumbered(int offset) {
            return new Sample(time, trackTime, trackId + offset, threatId + offset, type, timeToGo, trueE, trueN, predE,
                    predN, covEE, covEN, covNN, alongE, alongN, positionErrorM, velocityErrorMps, stateNees, fromTrueE,
                    fromTrueN, stateCovEE, stateCovEN, stateCovNN, probability, reason, boundForArea, distanceToAreaM,
                    stateDimension, betaUsed, sinceLaunch, trackAge, planNow, planLater, predictedTimeToGo,
                    planLaterTrue);
        }

        /** Error of the prediction along the threat's ground track (m, positive: long). */
        public double along() {
            return (predE - trueE) * alongE + (predN - trueN) * alongN;
        }

        /** Error across it (m, positive: left). */
        public double cross() {
            return -(predE - trueE) * alongN + (predN - trueN) * alongE;
        }

        /** Total impact error (m). */
        public double error() {
            return Math.hypot(predE - trueE, predN - trueN);
        }

        /** (a): the track-state error propagated (m, east and north). */
        public double[] stateError() {
            return new double[] {predE - fromTrueE, predN - fromTrueN};
        }

        /** (b): the model error (m, east and north). */
        public double[] modelError() {
            return new double[] {fromTrueE - trueE, fromTrueN - trueN};
        }

        /** Normalised squared error of the whole error against the whole covariance. */
        public double nees() {
            return nees(predE - trueE, predN - trueN, covEE, covEN, covNN);
        }

        /** Normalised squared error of (a) against the covariance's state part S P Sᵀ. */
        public double stateNeesImpact() {
            double[] a = stateError();
            return nees(a[0], a[1], stateCovEE, stateCovEN, stateCovNN);
        }

        /** Normalised squared error of (b) against the covariance's drag part. */
        public double modelNees() {
            double[] b = modelError();
            return nees(b[0], b[1], covEE - stateCovEE, covEN - stateCovEN, covNN - stateCovNN);
        }

        static double nees(double e, double n, double ee, double en, double nn) {
            double det = ee * nn - en * en;
            if (!(det > 0)) {
                return Double.NaN;
            }
            return (nn * e * e - 2 * en * e * n + ee * n * n) / det;
        }
    }

    private PredictionProbe() {
    }

    /** Runs the world and returns every sample, in the order of the assessments. */
    @SuppressWarnings("unchecked")
    public static List<Sample> run(World world) throws ReflectiveOperationException {
        Simulation sim = new Simulation(world);
        List<CommandNode> nodes = (List<CommandNode>) field(sim, "nodes");
        List<ThreatTruth> threats = (List<ThreatTruth>) field(sim, "threats");
        Ellipsoid ellipsoid = world.earth().ellipsoid();
        double ground = world.origin().altitude();
        DefendedAreas areas = new DefendedAreas(ellipsoid, new LocalFrame(ellipsoid, world.origin().withAltitude(0.0)),
                world.areas(), world.doctrine()::kindWeight);
        LocalFrame plane = areas.regions().frame();
        double beta = world.doctrine().assumedBallisticCoefficientKgM2();
        ImpactPredictor mine = new ImpactPredictor(new BallisticPropagator(world.earth(), Simulation.PREDICTION_STEP_S),
                areas, beta, Simulation.dragShape(world.tracker()), ground, 900);
        List<Sample> out = new ArrayList<>();
        Map<Integer, double[]> impacts = new HashMap<>();
        double[] pending = {-1};
        int[] pendingIndex = {-1};
        sim.bus().subscribe(e -> {
            if (!(e instanceof SimEvent.Assessed a)) {
                return;
            }
            CommandNode node = nodes.get(0);
            finish(out, node, pendingIndex, pending);
            if (a.threatId() <= 0) {
                return;
            }
            ThreatTruth truth = threats.get(a.threatId() - 1);
            if (!(truth.type() instanceof dev.bulwark.engine.flight.ThreatType)) {
                return;
            }
            Track track = null;
            for (Track t : node.tracker.tracks()) {
                if (t.id() == a.trackId()) {
                    track = t;
                }
            }
            if (track == null || node.evaluator.powered(track.id())) {
                return;
            }
            double[] ti = impacts.computeIfAbsent(truth.id, k -> {
                double[] enu = new double[3];
                areas.regions().project(truth.trajectory.impactPoint(), enu);
                return new double[] {enu[0], enu[1], truth.trajectory.impactTime()};
            });
            double tt = track.time();
            double[] x = new double[6];
            truth.stateAt(tt, x);
            double[] xs = track.state().clone();
            double[] p = track.covariance().clone();
            // the simulation's choice of prediction (Simulation.assess, own track alone)
            double b = track.ballisticCoefficient();
            double ls = track.logBallisticCoefficientSigma();
            boolean estimated = !Double.isNaN(b) && ls < ImpactPredictor.LOG_BETA_SIGMA && track.stateDimension() == 7;
            Assessment fromTrack;
            Assessment fromTruth;
            Assessment stateOnly;
            double betaUsed;
            if (estimated) {
                double[] full = track.fullState().clone();
                double[] fullP = track.fullCovariance().clone();
                fromTrack = mine.assessEstimatedDrag(track.id(), tt, full, fullP);
                double[] tx = full.clone();
                System.arraycopy(x, 0, tx, 0, 6);
                fromTruth = mine.assessEstimatedDrag(track.id(), tt, tx, fullP);
                double[] noGamma = fullP.clone();
                for (int i = 0; i < 7; i++) {
                    noGamma[i * 7 + 6] = i == 6 ? 1e-30 : 0;
                    noGamma[6 * 7 + i] = i == 6 ? 1e-30 : 0;
                }
                stateOnly = mine.assessEstimatedDrag(track.id(), tt, full, noGamma);
                betaUsed = 1 / full[6];
            } else {
                double useBeta = !Double.isNaN(b) && ls < ImpactPredictor.LOG_BETA_SIGMA ? b : beta;
                double useSigma = !Double.isNaN(b) && ls < ImpactPredictor.LOG_BETA_SIGMA ? ls
                        : ImpactPredictor.LOG_BETA_SIGMA;
                fromTrack = mine.assess(track.id(), tt, xs, p, useBeta, useSigma);
                fromTruth = mine.assess(track.id(), tt, x, p, useBeta, useSigma);
                stateOnly = mine.assess(track.id(), tt, xs, p, useBeta, 0);
                betaUsed = useBeta;
            }
            if (fromTrack == null || fromTruth == null || stateOnly == null) {
                return;
            }
            if (Math.abs(fromTrack.impactTime() - a.predictedImpactTime()) > 1e-6) {
                throw new IllegalStateException("the probe's prediction differs from the simulation's: "
                        + fromTrack.impactTime() + " against " + a.predictedImpactTime());
            }
            // along-track direction: the true horizontal velocity at the track's time in the plane
            double[] v = new double[3];
            plane.rotateToEnu(x[3], x[4], x[5], v);
            double h = Math.hypot(v[0], v[1]);
            double dp = Math.sqrt(sq(xs[0] - x[0]) + sq(xs[1] - x[1]) + sq(xs[2] - x[2]));
            double dv = Math.sqrt(sq(xs[3] - x[3]) + sq(xs[4] - x[4]) + sq(xs[5] - x[5]));
            double[] d = new double[6];
            for (int i = 0; i < 6; i++) {
                d[i] = xs[i] - x[i];
            }
            double stateNees = quadratic(d, p, 6);
            out.add(new Sample(a.time(), tt, a.trackId(), truth.id, truth.type().name(), ti[2] - tt, ti[0], ti[1],
                    fromTrack.impactEast(), fromTrack.impactNorth(), fromTrack.covEE(), fromTrack.covEN(),
                    fromTrack.covNN(), v[0] / h, v[1] / h, dp, dv, stateNees, fromTruth.impactEast(),
                    fromTruth.impactNorth(), stateOnly.covEE(), stateOnly.covEN(), stateOnly.covNN(),
                    a.probability(), null, truth.boundFor >= 0, distance(truth.trajectory.impactPoint(), areas),
                    track.stateDimension(), betaUsed, tt - truth.trajectory.startTime(), tt - track.startTime(),
                    plan(node, fromTrack, a.time()), plan(node, fromTrack, a.time() + world.doctrine().reassessS()),
                    fromTrack.impactTime() - tt,
                    plan(node, truth.trajectory, a.time() + world.doctrine().reassessS())));
            pendingIndex[0] = out.size() - 1;
            pending[0] = a.trackId();
        });
        sim.run(ProgressListener.NONE);
        finish(out, nodes.get(0), pendingIndex, pending);
        return out;
    }

    /** The decision recorded for the last sample, read once the simulation has made it. */
    private static void finish(List<Sample> out, CommandNode node, int[] index, double[] trackId) {
        if (index[0] < 0) {
            return;
        }
        Reason r = node.lastReason.get((int) trackId[0]);
        Sample s = out.get(index[0]);
        out.set(index[0], new Sample(s.time(), s.trackTime(), s.trackId(), s.threatId(), s.type(), s.timeToGo(),
                s.trueE(), s.trueN(), s.predE(), s.predN(), s.covEE(), s.covEN(), s.covNN(), s.alongE(), s.alongN(),
                s.positionErrorM(), s.velocityErrorMps(), s.stateNees(), s.fromTrueE(), s.fromTrueN(),
                s.stateCovEE(), s.stateCovEN(), s.stateCovNN(), s.probability(), r == null ? null : r.key(),
                s.boundForArea(), s.distanceToAreaM(), s.stateDimension(), s.betaUsed(), s.sinceLaunch(),
                s.trackAge(), s.planNow(), s.planLater(), s.predictedTimeToGo(), s.planLaterTrue()));
        index[0] = -1;
    }

    /** The earliest intercept time of any of the node's batteries on the assessment's path, planned at t; NaN if none. */
    private static double plan(CommandNode node, Assessment a, double t) {
        return plan(node, a.predicted(), t);
    }

    /** The earliest intercept time of any of the node's batteries on a path, planned at t; NaN if none. */
    private static double plan(CommandNode node, dev.bulwark.engine.flight.FlightPath path, double t) {
        double best = Double.NaN;
        for (dev.bulwark.engine.effector.Battery b : node.batteries) {
            dev.bulwark.engine.effector.InterceptPlan p = b.plan(path, t);
            if (p != null && !(p.interceptTime() >= best)) {
                best = p.interceptTime();
            }
        }
        return best;
    }

    /** dᵀ P⁻¹ d by Gaussian elimination (P symmetric positive definite, n×n row-major). */
    static double quadratic(double[] d, double[] p, int n) {
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = p[i * n + j];
            }
            m[i][n] = d[i];
        }
        for (int c = 0; c < n; c++) {
            int best = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[best][c])) {
                    best = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[best];
            m[best] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] y = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double acc = m[i][n];
            for (int k = i + 1; k < n; k++) {
                acc -= m[i][k] * y[k];
            }
            y[i] = acc / m[i][i];
        }
        double q = 0;
        for (int i = 0; i < n; i++) {
            q += d[i] * y[i];
        }
        return q;
    }

    /** Distance (m) in the tangent plane from a point to the nearest edge of the areas (0 inside one). */
    static double distance(GeodeticPoint p, DefendedAreas areas) {
        double[] xy = new double[3];
        areas.regions().project(p, xy);
        if (areas.locate(xy[0], xy[1]) >= 0) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        double[] a = new double[3];
        double[] b = new double[3];
        for (DefendedArea area : areas.areas()) {
            GeoPolygon poly = area.boundary();
            List<GeodeticPoint> v = poly.vertices();
            for (int i = 0; i < v.size(); i++) {
                areas.regions().project(v.get(i), a);
                areas.regions().project(v.get((i + 1) % v.size()), b);
                double ax = a[0] - xy[0];
                double ay = a[1] - xy[1];
                double dx = b[0] - a[0];
                double dy = b[1] - a[1];
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
                best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
            }
        }
        return best;
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static double sq(double v) {
        return v * v;
    }
}
