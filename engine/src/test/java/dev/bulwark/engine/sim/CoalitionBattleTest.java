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

    @Test
    void explore() {
        // West sees the launches from afar; East holds the battery and a short radar over the town
        List<RadarSpec> radars = List.of(CoalitionPictureTest.shortRange("RW", 31.535, 34.505, 6_000),
                CoalitionPictureTest.shortRange("RE", 31.525, 34.60, 4_000));
        World w = TinyWorlds.world(11, 12, radars, List.of(battery("BE", 31.52, 34.68, 20, 0.9)));
        Coalition c = coalition(List.of(new N("West", List.of("RW"), List.of()),
                new N("East", List.of("RE"), List.of("BE"))), ALL);
        System.out.println("shared " + describe(run(w, c, true)));
        System.out.println("alone  " + describe(run(w, c, false)));
        World w0 = TinyWorlds.world(11, 12, radars, List.of(battery("BE", 31.52, 34.68, 20, 0.0)));
        System.out.println("shared pk0 " + describe(run(w0, c, true)));
        System.out.println("picture " + new CoalitionPicture(w, c).run(ProgressListener.NONE).alerts());
        System.out.println("single " + describe(new Run(new Simulation(w).run(ProgressListener.NONE), List.of(),
                List.of(), List.of())));
    }
}
