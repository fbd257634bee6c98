package dev.bulwark.engine.sim;

import dev.bulwark.engine.assign.Decision;
import dev.bulwark.engine.assign.EngagementState;
import dev.bulwark.engine.assign.Reason;
import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.Gun;
import dev.bulwark.engine.effector.GunPlan;
import dev.bulwark.engine.effector.InterceptPlan;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.effector.LaserPlan;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.effector.Resupply;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.flight.interceptor.InterceptResult;
import dev.bulwark.engine.flight.interceptor.InterceptorFlight;
import dev.bulwark.engine.flight.interceptor.InterceptorType;
import dev.bulwark.engine.flight.interceptor.TargetMotion;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.metrics.Gospa;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.metrics.SetDistance;
import dev.bulwark.engine.network.EngagementStatus;
import dev.bulwark.engine.network.TrackReport;
import dev.bulwark.engine.sensor.Radar;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.sensor.Scan;
import dev.bulwark.engine.threat.Assessment;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.engine.threat.DefendedAreas;
import dev.bulwark.engine.threat.CoursePredictor;
import dev.bulwark.engine.threat.ImpactPredictor;
import dev.bulwark.engine.threat.ThreatEvaluator;
import dev.bulwark.engine.track.GnnTracker;
import dev.bulwark.engine.track.JpdaTracker;
import dev.bulwark.engine.track.TrackModel;
import dev.bulwark.engine.track.TrackerSettings;
import dev.bulwark.engine.track.Track;
import dev.bulwark.engine.track.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One replication of a {@link World}: single-threaded and deterministic for its seed.
 *
 * <p>The pipeline runs on an {@link EventQueue}: launches and impacts of the true threats
 * (computed at the start, from each raid's own random streams, so that every laydown faces
 * the same raid for a seed); radar scans every revisit period, each followed by the
 * tracker's update and a battle-management cycle (impact prediction and threat evaluation
 * of the confirmed tracks, then weapon-target assignment); interceptor arrivals and
 * reloads. Kill assessment is perfect in this version: the defence knows at once whether
 * an interceptor destroyed its target.
 *
 * <p>The run lasts {@link World#durationS()}, extended only to let threats already in the
 * air land, so that every threat launched has an outcome.
 *
 * <p>Battle management runs in {@link CommandNode}s: one holding every sensor and effector, or
 * with a {@link Coalition} of several nations one per nation, each with its own tracker, threat
 * evaluation, assignment and effectors (all effectors go to the lead nation's node if one leads),
 * deciding every {@value #COALITION_PERIOD_S} s on its own tracks or, with sharing, on its
 * {@link dev.bulwark.engine.fusion.NationalPicture} fed over the coalition's network
 * ({@link CoalitionExchange}). docs/models/coalition.md describes the coalition battle.
 *
 * <p>The simulation matches tracks to true threats (nearest airborne threat within 2 km) only
 * to report what happened to whom; no stage of the pipeline sees that match.
 */
public final class Simulation {

    /**
     * Integration step of the truth flight (s). Boost phases are integrated in shorter steps
     * that end exactly at burn-out; at 0.2 s the coasting flight of every catalogue rocket lands
     * within a metre of a 0.01 s integration (tested in the scenario module).
     */
    public static final double TRUTH_STEP_S = 0.2;
    /**
     * Integration step of impact prediction (s). The predicted flights are smooth coasts, so
     * 2 s steps land within a metre of 0.1 s ones and give the same impact spread to 0.1 %, far
     * inside the prediction's own uncertainty (tested in ImpactPredictorTest); the ground crossing
     * is still found by root finding, and the path between the steps by cubic interpolation.
     */
    public static final double PREDICTION_STEP_S = 2.0;
    /** Relative uncertainty of the drag of the ballistic-drag motion model (the assumed β is a guess) [notional]. */
    private static final double DRAG_UNCERTAINTY = 0.5;
    private static final double MAX_FLIGHT_S = 900;
    private static final double MATCH_RADIUS_M = 2_000;
    private static final double NO_TARGET_RADIUS_M = 5_000;

    private final World world;
    private final EventBus bus = new EventBus();
    private final Ellipsoid ellipsoid;
    private final RandomStreams streams;
    private final DefendedAreas areas;
    private final double ground;

    private final EventQueue queue = new EventQueue();
    private final List<ThreatTruth> threats = new ArrayList<>();
    private final List<ThreatTruth> airborne = new ArrayList<>();
    private final List<Radar> radars = new ArrayList<>();
    private final List<Battery> batteries = new ArrayList<>();
    private final List<Laser> lasers = new ArrayList<>();
    private long laserKillKey;
    private int laserShots;
    private final List<Gun> guns = new ArrayList<>();
    private long gunKillKey;
    private int gunBursts;
    private int gunRounds;
    private double gunCost;
    /** The target each interceptor in the air was fired at, by interceptor number. */
    private final Map<Integer, Shot> interceptorTrack = new TreeMap<>();
    /** The command nodes: one without a coalition, else one per nation, in node order. */
    private final List<CommandNode> nodes = new ArrayList<>();
    /** The node whose tracker each radar feeds (null: the radar takes no part), in radar order. */
    private final List<CommandNode> radarOwner = new ArrayList<>();
    /** The coalition of a coalition run (more than one nation), else null. */
    private final Coalition coalition;
    /** Whether the nations of a coalition run share tracks and engagement status. */
    private final boolean sharing;
    /** The network, shared pictures and consistency checks of a coalition run with sharing, else null. */
    private CoalitionExchange exchange;
    private final Map<String, Integer> laserShotsBy = new TreeMap<>();
    private final Map<String, Integer> gunBurstsBy = new TreeMap<>();
    /** The fly-out of each interceptor in the air against the threat it was fired at. */
    private final Map<Integer, Flyout> flyouts = new TreeMap<>();
    private final Map<InterceptorType, InterceptorFlight> flights = new java.util.HashMap<>();

    /** An interceptor's proportional-navigation fly-out against a threat's true motion. */
    private record Flyout(int threatId, InterceptResult result) {
    }

    /** What an interceptor (laser dwell, gun burst) was fired at: a node's target. */
    private record Shot(CommandNode node, int number) {
    }

    /** The own track a node names in its engagement status about a system track, and the effector. */
    private record StatusRef(int localTrack, int effector) {
    }
    private final Map<CommandNode, Map<Integer, StatusRef>> statusRefs = new java.util.HashMap<>();
    private final RandomStream killDraw = new RandomStream(0);
    private long killKey;
    private final double[] state = new double[6];
    private double nearestDistance;
    // changes to `airborne` (launches, landings, kills), and the truth positions cached at a time
    private int airborneVersion;
    private int truthVersion = -1;
    private double truthTime = Double.NaN;
    private int truthCount;
    private ThreatTruth[] truthAt = new ThreatTruth[16];
    private double[] truthPositions = new double[48];
    private double endTime;
    private int interceptors;
    private double interceptorCost;
    private long plots;
    private int confirmed;
    private boolean ran;

    /** Period at which the nodes of a coalition run report, fuse and decide (s). */
    public static final double COALITION_PERIOD_S = CoalitionPicture.PICTURE_PERIOD_S;
    /** Cut-off of the tracking-quality GOSPA (m): a track farther than this from a threat counts as false. */
    static final double GOSPA_CUTOFF_M = 500;
    private static final double QUALITY_WINDOW_S = 60;
    private final Gospa gospa = new Gospa(GOSPA_CUTOFF_M, 1);
    private double[] qualityTruth = new double[30];
    private double[] qualityTracks = new double[30];
    private double qualityWindowStart;
    private int qualityScans;
    private double qualityGospa;
    private double qualityLocalisation;
    private int qualityLocalised;
    private long qualityMissed;
    private long qualityFalse;
    private double qualitySquares;
    private long qualityPairs;
    private double allGospa;
    private long allGospaScans;
    private double allSquares;
    private long allPairs;
    /** The true threat each confirmed track was last matched to (measuring only). */
    private final Map<Integer, Integer> trackTruth = new TreeMap<>();
    private int trackBreaks;
    private int trackSwaps;
    private double laserCost;
    /** Launch times of the threats, ascending; whether scans with nothing to see are skipped cheaply, and in runs. */
    private double[] launchTimes;
    private boolean quietSkips;
    private boolean scansNeverCoincide;
    private boolean skipQuietScans = true;

    /**
     * What one nation of a coalition run spent and met.
     *
     * @param name                   the nation
     * @param interceptors           interceptors fired from its batteries (by whoever ordered them)
     * @param interceptorCost        their cost (USD)
     * @param laserShots             shots of its lasers
     * @param gunBursts              bursts of its guns
     * @param firedAtFalse           interceptors, laser shots and gun bursts it ordered at a system track
     *                               built on a compromised partner's false track (measuring only)
     * @param firedAtFalseAfterAlert the same, ordered after its first alert
     * @param heldForPartner         targets it held at least once because a partner reported engaging them
     * @param alerts                 alerts it raised (consistency check)
     * @param isolated               the partners it isolated
     */
    public record NationBattle(String name, int interceptors, double interceptorCost, int laserShots, int gunBursts,
            long firedAtFalse, long firedAtFalseAfterAlert, int heldForPartner, int alerts, List<String> isolated) {
        /** Copies the list. */
        public NationBattle {
            isolated = List.copyOf(isolated);
        }
    }

    /** A simulation of a world: one command node holding every sensor and effector. */
    public Simulation(World world) {
        this(world, null, true);
    }

    /**
     * A simulation of a world defended by a coalition. With more than one nation, each nation is a
     * command node with its own tracker over its own radars, its own threat evaluation and
     * assignment, and its own effectors (all of them go to the {@code lead} nation's node if one
     * leads); nodes fuse, decide and report every {@value #COALITION_PERIOD_S} s. With one nation
     * (or none) the run is that of {@link #Simulation(World)}.
     *
     * @param world     the world
     * @param coalition the nations, links and sharing, or null for one node
     * @param sharing   whether nations share (tracks and engagement status, under their policies);
     *                  false: each nation decides on its own tracks alone and nothing is sent
     */
    public Simulation(World world, Coalition coalition, boolean sharing) {
        this.world = world;
        this.coalition = coalition != null && coalition.nations().size() > 1 ? coalition : null;
        this.sharing = sharing;
        this.ellipsoid = world.earth().ellipsoid();
        this.streams = new RandomStreams(world.seed());
        this.ground = world.origin().altitude();
        this.areas = new DefendedAreas(ellipsoid, new LocalFrame(ellipsoid, world.origin().withAltitude(0.0)),
                world.areas(), world.doctrine()::kindWeight);
    }

    /** The bus on which every {@link SimEvent} is published; subscribe before {@link #run}. */
    public EventBus bus() {
        return bus;
    }

    /** For tests: whether scans with nothing to see take the short way (they do unless told otherwise). */
    Simulation skippingQuietScans(boolean skip) {
        this.skipQuietScans = skip;
        return this;
    }

    /** The world being simulated. */
    public World world() {
        return world;
    }

    /**
     * Runs the replication to the end. A simulation runs once.
     *
     * @param progress told of progress in simulated time
     * @return the measures of effectiveness
     */
    public RunSummary run(ProgressListener progress) {
        if (ran) {
            throw new IllegalStateException("a simulation runs once; make a new one");
        }
        ran = true;
        buildRaids();
        endTime = world.durationS();
        for (ThreatTruth t : threats) {
            endTime = Math.max(endTime, t.trajectory.impactTime());
        }
        buildDefence();
        for (ThreatTruth t : threats) {
            queue.schedule(t.trajectory.startTime(), EventQueue.Ordering.TRUTH, now -> launch(t));
        }
        for (Resupply r : world.resupplies()) {
            scheduleDelivery(r, 0);
        }
        launchTimes = new double[threats.size()];
        for (int i = 0; i < launchTimes.length; i++) {
            launchTimes[i] = threats.get(i).trajectory.startTime();
        }
        java.util.Arrays.sort(launchTimes);
        // a coalition's nodes also decide on partners' reports, which an empty own picture does not rule out
        quietSkips = skipQuietScans && coalition == null;
        for (Radar radar : radars) {
            quietSkips &= radar.spec().falseAlarmsPerScan() == 0;
        }
        scansNeverCoincide = quietSkips && scanTimesNeverCoincide();
        for (int i = 0; i < radars.size(); i++) {
            Radar radar = radars.get(i);
            double revisit = radar.spec().revisitS();
            double phase = revisit * i / radars.size();
            if (radarOwner.get(i) != null) {
                scheduleScan(radarOwner.get(i), radar, phase);
            }
        }
        if (coalition != null) {
            scheduleTick(COALITION_PERIOD_S);
        }
        double tick = endTime / 200.0;
        for (int k = 1; k <= 200; k++) {
            queue.schedule(k * tick, EventQueue.Ordering.REPORTING, now -> progress.onProgress(now, endTime));
        }
        while (queue.step(endTime)) {
            // every action schedules its successors
        }
        publishTrackingQuality(endTime);
        progress.onProgress(endTime, endTime);
        return summary();
    }

    // ---------------------------------------------------------------- truth

    private void buildRaids() {
        threats.addAll(RaidTruths.fly(world, streams, areas));
    }

    private void launch(ThreatTruth t) {
        airborne.add(t);
        airborneVersion++;
        DefendedArea bound = t.boundFor >= 0 ? world.areas().get(t.boundFor) : null;
        bus.publish(new SimEvent.ThreatLaunched(t.trajectory.startTime(), t.id, t.raid.name(), t.type().name(),
                t.type().category().key(), t.launchPoint, t.aimPoint, t.trajectory.impactPoint(),
                t.trajectory.impactTime(), bound == null ? null : bound.name()));
        queue.schedule(t.trajectory.impactTime(), EventQueue.Ordering.TRUTH, now -> impact(t));
        if (!bus.hasListeners()) {
            return; // the apogee and envelope events below are for the event log only
        }
        double apogeeTime = t.trajectory.apogeeTime();
        if (apogeeTime > t.trajectory.startTime() && apogeeTime < t.trajectory.impactTime()) {
            queue.schedule(apogeeTime, EventQueue.Ordering.TRUTH, now -> {
                if (!t.killed) {
                    bus.publish(new SimEvent.Apogee(now, t.id, t.trajectory.apogeeAltitude()));
                }
            });
        }
        // Truth events for the analyst: when each battery could engage this threat at all. They
        // are found by root finding on the flight, never read by battle management.
        for (Battery battery : batteries) {
            double[] spells = battery.spellsInside(t.trajectory);
            String name = battery.spec().name();
            for (int k = 0; k + 1 < spells.length; k += 2) {
                double leave = spells[k + 1];
                queue.schedule(spells[k], EventQueue.Ordering.TRUTH, now -> {
                    if (!t.killed) {
                        bus.publish(new SimEvent.EnvelopeEntered(now, t.id, name, leave));
                    }
                });
            }
        }
    }

    private void impact(ThreatTruth t) {
        if (t.killed) {
            return;
        }
        t.landed = true;
        airborne.remove(t);
        airborneVersion++;
        GeodeticPoint p = t.trajectory.impactPoint();
        int k = areas.locate(p);
        DefendedArea a = k >= 0 ? world.areas().get(k) : null;
        bus.publish(new SimEvent.Impact(t.trajectory.impactTime(), t.id, p, a == null ? null : a.name(),
                a == null ? null : a.kind().key()));
    }

    // ---------------------------------------------------------------- defence

    private void buildDefence() {
        for (int i = 0; i < world.radars().size(); i++) {
            RadarSpec spec = world.radars().get(i);
            radars.add(new Radar(spec, i, ellipsoid, streams.key("radar/" + spec.name(), "detection"),
                    streams.stream("radar/" + spec.name(), "false-alarms")));
        }
        if (coalition == null) {
            CommandNode node = newNode(0, world.name());
            nodes.add(node);
            for (int i = 0; i < world.batteries().size(); i++) {
                Battery b = new Battery(world.batteries().get(i), i, ellipsoid);
                batteries.add(b);
                node.batteries.add(b);
            }
            for (int i = 0; i < world.lasers().size(); i++) {
                Laser l = new Laser(world.lasers().get(i), i, ellipsoid);
                lasers.add(l);
                node.lasers.add(l);
            }
            for (int i = 0; i < world.guns().size(); i++) {
                Gun g = new Gun(world.guns().get(i), i, ellipsoid);
                guns.add(g);
                node.guns.add(g);
            }
            for (int i = 0; i < radars.size(); i++) {
                radarOwner.add(node);
            }
        } else {
            buildNodes();
        }
        gunKillKey = streams.key("guns", "kill");
        killKey = streams.key("interceptors", "kill");
        laserKillKey = streams.key("lasers", "kill");
    }

    /**
     * The nodes of a coalition run: nation k is node k. An effector goes to the node that assigns it:
     * the lead nation's if one leads (its orders reach the partners' effectors at once: no order
     * travels over the links), else its own nation's; an effector or radar no nation names takes no
     * part. With sharing, each node decides on its {@link dev.bulwark.engine.fusion.NationalPicture}.
     */
    private void buildNodes() {
        for (int k = 0; k < coalition.nations().size(); k++) {
            nodes.add(newNode(k, coalition.nations().get(k).name()));
        }
        Coalition.Nation lead = coalition.lead();
        CommandNode leader = lead == null ? null : nodes.get(coalition.index(lead.name()));
        for (BatterySpec spec : world.batteries()) {
            CommandNode c = controller(leader, n -> n.batteries().contains(spec.name()));
            Battery b = new Battery(spec, c == null ? 0 : c.batteries.size(), ellipsoid);
            batteries.add(b);
            if (c != null) {
                c.batteries.add(b);
            }
        }
        for (LaserSpec spec : world.lasers()) {
            CommandNode c = controller(leader, n -> n.lasers().contains(spec.name()));
            Laser l = new Laser(spec, c == null ? 0 : c.lasers.size(), ellipsoid);
            lasers.add(l);
            if (c != null) {
                c.lasers.add(l);
            }
        }
        for (dev.bulwark.engine.effector.GunSpec spec : world.guns()) {
            CommandNode c = controller(leader, n -> n.guns().contains(spec.name()));
            Gun g = new Gun(spec, c == null ? 0 : c.guns.size(), ellipsoid);
            guns.add(g);
            if (c != null) {
                c.guns.add(g);
            }
        }
        for (Radar r : radars) {
            CommandNode owner = null;
            for (int k = 0; k < nodes.size(); k++) {
                if (coalition.nations().get(k).radars().contains(r.spec().name())) {
                    owner = nodes.get(k);
                }
            }
            radarOwner.add(owner);
        }
        if (sharing) {
            exchange = new CoalitionExchange(world, coalition, streams, radars, COALITION_PERIOD_S);
            for (CommandNode node : nodes) {
                node.picture = exchange.member(node.id).shared;
                statusRefs.put(node, new TreeMap<>());
            }
        }
    }

    /** The node that assigns an effector its nation owns: the leader if there is one; null if no nation owns it. */
    private CommandNode controller(CommandNode leader, java.util.function.Predicate<Coalition.Nation> owns) {
        for (int k = 0; k < nodes.size(); k++) {
            if (owns.test(coalition.nations().get(k))) {
                return leader != null ? leader : nodes.get(k);
            }
        }
        return null;
    }

    /** A command node with its own tracker, threat evaluator and assigner. */
    private CommandNode newNode(int id, String name) {
        TrackerSettings ts = world.tracker();
        TrackModel motion = TrackModel.of(ts, world.earth().mu(), world.earth().j2(), ellipsoid,
                world.earth().rotationRate(), world.doctrine().assumedBallisticCoefficientKgM2(), DRAG_UNCERTAINTY,
                StandardAtmosphere::density, StandardAtmosphere::speedOfSound);
        ThreatEvaluator evaluator = new ThreatEvaluator(new ImpactPredictor(new BallisticPropagator(world.earth(),
                PREDICTION_STEP_S), areas, world.doctrine().assumedBallisticCoefficientKgM2(), dragShape(ts), ground,
                MAX_FLIGHT_S), new CoursePredictor(areas, ellipsoid));
        CommandNode node = new CommandNode(id, name, evaluator, world.doctrine().assigner());
        Tracker.Listener listener = new Tracker.Listener() {
            @Override
            public void confirmed(Track track) {
                confirmed++;
                int published = node.publishedTrack(track.id());
                ThreatTruth truth = match(track.state(), queue.now());
                if (truth != null) {
                    truth.tracked = true;
                    if (Double.isNaN(truth.firstTracked)) {
                        truth.firstTracked = queue.now();
                    }
                    trackTruth.put(published, truth.id);
                }
                double[] x = track.state();
                bus.publish(new SimEvent.TrackConfirmed(queue.now(), published, truth == null ? 0 : truth.id,
                        ellipsoid.toGeodetic(x[0], x[1], x[2])));
            }

            @Override
            public void dropped(Track track, String reason) {
                int published = node.publishedTrack(track.id());
                if (node.picture == null) {
                    node.evaluator.forget(track.id());
                }
                Integer was = trackTruth.remove(published);
                if (was != null) {
                    ThreatTruth t = threats.get(was - 1);
                    if (t.airborne(queue.now()) && !t.killed) {
                        trackBreaks++;
                    }
                }
                bus.publish(new SimEvent.TrackDropped(queue.now(), published, reason));
            }
        };
        node.tracker = ts.association() == TrackerSettings.Association.JPDA
                ? new JpdaTracker(ts, motion, ellipsoid, ground, listener)
                : new GnnTracker(ts, motion, ellipsoid, ground, listener);
        return node;
    }

    /**
     * The drag shape the impact prediction flies: the tracker settings' drag curve (which its
     * ballistic motion models assume), or null for a drag coefficient constant with speed.
     */
    static DragTable dragShape(TrackerSettings ts) {
        return ts.dragCurve() == null ? null : DragTable.of(ts.dragCurve().mach(), ts.dragCurve().relative());
    }

    private void scheduleDelivery(Resupply r, int k) {
        double t = r.deliveryTime(k);
        if (t > endTime) {
            return;
        }
        queue.schedule(t, EventQueue.Ordering.EFFECTOR, now -> {
            for (Battery battery : batteries) {
                if (battery.spec().name().equals(r.battery())) {
                    for (double due : battery.deliver(r.rounds(), now)) {
                        scheduleReload(battery, due);
                    }
                    bus.publish(new SimEvent.Resupplied(now, r.battery(), r.rounds(), battery.ready(),
                            battery.reserve()));
                }
            }
            scheduleDelivery(r, k + 1);
        });
    }

    private void scheduleReload(Battery battery, double due) {
        queue.schedule(due, EventQueue.Ordering.EFFECTOR, t -> {
            if (battery.completeReloads(t)) {
                bus.publish(new SimEvent.StockChanged(t, battery.spec().name(), battery.ready(), battery.reserve()));
            }
        });
    }

    private void scheduleScan(CommandNode node, Radar radar, double t) {
        if (t > endTime) {
            return;
        }
        queue.schedule(t, EventQueue.Ordering.SENSING, now -> {
            if (quietSkips && airborne.isEmpty() && node.tracker.tracks().isEmpty()) {
                skipQuietScans(node, radar, now);
                return;
            }
            Scan scan = radar.scan(now, airborne);
            plots += scan.plots().size();
            node.tracker.update(scan);
            measureTracking(now, scan, node);
            if (coalition == null) {
                decide(node, now);
            }
            scheduleScan(node, radar, now + radar.spec().revisitS());
        });
    }

    private void scheduleTick(double t) {
        if (t > endTime) {
            return;
        }
        queue.schedule(t, EventQueue.Ordering.DECISION, now -> {
            tick(now);
            scheduleTick(now + COALITION_PERIOD_S);
        });
    }

    /**
     * One period of a coalition run: with sharing, every node first reports its confirmed tracks
     * (those whose estimate changed) and the status of its engagements in progress; then, node by
     * node in node order, it receives what has arrived, fuses its picture (consistency check
     * included) and decides, so that a status a node sends as it engages reaches a later node in the
     * same period over a link without latency. Without sharing, every node decides on its own tracks.
     * Only nodes that assign some effector decide.
     */
    private void tick(double now) {
        if (exchange == null) {
            for (CommandNode node : nodes) {
                if (node.armed()) {
                    decide(node, now);
                }
            }
            return;
        }
        List<List<TrackReport>> own = new ArrayList<>();
        for (CommandNode node : nodes) {
            List<TrackReport> reports = CoalitionExchange.reports(node.id, node.tracker.tracks());
            own.add(reports);
            exchange.send(node.id, node.tracker.tracks(), now);
            for (Map.Entry<Integer, StatusRef> e : statusRefs.get(node).entrySet()) {
                exchange.send(node.id, new EngagementStatus(node.id, e.getValue().localTrack(), now,
                        EngagementStatus.State.ENGAGING, e.getValue().effector()), now);
            }
        }
        for (CommandNode node : nodes) {
            for (EngagementStatus st : exchange.receive(node.id, now)) {
                node.hear(st);
            }
            exchange.update(node.id, now, own.get(node.id));
            if (node.armed()) {
                decide(node, now);
            }
        }
    }

    /**
     * A node's engagement of a system track began: its partners hear ENGAGING about its own
     * contributing track (if it has one: a node engaging on partners' data alone names no track of
     * its own and sends nothing), at once and then every period while the engagement lasts.
     */
    private void statusBegins(CommandNode node, CommandNode.Target target, int effector, double now) {
        if (exchange == null || target.system() == null || target.own() == null) {
            return;
        }
        Map<Integer, StatusRef> refs = statusRefs.get(node);
        if (!refs.containsKey(target.number())) {
            refs.put(target.number(), new StatusRef(target.own().id(), effector));
            exchange.send(node.id, new EngagementStatus(node.id, target.own().id(), now,
                    EngagementStatus.State.ENGAGING, effector), now);
        }
    }

    /** A node's engagement ended with nothing more in the air: its partners hear KILLED or MISSED. */
    private void statusEnds(CommandNode node, int number, boolean kill, double now) {
        if (exchange == null) {
            return;
        }
        EngagementState e = node.engagements.getOrDefault(number, EngagementState.NONE);
        if (e.inFlight() > 0 && !kill) {
            return;
        }
        StatusRef ref = statusRefs.get(node).remove(number);
        if (ref != null) {
            exchange.send(node.id, new EngagementStatus(node.id, ref.localTrack(), now,
                    kill ? EngagementStatus.State.KILLED : EngagementStatus.State.MISSED, ref.effector()), now);
        }
    }

    /**
     * A scan with nothing in the air, no track and no false alarms on any radar, outside a coalition
     * run (whose nodes also decide on partners' reports): the radar sees
     * nothing, the tracker has nothing to update and battle management nothing to decide, so only
     * the scan's count and the tracking-quality window move. Nothing can appear before the next
     * launch, so when no scan of another radar ever falls at the same instant (the order of
     * simultaneous scans is their scheduling order, which skipping would change) and no
     * tracking-quality window is waiting to be published, the scans before that launch are
     * counted here at once and the radar's next scan is scheduled at the first one on or after it.
     * The scan times are the same sums of the revisit period as scan by scan, and the results the
     * same to the bit: Monte Carlo replications spend most of a day between raids.
     */
    private void skipQuietScans(CommandNode node, Radar radar, double now) {
        radar.skipEmptyScans(1);
        rollQualityWindow(now);
        double revisit = radar.spec().revisitS();
        double next = now + revisit;
        if (scansNeverCoincide && qualityScans == 0) {
            int k = java.util.Arrays.binarySearch(launchTimes, now);
            k = k < 0 ? -k - 1 : k;
            while (k < launchTimes.length && launchTimes[k] <= now) {
                k++;
            }
            double until = k < launchTimes.length ? launchTimes[k] : Double.POSITIVE_INFINITY;
            long skipped = 0;
            while (next < until && next <= endTime) {
                rollQualityWindow(next); // publishes nothing: no scan since the last window
                skipped++;
                next += revisit;
            }
            radar.skipEmptyScans(skipped);
        }
        scheduleScan(node, radar, next);
    }

    /**
     * Whether no two radars ever scan at the same instant in this run: each radar's scan times
     * (its phase, then repeated additions of its revisit period, as {@link #scheduleScan} makes
     * them) compared pairwise.
     */
    private boolean scanTimesNeverCoincide() {
        int n = radars.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double ri = radars.get(i).spec().revisitS();
                double rj = radars.get(j).spec().revisitS();
                double ti = ri * i / n;
                double tj = rj * j / n;
                while (ti <= endTime && tj <= endTime) {
                    if (ti == tj) {
                        return false;
                    }
                    if (ti < tj) {
                        ti += ri;
                    } else {
                        tj += rj;
                    }
                }
            }
        }
        return true;
    }

    /**
     * GOSPA (α = 2, c = {@value #GOSPA_CUTOFF_M} m, p = 1; Rahmathullah et al. 2017) between the
     * confirmed tracks and the true threats in the scanned volume, after the scan's update,
     * averaged over each minute with activity and published as a tracking-quality event, with the
     * RMSE of the tracks the GOSPA assignment pairs with threats.
     * Measuring only: nothing in the pipeline reads it.
     */
    private void measureTracking(double now, Scan scan, CommandNode node) {
        rollQualityWindow(now);
        int nt = 0;
        for (ThreatTruth t : airborne) {
            if (t.airborne(now)) {
                t.stateAt(now, state);
                if (scan.covers(state[0], state[1], state[2])) {
                    ensureQuality(nt + 1, 0);
                    System.arraycopy(state, 0, qualityTruth, 3 * nt, 3);
                    nt++;
                }
            }
        }
        int ne = 0;
        for (Track track : node.tracker.tracks()) {
            if (track.confirmed()) {
                ensureQuality(0, ne + 1);
                System.arraycopy(track.state(), 0, qualityTracks, 3 * ne, 3);
                ne++;
                ThreatTruth matched = match(track.state(), now);
                int published = node.publishedTrack(track.id());
                Integer before = trackTruth.get(published);
                if (matched != null && before != null && before != matched.id) {
                    trackSwaps++;
                }
                if (matched != null) {
                    trackTruth.put(published, matched.id);
                }
            }
        }
        if (nt == 0 && ne == 0) {
            return;
        }
        SetDistance d = gospa.distance(nt, qualityTruth, ne, qualityTracks, 3);
        allGospa += d.distance();
        allGospaScans++;
        allSquares += d.sumSquaredErrors();
        allPairs += d.pairs();
        qualitySquares += d.sumSquaredErrors();
        qualityPairs += d.pairs();
        qualityScans++;
        qualityGospa += d.distance();
        qualityLocalisation += d.pairs() == 0 ? 0 : d.localisation() / d.pairs();
        qualityLocalised += d.pairs() == 0 ? 0 : 1;
        qualityMissed += d.missedCount();
        qualityFalse += d.falseCount();
    }

    /** At a scan: publishes the tracking-quality window and starts the next once a window has passed. */
    private void rollQualityWindow(double now) {
        if (now >= qualityWindowStart + QUALITY_WINDOW_S) {
            publishTrackingQuality(now);
            qualityWindowStart = now - (now % QUALITY_WINDOW_S);
        }
    }

    private void ensureQuality(int truths, int tracks) {
        if (3 * truths > qualityTruth.length) {
            qualityTruth = java.util.Arrays.copyOf(qualityTruth, Math.max(3 * truths, 2 * qualityTruth.length));
        }
        if (3 * tracks > qualityTracks.length) {
            qualityTracks = java.util.Arrays.copyOf(qualityTracks, Math.max(3 * tracks, 2 * qualityTracks.length));
        }
    }

    private void publishTrackingQuality(double now) {
        if (qualityScans > 0) {
            bus.publish(new SimEvent.TrackingQuality(now, qualityWindowStart, qualityScans,
                    qualityGospa / qualityScans,
                    qualityLocalised == 0 ? Double.NaN : qualityLocalisation / qualityLocalised,
                    qualityMissed / (double) qualityScans, qualityFalse / (double) qualityScans,
                    qualityPairs == 0 ? Double.NaN : Math.sqrt(qualitySquares / qualityPairs)));
        }
        qualityScans = 0;
        qualityGospa = 0;
        qualityLocalisation = 0;
        qualityLocalised = 0;
        qualityMissed = 0;
        qualityFalse = 0;
        qualitySquares = 0;
        qualityPairs = 0;
    }

    private void decide(CommandNode node, double now) {
        List<Assessment> assessed = new ArrayList<>();
        Map<Integer, CommandNode.Target> targets = new HashMap<>();
        for (CommandNode.Target target : node.targets()) {
            targets.put(target.number(), target);
            Assessment a = assess(node, target);
            if (a == null) {
                record(now, node, target, match(target.state(), now), Reason.NO_PREDICTION, -1, 0.0);
            } else if (target.system() != null
                    && node.engagements.getOrDefault(target.number(), EngagementState.NONE).inFlight() == 0
                    && node.partnerEngaging(target.system(), now, exchange.maxAge())) {
                node.heldForPartner.add(target.number());
                record(now, node, target, match(target.state(), now), Reason.PARTNER_ENGAGING, a.likelyArea(),
                        a.probabilityDefended());
            } else {
                assessed.add(a);
            }
        }
        if (assessed.isEmpty()) {
            return;
        }
        // the assessments by track, for the published assessment events only
        Map<Integer, Assessment> byTrack = new HashMap<>();
        if (bus.hasListeners()) {
            for (Assessment a : assessed) {
                byTrack.put(a.trackId(), a);
            }
        }
        List<Decision> decisions = node.assigner.assign(now, assessed,
                id -> node.engagements.getOrDefault(id, EngagementState.NONE), node.batteries, node.lasers, node.guns);
        for (Decision d : decisions) {
            CommandNode.Target target = targets.get(d.trackId());
            if (target == null) {
                throw new IllegalStateException("the assigner decided about a track it was not given: " + d.trackId());
            }
            ThreatTruth truth = match(target.state(), now);
            if (bus.hasListeners()) {
                publishAssessment(now, node, target, truth, byTrack, d.trackId());
            }
            record(now, node, target, truth, d.reason(), d.likelyArea(), d.probability());
            int published = node.published(target.number());
            if (d.engage() && d.laser() != null) {
                beam(now, node, target, truth, d.laser());
            } else if (d.engage() && d.gun() != null) {
                if (d.handover() != null) {
                    bus.publish(new SimEvent.Handover(now, published, truth == null ? 0 : truth.id,
                            node.guns.get(d.gun().gun()).spec().name(), d.handover().fromLayer(),
                            d.handover().toLayer(), d.handover().reason(),
                            node.engagements.getOrDefault(target.number(), EngagementState.NONE).fired()));
                }
                fire(now, node, target, truth, d.gun());
            } else if (d.engage()) {
                if (d.handover() != null) {
                    bus.publish(new SimEvent.Handover(now, published, truth == null ? 0 : truth.id,
                            node.batteries.get(d.plan().battery()).spec().name(), d.handover().fromLayer(),
                            d.handover().toLayer(), d.handover().reason(),
                            node.engagements.getOrDefault(target.number(), EngagementState.NONE).fired()));
                }
                engage(now, node, target, truth, d);
            }
        }
    }

    /**
     * Threat evaluation of a target. An own track is assessed as it always was (a drag-estimating
     * tracker's β replaces the doctrine's once it is the sharper of the two, and a 7-state track flies
     * its joint state). A system track is assessed on its fused position and velocity, with the β of
     * the node's own contributing track if that one is sharp, else the doctrine's (simplified: the
     * fused picture carries no drag estimate).
     */
    private static Assessment assess(CommandNode node, CommandNode.Target target) {
        Track track = target.own();
        ThreatEvaluator evaluator = node.evaluator;
        double beta = Double.NaN;
        double logBetaSigma = Double.NaN;
        if (track != null) {
            // a drag-estimating tracker's β replaces the doctrine's assumption once it is the sharper of the two
            beta = track.ballisticCoefficient();
            logBetaSigma = track.logBallisticCoefficientSigma();
            if (!(logBetaSigma < ImpactPredictor.LOG_BETA_SIGMA)) {
                beta = Double.NaN;
            }
        }
        if (!target.ownOnly()) {
            return evaluator.assess(target.number(), target.time(), target.state(), target.covariance(), beta,
                    logBetaSigma);
        }
        // an own track (alone, or the only contributor of a system track): its prediction then
        // flies the joint 7-D state (γ correlated with position and velocity)
        return !Double.isNaN(beta) && track.stateDimension() == 7
                ? evaluator.assessEstimatedDrag(target.number(), track.time(), track.state(), track.covariance(),
                        track.fullState(), track.fullCovariance())
                : evaluator.assess(target.number(), track.time(), track.state(), track.covariance(), beta,
                        logBetaSigma);
    }

    /** Counts an engagement a node ordered at a target built on a compromised partner's false track. */
    private void countFalse(CommandNode node, CommandNode.Target target, int shots) {
        if (exchange != null && target.system() != null && exchange.builtOnFalseTrack(target.system())) {
            node.firedAtFalse += shots;
            if (!node.picture.alerts().isEmpty()) {
                node.firedAtFalseAfterAlert += shots;
            }
        }
    }

    /**
     * A laser engagement: the laser is busy until the planned dwell ends; then the energy actually
     * delivered along the true path, with the true threat's hardness, decides the outcome.
     */
    private void beam(double now, CommandNode node, CommandNode.Target target, ThreatTruth truth, LaserPlan plan) {
        Laser laser = node.lasers.get(plan.laser());
        laser.engage(plan);
        int shot = ++laserShots;
        laserCost += laser.spec().costPerShotUsd();
        int trackId = target.number();
        EngagementState s = node.engagements.getOrDefault(trackId, EngagementState.NONE);
        node.engagements.put(trackId, new EngagementState(s.inFlight() + 1, s.fired(), s.destroyed()));
        if (truth != null) {
            truth.engaged = true;
        }
        String name = laser.spec().name();
        laserShotsBy.merge(name, 1, Integer::sum);
        countFalse(node, target, 1);
        statusBegins(node, target, plan.laser(), now);
        bus.publish(new SimEvent.LaserEngaged(now, name, node.published(trackId), truth == null ? 0 : truth.id, plan.startTime(),
                plan.endTime(), laser.spec().costPerShotUsd()));
        queue.schedule(plan.endTime(), EventQueue.Ordering.TRUTH, t -> {
            boolean kill = false;
            double fraction = 0;
            String outcome;
            if (truth == null || !truth.airborne(t) || truth.killed) {
                outcome = "no_target";
            } else {
                fraction = laser.energyFraction(truth.trajectory, plan.startTime(), t,
                        LaserSpec.hardness(truth.type().category()));
                if (fraction < 1) {
                    outcome = "not_enough_energy";
                } else {
                    killDraw.reseed(RandomStreams.combine(laserKillKey, shot, truth.id));
                    kill = killDraw.nextDouble() < laser.spec().probabilityOfKill();
                    outcome = kill ? "kill" : "miss";
                }
            }
            settle(t, node, trackId, truth, kill);
            bus.publish(new SimEvent.LaserOutcome(t, name, truth == null ? 0 : truth.id, kill, fraction, outcome));
        });
    }

    /**
     * A gun engagement: the gun is busy until its burst ends and the rounds are spent; when the
     * middle of the burst arrives, the true threat decides the outcome: within the gun's reach then,
     * it is destroyed with the burst's probability of kill at its true range (the gun's own fire
     * control aims at the true target; its errors are in the kill model, {@link
     * dev.bulwark.engine.effector.GunSpec}).
     */
    private void fire(double now, CommandNode node, CommandNode.Target target, ThreatTruth truth, GunPlan plan) {
        Gun gun = node.guns.get(plan.gun());
        gun.engage(plan);
        int burst = ++gunBursts;
        gunRounds += plan.rounds();
        double cost = plan.rounds() * gun.spec().costPerRoundUsd();
        gunCost += cost;
        int trackId = target.number();
        EngagementState s = node.engagements.getOrDefault(trackId, EngagementState.NONE);
        node.engagements.put(trackId, new EngagementState(s.inFlight() + 1, s.fired(), s.destroyed()));
        if (truth != null) {
            truth.engaged = true;
        }
        String name = gun.spec().name();
        gunBurstsBy.merge(name, 1, Integer::sum);
        countFalse(node, target, 1);
        statusBegins(node, target, plan.gun(), now);
        bus.publish(new SimEvent.GunEngaged(now, name, node.published(trackId), truth == null ? 0 : truth.id, plan.fireStart(),
                plan.fireEnd(), plan.interceptTime(), plan.rangeM(), plan.rounds(), plan.probabilityOfKill(), cost));
        queue.schedule(plan.interceptTime(), EventQueue.Ordering.TRUTH, t -> {
            boolean kill = false;
            double range = Double.NaN;
            double pk = 0;
            String outcome;
            if (truth == null || !truth.airborne(t) || truth.killed) {
                outcome = "no_target";
            } else if (!gun.reaches(truth.trajectory, t)) {
                range = gun.lastRangeM();
                outcome = "out_of_reach";
            } else {
                range = gun.lastRangeM();
                pk = gun.spec().probabilityOfKill(range, plan.rounds());
                killDraw.reseed(RandomStreams.combine(gunKillKey, burst, truth.id));
                kill = killDraw.nextDouble() < pk;
                outcome = kill ? "kill" : "miss";
            }
            settle(t, node, trackId, truth, kill);
            bus.publish(new SimEvent.GunOutcome(t, name, truth == null ? 0 : truth.id, kill, range, pk, outcome));
        });
    }

    /**
     * A laser dwell or gun burst at a track ended at time t: a kill ends the true threat's flight,
     * and the track has one engagement fewer under way (and is destroyed if killed).
     */
    private void settle(double t, CommandNode node, int trackId, ThreatTruth truth, boolean kill) {
        if (kill) {
            truth.killed = true;
            truth.end = t;
            airborne.remove(truth);
            airborneVersion++;
        }
        EngagementState e = node.engagements.getOrDefault(trackId, EngagementState.NONE);
        node.engagements.put(trackId, new EngagementState(Math.max(0, e.inFlight() - 1), e.fired(),
                e.destroyed() || kill));
        statusEnds(node, trackId, kill, t);
    }

    /** Publishes threat evaluation's view of a track ({@link SimEvent.Assessed}). */
    private void publishAssessment(double now, CommandNode node, CommandNode.Target target, ThreatTruth truth,
            Map<Integer, Assessment> assessed, int trackId) {
        Assessment a = assessed.get(trackId);
        if (a == null) {
            return;
        }
        double[] x = target.state();
        double[] p = target.covariance();
        GeodeticPoint position = ellipsoid.toGeodetic(x[0], x[1], x[2]);
        double sl = Math.sin(position.longitude());
        double cl = Math.cos(position.longitude());
        double sp = Math.sin(position.latitude());
        double cp = Math.cos(position.latitude());
        double ve = -sl * x[3] + cl * x[4];
        double vn = -sp * cl * x[3] - sp * sl * x[4] + cp * x[5];
        double vu = cp * cl * x[3] + cp * sl * x[4] + sp * x[5];
        int n = (int) Math.round(Math.sqrt(p.length));
        double sigma = Math.sqrt(p[0] + p[n + 1] + p[2 * n + 2]);
        // the 1-sigma impact ellipse from the east-north covariance: eigenvalues and the major axis
        double mean = 0.5 * (a.covEE() + a.covNN());
        double half = Math.hypot(0.5 * (a.covEE() - a.covNN()), a.covEN());
        double major = Math.sqrt(Math.max(0, mean + half));
        double minor = Math.sqrt(Math.max(0, mean - half));
        double axis = Math.toDegrees(0.5 * Math.atan2(2 * a.covEN(), a.covNN() - a.covEE()));
        axis = axis < 0 ? axis + 180 : axis;
        bus.publish(new SimEvent.Assessed(now, node.published(trackId), truth == null ? 0 : truth.id, position, ve, vn, vu, sigma,
                a.impactPoint(), a.impactTime(), major, minor, axis >= 180 ? axis - 180 : axis, a.probabilityDefended(),
                a.likelyArea() >= 0 ? world.areas().get(a.likelyArea()).name() : null, a.valueAtRisk()));
    }

    private ThreatTruth record(double now, CommandNode node, CommandNode.Target target, ThreatTruth truth,
            Reason reason, int area, double probability) {
        if (truth != null && reason != Reason.ENGAGED) {
            // "No feasible intercept" (typically: too late, once the threat is near the ground) and
            // "no prediction" never hide a more telling reason recorded while it could still be engaged.
            boolean weak = reason == Reason.NO_FEASIBLE_INTERCEPT || reason == Reason.NO_PREDICTION;
            if (!weak || truth.lastHold == null || truth.lastHold == Reason.NO_PREDICTION) {
                truth.lastHold = reason;
            }
        }
        Reason previous = node.lastReason.put(target.number(), reason);
        if (previous != reason) {
            bus.publish(new SimEvent.EngagementDecision(now, node.published(target.number()), truth == null ? 0 : truth.id,
                    reason == Reason.ENGAGED ? "engage" : "hold", reason.key(),
                    area >= 0 ? world.areas().get(area).name() : null, probability));
        }
        return truth;
    }

    private void engage(double now, CommandNode node, CommandNode.Target target, ThreatTruth truth, Decision d) {
        InterceptPlan plan = d.plan();
        Battery battery = node.batteries.get(plan.battery());
        BatterySpec spec = battery.spec();
        int number = target.number();
        countFalse(node, target, d.rounds());
        statusBegins(node, target, plan.battery(), now);
        EngagementState s = node.engagements.getOrDefault(number, EngagementState.NONE);
        for (int r = 0; r < d.rounds(); r++) {
            double reload = battery.fire(now);
            if (!Double.isNaN(reload)) {
                scheduleReload(battery, reload);
            }
            int interceptorId = ++interceptors;
            interceptorCost += spec.costPerInterceptorUsd();
            interceptorTrack.put(interceptorId, new Shot(node, number));
            s = new EngagementState(s.inFlight() + 1, s.fired() + 1, s.destroyed());
            if (truth != null) {
                truth.engaged = true;
            }
            double[] p = plan.point();
            if (truth != null) {
                // the interceptor's own flight, proportional navigation against the threat's true
                // motion from launch: whether it can reach and hit it at all (speed, turn, fuze)
                InterceptorFlight flight = flights.computeIfAbsent(spec.interceptor(),
                        k -> new InterceptorFlight(k, world.earth()));
                InterceptResult flown = flight.fly(plan.launchTime(), spec.site(), flight.launchDirection(spec.site(), p),
                        TargetMotion.of(truth.trajectory));
                flyouts.put(interceptorId, new Flyout(truth.id, flown));
            }
            bus.publish(new SimEvent.InterceptorLaunched(now, interceptorId, spec.name(), node.published(number),
                    truth == null ? 0 : truth.id, ellipsoid.toGeodetic(p), plan.interceptTime(),
                    spec.costPerInterceptorUsd()));
            bus.publish(new SimEvent.StockChanged(now, spec.name(), battery.ready(), battery.reserve()));
            if (battery.stock() == 0) {
                bus.publish(new SimEvent.StockOut(now, spec.name()));
            }
            queue.schedule(plan.interceptTime(), EventQueue.Ordering.TRUTH,
                    t -> arrive(t, interceptorId, battery, plan));
        }
        node.engagements.put(number, s);
    }

    private void arrive(double now, int interceptorId, Battery battery, InterceptPlan plan) {
        // Command guidance: the interceptor flies to where the latest track estimate puts the
        // threat at the intercept time, so its final error is the track's prediction error.
        double[] p = plan.point().clone();
        Shot shot = interceptorTrack.remove(interceptorId);
        double[] time = new double[1];
        double[] latest = shot.node().latest(shot.number(), time);
        if (latest != null) {
            extrapolate(latest, now - time[0], p);
        }
        ThreatTruth nearest = nearest(p, now, Double.POSITIVE_INFINITY);
        double best = nearestDistance;
        Flyout flyout = flyouts.remove(interceptorId);
        BatterySpec spec = battery.spec();
        boolean kill = false;
        String outcome;
        if (nearest == null || best > NO_TARGET_RADIUS_M) {
            outcome = "no_target";
            nearest = null;
        } else if (best > spec.divertRadiusM()) {
            outcome = "out_of_reach";
        } else if (flyout != null && flyout.threatId() == nearest.id && !flyout.result().hit()) {
            outcome = "kinematic_miss";
        } else {
            killDraw.reseed(RandomStreams.combine(killKey, interceptorId, nearest.id));
            kill = killDraw.nextDouble() < spec.killProbabilities().against(nearest.type());
            outcome = kill ? "kill" : "miss";
        }
        if (kill) {
            nearest.killed = true;
            nearest.end = now;
            airborne.remove(nearest);
            airborneVersion++;
        }
        CommandNode node = shot.node();
        EngagementState s = node.engagements.getOrDefault(shot.number(), EngagementState.NONE);
        node.engagements.put(shot.number(), new EngagementState(Math.max(0, s.inFlight() - 1), s.fired(),
                s.destroyed() || kill));
        statusEnds(node, shot.number(), kill, now);
        bus.publish(new SimEvent.InterceptOutcome(now, interceptorId, spec.name(), nearest == null ? 0 : nearest.id,
                kill, nearest == null ? Double.NaN : best, outcome));
    }

    /** Position of a track estimate dt (s) ahead under gravity alone, into p. */
    private void extrapolate(double[] x, double dt, double[] p) {
        double r2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        double k = -world.earth().mu() / (r2 * Math.sqrt(r2)) * 0.5 * dt * dt;
        for (int i = 0; i < 3; i++) {
            p[i] = x[i] + x[3 + i] * dt + k * x[i];
        }
    }

    private ThreatTruth match(double[] x, double now) {
        return nearest(x, now, MATCH_RADIUS_M);
    }

    /**
     * The airborne true threat nearest an ECEF position at a time, if closer than a limit (m);
     * its distance is left in {@link #nearestDistance}. For reporting and for the kill test only.
     */
    private ThreatTruth nearest(double[] x, double now, double limit) {
        if (now != truthTime || airborneVersion != truthVersion) {
            cacheTruthPositions(now);
        }
        ThreatTruth nearest = null;
        double best = limit;
        for (int i = 0; i < truthCount; i++) {
            double d = Math.sqrt(sq(truthPositions[3 * i] - x[0]) + sq(truthPositions[3 * i + 1] - x[1])
                    + sq(truthPositions[3 * i + 2] - x[2]));
            if (d < best) {
                best = d;
                nearest = truthAt[i];
            }
        }
        nearestDistance = nearest == null ? Double.POSITIVE_INFINITY : best;
        return nearest;
    }

    /**
     * The positions of the threats airborne at a time, in the order of {@link #airborne}, for
     * {@link #nearest}: every track of a decision cycle is matched against the same truth, which
     * is interpolated once per threat rather than once per track and threat.
     */
    private void cacheTruthPositions(double now) {
        if (truthAt.length < airborne.size()) {
            truthAt = new ThreatTruth[2 * airborne.size()];
            truthPositions = new double[6 * airborne.size()];
        }
        truthCount = 0;
        for (ThreatTruth t : airborne) {
            if (!t.airborne(now)) {
                continue;
            }
            t.stateAt(now, state);
            truthAt[truthCount] = t;
            truthPositions[3 * truthCount] = state[0];
            truthPositions[3 * truthCount + 1] = state[1];
            truthPositions[3 * truthCount + 2] = state[2];
            truthCount++;
        }
        truthTime = now;
        truthVersion = airborneVersion;
    }

    private static double sq(double v) {
        return v * v;
    }

    // ---------------------------------------------------------------- measures

    private RunSummary summary() {
        int boundDefended = 0;
        int engaged = 0;
        int intercepted = 0;
        int open = 0;
        int engagedOpen = 0;
        int inFlight = 0;
        double threatCost = 0;
        Map<String, Integer> leaks = new LinkedHashMap<>();
        for (DefendedArea a : world.areas()) {
            leaks.put(a.name(), 0);
        }
        Map<Reason, Integer> reasons = new java.util.EnumMap<>(Reason.class);
        for (ThreatTruth t : threats) {
            threatCost += t.type().costUsd();
            if (t.boundFor >= 0) {
                boundDefended++;
                if (!t.engaged) {
                    Reason r = t.lastHold != null ? t.lastHold : (t.tracked ? Reason.NOT_ASSESSED : Reason.NEVER_TRACKED);
                    reasons.merge(r, 1, Integer::sum);
                }
            }
            if (t.engaged) {
                engaged++;
                if (t.boundFor < 0) {
                    engagedOpen++;
                }
            }
            if (t.killed) {
                intercepted++;
            } else if (t.landed) {
                int k = areas.locate(t.trajectory.impactPoint());
                if (k >= 0) {
                    leaks.merge(world.areas().get(k).name(), 1, Integer::sum);
                } else {
                    open++;
                }
            } else {
                inFlight++;
            }
        }
        Map<String, Integer> reasonKeys = new LinkedHashMap<>();
        for (Map.Entry<Reason, Integer> e : reasons.entrySet()) {
            reasonKeys.put(e.getKey().key(), e.getValue());
        }
        Map<String, Integer> byBattery = new LinkedHashMap<>();
        for (Battery b : batteries) {
            byBattery.put(b.spec().name(), b.fired());
        }
        return new RunSummary(world.name(), world.seed(), threats.size(), boundDefended, threats.size() - boundDefended,
                engaged, intercepted, leaks, open, engagedOpen, interceptors, interceptorCost, threatCost, inFlight,
                reasonKeys, byBattery, plots, confirmed, laserShots, laserCost, gunBursts, gunRounds, gunCost,
                trackingMeasures());
    }

    /**
     * What each nation spent and met, in node order (one entry, named after the world, without a
     * coalition). Effectors are counted by the nation that owns them, shots at false tracks by the
     * node that ordered them. Only after {@link #run}.
     */
    public List<NationBattle> nations() {
        if (!ran) {
            throw new IllegalStateException("run the simulation first");
        }
        List<NationBattle> out = new ArrayList<>();
        for (CommandNode node : nodes) {
            Coalition.Nation nation = coalition == null ? null : coalition.nations().get(node.id);
            int fired = 0;
            double cost = 0;
            for (Battery b : batteries) {
                if (nation == null || nation.batteries().contains(b.spec().name())) {
                    fired += b.fired();
                    cost += b.fired() * b.spec().costPerInterceptorUsd();
                }
            }
            int shots = 0;
            for (Map.Entry<String, Integer> e : laserShotsBy.entrySet()) {
                shots += nation == null || nation.lasers().contains(e.getKey()) ? e.getValue() : 0;
            }
            int bursts = 0;
            for (Map.Entry<String, Integer> e : gunBurstsBy.entrySet()) {
                bursts += nation == null || nation.guns().contains(e.getKey()) ? e.getValue() : 0;
            }
            List<String> isolated = new ArrayList<>();
            int alerts = 0;
            if (node.picture != null) {
                alerts = node.picture.alerts().size();
                for (CommandNode other : nodes) {
                    if (other != node && node.picture.isolated(other.id)) {
                        isolated.add(other.name);
                    }
                }
            }
            out.add(new NationBattle(node.name, fired, cost, shots, bursts, node.firedAtFalse,
                    node.firedAtFalseAfterAlert, node.heldForPartner.size(), alerts, isolated));
        }
        return out;
    }

    /** Every alert the nodes raised (consistency checks), in time order. Only after {@link #run}. */
    public List<dev.bulwark.engine.fusion.Alert> alerts() {
        List<dev.bulwark.engine.fusion.Alert> out = new ArrayList<>();
        for (CommandNode node : nodes) {
            if (node.picture != null) {
                out.addAll(node.picture.alerts());
            }
        }
        out.sort(java.util.Comparator.comparingDouble(dev.bulwark.engine.fusion.Alert::time)
                .thenComparingInt(dev.bulwark.engine.fusion.Alert::node));
        return out;
    }

    private RunSummary.Tracking trackingMeasures() {
        int tracked = 0;
        double toTrack = 0;
        for (ThreatTruth t : threats) {
            if (!Double.isNaN(t.firstTracked)) {
                tracked++;
                toTrack += t.firstTracked - t.trajectory.startTime();
            }
        }
        return new RunSummary.Tracking(tracked, tracked == 0 ? Double.NaN : toTrack / tracked, trackBreaks,
                trackSwaps, allGospaScans == 0 ? Double.NaN : allGospa / allGospaScans,
                allPairs == 0 ? Double.NaN : Math.sqrt(allSquares / allPairs));
    }
}
