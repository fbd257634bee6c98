package dev.bulwark.engine.sim;

import dev.bulwark.engine.assign.EngagementState;
import dev.bulwark.engine.assign.Reason;
import dev.bulwark.engine.assign.WeaponTargetAssigner;
import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.Gun;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.fusion.AirPicture;
import dev.bulwark.engine.fusion.NationalPicture;
import dev.bulwark.engine.fusion.SystemTrack;
import dev.bulwark.engine.network.EngagementStatus;
import dev.bulwark.engine.threat.ThreatEvaluator;
import dev.bulwark.engine.track.Track;
import dev.bulwark.engine.track.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One command node of the battle (a nation, or the whole defence when the scenario has no coalition):
 * its tracker over its own radars, its threat evaluator and weapon-target assigner, the effectors it
 * assigns (its own, or with lead authority every nation's) and what it has done to each of its
 * targets.
 *
 * <p>A node decides either on its own confirmed tracks (one node; or a coalition run without
 * sharing) or on the system tracks of its {@link NationalPicture} (its own tracks fused with what
 * partners sent). Its targets are numbered in its own space: track numbers, or system track numbers.
 * In events, node k's numbers are offset by k × {@value #TRACK_BLOCK}, and system track numbers by a
 * further {@value #SYSTEM_OFFSET}, so that every published number is unique in the run; node 0's own
 * track numbers are published unchanged (a run without a coalition is unchanged).
 *
 * <p>The effector lists hold the node's effectors with their node-local indices (the assigners index
 * arrays by them). One owner; not thread-safe.
 */
final class CommandNode {

    /** Published numbers of node k start at k times this. */
    static final int TRACK_BLOCK = 1_000_000;
    /** Published system track numbers are offset by this within a node's block. */
    static final int SYSTEM_OFFSET = 500_000;

    /**
     * One thing the node may engage: a confirmed track of its own or a system track of its picture.
     *
     * @param number     the node's number for it (track or system track number)
     * @param time       time of the estimate (s)
     * @param state      ECEF estimate (position and velocity first; a track may have more states)
     * @param covariance its covariance, row-major
     * @param own        the node's own track (the target itself, or a system track's own contributor), or null
     * @param system     the system track, or null when the target is an own track
     */
    record Target(int number, double time, double[] state, double[] covariance, Track own, SystemTrack system) {

        /**
         * Whether the estimate is the node's own track alone (no picture, or a system track with no
         * other contributor): it is then decided on as the node alone would, with the tracker's drag
         * estimate.
         */
        boolean ownOnly() {
            return own != null && (system == null || system.contributors().size() == 1);
        }
    }

    /** A partner's engagement status as last heard, and when. */
    record Heard(EngagementStatus.State state, double time) {
    }

    final int id;
    final String name;
    final ThreatEvaluator evaluator;
    final WeaponTargetAssigner assigner;
    final List<Battery> batteries = new ArrayList<>();
    final List<Laser> lasers = new ArrayList<>();
    final List<Gun> guns = new ArrayList<>();
    final Map<Integer, EngagementState> engagements = new TreeMap<>();
    final Map<Integer, Reason> lastReason = new TreeMap<>();
    /** The partners' engagement status, by (source node, its local track). */
    final Map<Long, Heard> partnerStatus = new HashMap<>();
    /** For each target it engaged on a system track: its own contributing track, named in its status messages. */
    final Map<Integer, Integer> statusTrack = new TreeMap<>();
    Tracker tracker;
    /** Its shared picture, or null when it decides on its own tracks. */
    NationalPicture picture;
    private TreeSet<Integer> systemNumbers = new TreeSet<>();
    /** Interceptors, laser shots and gun bursts this node fired at a target built on a compromised partner's false track. */
    long firedAtFalse;
    /** The same, after this node's first alert. */
    long firedAtFalseAfterAlert;
    /** Targets this node held back at least once because a partner reported engaging the object. */
    final java.util.Set<Integer> heldForPartner = new TreeSet<>();

    CommandNode(int id, String name, ThreatEvaluator evaluator, WeaponTargetAssigner assigner) {
        this.id = id;
        this.name = name;
        this.evaluator = evaluator;
        this.assigner = assigner;
    }

    /** Whether the node assigns any effector. */
    boolean armed() {
        return !batteries.isEmpty() || !lasers.isEmpty() || !guns.isEmpty();
    }

    /** The published number of one of its own tracks. */
    int publishedTrack(int trackId) {
        return id * TRACK_BLOCK + trackId;
    }

    /** The published number of one of its targets. */
    int published(int number) {
        return id * TRACK_BLOCK + (picture != null ? SYSTEM_OFFSET : 0) + number;
    }

    /** Its targets now: its confirmed tracks, or the system tracks of its latest picture. */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        if (picture == null) {
            for (Track track : tracker.tracks()) {
                if (track.confirmed()) {
                    out.add(new Target(track.id(), track.time(), track.state(), track.covariance(), track, null));
                }
            }
            return out;
        }
        Map<Integer, Track> own = new HashMap<>();
        for (Track track : tracker.tracks()) {
            own.put(track.id(), track);
        }
        AirPicture p = picture.latest();
        TreeSet<Integer> numbers = new TreeSet<>();
        for (SystemTrack s : p.tracks()) {
            numbers.add(s.number());
            Track mine = null;
            for (SystemTrack.Contributor c : s.contributors()) {
                if (c.source() == id) {
                    mine = own.get(c.localTrack());
                    break;
                }
            }
            Target fused = new Target(s.number(), s.time(), s.state(), s.covariance(), mine, s);
            // only this node's own track: decide on its own estimate, as the node would alone
            out.add(fused.ownOnly() ? new Target(s.number(), mine.time(), mine.state(), mine.covariance(), mine, s)
                    : fused);
        }
        for (Integer gone : systemNumbers) {
            if (!numbers.contains(gone)) {
                evaluator.forget(gone);
            }
        }
        systemNumbers = numbers;
        return out;
    }

    /** The latest estimate (position and velocity first) of one of its targets and its time, or null if it is gone. */
    double[] latest(int number, double[] time) {
        if (picture == null) {
            for (Track track : tracker.tracks()) {
                if (track.id() == number) {
                    time[0] = track.time();
                    return track.state();
                }
            }
            return null;
        }
        for (SystemTrack s : picture.latest().tracks()) {
            if (s.number() == number) {
                time[0] = s.time();
                return s.state();
            }
        }
        return null;
    }

    /**
     * Whether a partner reports engaging (or having killed) the object of a system track: an
     * ENGAGING or KILLED status of a partner's local track fused into it, heard within {@code maxAge}.
     */
    boolean partnerEngaging(SystemTrack s, double now, double maxAge) {
        for (SystemTrack.Contributor c : s.contributors()) {
            if (c.source() == id) {
                continue;
            }
            Heard h = partnerStatus.get(key(c.source(), c.localTrack()));
            if (h != null && now - h.time() <= maxAge && (h.state() == EngagementStatus.State.ENGAGING
                    || h.state() == EngagementStatus.State.KILLED)) {
                return true;
            }
        }
        return false;
    }

    /** Takes a partner's engagement status (a later one replaces an earlier). */
    void hear(EngagementStatus s) {
        long k = key(s.source(), s.localTrack());
        Heard old = partnerStatus.get(k);
        if (old == null || old.time() <= s.time()) {
            partnerStatus.put(k, new Heard(s.state(), s.time()));
        }
    }

    private static long key(int source, int localTrack) {
        return ((long) source << 32) | (localTrack & 0xffffffffL);
    }
}
