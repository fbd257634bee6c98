package dev.bulwark.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.flight.interceptor.InterceptorType;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.network.DataKind;
import dev.bulwark.engine.network.LinkSpec;
import dev.bulwark.engine.network.SharingPolicy;
import dev.bulwark.engine.sensor.RadarSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Battle management across nations on small worlds of the tiny raid (Qassams from the west at
 * Sderot): each nation a command node with its own radars, tracker, assignment and batteries.
 */
class CoalitionBattleTest {

    static final Set<DataKind> TRACKS = EnumSet.of(DataKind.TRACKS);
    static final Set<DataKind> ALL = EnumSet.of(DataKind.TRACKS, DataKind.ENGAGEMENT_STATUS);

    /** A Tamir-class battery with a given single-shot P_k. */
    static BatterySpec battery(String name, double lat, double lon, int rounds, double pk) {
        return new BatterySpec(name, GeodeticPoint.ofDegrees(lat, lon, 0), 1, rounds, 0, 600, 0,
                Double.POSITIVE_INFINITY, 300, Double.POSITIVE_INFINITY, InterceptorType.TAMIR_CLASS, 2, pk, 50_000,
                150);
    }

    /** One nation: name, radars, batteries. */
    record N(String name, List<String> radars, List<String> batteries, boolean lead, Coalition.Compromise c) {
        N(String name, List<String> radars, List<String> batteries) {
            this(name, radars, batteries, false, null);
        }
    }

    /** Every nation linked to every other by perfect links, sharing the given kinds. */
    static Coalition coalition(List<N> ns, Set<DataKind> kinds) {
        List<Coalition.Nation> list = new ArrayList<>();
        for (N n : ns) {
            list.add(new Coalition.Nation(n.name(), n.radars(), n.batteries(), List.of(), n.lead(), n.c()));
        }
        List<Coalition.Link> links = new ArrayList<>();
        List<Coalition.Sharing> sharing = new ArrayList<>();
        for (N a : ns) {
            for (N b : ns) {
                if (a != b) {
                    links.add(new Coalition.Link(a.name(), b.name(), LinkSpec.PERFECT));
                    sharing.add(new Coalition.Sharing(a.name(), b.name(),
                            new SharingPolicy(kinds, 0, 0, List.of(), Ellipsoid.WGS84)));
                }
            }
        }
        return new Coalition(list, links, sharing);
    }

    record Run(RunSummary summary, List<Simulation.NationBattle> nations, List<SimEvent> events,
            List<dev.bulwark.engine.fusion.Alert> alerts) {
        Simulation.NationBattle nation(String name) {
            return nations.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
        }
    }

    static Run run(World w, Coalition c, boolean sharing) {
        Simulation sim = new Simulation(w, c, sharing);
        List<SimEvent> events = new ArrayList<>();
        sim.bus().subscribe(events::add);
        RunSummary s = sim.run(ProgressListener.NONE);
        return new Run(s, sim.nations(), events, sim.alerts());
    }

    static int leaks(RunSummary s) {
        return s.leaked();
    }

    static String describe(Run r) {
        return "launched " + r.summary().launched() + ", engaged " + r.summary().engaged() + ", intercepted "
                + r.summary().intercepted() + ", leaked " + leaks(r.summary()) + ", interceptors "
                + r.summary().interceptorsFired() + ", " + r.nations() + " " + r.alerts();
    }

    /** West's radar sees the launches; East holds the battery and a short radar over the town. */
    static final List<RadarSpec> FAR_AND_NEAR = List.of(CoalitionPictureTest.shortRange("RW", 31.535, 34.505, 6_000),
            CoalitionPictureTest.shortRange("RE", 31.525, 34.60, 4_000));

    @Test
    void sharingGivesEastEarlierTracksAndFewerLeaksThanDefendingAlone() {
        World w = TinyWorlds.world(11, 12, FAR_AND_NEAR, List.of(battery("BE", 31.52, 34.68, 20, 0.9)));
        Coalition c = coalition(List.of(new N("West", List.of("RW"), List.of()),
                new N("East", List.of("RE"), List.of("BE"))), ALL);
        Run shared = run(w, c, true);
        Run alone = run(w, c, false);
        assertTrue(shared.summary().leaked() < alone.summary().leaked(), describe(shared) + " / " + describe(alone));
        assertTrue(shared.summary().intercepted() > alone.summary().intercepted());
        assertTrue(shared.alerts().isEmpty(), shared.alerts().toString());
        assertEquals(0, shared.nation("West").interceptors());
        assertEquals(shared.summary().interceptorsFired(), shared.nation("East").interceptors());
        // every engagement was ordered by East's node, on system tracks of its picture
        for (SimEvent e : shared.events()) {
            if (e instanceof SimEvent.InterceptorLaunched l) {
                assertEquals(CommandNode.TRACK_BLOCK + CommandNode.SYSTEM_OFFSET,
                        l.trackId() - l.trackId() % CommandNode.SYSTEM_OFFSET, "track " + l.trackId());
            }
        }
    }

