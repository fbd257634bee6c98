package dev.bulwark.engine.fusion;

import dev.bulwark.engine.network.TrackReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The air picture as one nation sees it: its own tracks, plus the latest track report of each
 * partner track it received (under the partners' sharing policies), less what is stale and
 * what comes from isolated partners, fused by its own {@link Fuser}.
 *
 * <p>Graceful degradation falls out of this: when a link is lost, the partner's reports age out
 * after {@code maxAge} and the picture is the node's own tracks again. A partner's local track
 * that it dropped likewise ages out (no "drop" message is modelled).
 *
 * <p>The consistency check sees only partner reports at most {@code checkAge} old: a report that its
 * sender has not refreshed is a prediction, not a claim of detection. Without this, an honest
 * partner's last report of an object the node has just destroyed (or that the partner's track
 * stopped following) would outlive the node's own track of it and count against the partner.
 *
 * <p>One owner (the node); not thread-safe.
 */
public final class NationalPicture {

    private final int node;
    private final Fuser fuser;
    private final ConsistencyChecker checker;
    private final double maxAge;
    private final double checkAge;
    private final Map<Long, TrackReport> received = new TreeMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private AirPicture latest;

    /**
     * @param node    this nation's node
     * @param fuser   its fusion (typically a {@link SystemTrackTable} owned by {@code node})
     * @param checker its consistency checker, or null to trust every partner
     * @param maxAge  partner reports older than this are dropped (s)
     */
    public NationalPicture(int node, Fuser fuser, ConsistencyChecker checker, double maxAge) {
        this(node, fuser, checker, maxAge, maxAge);
    }

    /**
     * @param node     this nation's node
     * @param fuser    its fusion
     * @param checker  its consistency checker, or null to trust every partner
     * @param maxAge   partner reports older than this are dropped (s)
     * @param checkAge partner reports older than this are fused but not checked (s), at most {@code maxAge}
     */
    public NationalPicture(int node, Fuser fuser, ConsistencyChecker checker, double maxAge, double checkAge) {
        if (!(checkAge >= 0) || checkAge > maxAge) {
            throw new IllegalArgumentException("check age must be in [0, " + maxAge + "] s, got " + checkAge);
        }
        this.node = node;
        this.fuser = fuser;
        this.checker = checker;
        this.maxAge = maxAge;
        this.checkAge = checkAge;
        this.latest = new AirPicture(node, Double.NEGATIVE_INFINITY, List.of());
    }

    /** Takes a partner's track report (a newer report of the same local track replaces the older). */
    public void receive(TrackReport r) {
        if (r.source() == node) {
            throw new IllegalArgumentException("node " + node + " received its own track report");
        }
        long key = ((long) r.source() << 32) | (r.localTrack() & 0xffffffffL);
        TrackReport old = received.get(key);
        if (old == null || old.time() <= r.time()) {
            received.put(key, r);
        }
    }

    /**
     * The picture at time t (s) from the node's own tracks and what it has received.
     *
     * @param own the node's own confirmed tracks as reports (source = this node)
     */
    public AirPicture update(double t, List<TrackReport> own) {
        for (Iterator<TrackReport> it = received.values().iterator(); it.hasNext();) {
            if (t - it.next().time() > maxAge) {
                it.remove();
            }
        }
        List<TrackReport> partners = new ArrayList<>(received.values());
        if (checker != null) {
            List<TrackReport> fresh = new ArrayList<>();
            for (TrackReport r : partners) {
                if (t - r.time() <= checkAge) {
                    fresh.add(r);
                }
            }
            alerts.addAll(checker.check(t, own, fresh));
            partners.removeIf(r -> checker.isolated(r.source()));
        }
        List<TrackReport> all = new ArrayList<>(own);
        all.addAll(partners);
        latest = fuser.fuse(t, all);
        return latest;
    }

    /** The latest picture. */
    public AirPicture latest() {
        return latest;
    }

    /** Every alert raised so far, in order. */
    public List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    /** Whether a partner is isolated (false without a checker). */
    public boolean isolated(int partner) {
        return checker != null && checker.isolated(partner);
    }
}
