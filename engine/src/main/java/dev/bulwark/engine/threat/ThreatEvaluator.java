package dev.bulwark.engine.threat;

import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.parallel.Workers;
import java.util.HashMap;
import java.util.Map;

/**
 * Threat evaluation of every track: ballistic impact prediction ({@link ImpactPredictor}) for
 * what falls, course prediction ({@link CoursePredictor}) for what flies on under power.
 *
 * <p>Which one applies is read from the track's own history, as an operator would: the
 * ballistic prediction of a falling object keeps its impact time, while that of a drone or
 * cruise missile in sustained flight recedes as fast as time passes (it is always "about to
 * fall" from its cruise height). A track is taken as powered when, over the last
 * {@link #WINDOW_S} seconds (at least {@link #MIN_SPAN_S} of them), the least-squares slope of its
 * predicted impact time against time lies between {@link #POWERED_SLOPE_MIN} and
 * {@link #POWERED_SLOPE_MAX} while it flies nearly level (the least-squares rate of change of its
 * distance from the Earth's centre is below {@link #LEVEL_FLIGHT} times its ground speed); and as
 * ballistic otherwise, including before it has that much history, and always when it flies faster
 * than {@link #MAX_POWERED_SPEED_MPS}. The long span and the level
 * flight condition keep out rockets early in their track, whose velocity estimate is still
 * converging and whose predicted impact time moves with it. A ballistic prediction that fails
 * (the track climbs away) counts as an impact an hour away.
 *
 * <p>The assessment names the category battle management plans with (its probability of kill):
 * {@code rocket_artillery_mortar} for a track judged by its fall, {@code drone} for a powered
 * track slower than {@link #CRUISE_MISSILE_SPEED_MPS}, {@code cruise_missile} for a faster one.
 *
 * <p>Simplified: the test takes {@link #MIN_SPAN_S} of track to decide and can be fooled by a
 * threat that changes regime (a drone's terminal dive) or by a rocket whose unmodelled drag makes
 * its predicted impact recede for several seconds (the ballistic prediction assumes one
 * ballistic coefficient); then the other model applies for a while. A motion-model-probability test (an interacting multiple
 * model tracker) would decide faster.
 *
 * <p>Not thread-safe; one per simulation. A batch of tracks ({@link #assessAll}) may have its
 * ballistic predictions computed by several threads, when the evaluator is built with more than
 * one ({@link #ThreatEvaluator(ImpactPredictor, CoursePredictor, Workers)}): each thread flies its
 * tracks with its own copy of the impact predictor ({@link ImpactPredictor#copy}), and the
 * history and the choice between the models then run in the calling thread, in the batch's
 * order, so that the assessments are the same to the bit as one thread's. The simulation uses
 * one thread (its Monte Carlo replications run one per core); the battle-cycle benchmark can
 * use more.
 */
public final class ThreatEvaluator {

    /** Span of history used (s). */
    public static final double WINDOW_S = 10.0;
    /** Least span of history before a track can be judged powered (s). */
    public static final double MIN_SPAN_S = 8.0;
    /**
     * Band of the rate of recession of the predicted impact time of a powered track (s per s):
     * about 1, as its predicted fall keeps the same length.
     */
    public static final double POWERED_SLOPE_MIN = 0.7;
    /** Upper end of that band. */
    public static final double POWERED_SLOPE_MAX = 1.3;
    /**
     * Greatest rate of climb or descent over the window for a powered track, as a share of its
     * ground speed (a flight-path angle of about 11°): a rocket climbing out, whose early velocity
     * estimate is still converging, does not pass for a drone.
     */
    public static final double LEVEL_FLIGHT = 0.2;
    /**
     * Fastest track that can be judged powered (m/s), about Mach 1 near the ground. The powered
     * threats Bulwark flies are subsonic (drones near 50 m/s, cruise missiles near 250 m/s); a
     * rocket fired at a low elevation climbs out at a few degrees for its first seconds, its
     * predicted impact receding as its velocity estimate converges, and without this limit a
     * Grad-class rocket at 450–700 m/s was sometimes taken for a drone for a second or two
     * (measured on southern-front.yaml: 31 assessments). Simplified: a supersonic cruise missile
     * would be judged ballistic.
     */
    public static final double MAX_POWERED_SPEED_MPS = 340.0;
    private static final int HISTORY = 32;
    /** Tracks a thread takes at a time from a batch ({@link #assessAll}). */
    private static final int BLOCK = 16;
    /**
     * Ground speed (m/s) from which a powered track is taken for a cruise missile rather than a
     * drone: one-way attack drones cruise at 40–60 m/s, subsonic cruise missiles at 200–250 m/s
     * [notional split].
     */
    public static final double CRUISE_MISSILE_SPEED_MPS = 120.0;