    @Test
    void engagementStatusKeepsTwoNationsFromFiringAtTheSameThreat() {
        // both nations see everything and each holds a battery that reaches the raid
        List<RadarSpec> radars = List.of(TinyWorlds.radar("RW", 31.45, 34.62), TinyWorlds.radar("RE", 31.46, 34.64));
        World w = TinyWorlds.world(12, 10, radars, List.of(battery("BW", 31.52, 34.67, 20, 0.9),
                battery("BE", 31.51, 34.68, 20, 0.9)));
        List<N> ns = List.of(new N("West", List.of("RW"), List.of("BW")), new N("East", List.of("RE"), List.of("BE")));
        Run informed = run(w, coalition(ns, ALL), true);
        Run blind = run(w, coalition(ns, TRACKS), true);
        int held = informed.nation("West").heldForPartner() + informed.nation("East").heldForPartner();
        assertTrue(held > 0, describe(informed));
        assertEquals(0, blind.nation("West").heldForPartner() + blind.nation("East").heldForPartner());
        assertTrue(informed.summary().interceptorsFired() < blind.summary().interceptorsFired(),
                describe(informed) + " / " + describe(blind));
        assertTrue(informed.events().stream().anyMatch(e -> e instanceof SimEvent.EngagementDecision d
                && d.reason().equals("partner_engaging")));
    }

    @Test
    void aSpoofersFalseTracksAreFlaggedAndDrawNoFireAfterIsolation() {
        // East watches the whole area with its own radar and holds the battery; West lies from 100 s
        List<RadarSpec> radars = List.of(CoalitionPictureTest.shortRange("RW", 31.535, 34.505, 6_000),
                TinyWorlds.radar("RE", 31.52, 34.55));
        World w = TinyWorlds.world(13, 10, radars, List.of(battery("BE", 31.52, 34.68, 40, 0.9)));
        double from = 100;
        // East's radar covers the whole area: West is isolated within a few scans of its first lie
        Coalition spoofed = coalition(List.of(new N("West", List.of("RW"), List.of(), false,
                new Coalition.Compromise(3, from)), new N("East", List.of("RE"), List.of("BE"))), ALL);
        Run r = run(w, spoofed, true);
        Simulation.NationBattle east = r.nation("East");
        assertEquals(List.of("West"), east.isolated(), describe(r));
        assertEquals(1, r.alerts().size());
        double isolated = r.alerts().get(0).time();
        assertTrue(isolated >= from && isolated <= from + 12, "isolated at " + isolated);
        assertEquals(0, east.firedAtFalseAfterAlert(), describe(r));
        // East watches only the town (4 km): the false tracks enter its coverage only near the town, so it
        // fires at them before it can check them, and never after it isolated West
        World near = TinyWorlds.world(13, 10, FAR_AND_NEAR, List.of(battery("BE", 31.52, 34.68, 40, 0.9)));
        Run late = run(near, spoofed, true);
        Simulation.NationBattle fooled = late.nation("East");
        assertEquals(List.of("West"), fooled.isolated(), describe(late));
        assertTrue(fooled.firedAtFalse() > 0, "fired at false tracks before isolation: " + describe(late));
        assertEquals(0, fooled.firedAtFalseAfterAlert(), describe(late));
        // after isolation the picture holds none of West's tracks: nothing more can be fired at them
        double alert = late.alerts().get(0).time();
        for (SimEvent e : late.events()) {
            if (e instanceof SimEvent.InterceptorLaunched l && l.time() > alert) {
                assertTrue(l.threatId() > 0, "after isolation, fired at a track of no threat: " + l);
            }
        }
        // the honest coalition: no alert, nothing fired at a false track
        Run honest = run(w, coalition(List.of(new N("West", List.of("RW"), List.of()),
                new N("East", List.of("RE"), List.of("BE"))), ALL), true);
        assertTrue(honest.alerts().isEmpty(), honest.alerts().toString());
        assertEquals(0, honest.nation("East").firedAtFalse());
    }

