package dev.bulwark.engine.sim;

import dev.bulwark.engine.fusion.AirPicture;
import dev.bulwark.engine.fusion.ConsistencyChecker;
import dev.bulwark.engine.fusion.CovarianceIntersection;
import dev.bulwark.engine.fusion.NationalPicture;
import dev.bulwark.engine.fusion.SystemTrack;
import dev.bulwark.engine.fusion.SystemTrackTable;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.network.EngagementStatus;
import dev.bulwark.engine.network.Link;
import dev.bulwark.engine.network.LinkKeys;
import dev.bulwark.engine.network.LinkedNetwork;
import dev.bulwark.engine.network.Message;
import dev.bulwark.engine.network.MessageOpener;
import dev.bulwark.engine.network.Network;
import dev.bulwark.engine.network.SharingPolicy;
import dev.bulwark.engine.network.TrackReport;
import dev.bulwark.engine.sensor.Radar;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.track.Track;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wiring a coalition's nations share, used by both the picture-only run ({@link CoalitionPicture})
 * and the battle ({@link Simulation}): the {@link LinkedNetwork} built from the scenario's links and
 * sharing policies (per-link keys from the seed), each nation's shared {@link NationalPicture} under
 * its {@link ConsistencyChecker}, the reports a nation offers (its confirmed tracks whose estimate
 * changed since it last sent them, plus a compromised nation's false tracks), and what each nation
 * receives (track reports into its picture, engagement status handed back to the caller).
 *
 * <p>Partner reports expire after 2 × max(slowest revisit, period) + the slowest link's latency and
 * extra delay + 2 s; the consistency check tests only those at most max(slowest revisit, period) +
 * that delay + 1 s old (refreshed by their sender; see {@link NationalPicture}). A nation with radars in a coalition of more than one runs a consistency check
 * whose coverage is its radars' single-scan P_d for the smallest RCS among the raid's threat types
 * and whose grace period is (confirmation window + 1) × its slowest revisit + one period, at least
 * the default 5 s.
 *
 * <p>A compromised nation's false tracks fly straight and level at {@value #FALSE_TRACK_SPEED_MPS}
 * m/s from a point drawn within {@value #FALSE_TRACK_RADIUS_M} m of the scenario origin, at 2–6 km,
 * and are renewed under new numbers every {@value #FALSE_TRACK_LIFE_S} s [all notional]. Each heads
 * for the centroid of a defended area drawn at random (a spoofer that wants to draw fire makes its
 * false tracks look like threats), or for the origin in a world without areas.
 *
 * <p>Deterministic for the seed; one owner; not thread-safe.
 */
final class CoalitionExchange {

    /** Local track numbers of a compromised nation's false tracks start here. */
    static final int FALSE_TRACK_BASE = 1_000_000;
    /** A false track lives this long before another replaces it (s) [notional]. */
    private static final double FALSE_TRACK_LIFE_S = 120;
    /** False tracks appear within this distance of the scenario origin (m) [notional]. */
    private static final double FALSE_TRACK_RADIUS_M = 40_000;
    /** Speed of a false track (m/s) [notional: a drone or a slow cruise missile]. */
    private static final double FALSE_TRACK_SPEED_MPS = 150;

    /** One nation's side of the exchange. */
    static final class Member {
        final int id;
        final Coalition.Nation nation;
        final List<Radar> radars;
        final ConsistencyChecker checker;
        final NationalPicture shared;
        final Map<Integer, Double> lastSent = new HashMap<>();
        long sent;
        long accepted;
        final RandomStream falseDraw;
        final double[][] ghosts;
        final double[] ghostBorn;
        final int[] ghostNumber;
        int ghostCount;

        Member(int id, Coalition.Nation nation, List<Radar> radars, ConsistencyChecker checker, NationalPicture shared,
                RandomStream falseDraw) {
            this.id = id;
            this.nation = nation;
            this.radars = List.copyOf(radars);
            this.checker = checker;
            this.shared = shared;
            this.falseDraw = falseDraw;
            Coalition.Compromise c = nation.compromised();
            int n = c == null ? 0 : c.falseTracks();
            this.ghosts = new double[n][6];
            this.ghostBorn = new double[n];
            this.ghostNumber = new int[n];
            java.util.Arrays.fill(ghostBorn, Double.NaN);
        }
    }

    private final World world;
    private final Coalition coalition;
    private final Ellipsoid ellipsoid;
    private final double maxAge;
    private final double checkAge;
    private final List<Member> members = new ArrayList<>();
    private final LinkedNetwork network;

    /**
     * @param world     the world (radars, raids, tracker settings, seed)
     * @param coalition the nations, links and sharing
     * @param streams   the run's random streams
     * @param radars    every radar of the world, in world order
     * @param period    the reporting period (s), which enters the grace period and the report age
     */
    CoalitionExchange(World world, Coalition coalition, RandomStreams streams, List<Radar> radars, double period) {
        this.world = world;
        this.coalition = coalition;
        this.ellipsoid = world.earth().ellipsoid();
        // partner reports live long enough to bridge the slowest radar's revisit and the slowest link
        double slowest = 0;
        for (RadarSpec r : world.radars()) {
            slowest = Math.max(slowest, r.revisitS());
        }
        double delay = 0;
        for (Coalition.Link l : coalition.links()) {
            SharingPolicy p = coalition.policy(l.from(), l.to());
            delay = Math.max(delay, l.spec().latency() + (p == null ? 0 : p.extraDelay()));
        }
        maxAge = 2 * Math.max(slowest, period) + delay + 2;
        checkAge = Math.max(slowest, period) + delay + 1;
        double rcs = Double.POSITIVE_INFINITY;
        for (RaidSpec r : world.raids()) {
            rcs = Math.min(rcs, r.threatType().rcsM2());
        }
        double planningRcs = Double.isFinite(rcs) ? rcs : 1.0;
        double q = world.tracker().processNoise();
        for (int k = 0; k < coalition.nations().size(); k++) {
            Coalition.Nation n = coalition.nations().get(k);
            List<Radar> mine = new ArrayList<>();
            double revisit = 0;
            for (Radar r : radars) {
                if (n.radars().contains(r.spec().name())) {
                    mine.add(r);
                    revisit = Math.max(revisit, r.spec().revisitS());
                }
            }
            ConsistencyChecker checker = null;
            if (!mine.isEmpty() && coalition.nations().size() > 1) {
                // a real object entering coverage needs the confirmation window's scans before own tracks confirm it
                ConsistencyChecker.Settings d = ConsistencyChecker.Settings.DEFAULT;
                double grace = Math.max(d.grace(), (world.tracker().confirmWindow() + 1) * revisit + period);
                ConsistencyChecker.Settings s = new ConsistencyChecker.Settings(d.minDetection(), d.pHonest(),
                        d.pFalse(), d.threshold(), grace, d.gate());
                checker = new ConsistencyChecker(k, s, coverage(mine, planningRcs), q);
            }
            NationalPicture shared = new NationalPicture(k, fusion(k), checker, maxAge, checkAge);
            members.add(new Member(k, n, mine, checker, shared, streams.stream("nation/" + n.name(), "false-tracks")));
        }
        network = new LinkedNetwork(members.size(), LinkKeys.fromSeed(world.seed()), streams);
        for (Coalition.Link l : coalition.links()) {
            SharingPolicy p = coalition.policy(l.from(), l.to());
            network.connect(coalition.index(l.from()), coalition.index(l.to()), l.spec(),
                    p == null ? SharingPolicy.none(ellipsoid) : p, maxAge);
        }
    }

    /** A node's fusion: gate χ²(3) 0.99999, covariance intersection minimising the trace, the tracker's process noise. */
    SystemTrackTable fusion(int node) {
        return new SystemTrackTable(node, SystemTrackTable.GATE_99999, world.tracker().processNoise(),
                CovarianceIntersection.Criterion.TRACE);
    }

    /** How long partner reports live (s). */
    double maxAge() {
        return maxAge;
    }

    /** The nations' sides, in node order. */
    List<Member> members() {
        return members;
    }

    /** One nation's side. */
    Member member(int node) {
        return members.get(node);
    }

    /** The network. */
    LinkedNetwork network() {
        return network;
    }

    /**
     * A nation's own coverage for the consistency check: the best single-scan detection probability
     * of its radars for the smallest cross-section among the raid's threat types (the defence's
     * planning figure; an honest partner's track of a small object is then not held against it).
     */
    private static ConsistencyChecker.Coverage coverage(List<Radar> radars, double rcs) {
        double[] rae = new double[3];
        return (x, y, z) -> {
            double best = 0;
            for (Radar r : radars) {
                if (r.covers(x, y, z)) {
                    r.frame().ecefToRae(x, y, z, rae);
                    best = Math.max(best, r.detectionProbability(rcs, rae[0]));
                }
            }
            return best;
        };
    }

    /** A node's confirmed tracks as reports (position and velocity, the first six states): its own picture's input. */
    static List<TrackReport> reports(int node, List<Track> tracks) {
        return reports(node, tracks, false);
    }

    /**
     * A node's confirmed tracks as reports (position and velocity, the first six states).
     *
     * @param measuredOnly only tracks whose latest update used a plot: what a node sends. A track the
     *                     tracker only predicted (outside its radars' coverage, where a look without a
     *                     plot is not a miss) is not sent again, so partners hold its last measured report
     *                     until it ages out rather than a prediction that looks fresh
     */
    static List<TrackReport> reports(int node, List<Track> tracks, boolean measuredOnly) {
        List<TrackReport> out = new ArrayList<>();
        for (Track k : tracks) {
            if (!k.confirmed()) {
                continue;
            }
            int uses = k.provenanceSize();
            if (measuredOnly && (uses == 0 || k.provenance().get(uses - 1).time() != k.time())) {
                continue;
            }
            double[] x = k.state();
            double[] p = k.covariance();
            int n = x.length;
            double[] x6 = new double[6];
            double[] p6 = new double[36];
            System.arraycopy(x, 0, x6, 0, 6);
            for (int i = 0; i < 6; i++) {
                System.arraycopy(p, i * n, p6, i * 6, 6);
            }
            out.add(new TrackReport(node, k.id(), k.time(), x6, p6));
        }
        return out;
    }

    /**
     * Offers a nation's reports at time t: each of its own tracks just updated with a plot and newer
     * than the one it last sent, then (a compromised nation) its false tracks.
     */
    void send(int node, List<Track> tracks, double t) {
        Member m = members.get(node);
        for (TrackReport r : reports(node, tracks, true)) {
            Double last = m.lastSent.get(r.localTrack());
            if (last == null || r.time() > last) {
                m.lastSent.put(r.localTrack(), r.time());
                network.send(node, r, t);
                m.sent++;
            }
        }
        for (TrackReport r : falseReports(m, t)) {
            network.send(node, r, t);
            m.sent++;
        }
    }

    /** Offers any other message of a nation (engagement status). */
    void send(int node, Message message, double t) {
        network.send(node, message, t);
    }

    /**
     * What reached a nation by time t: track reports go into its shared picture, engagement status is
     * returned (in arrival order).
     */
    List<EngagementStatus> receive(int node, double t) {
        Member m = members.get(node);
        List<EngagementStatus> status = new ArrayList<>();
        for (Network.Received r : network.receive(node, t)) {
            m.accepted++;
            if (r.message() instanceof TrackReport report) {
                m.shared.receive(report);
            } else if (r.message() instanceof EngagementStatus s) {
                status.add(s);
            }
        }
        return status;
    }

    /** A nation's shared picture at t from its own tracks and what it received. */
    AirPicture update(int node, double t, List<TrackReport> own) {
        return members.get(node).shared.update(t, own);
    }

    /**
     * A compromised nation's false tracks at time t: each flies straight and level at
     * {@value #FALSE_TRACK_SPEED_MPS} m/s from a point drawn within {@value #FALSE_TRACK_RADIUS_M} m
     * of the scenario origin (where the partners' defended areas, and so their radars, are) towards a
     * defended area drawn at random, and is replaced by a new one, under a new number, after
     * {@value #FALSE_TRACK_LIFE_S} s.
     */
    private List<TrackReport> falseReports(Member node, double t) {
        Coalition.Compromise c = node.nation.compromised();
        if (c == null || t < c.fromS()) {
            return List.of();
        }
        LocalFrame frame = new LocalFrame(ellipsoid, world.origin().withAltitude(0.0));
        List<TrackReport> out = new ArrayList<>();
        for (int k = 0; k < node.ghosts.length; k++) {
            if (Double.isNaN(node.ghostBorn[k]) || t - node.ghostBorn[k] > FALSE_TRACK_LIFE_S) {
                double r = FALSE_TRACK_RADIUS_M * Math.sqrt(node.falseDraw.nextDouble());
                double bearing = 2 * Math.PI * node.falseDraw.nextDouble();
                double up = 2_000 + 4_000 * node.falseDraw.nextDouble();
                // towards a defended area drawn at random (the origin without areas): to draw fire
                double[] aim = {0, 0, 0};
                if (!world.areas().isEmpty()) {
                    int a = Math.min(world.areas().size() - 1,
                            (int) (world.areas().size() * node.falseDraw.nextDouble()));
                    double[] centre = ellipsoid.toEcef(world.areas().get(a).boundary().centroid());
                    frame.ecefToEnu(centre[0], centre[1], centre[2], aim);
                }
                double east = r * Math.sin(bearing);
                double north = r * Math.cos(bearing);
                double heading = Math.atan2(aim[0] - east, aim[1] - north);
                double[] pos = new double[3];
                frame.enuToEcef(east, north, up, pos);
                double[] vel = new double[3];
                frame.rotateToEcef(FALSE_TRACK_SPEED_MPS * Math.sin(heading), FALSE_TRACK_SPEED_MPS
                        * Math.cos(heading), 0, vel);
                node.ghosts[k] = new double[] {pos[0], pos[1], pos[2], vel[0], vel[1], vel[2]};
                node.ghostBorn[k] = t;
                node.ghostNumber[k] = FALSE_TRACK_BASE + node.ghostCount++;
            }
            double dt = t - node.ghostBorn[k];
            double[] g = node.ghosts[k];
            double[] x = {g[0] + g[3] * dt, g[1] + g[4] * dt, g[2] + g[5] * dt, g[3], g[4], g[5]};
            double[] p = new double[36];
            for (int i = 0; i < 3; i++) {
                p[i * 7] = 150.0 * 150.0;
                p[(i + 3) * 7] = 20.0 * 20.0;
            }
            out.add(new TrackReport(node.id, node.ghostNumber[k], t, x, p));
        }
        return out;
    }

    /** Whether a system track is built on some compromised nation's false track (measuring only). */
    boolean builtOnFalseTrack(SystemTrack s) {
        for (SystemTrack.Contributor c : s.contributors()) {
            if (c.localTrack() >= FALSE_TRACK_BASE && members.get(c.source()).nation.compromised() != null) {
                return true;
            }
        }
        return false;
    }

    /** Frames rejected on arrival at a nation, by verdict (only verdicts that occurred). */
    Map<MessageOpener.Verdict, Long> rejected(int node) {
        Map<MessageOpener.Verdict, Long> rejected = new EnumMap<>(MessageOpener.Verdict.class);
        for (Coalition.Link l : coalition.links()) {
            int from = coalition.index(l.from());
            if (coalition.index(l.to()) != node) {
                continue;
            }
            MessageOpener opener = network.opener(from, node);
            for (MessageOpener.Verdict v : MessageOpener.Verdict.values()) {
                if (v != MessageOpener.Verdict.ACCEPTED && opener.count(v) > 0) {
                    rejected.merge(v, opener.count(v), Long::sum);
                }
            }
        }
        return rejected;
    }

    /** Frames lost on the links into a nation (at random, to outages or full queues). */
    long lost(int node) {
        long lost = 0;
        for (Coalition.Link l : coalition.links()) {
            int from = coalition.index(l.from());
            if (coalition.index(l.to()) != node) {
                continue;
            }
            Link link = network.link(from, node);
            lost += link.count(Link.Fate.LOST) + link.count(Link.Fate.OUTAGE) + link.count(Link.Fate.QUEUE_FULL);
        }
        return lost;
    }
}
