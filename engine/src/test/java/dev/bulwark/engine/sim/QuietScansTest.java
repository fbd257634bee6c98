package dev.bulwark.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sensor.RadarSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scans with nothing in the air and no track take a short way, and run up to the next launch at
 * once (Simulation.skipQuietScans): every event, in order, and the summary are the same as scan
 * by scan.
 */
class QuietScansTest {

    private record Run(List<SimEvent> events, RunSummary summary) {
    }

    private static Run run(World world, boolean skip) {
        Simulation sim = new Simulation(world).skippingQuietScans(skip);
        List<SimEvent> events = new ArrayList<>();
        sim.bus().subscribe(events::add);
        RunSummary summary = sim.run(ProgressListener.NONE);
        return new Run(events, summary);
    }

    private static void assertSameRun(World world) {
        Run slow = run(world, false);
        Run fast = run(world, true);
        assertThat(fast.events()).isEqualTo(slow.events());
        assertThat(fast.summary()).isEqualTo(slow.summary());
        assertThat(slow.events()).anyMatch(e -> e instanceof SimEvent.TrackingQuality);
    }

    private static RadarSpec radar(String name, double lat, double lon, double revisit, double falseAlarms) {
        return new RadarSpec(name, GeodeticPoint.ofDegrees(lat, lon, 0), 500, 100_000, Math.toRadians(0.5),
                Math.toRadians(80), revisit, 60_000, falseAlarms, 15, 0.002, 0.002);
    }

    @Test
    void oneRadarBetweenLaunches() {
        // the tiny raid fires a round every 30 s: most scans between them see nothing
        assertSameRun(TinyWorlds.world(11, 6));
    }

    @Test
    void twoRadarsThatNeverScanTogether() {
        World base = TinyWorlds.world(12, 6);
        assertSameRun(TinyWorlds.world(12, 6,
                List.of(radar("R1", 31.45, 34.62, 1.0, 0), radar("R2", 31.60, 34.60, 1.0, 0)), base.batteries()));
    }

    @Test
    void twoRadarsThatSometimesScanTogether() {
        // revisits of 1 s and 2 s from phases 0 and 1 s meet every 2 s: skipped one scan at a time
        World base = TinyWorlds.world(13, 6);
        assertSameRun(TinyWorlds.world(13, 6,
                List.of(radar("R1", 31.45, 34.62, 1.0, 0), radar("R2", 31.60, 34.60, 2.0, 0)), base.batteries()));
    }

    @Test
    void falseAlarmsKeepEveryScan() {
        World base = TinyWorlds.world(14, 4);
        assertSameRun(TinyWorlds.world(14, 4,
                List.of(radar("R1", 31.45, 34.62, 1.0, 0.5), radar("R2", 31.60, 34.60, 1.0, 0)), base.batteries()));
    }
}