    @Test
    void cuttingOneLinkLeavesTheOtherNodesDecisionsUnchanged() {
        // Interceptors that never kill (P_k = 0) leave the truth, hence every radar's detections, the
        // same whatever anyone decides; with tracks shared but not engagement status, a node's decisions
        // then depend only on its own radars and on what reaches it over its incoming links.
        List<RadarSpec> radars = List.of(CoalitionPictureTest.shortRange("RW", 31.535, 34.505, 6_000),
                CoalitionPictureTest.shortRange("RE", 31.525, 34.60, 6_000),
                CoalitionPictureTest.shortRange("RN", 31.56, 34.555, 6_000));
        World w = TinyWorlds.world(14, 8, radars, List.of(battery("BW", 31.53, 34.56, 20, 0.0),
                battery("BE", 31.52, 34.68, 20, 0.0), battery("BN", 31.55, 34.58, 20, 0.0)));
        Coalition c = coalition(List.of(new N("West", List.of("RW"), List.of("BW")),
                new N("East", List.of("RE"), List.of("BE")), new N("North", List.of("RN"), List.of("BN"))), TRACKS);
        List<Coalition.Link> cut = new ArrayList<>();
        for (Coalition.Link l : c.links()) {
            cut.add(l.from().equals("West") && l.to().equals("East")
                    ? new Coalition.Link(l.from(), l.to(), l.spec().withOutages(List.of(new LinkSpec.Outage(0, 1e6))))
                    : l);
        }
        Run whole = run(w, c, true);
        Run broken = run(w, c.withLinks(cut), true);
        for (int node = 0; node < 3; node++) {
            List<String> before = decisions(whole, node);
            List<String> after = decisions(broken, node);
            assertTrue(!before.isEmpty(), "node " + node + " decided nothing");
            if (node == 1) {
                assertNotEquals(before, after, "East lost West's tracks");
            } else {
                assertEquals(before, after, "node " + node);
            }
        }
        assertEquals(whole.nation("West"), broken.nation("West"));
        assertEquals(whole.nation("North"), broken.nation("North"));
    }

    /** A node's decisions and assessments, as text, from the events (its published numbers). */
    static List<String> decisions(Run r, int node) {
        List<String> out = new ArrayList<>();
        for (SimEvent e : r.events()) {
            if (e instanceof SimEvent.EngagementDecision d && d.trackId() / CommandNode.TRACK_BLOCK == node) {
                out.add(d.toString());
            } else if (e instanceof SimEvent.Assessed a && a.trackId() / CommandNode.TRACK_BLOCK == node) {
                out.add(a.toString());
            } else if (e instanceof SimEvent.InterceptorLaunched l && l.trackId() / CommandNode.TRACK_BLOCK == node) {
                out.add(l.time() + " " + l.battery() + " " + l.trackId() + " " + l.threatId());
            }
        }
        return out;
    }

    @Test
    void theLeadAssignsItsPartnersEffectorsOnItsOwnPicture() {
        // West leads and sees the launches; East's battery has no radar of its own that sees the raid
        List<RadarSpec> radars = List.of(TinyWorlds.radar("RW", 31.45, 34.62),
                CoalitionPictureTest.shortRange("RE", 31.40, 34.75, 3_000));
        World w = TinyWorlds.world(15, 8, radars, List.of(battery("BE", 31.52, 34.68, 20, 0.9)));
        List<N> led = List.of(new N("West", List.of("RW"), List.of(), true, null),
                new N("East", List.of("RE"), List.of("BE")));
        List<N> each = List.of(new N("West", List.of("RW"), List.of()), new N("East", List.of("RE"), List.of("BE")));
        Run withLead = run(w, coalition(led, ALL), false);
        Run without = run(w, coalition(each, ALL), false);
        assertEquals(0, without.summary().interceptorsFired(), describe(without));
        assertTrue(withLead.summary().interceptorsFired() > 0, describe(withLead));
        assertEquals(withLead.summary().interceptorsFired(), withLead.nation("East").interceptors());
        for (SimEvent e : withLead.events()) {
            if (e instanceof SimEvent.InterceptorLaunched l) {
                assertEquals(0, l.trackId() / CommandNode.TRACK_BLOCK, "ordered by West's node");
            }
        }
        assertTrue(withLead.summary().intercepted() > without.summary().intercepted());
    }

    @Test
    void oneNationIsTheSimulationWithoutACoalition() {
        World w = TinyWorlds.world(16, 6);
        Coalition one = Coalition.single(w);
        List<SimEvent> plain = TinyWorlds.events(w);
        Simulation sim = new Simulation(w, one, true);
        List<SimEvent> events = new ArrayList<>();
        sim.bus().subscribe(events::add);
        sim.run(ProgressListener.NONE);
        assertEquals(plain, events);
        assertEquals(1, sim.nations().size());
    }
}
