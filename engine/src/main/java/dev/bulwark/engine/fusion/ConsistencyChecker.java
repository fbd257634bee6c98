package dev.bulwark.engine.fusion;

import dev.bulwark.engine.network.TrackReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Detects a partner that injects false tracks, by checking its tracks against the node's own
 * sensors where those would surely see the object, and isolates it with an {@link Alert}.
 *
 * <p><b>Observation.</b> Each scan, every report of a partner whose position (brought to the
 * scan time) lies where the node's own detection probability is at least
 * {@code minDetection}, and has been there for at least {@code grace} seconds (time for the
 * node's own tracker to confirm a real object that just came into coverage), is one Bernoulli
 * observation: <i>confirmed</i> if some own track lies within the χ²(3) gate of it
 * (Bar-Shalom's test, as in {@link SystemTrackTable}), <i>unconfirmed</i> otherwise. A track
 * that contradicts the node's own (an own track nearby but outside the gate) counts as
 * unconfirmed.
 *
 * <p><b>Test.</b> For an honest partner an observation is confirmed with probability p₀ (high:
 * the own track exists where own P_d is high); for a compromised partner with probability p₁,
 * the design point: p₁ = 0.5 says "half of its tracks in my coverage are false". Page's CUSUM
 * (Page, "Continuous inspection schemes", Biometrika 41, 1954; Basseville &amp; Nikiforov,
 * <i>Detection of Abrupt Changes</i>, 1993, §2.2), a sequential probability ratio test (Wald
 * 1945) restarted whenever its statistic falls below zero, so that a partner honest for hours
 * and then compromised is caught as fast as one compromised from the start. One step per scan,
 * with the summed log-likelihood ratio of the scan's observations (so their order does not
 * matter):
 *
 * <pre>
 *   Sₙ = max(0, Sₙ₋₁ + Σ ℓ),   ℓ = ln(p₁/p₀) if confirmed,   ℓ = ln((1 − p₁)/(1 − p₀)) if not;
 *   isolate when Sₙ ≥ h.
 * </pre>
 *
 * <p>With the defaults p₀ = 0.95, p₁ = 0.5, h = 8, an unconfirmed track adds 2.30 and a
 * confirmed one takes 0.64 away. The statistic drifts upwards when more than
 * ln(p₀/p₁) / (ln(p₀/p₁) + ln((1 − p₁)/(1 − p₀))) = 22 % of a partner's tested tracks are
 * unconfirmed, so a spoofer must keep its false tracks below about a fifth of what it reports
 * in the node's coverage to stay hidden (and then does little harm there). Wald's
 * approximation h ≈ ln(1/α) would put the false alarm probability of one SPRT near 6 × 10⁻⁶,
 * but observations are not independent (an own-sensor gap hits every partner track in it, a
 * partner track is tested scan after scan), so the false alarm rate is measured, not assumed
 * (see the tests).
 *
 * <p><b>Decision.</b> Isolation is latched: the partner's data stay out of the picture until an
 * operator calls {@link #restore}. Neglected: a spoofer who injects tracks only outside the
 * node's coverage cannot be caught this way (nothing can check them), and a spoofer who
 * shadows real objects with slightly displaced tracks is caught only if the displacement
 * exceeds the gate.
 *
 * <p>One owner; not thread-safe.
 */
public final class ConsistencyChecker {

    /** The node's own sensor coverage: where its own sensors would see an object, and how surely. */
    public interface Coverage {
        /** Probability that the node's own sensors detect an object at this ECEF position (m) in a scan. */
        double detectionProbability(double x, double y, double z);
    }

    /**
     * Parameters of the test.
     *
     * @param minDetection own P_d above which a partner track is tested
     * @param pHonest      p₀, probability that an honest partner's track is confirmed
     * @param pFalse       p₁, probability that a compromised partner's track is confirmed
     * @param threshold    h, the CUSUM threshold
     * @param grace        time a partner track must spend in coverage before it is tested (s)
     * @param gate         χ²(3) gate on the position difference
     */
    public record Settings(double minDetection, double pHonest, double pFalse, double threshold, double grace,
            double gate) {

        /** Defaults: P_d ≥ 0.8, p₀ 0.95, p₁ 0.5, h 8, 5 s grace, the track-to-track gate of the system track table. */
        public static final Settings DEFAULT = new Settings(0.8, 0.95, 0.5, 8, 5, SystemTrackTable.GATE_99999);

        /** Checks the values. */
        public Settings {
            if (!(pFalse > 0 && pFalse < pHonest && pHonest < 1)) {
                throw new IllegalArgumentException("need 0 < p_false < p_honest < 1, got " + pFalse + ", " + pHonest);
            }
            if (!(threshold > 0 && grace >= 0 && gate > 0 && minDetection >= 0 && minDetection <= 1)) {
                throw new IllegalArgumentException("threshold and gate must be > 0, grace >= 0, min detection in [0, 1]");
            }
        }
    }

    private static final class Partner {
        double cusum;
        long observations;
        long unconfirmed;
        boolean isolated;
    }

    private final int node;
    private final Settings settings;
    private final Coverage coverage;
    private final TrackPrediction prediction;
    private final double llrConfirmed;
    private final double llrUnconfirmed;
    private final Map<Integer, Partner> partners = new TreeMap<>();
    private final Map<Long, Double> inCoverageSince = new HashMap<>();

    /**
     * @param node         the checking node
     * @param settings     test parameters
     * @param coverage     the node's own coverage
     * @param processNoise white-acceleration spectral density used to bring reports to the scan time (m²/s³)
     */
    public ConsistencyChecker(int node, Settings settings, Coverage coverage, double processNoise) {
        this.node = node;
        this.settings = settings;
        this.coverage = coverage;
        this.prediction = new TrackPrediction(processNoise);
        this.llrConfirmed = Math.log(settings.pFalse() / settings.pHonest());
        this.llrUnconfirmed = Math.log((1 - settings.pFalse()) / (1 - settings.pHonest()));
    }

    /**
     * One scan at time t (s): tests the partners' reports against the node's own tracks.
     * Reports of isolated partners and of the node itself are ignored.
     *
     * @param own     the node's own (confirmed) tracks
     * @param partner the latest reports received from partners
     * @return the alerts raised by this scan
     */
    public List<Alert> check(double t, List<TrackReport> own, List<TrackReport> partner) {
        double[][] ox = new double[own.size()][6];
        double[][] op = new double[own.size()][36];
        for (int k = 0; k < own.size(); k++) {
            prediction.predict(own.get(k), t, ox[k], op[k]);
        }
        double[] x = new double[6];
        double[] p = new double[36];
        Set<Long> seen = new HashSet<>();
        Map<Integer, Double> scanLlr = new TreeMap<>();
        for (TrackReport r : partner) {
            if (r.source() == node) {
                continue;
            }
            Partner s = partners.computeIfAbsent(r.source(), k -> new Partner());
            if (s.isolated) {
                continue;
            }
            prediction.predict(r, t, x, p);
            if (coverage.detectionProbability(x[0], x[1], x[2]) < settings.minDetection()) {
                continue;
            }
            long key = ((long) r.source() << 32) | (r.localTrack() & 0xffffffffL);
            seen.add(key);
            double since = inCoverageSince.computeIfAbsent(key, k -> t);
            if (t - since < settings.grace()) {
                continue;
            }
            boolean confirmed = false;
            for (int k = 0; k < own.size() && !confirmed; k++) {
                confirmed = Dense.positionDistance2(x, p, ox[k], op[k]) <= settings.gate();
            }
            s.observations++;
            if (!confirmed) {
                s.unconfirmed++;
            }
            scanLlr.merge(r.source(), confirmed ? llrConfirmed : llrUnconfirmed, Double::sum);
        }
        inCoverageSince.keySet().retainAll(seen);
        List<Alert> alerts = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : scanLlr.entrySet()) {
            int source = e.getKey();
            Partner s = partners.get(source);
            s.cusum = Math.max(0, s.cusum + e.getValue());
            if (s.cusum >= settings.threshold()) {
                s.isolated = true;
                alerts.add(new Alert(t, node, source, Alert.Kind.PARTNER_ISOLATED, s.cusum, s.observations,
                        s.unconfirmed));
            }
        }
        return alerts;
    }

    /** Whether a partner is isolated. */
    public boolean isolated(int partner) {
        Partner s = partners.get(partner);
        return s != null && s.isolated;
    }

    /** The current CUSUM statistic of a partner (0 if never tested). */
    public double statistic(int partner) {
        Partner s = partners.get(partner);
        return s == null ? 0 : s.cusum;
    }

    /** Partner tracks tested so far. */
    public long observations(int partner) {
        Partner s = partners.get(partner);
        return s == null ? 0 : s.observations;
    }

    /** Ends a partner's isolation (an operator's decision) and restarts its test. */
    public void restore(int partner) {
        partners.remove(partner);
    }
}
