package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.SimEvent;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mixed example runs every flight model of the catalogue in one simulation: rockets, drones
 * on a route and ballistic missiles each fly their own model, every threat has one outcome, and
 * the flights have the durations and heights their public figures imply.
 */
class MixedNightTest {

    private static final List<SimEvent> EVENTS = new ArrayList<>();
    private static RunSummary summary;

    @BeforeAll
    static void runOnce() throws Exception {
        Path root = EndToEndTest.tinyScenario().getParent().getParent();
        Simulation sim = new Simulation(ScenarioLoader.load(root.resolve("scenarios/mixed-night.yaml")).world());
        sim.bus().subscribe(EVENTS::add);
        summary = sim.run(ProgressListener.NONE);
    }

    private static List<SimEvent.ThreatLaunched> launches() {
        return EVENTS.stream().filter(e -> e instanceof SimEvent.ThreatLaunched)
                .map(e -> (SimEvent.ThreatLaunched) e).collect(Collectors.toList());
    }

    @Test
    void everyKindFliesAndEndsOnce() {
        Map<String, Long> byCategory = launches().stream()
                .collect(Collectors.groupingBy(SimEvent.ThreatLaunched::category, Collectors.counting()));
        assertThat(byCategory).containsEntry("rocket_artillery_mortar", 60L).containsEntry("drone", 12L)
                .containsEntry("ballistic_missile", 4L);
        assertThat(summary.launched()).isEqualTo(76);
        assertThat(summary.intercepted() + summary.leaked() + summary.fellInOpenGround()).isEqualTo(76);
        assertThat(summary.inFlightAtEnd()).isZero();
    }

    @Test
    void theGunIsTheLastLayerAndNeverFiresAtTheMissiles() {
        Map<Integer, String> category = launches().stream()
                .collect(Collectors.toMap(SimEvent.ThreatLaunched::threatId, SimEvent.ThreatLaunched::category));
        List<SimEvent.GunEngaged> bursts = EVENTS.stream().filter(e -> e instanceof SimEvent.GunEngaged)
                .map(e -> (SimEvent.GunEngaged) e).collect(Collectors.toList());
        assertThat(bursts).isNotEmpty().allSatisfy(b -> assertThat(category.get(b.threatId()))
                .isNotEqualTo("ballistic_missile"));
        // each burst follows a hand-over from a layer that could not take the threat
        List<SimEvent.Handover> toGun = EVENTS.stream().filter(e -> e instanceof SimEvent.Handover)
                .map(e -> (SimEvent.Handover) e).filter(h -> h.battery().equals("Gun-Ashkelon"))
                .collect(Collectors.toList());
        assertThat(toGun).hasSameSizeAs(bursts);
        assertThat(summary.gunBursts()).isEqualTo(bursts.size());
        assertThat(summary.gunRounds()).isEqualTo(bursts.stream().mapToInt(SimEvent.GunEngaged::rounds).sum());
    }

    @Test
    void dronesFlyTheirRouteAtTheirCruiseSpeed() {
        // ~60 km out to sea, a turn point off the coast, then Ashkelon: 75–90 km at 51.4 m/s (185 km/h)
        for (SimEvent.ThreatLaunched l : launches()) {
            if (l.category().equals("drone")) {
                double minutes = (l.predictedImpactTime() - l.time()) / 60;
                assertThat(minutes).isBetween(75_000 / 51.4 / 60 * 0.95, 90_000 / 51.4 / 60 * 1.05);
                assertThat(l.boundFor()).isEqualTo("Ashkelon");
            }
        }
    }

    @Test
    void ballisticMissilesClimbOutOfTheAtmosphereAndComeDownOnTheirTown() {
        Map<Integer, SimEvent.ThreatLaunched> missiles = new HashMap<>();
        for (SimEvent.ThreatLaunched l : launches()) {
            if (l.category().equals("ballistic_missile")) {
                missiles.put(l.threatId(), l);
                // ~280 km: about 5 minutes
                assertThat((l.predictedImpactTime() - l.time()) / 60).isBetween(4.0, 6.0);
            }
        }
        List<SimEvent.Apogee> apogees = EVENTS.stream().filter(e -> e instanceof SimEvent.Apogee)
                .map(e -> (SimEvent.Apogee) e).filter(a -> missiles.containsKey(a.threatId()))
                .collect(Collectors.toList());
        assertThat(apogees).hasSize(4).allSatisfy(a -> assertThat(a.altitudeM()).isBetween(50_000.0, 100_000.0));
    }
}
