package dev.bulwark.engine.fusion;

import dev.bulwark.engine.network.TrackReport;
import dev.bulwark.engine.track.associate.SparseAssignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Fuser} that keeps one system track number per object from scan to scan: the
 * track-to-track association and fusion of one node's air picture.
 *
 * <p><b>Each call</b>, every report is predicted to the fusion time ({@link TrackPrediction}),
 * then:
 * <ol>
 *   <li><i>Continuity.</i> A (source, local track) already bound to a live system track stays
 *       bound if it still passes {@link #KEEP_FACTOR} times the gate against that system track
 *       (its estimate so far this scan, or else its previous fused estimate predicted);
 *       otherwise the binding breaks (a local track swap in the source's tracker). The wider
 *       gate for keeping than for making a binding is hysteresis: numbers do not flicker when
 *       d² wanders about the gate.</li>
 *   <li><i>Association</i>, source by source in a fixed order (the owner node first, then by
 *       node number): the unbound reports of the source are assigned to the system tracks that
 *       do not yet hold a track of that source, minimising Σ d² by the exact sparse 2-D
 *       assignment ({@link SparseAssignment}), each report free to stay unassigned at the cost
 *       of the gate. A report left unassigned starts a new system track with a new number;
 *       numbers are never reused.</li>
 *   <li><i>Fusion.</i> The members of a system track are fused one by one, in the order they
 *       joined, by {@link CovarianceIntersection}.</li>
 *   <li>System tracks that no report joined are dropped.</li>
 * </ol>
 *
 * <p><b>Gate.</b> The test of Bar-Shalom (1981, "On the track-to-track correlation problem",
 * IEEE TAC 26(2), 571–572) on the position difference, d² = Δᵀ (P_a + P_b)⁻¹ Δ, compared with a
 * χ²(3) quantile. It leaves out the cross-covariance P_ab of the two estimates (unknown here),
 * which, being positive for tracks that share process noise, makes the true variance of Δ
 * smaller than P_a + P_b: the gate errs towards accepting. Position only, because a partner's
 * young track has a poor velocity.
 *
 * <p>Assignment source by source is the sequential form of multi-source track association
 * (each new source against the picture built so far), not the NP-hard S-D assignment of all
 * sources at once (Deb, Yeddanapudi, Pattipati &amp; Bar-Shalom, IEEE TAES 33(2), 1997).
 *
 * <p>One owner; not thread-safe.
 */
public final class SystemTrackTable implements Fuser {

    /** χ²(3) quantile at 0.999 (Abramowitz &amp; Stegun table 26.8). */
    public static final double GATE_999 = 16.27;

    /**
     * χ²(3) quantile at 0.99999: the default track-to-track gate. Wider than a plot-to-track
     * gate because a tracker's covariance is optimistic in its first scans (two-point
     * initiation) and because sensor registration biases, which Bulwark does not model yet,
     * shift one node's tracks against another's.
     */
    public static final double GATE_99999 = 25.90;

    /** A binding survives while d² stays under this multiple of the gate (hysteresis, for stable numbers). */
    public static final double KEEP_FACTOR = 2;

    private static final class Fused {
        final int number;
        final double[] x = new double[6];
        final double[] p = new double[36];
        final List<SystemTrack.Contributor> contributors = new ArrayList<>();

        Fused(int number) {
            this.number = number;
        }

        boolean hasSource(int source) {
            for (SystemTrack.Contributor c : contributors) {
                if (c.source() == source) {
                    return true;
                }
            }
            return false;
        }
    }

    private final int owner;
    private final double gate;
    private final TrackPrediction prediction;
    private final CovarianceIntersection ci;
    private final Map<Long, Integer> binding = new HashMap<>();
    private TreeMap<Integer, Fused> previous = new TreeMap<>();
    private double previousTime;
    private int nextNumber = 1;
    private final SparseAssignment assignment = new SparseAssignment();

    /**
     * @param owner        the node whose picture this is (its reports are associated first)
     * @param gate         χ²(3) gate on d² (e.g. {@link #GATE_99999})
     * @param processNoise white-acceleration spectral density used to bring reports to the fusion time (m²/s³)
     * @param criterion    what covariance intersection minimises
     */
    public SystemTrackTable(int owner, double gate, double processNoise, CovarianceIntersection.Criterion criterion) {
        if (!(gate > 0)) {
            throw new IllegalArgumentException("gate must be > 0, got " + gate);
        }
        this.owner = owner;
        this.gate = gate;
        this.prediction = new TrackPrediction(processNoise);
        this.ci = new CovarianceIntersection(criterion);
    }

    @Override
    public AirPicture fuse(double t, List<TrackReport> reports) {
        int n = reports.size();
        Integer[] order = new Integer[n];
        double[][] xs = new double[n][6];
        double[][] ps = new double[n][36];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            prediction.predict(reports.get(i), t, xs[i], ps[i]);
        }
        Arrays.sort(order, (a, b) -> {
            TrackReport ra = reports.get(a);
            TrackReport rb = reports.get(b);
            int c = Boolean.compare(ra.source() != owner, rb.source() != owner);
            if (c == 0) {
                c = Integer.compare(ra.source(), rb.source());
            }
            return c != 0 ? c : Integer.compare(ra.localTrack(), rb.localTrack());
        });
        // the previous picture brought to t
        TreeMap<Integer, double[][]> prior = new TreeMap<>();
        for (Fused f : previous.values()) {
            double[] x = new double[6];
            double[] p = new double[36];
            prediction.predict(f.x, f.p, t - previousTime, x, p);
            prior.put(f.number, new double[][] {x, p});
        }
        TreeMap<Integer, Fused> current = new TreeMap<>();
        Map<Long, Integer> newBinding = new HashMap<>();

        // 1. continuity
        List<Integer> unbound = new ArrayList<>();
        for (int i : order) {
            TrackReport r = reports.get(i);
            long key = key(r);
            Integer number = binding.get(key);
            if (number != null && prior.containsKey(number)) {
                Fused f = current.get(number);
                if (f == null || !f.hasSource(r.source())) {
                    double[] rx = f != null ? f.x : prior.get(number)[0];
                    double[] rp = f != null ? f.p : prior.get(number)[1];
                    if (Dense.positionDistance2(xs[i], ps[i], rx, rp) <= KEEP_FACTOR * gate) {
                        join(current.computeIfAbsent(number, Fused::new), r, xs[i], ps[i]);
                        newBinding.put(key, number);
                        continue;
                    }
                }
            }
            unbound.add(i);
        }

        // 2. association, source by source
        int k = 0;
        while (k < unbound.size()) {
            int source = reports.get(unbound.get(k)).source();
            int end = k;
            while (end < unbound.size() && reports.get(unbound.get(end)).source() == source) {
                end++;
            }
            List<Integer> rows = unbound.subList(k, end);
            List<Integer> columns = new ArrayList<>();
            TreeMap<Integer, Boolean> candidates = new TreeMap<>();
            for (int number : prior.keySet()) {
                candidates.put(number, true);
            }
            for (int number : current.keySet()) {
                candidates.put(number, true);
            }
            for (int number : candidates.keySet()) {
                Fused f = current.get(number);
                if (f == null || !f.hasSource(source)) {
                    columns.add(number);
                }
            }
            int[] rowStart = new int[rows.size() + 1];
            List<Integer> pairColumn = new ArrayList<>();
            List<Double> pairCost = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                int i = rows.get(r);
                for (int c = 0; c < columns.size(); c++) {
                    int number = columns.get(c);
                    Fused f = current.get(number);
                    double[] rx = f != null ? f.x : prior.get(number)[0];
                    double[] rp = f != null ? f.p : prior.get(number)[1];
                    double d2 = Dense.positionDistance2(xs[i], ps[i], rx, rp);
                    if (d2 <= gate) {
                        pairColumn.add(c);
                        pairCost.add(d2);
                    }
                }
                rowStart[r + 1] = pairColumn.size();
            }
            int[] col = pairColumn.stream().mapToInt(Integer::intValue).toArray();
            double[] cost = pairCost.stream().mapToDouble(Double::doubleValue).toArray();
            double[] unassigned = new double[rows.size()];
            Arrays.fill(unassigned, gate);
            assignment.solve(rows.size(), columns.size(), rowStart, col, cost, unassigned);
            for (int r = 0; r < rows.size(); r++) {
                int i = rows.get(r);
                TrackReport rep = reports.get(i);
                int c = assignment.columnOf(r);
                int number = c >= 0 ? columns.get(c) : nextNumber++;
                join(current.computeIfAbsent(number, Fused::new), rep, xs[i], ps[i]);
                newBinding.put(key(rep), number);
            }
            k = end;
        }

        // 3. the picture; system tracks no report joined are gone
        binding.clear();
        binding.putAll(newBinding);
        previous = current;
        previousTime = t;
        List<SystemTrack> out = new ArrayList<>(current.size());
        for (Fused f : current.values()) {
            out.add(new SystemTrack(f.number, t, f.x, f.p, f.contributors));
        }
        return new AirPicture(owner, t, out);
    }

    /** The system track number a (source, local track) is bound to, or -1. */
    public int numberOf(int source, int localTrack) {
        Integer n = binding.get(key(source, localTrack));
        return n == null ? -1 : n;
    }

    private void join(Fused f, TrackReport r, double[] x, double[] p) {
        if (f.contributors.isEmpty()) {
            System.arraycopy(x, 0, f.x, 0, 6);
            System.arraycopy(p, 0, f.p, 0, 36);
        } else {
            double[] cx = new double[6];
            double[] cp = new double[36];
            ci.fuse(6, f.x, f.p, x, p, cx, cp);
            System.arraycopy(cx, 0, f.x, 0, 6);
            System.arraycopy(cp, 0, f.p, 0, 36);
        }
        f.contributors.add(new SystemTrack.Contributor(r.source(), r.localTrack()));
    }

    private static long key(TrackReport r) {
        return key(r.source(), r.localTrack());
    }

    private static long key(int source, int local) {
        return ((long) source << 32) | (local & 0xffffffffL);
    }
}
