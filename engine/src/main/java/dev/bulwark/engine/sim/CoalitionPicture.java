package dev.bulwark.engine.sim;

import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.fusion.AirPicture;
import dev.bulwark.engine.fusion.Alert;
import dev.bulwark.engine.fusion.ConsistencyChecker;
import dev.bulwark.engine.fusion.NationalPicture;
import dev.bulwark.engine.fusion.SystemTrack;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.metrics.Gospa;
import dev.bulwark.engine.network.LinkKeys;
import dev.bulwark.engine.network.LinkedNetwork;
import dev.bulwark.engine.network.MessageOpener;
import dev.bulwark.engine.network.TrackReport;
import dev.bulwark.engine.sensor.Radar;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.sensor.Scan;
import dev.bulwark.engine.track.GnnTracker;
import dev.bulwark.engine.track.JpdaTracker;
import dev.bulwark.engine.track.TrackModel;
import dev.bulwark.engine.track.Tracker;
import dev.bulwark.engine.track.TrackerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coalition air picture of a world: each nation's radars feed its own tracker; every picture
 * period each nation sends its confirmed tracks to its partners over a {@link LinkedNetwork}
 * (sharing policies, delays, loss, outages, HMAC and anti-replay), and fuses its own tracks with
 * what it received into its {@link NationalPicture}, under a {@link ConsistencyChecker} that
 * isolates a partner whose tracks its own sensors contradict. Beside it, each nation's own-only
 * picture (its tracks through the same fusion, with no partner) is kept, so that every measure is
 * given with and without sharing.
 *
 * <p>It runs beside {@link Simulation}, not inside it: the truth is the same raid the simulation
 * flies for the seed ({@link RaidTruths}), and the radars draw the same detections, but no
 * interceptor flies, so every threat flies to impact. It measures the picture, not the battle:
 * nothing here assigns effectors, and a nation's lead role is not used yet.
 *
 * <p>Measures, per nation, own-only and shared:
 * <ul>
 * <li><b>early warning</b>: per threat, the delay from launch to the first picture period at which a
 * system track lies within {@value #MATCH_RADIUS_M} m of it; a threat never seen counts its whole
 * flight (launch to impact), so that a picture that sees more is never penalised; the mean over
 * every threat of the raid;</li>
 * <li><b>GOSPA</b> (α = 2, c = {@value #GOSPA_CUTOFF_M} m, p = 1; Rahmathullah et al., FUSION 2017)
 * between the picture and the airborne threats inside the coverage of any coalition radar, averaged
 * over the picture periods at which some threat of the raid is in the air (the same periods for every
 * nation, with and without sharing);</li>
 * <li>messages: track reports offered, accepted on arrival, rejected by verdict, lost on the links
 * into the nation; alerts raised.</li>
 * </ul>
 *
 * <p>Deterministic for the world's seed: the radars use the streams of the simulation, links their
 * own ({@code "link/<from>-<to>", "loss"}), a compromised nation's false tracks
 * {@code ("nation/<name>", "false-tracks")}; per-link keys come from the seed by HKDF
 * ({@link LinkKeys#fromSeed}). One run per instance; not thread-safe.
 */
public final class CoalitionPicture {

    /** GOSPA cut-off (m): coarser than the simulation's 500 m, for pictures of radars a thousand kilometres away. */
    public static final double GOSPA_CUTOFF_M = 2_000;
    /** A system track this close to a threat (m) counts as seeing it. */
    public static final double MATCH_RADIUS_M = 3_000;
    /** Default period at which nations report and fuse (s). */
    public static final double PICTURE_PERIOD_S = 1.0;
    /** Relative uncertainty of the drag of the ballistic-drag motion model, as in the simulation [notional]. */
    private static final double DRAG_UNCERTAINTY = 0.5;

    /**
     * What one nation saw and did.
     *
     * @param name               the nation
     * @param radars             its radars
     * @param seenOwn            threats its own picture ever held
     * @param seenShared         threats its shared picture ever held
     * @param warningDelayOwnS   mean delay from launch to first in the own picture (s), unseen counted as their flight
     * @param warningDelaySharedS the same for the shared picture (s)
     * @param firstSeenOwn       per threat (in threat order), time first in the own picture (s), NaN if never
     * @param firstSeenShared    the same for the shared picture
     * @param gospaOwn           mean GOSPA of the own picture (m)
     * @param gospaShared        mean GOSPA of the shared picture (m)
     * @param sent               track reports the nation offered to the network
     * @param accepted           messages accepted on arrival
     * @param rejected           frames rejected on arrival, by verdict (only verdicts that occurred)
     * @param lost               frames lost on the links into the nation (at random, to outages or full queues)
     * @param alerts             alerts the nation raised
     * @param isolated           the partners it isolated
     * @param falseHeld          system tracks of its shared picture built on a compromised partner's false
     *                           track, summed over picture periods (measuring only: the picture does not know)
     * @param falseHeldAfterAlert the same, counted only after the nation's first alert
     */
    public record NationMeasures(String name, int radars, int seenOwn, int seenShared, double warningDelayOwnS,
            double warningDelaySharedS, List<Double> firstSeenOwn, List<Double> firstSeenShared, double gospaOwn,
            double gospaShared, long sent, long accepted, Map<MessageOpener.Verdict, Long> rejected, long lost,
            int alerts, List<String> isolated, long falseHeld, long falseHeldAfterAlert) {

        /** Copies the collections. */
        public NationMeasures {
            firstSeenOwn = List.copyOf(firstSeenOwn);
            firstSeenShared = List.copyOf(firstSeenShared);
            rejected = Map.copyOf(rejected);
            isolated = List.copyOf(isolated);
        }

        /** Frames rejected on arrival, all verdicts. */
        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The outcome of a run.
     *
     * @param threats  threats launched
     * @param endS     time the run ended (s): the last impact, or the scenario's end
     * @param nations  per nation, in node order
     * @param alerts   every alert, in order
     * @param withheld messages the sharing policies withheld (kind not shared, or over an embargo zone)
     */
    public record Result(int threats, double endS, List<NationMeasures> nations, List<Alert> alerts, long withheld) {
        /** Copies the lists. */
        public Result {
            nations = List.copyOf(nations);
            alerts = List.copyOf(alerts);
        }

        /** The measures of a nation by name. */
        public NationMeasures nation(String name) {
            return nations.stream().filter(n -> n.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no nation " + name));
        }
    }

    /** One nation's machinery: its side of the exchange, its tracker, and its own-only picture. */
    private final class Node {
        final int id;
        final Coalition.Nation nation;
        final CoalitionExchange.Member member;
        final List<Radar> radars;
        final Tracker tracker;
        final NationalPicture own;
        final NationalPicture shared;
        final double[] firstOwn;
        final double[] firstShared;
        double gospaOwn;
        double gospaShared;
        long gospaScans;
        long falseHeld;
        long falseHeldAfterAlert;

        Node(CoalitionExchange.Member member) {
            this.id = member.id;
            this.nation = member.nation;
            this.member = member;
            this.radars = member.radars;
            this.tracker = newTracker();
            this.firstOwn = new double[threats.size()];
            this.firstShared = new double[threats.size()];
            java.util.Arrays.fill(firstOwn, Double.NaN);
            java.util.Arrays.fill(firstShared, Double.NaN);
            this.own = new NationalPicture(id, exchange.fusion(id), null, exchange.maxAge());
            this.shared = member.shared;
        }
    }

    private final World world;
    private final Coalition coalition;
    private final double period;
    private final Ellipsoid ellipsoid;
    private final RandomStreams streams;
    private final List<ThreatTruth> threats;
    private final List<Radar> allRadars = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final EventQueue queue = new EventQueue();
    private final Gospa gospa = new Gospa(GOSPA_CUTOFF_M, 1);
    private final double[] state = new double[6];
    private CoalitionExchange exchange;
    private double endTime;
    private boolean ran;

    /** The picture of a world's raid under a coalition, reported and fused every {@value #PICTURE_PERIOD_S} s. */
    public CoalitionPicture(World world, Coalition coalition) {
        this(world, coalition, PICTURE_PERIOD_S);
    }

    /**
     * @param world     the world (its radars, raids, tracker settings and seed)
     * @param coalition who holds which radar, the links and the sharing policies
     * @param periodS   period at which nations report and fuse (s), &gt; 0
     */
    public CoalitionPicture(World world, Coalition coalition, double periodS) {
        if (!(periodS > 0)) {
            throw new IllegalArgumentException("picture period must be > 0 s, got " + periodS);
        }
        this.world = world;
        this.coalition = coalition;
        this.period = periodS;
        this.ellipsoid = world.earth().ellipsoid();
        this.streams = new RandomStreams(world.seed());
        this.threats = RaidTruths.fly(world);
    }

    /** Runs to the last impact (or the scenario's end) and returns the measures. Runs once. */
    public Result run(ProgressListener progress) {
        if (ran) {
            throw new IllegalStateException("a coalition picture runs once; make a new one");
        }
        ran = true;
        endTime = world.durationS();
        for (ThreatTruth t : threats) {
            endTime = Math.max(endTime, t.trajectory.impactTime());
        }
        build();
        for (int i = 0; i < world.radars().size(); i++) {
            Radar radar = allRadars.get(i);
            Node owner = ownerOf(radar.spec().name());
            if (owner != null) {
                scheduleScan(owner, radar, radar.spec().revisitS() * i / world.radars().size());
            }
        }
        schedulePicture(period);
        double tick = endTime / 100.0;
        for (int k = 1; k <= 100; k++) {
            queue.schedule(k * tick, EventQueue.Ordering.REPORTING, now -> progress.onProgress(now, endTime));
        }
        while (queue.step(endTime)) {
            // every action schedules its successors
        }
        progress.onProgress(endTime, endTime);
        return result();
    }

    // ------------------------------------------------------------------ set-up

    private void build() {
        for (int i = 0; i < world.radars().size(); i++) {
            RadarSpec spec = world.radars().get(i);
            allRadars.add(new Radar(spec, i, ellipsoid, streams.key("radar/" + spec.name(), "detection"),
                    streams.stream("radar/" + spec.name(), "false-alarms")));
        }
        exchange = new CoalitionExchange(world, coalition, streams, allRadars, period);
        for (CoalitionExchange.Member m : exchange.members()) {
            nodes.add(new Node(m));
        }
    }

    private Tracker newTracker() {
        TrackerSettings ts = world.tracker();
        double ground = world.origin().altitude();
        TrackModel motion = TrackModel.of(ts, world.earth().mu(), world.earth().j2(), ellipsoid,
                world.earth().rotationRate(), world.doctrine().assumedBallisticCoefficientKgM2(), DRAG_UNCERTAINTY,
                StandardAtmosphere::density, StandardAtmosphere::speedOfSound);
        Tracker.Listener quiet = new Tracker.Listener() { };
        return ts.association() == TrackerSettings.Association.JPDA
                ? new JpdaTracker(ts, motion, ellipsoid, ground, quiet)
                : new GnnTracker(ts, motion, ellipsoid, ground, quiet);
    }

    private Node ownerOf(String radar) {
        for (Node n : nodes) {
            if (n.nation.radars().contains(radar)) {
                return n;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the run

    private void scheduleScan(Node node, Radar radar, double t) {
        if (t > endTime) {
            return;
        }
        queue.schedule(t, EventQueue.Ordering.SENSING, now -> {
            Scan scan = radar.scan(now, threats);
            node.tracker.update(scan);
            scheduleScan(node, radar, now + radar.spec().revisitS());
        });
    }

    private void schedulePicture(double t) {
        if (t > endTime) {
            return;
        }
        queue.schedule(t, EventQueue.Ordering.DECISION, now -> {
            picture(now);
            schedulePicture(now + period);
        });
    }

    /** One picture period: every nation reports, then every nation receives and fuses, then the measures. */
    private void picture(double t) {
        List<List<TrackReport>> own = new ArrayList<>();
        for (Node node : nodes) {
            List<TrackReport> reports = CoalitionExchange.reports(node.id, node.tracker.tracks());
            own.add(reports);
            exchange.send(node.id, node.tracker.tracks(), t);
        }
        int nt = 0;
        boolean active = false;
        double[] truth = new double[3 * threats.size()];
        for (ThreatTruth th : threats) {
            if (th.airborne(t)) {
                active = true;
                th.stateAt(t, state);
                if (coveredByAny(state)) {
                    System.arraycopy(state, 0, truth, 3 * nt, 3);
                    nt++;
                }
            }
        }
        for (Node node : nodes) {
            exchange.receive(node.id, t);
            List<TrackReport> mine = own.get(node.id);
            AirPicture ownPicture = node.own.update(t, mine);
            AirPicture sharedPicture = node.shared.update(t, mine);
            long held = falseHeld(sharedPicture);
            node.falseHeld += held;
            node.falseHeldAfterAlert += node.shared.alerts().isEmpty() ? 0 : held;
            firstSeen(node.firstOwn, ownPicture, t);
            firstSeen(node.firstShared, sharedPicture, t);
            int a = ownPicture.tracks().size();
            int b = sharedPicture.tracks().size();
            if (active) {
                node.gospaOwn += gospa.distance(nt, truth, a, ownPicture.positions(), 3).distance();
                node.gospaShared += gospa.distance(nt, truth, b, sharedPicture.positions(), 3).distance();
                node.gospaScans++;
            }
        }
    }

    private boolean coveredByAny(double[] x) {
        for (Node n : nodes) {
            for (Radar r : n.radars) {
                if (r.covers(x[0], x[1], x[2])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** System tracks of a picture built on some compromised nation's false track. */
    private long falseHeld(AirPicture picture) {
        long n = 0;
        for (SystemTrack s : picture.tracks()) {
            if (exchange.builtOnFalseTrack(s)) {
                n++;
            }
        }
        return n;
    }

    /** Marks the threats a picture holds for the first time. */
    private void firstSeen(double[] first, AirPicture picture, double t) {
        if (picture.tracks().isEmpty()) {
            return;
        }
        for (ThreatTruth th : threats) {
            int i = th.id - 1;
            if (!Double.isNaN(first[i]) || !th.airborne(t)) {
                continue;
            }
            th.stateAt(t, state);
            for (SystemTrack s : picture.tracks()) {
                double dx = s.state(0) - state[0];
                double dy = s.state(1) - state[1];
                double dz = s.state(2) - state[2];
                if (dx * dx + dy * dy + dz * dz <= MATCH_RADIUS_M * MATCH_RADIUS_M) {
                    first[i] = t;
                    break;
                }
            }
        }
    }

    // ------------------------------------------------------------------ results

    private Result result() {
        List<NationMeasures> out = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (Node node : nodes) {
            Map<MessageOpener.Verdict, Long> rejected = exchange.rejected(node.id);
            long lost = exchange.lost(node.id);
            List<String> isolated = new ArrayList<>();
            for (Node other : nodes) {
                if (other != node && node.shared.isolated(other.id)) {
                    isolated.add(other.nation.name());
                }
            }
            int raised = node.shared.alerts().size();
            alerts.addAll(node.shared.alerts());
            out.add(new NationMeasures(node.nation.name(), node.radars.size(), seen(node.firstOwn),
                    seen(node.firstShared), delay(node.firstOwn), delay(node.firstShared), boxed(node.firstOwn),
                    boxed(node.firstShared), node.gospaScans == 0 ? 0 : node.gospaOwn / node.gospaScans,
                    node.gospaScans == 0 ? 0 : node.gospaShared / node.gospaScans, node.member.sent, node.member.accepted,
                    rejected, lost, raised, isolated, node.falseHeld, node.falseHeldAfterAlert));
        }
        alerts.sort(java.util.Comparator.comparingDouble(Alert::time).thenComparingInt(Alert::node));
        return new Result(threats.size(), endTime, out, alerts, exchange.network().withheld());
    }

    private static int seen(double[] first) {
        int n = 0;
        for (double f : first) {
            n += Double.isNaN(f) ? 0 : 1;
        }
        return n;
    }

    private double delay(double[] first) {
        if (threats.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (ThreatTruth th : threats) {
            double f = first[th.id - 1];
            double launch = th.trajectory.startTime();
            sum += (Double.isNaN(f) ? th.trajectory.impactTime() : f) - launch;
        }
        return sum / threats.size();
    }

    private static List<Double> boxed(double[] a) {
        List<Double> out = new ArrayList<>(a.length);
        for (double v : a) {
            out.add(v);
        }
        return out;
    }
}