    private final ImpactPredictor ballistic;
    private final CoursePredictor course;
    private final Map<Integer, History> histories = new HashMap<>();
    // the ballistic predictors of the workers (the calling thread's is `ballistic`)
    private final ImpactPredictor[] predictors;
    private final Workers workers;

    /** Evaluates with these predictors, in the calling thread. */
    public ThreatEvaluator(ImpactPredictor ballistic, CoursePredictor course) {
        this(ballistic, course, Workers.CALLING_THREAD);
    }

    /**
     * Evaluates with these predictors; the ballistic predictions of a batch ({@link #assessAll})
     * are shared among {@code threads} threads: the calling one and {@code threads − 1} daemon
     * threads of this evaluator's own.
     *
     * @param threads number of threads for a batch's ballistic predictions (1: the calling thread alone)
     */
    public ThreatEvaluator(ImpactPredictor ballistic, CoursePredictor course, int threads) {
        this(ballistic, course, threads == 1 ? Workers.CALLING_THREAD : new Workers(threads));
    }

    /**
     * Evaluates with these predictors; the ballistic predictions of a batch ({@link #assessAll})
     * are shared among the workers (which may also serve other stages of the cycle, one batch at
     * a time), each with its own copy of the predictor.
     *
     * @param workers the threads of a batch's ballistic predictions
     */
    public ThreatEvaluator(ImpactPredictor ballistic, CoursePredictor course, Workers workers) {
        this.ballistic = ballistic;
        this.course = course;
        this.workers = workers;
        this.predictors = new ImpactPredictor[workers.threads()];
        predictors[0] = ballistic;
        for (int i = 1; i < predictors.length; i++) {
            predictors[i] = ballistic.copy();
        }
    }

    /** Number of threads of a batch's ballistic predictions. */
    public int threads() {
        return predictors.length;
    }

    /**
     * Assesses a batch of tracks: the same as {@link #assess(int, double, double[], double[])} on
     * each in the batch's order, to the bit, with the ballistic predictions shared among the
     * evaluator's threads (blocks of {@value #BLOCK} tracks, taken in turn by whichever thread is
     * free; each prediction depends on its track alone).
     *
     * @param trackIds    the tracks
     * @param times       the times of their estimates (s)
     * @param states      their ECEF position and velocity estimates
     * @param covariances their 6×6 covariances
     * @return the assessments, in the batch's order, null where neither model gives one
     */
    public Assessment[] assessAll(int[] trackIds, double[] times, double[][] states, double[][] covariances) {
        int n = trackIds.length;
        Assessment[] falling = new Assessment[n];
        workers.forEach(n, BLOCK,
                (w, i) -> falling[i] = predictors[w].assess(trackIds[i], times[i], states[i], covariances[i]));
        Assessment[] out = new Assessment[n];
        for (int i = 0; i < n; i++) {
            out[i] = judge(trackIds[i], times[i], states[i], covariances[i], falling[i]);
        }
        return out;
    }

    /**
     * Assesses a track at the time of its estimate.
     *
     * @return the assessment, or null if neither model gives one (a false track climbing away)
     */
    public Assessment assess(int trackId, double time, double[] state, double[] covariance) {
        return assess(trackId, time, state, covariance, Double.NaN, Double.NaN);
    }

    /**
     * Assesses a track with the tracker's estimate of its ballistic coefficient: the ballistic
     * prediction flies β with the log-normal spread given ({@link ImpactPredictor#assess(int, double,
     * double[], double[], double, double)}) when both are finite and β &gt; 0, the doctrine's assumed
     * β otherwise.
     *
     * @param betaKgM2     the estimated ballistic coefficient (kg/m²), or NaN
     * @param logBetaSigma the standard deviation of its logarithm, or NaN
     * @return the assessment, or null if neither model gives one
     */
    public Assessment assess(int trackId, double time, double[] state, double[] covariance, double betaKgM2,
            double logBetaSigma) {
        Assessment falling = betaKgM2 > 0 && Double.isFinite(betaKgM2) && logBetaSigma >= 0
                && Double.isFinite(logBetaSigma)
                ? ballistic.assess(trackId, time, state, covariance, betaKgM2, logBetaSigma)
                : ballistic.assess(trackId, time, state, covariance);
        return judge(trackId, time, state, covariance, falling);
    }

