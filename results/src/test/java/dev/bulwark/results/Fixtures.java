package dev.bulwark.results;

import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.SimEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built events and summaries, so that the results module is tested without running the engine. */
final class Fixtures {

    private Fixtures() {
    }

    static final GeodeticPoint GAZA = GeodeticPoint.ofDegrees(31.5017, 34.4668, 0);
    static final GeodeticPoint SDEROT = GeodeticPoint.ofDegrees(31.5250, 34.5965, 0);

    /** One event of every kind, in time order, with a given seed-like variation. */
    static List<SimEvent> events(double jitter) {
        return List.of(
                new SimEvent.ThreatLaunched(10.0, 1, "north-1", "qassam", "rocket_artillery_mortar", GAZA, SDEROT,
                        GeodeticPoint.ofDegrees(31.52501234 + jitter, 34.59651111, 0.004), 52.123456, "Sderot"),
                new SimEvent.EnvelopeEntered(12.5, 1, "battery-south", 41.0),
                new SimEvent.TrackConfirmed(14.5, 1, 1, GeodeticPoint.ofDegrees(31.51, 34.5, 1234.5678)),
                new SimEvent.EngagementDecision(15.0, 1, 1, "engage", "engaged", "Sderot", 0.987654321),
                new SimEvent.InterceptorLaunched(15.25, 1, "battery-south", 1, 1,
                        GeodeticPoint.ofDegrees(31.52, 34.58, 3000.0), 30.0004999, 50_000.0),
                new SimEvent.StockChanged(15.25, "battery-south", 19, 40),
                new SimEvent.Apogee(29.0, 1, 7123.456),
                new SimEvent.InterceptOutcome(30.0, 1, "battery-south", 1, true, 2.345678, "kill"),
                new SimEvent.TrackDropped(31.0, 1, "destroyed"),
                new SimEvent.Impact(45.0, 2, GeodeticPoint.ofDegrees(31.4, 34.3, -0.0), null, null),
                new SimEvent.StockOut(46.0, "battery-south"),
                new SimEvent.Resupplied(60.0, "battery-south", 40, 0, 40),
                new SimEvent.LaserEngaged(61.0, "beam-1", 4, 3, 62.0, 65.5, 3.0),
                new SimEvent.LaserOutcome(65.5, "beam-1", 3, true, 1.0234567, "kill"),
                new SimEvent.TrackingQuality(70.0, 60.0, 20, 512.34567, 23.456789, 0.5, 0.25, 31.4159265),
                new SimEvent.Assessed(71.0, 5, 0, GeodeticPoint.ofDegrees(31.53, 34.55, 812.25), 281.5, -3.25, -12.5,
                        23.5, SDEROT, 84.75, 512.5, 201.25, 93.5, 0.734375, "Sderot", 73.4375),
                new SimEvent.Handover(72.0, 5, 0, "battery-south", 0, 1, "laser_cannot_finish", 0),
                new SimEvent.GunEngaged(73.0, "gun-1", 6, 4, 75.0, 76.0, 76.8125, 812.5, 75, 0.81234567, 2_250.0),
                new SimEvent.GunOutcome(76.8125, "gun-1", 4, true, 805.25, 0.80123456, "kill"));
    }

    static RunSummary summary() {
        Map<String, Integer> leaks = new LinkedHashMap<>();
        leaks.put("Sderot", 1);
        leaks.put("Netivot, west", 0);
        leaks.put("Ashkelon", 2);
        Map<String, Integer> reasons = new LinkedHashMap<>();
        reasons.put("no_stock", 2);
        reasons.put("never_tracked", 1);
        reasons.put("zz_future_reason", 1);
        Map<String, Integer> batteries = new LinkedHashMap<>();
        batteries.put("battery-south", 7);
        batteries.put("battery-north", 3);
        return new RunSummary("southern-front", 7, 120, 30, 90, 27, 24, leaks, 88, 2, 10, 500_000.0, 96_000.0,
                0, reasons, batteries, 12_345L, 118, 4, 12.0, 3, 225, 6_750.0, new RunSummary.Tracking(110, 6.54321, 3, 1, 87.654321, 24.681357));
    }

    static RunParameters parameters() {
        return new RunParameters("southern-front.yaml", 7, "0.1.0-TEST");
    }
}