    /**
     * Assesses a track whose filter estimates γ = 1/β as a seventh state: the ballistic prediction
     * propagates the joint state's covariance ({@link ImpactPredictor#assessEstimatedDrag}),
     * or the one with the doctrine's assumed β when γ̂ ≤ 0.
     *
     * @param state          ECEF position and velocity estimate (6 values)
     * @param covariance     its 6×6 covariance
     * @param fullState      position, velocity and γ (7 values)
     * @param fullCovariance their 7×7 covariance
     * @return the assessment, or null if neither model gives one
     */
    public Assessment assessEstimatedDrag(int trackId, double time, double[] state, double[] covariance,
            double[] fullState, double[] fullCovariance) {
        Assessment falling = fullState[6] > 0
                ? ballistic.assessEstimatedDrag(trackId, time, fullState, fullCovariance)
                : ballistic.assess(trackId, time, state, covariance);
        return judge(trackId, time, state, covariance, falling);
    }

    private Assessment judge(int trackId, double time, double[] state, double[] covariance, Assessment falling) {
        History h = histories.computeIfAbsent(trackId, k -> new History());
        // a failed ballistic prediction (climbing away) counts as an impact receding at once
        double r = Math.sqrt(state[0] * state[0] + state[1] * state[1] + state[2] * state[2]);
        double radialSpeed = (state[0] * state[3] + state[1] * state[4] + state[2] * state[5]) / r;
        double speed2 = state[3] * state[3] + state[4] * state[4] + state[5] * state[5];
        double groundSpeed = Math.sqrt(Math.max(0, speed2 - radialSpeed * radialSpeed));
        h.add(time, falling == null ? time + 3_600 : falling.impactTime(), r, groundSpeed);
        h.judgedPowered = Math.sqrt(speed2) < MAX_POWERED_SPEED_MPS && h.powered();
        if (h.judgedPowered) {
            Assessment flying = course.assess(trackId, time, state, covariance);
            if (flying != null) {
                return flying.withCategory(groundSpeed < CRUISE_MISSILE_SPEED_MPS ? ThreatClass.Category.DRONE
                        : ThreatClass.Category.CRUISE_MISSILE);
            }
        }
        return falling;
    }

    /** Whether the track's history marks it as powered (after its latest assessment). */
    public boolean powered(int trackId) {
        History h = histories.get(trackId);
        return h != null && h.judgedPowered;
    }

    /** Forgets a track that is gone. */
    public void forget(int trackId) {
        histories.remove(trackId);
    }

    /** A ring of the latest (time, predicted impact time) pairs of one track. */
    private static final class History {
        final double[] t = new double[HISTORY];
        final double[] impact = new double[HISTORY];
        final double[] radius = new double[HISTORY];
        double groundSpeed;
        boolean judgedPowered;
        int count;
        int next;

        void add(double time, double impactTime, double r, double speed) {
            t[next] = time;
            impact[next] = impactTime;
            radius[next] = r;
            groundSpeed = speed;
            next = (next + 1) % HISTORY;
            count = Math.min(count + 1, HISTORY);
        }

        boolean powered() {
            double latest = t[(next - 1 + HISTORY) % HISTORY];
            double sx = 0;
            double sy = 0;
            int n = 0;
            double earliest = latest;
            for (int i = 0; i < count; i++) {
                if (t[i] >= latest - WINDOW_S) {
                    sx += t[i];
                    sy += impact[i];
                    n++;
                    earliest = Math.min(earliest, t[i]);
                }
            }
            if (n < 3 || latest - earliest < MIN_SPAN_S) {
                return false;
            }
            double mx = sx / n;
            double my = sy / n;
            double mr = 0;
            for (int i = 0; i < count; i++) {
                if (t[i] >= latest - WINDOW_S) {
                    mr += radius[i] / n;
                }
            }
            double sxy = 0;
            double sxr = 0;
            double sxx = 0;
            for (int i = 0; i < count; i++) {
                if (t[i] >= latest - WINDOW_S) {
                    sxy += (t[i] - mx) * (impact[i] - my);
                    sxr += (t[i] - mx) * (radius[i] - mr);
                    sxx += (t[i] - mx) * (t[i] - mx);
                }
            }
            double recession = sxy / sxx;
            return recession > POWERED_SLOPE_MIN && recession < POWERED_SLOPE_MAX
                    && Math.abs(sxr / sxx) < LEVEL_FLIGHT * groundSpeed;
        }
    }
}
