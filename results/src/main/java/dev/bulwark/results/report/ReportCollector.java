package dev.bulwark.results.report;

import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.EventBus;
import dev.bulwark.engine.sim.SimEvent;
import dev.bulwark.engine.sim.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to a run and keeps what the HTML report draws, in compact form: one small record
 * per threat (launch point, predicted impact, outcome and end point), one per intercept
 * attempt, counts per time bin, and each battery's stock changes. Memory grows with the
 * number of threats, interceptors and stock changes, not with plots or decisions, so 10^5
 * events need a few megabytes.
 *
 * <p>Positions are kept as latitude/longitude in degrees (WGS84); times in seconds of
 * simulated time. The time bin is one minute for runs up to three hours, and a whole number
 * of minutes giving at most 180 bins for longer ones ({@link #binS()}).
 *
 * <p>A bus listener must not throw: unknown threat or interceptor ids (which the engine does
 * not produce) are ignored. One owner, not thread-safe.
 */
public final class ReportCollector implements EventBus.Listener {

    /** What became of a threat. */
    public enum Outcome {
        /** Destroyed by an interceptor. */
        INTERCEPTED,
        /** Fell inside a defended area. */
        LEAKED,
        /** Fell in open ground. */
        OPEN_GROUND,
        /** Still in the air when the run ended. */
        IN_FLIGHT
    }

    /** One threat as the report draws it; mutable until its outcome is known. */
    static final class Threat {
        final int id;
        final String raid;
        final String category;
        final double launchTime;
        final double launchLat;
        final double launchLon;
        final double predictedLat;
        final double predictedLon;
        final String boundFor;
        Outcome outcome = Outcome.IN_FLIGHT;
        double endTime = Double.NaN;
        double endLat = Double.NaN;
        double endLon = Double.NaN;
        String area;

        Threat(SimEvent.ThreatLaunched e) {
            id = e.threatId();
            raid = e.raid();
            category = e.category();
            launchTime = e.time();
            launchLat = e.launchPoint().latitudeDegrees();
            launchLon = e.launchPoint().longitudeDegrees();
            predictedLat = e.predictedImpact().latitudeDegrees();
            predictedLon = e.predictedImpact().longitudeDegrees();
            boundFor = e.boundFor();
        }
    }

    /** An interceptor's arrival at its intercept point. */
    record Intercept(double time, int interceptorId, String battery, int threatId, boolean kill, String reason,
            double lat, double lon, double altM) {
    }

    /** A battery's stock from a given time on. */
    record Stock(double time, int ready, int reserve) {
    }

    private final double durationS;
    private final double binS;
    private final int bins;
    private final Map<Integer, Threat> threats = new LinkedHashMap<>();
    private final Map<Integer, GeodeticPoint> aimedAt = new HashMap<>();
    private final List<Intercept> intercepts = new ArrayList<>();
    private final Map<String, List<Stock>> stock = new LinkedHashMap<>();
    private final Map<String, Double> costByBattery = new LinkedHashMap<>();
    final int[] launchesPerBin;
    final int[] interceptorsPerBin;
    final int[] killsPerBin;
    final int[] leaksPerBin;
    final int[] openImpactsPerBin;
    final int[] trueTracksPerBin;
    final int[] falseTracksPerBin;
    private long events;

    /** A collector for a run of {@code world}: its duration sets the time bins, its batteries the stock series. */
    public ReportCollector(World world) {
        this.durationS = world.durationS();
        double minutes = Math.ceil(durationS / 60.0);
        this.binS = minutes <= 180 ? 60.0 : 60.0 * Math.ceil(minutes / 180.0);
        this.bins = Math.max(1, (int) Math.ceil(durationS / binS));
        launchesPerBin = new int[bins];
        interceptorsPerBin = new int[bins];
        killsPerBin = new int[bins];
        leaksPerBin = new int[bins];
        openImpactsPerBin = new int[bins];
        trueTracksPerBin = new int[bins];
        falseTracksPerBin = new int[bins];
        for (BatterySpec b : world.batteries()) {
            List<Stock> series = new ArrayList<>();
            series.add(new Stock(0.0, b.launchers() * b.roundsPerLauncher(), b.reserveRounds()));
            stock.put(b.name(), series);
            costByBattery.put(b.name(), 0.0);
        }
    }

    @Override
    public void on(SimEvent event) {
        events++;
        int bin = bin(event.time());
        if (event instanceof SimEvent.ThreatLaunched e) {
            threats.put(e.threatId(), new Threat(e));
            launchesPerBin[bin]++;
        } else if (event instanceof SimEvent.InterceptorLaunched e) {
            aimedAt.put(e.interceptorId(), e.interceptPoint());
            interceptorsPerBin[bin]++;
            costByBattery.merge(e.battery(), e.costUsd(), Double::sum);
        } else if (event instanceof SimEvent.InterceptOutcome e) {
            GeodeticPoint p = aimedAt.remove(e.interceptorId());
            if (p != null) {
                intercepts.add(new Intercept(e.time(), e.interceptorId(), e.battery(), e.threatId(), e.kill(),
                        e.reason(), p.latitudeDegrees(), p.longitudeDegrees(), p.altitude()));
            }
            Threat t = threats.get(e.threatId());
            if (e.kill() && t != null) {
                killsPerBin[bin]++;
                t.outcome = Outcome.INTERCEPTED;
                t.endTime = e.time();
                if (p != null) {
                    t.endLat = p.latitudeDegrees();
                    t.endLon = p.longitudeDegrees();
                }
            }
        } else if (event instanceof SimEvent.LaserOutcome || event instanceof SimEvent.GunOutcome) {
            // a laser or gun kill ends the threat where it is; the map has no point for it, so its
            // path ends at its predicted impact, drawn as intercepted
            boolean kill = event instanceof SimEvent.LaserOutcome l ? l.kill() : ((SimEvent.GunOutcome) event).kill();
            int threatId = event instanceof SimEvent.LaserOutcome l ? l.threatId()
                    : ((SimEvent.GunOutcome) event).threatId();
            Threat t = threats.get(threatId);
            if (kill && t != null) {
                killsPerBin[bin]++;
                t.outcome = Outcome.INTERCEPTED;
                t.endTime = event.time();
            }
        } else if (event instanceof SimEvent.Impact e) {
            Threat t = threats.get(e.threatId());
            if (e.area() != null) {
                leaksPerBin[bin]++;
            } else {
                openImpactsPerBin[bin]++;
            }
            if (t != null) {
                t.outcome = e.area() != null ? Outcome.LEAKED : Outcome.OPEN_GROUND;
                t.area = e.area();
                t.endTime = e.time();
                t.endLat = e.point().latitudeDegrees();
                t.endLon = e.point().longitudeDegrees();
            }
        } else if (event instanceof SimEvent.StockChanged e) {
            stock.computeIfAbsent(e.battery(), k -> new ArrayList<>()).add(new Stock(e.time(), e.ready(), e.reserve()));
        } else if (event instanceof SimEvent.TrackConfirmed e) {
            if (e.threatId() == 0) {
                falseTracksPerBin[bin]++;
            } else {
                trueTracksPerBin[bin]++;
            }
        }
    }

    private int bin(double time) {
        int b = (int) Math.floor(time / binS);
        return Math.max(0, Math.min(bins - 1, b));
    }

    /** Width of a time bin (s). */
    public double binS() {
        return binS;
    }

    /** Simulated duration of the run (s). */
    public double durationS() {
        return durationS;
    }

    /** Number of events heard. */
    public long events() {
        return events;
    }

    /** Number of threats whose outcome is {@code outcome}. */
    public int count(Outcome outcome) {
        int n = 0;
        for (Threat t : threats.values()) {
            if (t.outcome == outcome) {
                n++;
            }
        }
        return n;
    }

    /** The threats in launch order (live view: the report reads them after the run). */
    Iterable<Threat> threats() {
        return Collections.unmodifiableCollection(threats.values());
    }

    int threatCount() {
        return threats.size();
    }

    List<Intercept> intercepts() {
        return Collections.unmodifiableList(intercepts);
    }

    /** Cost of the interceptors each battery fired (USD), batteries in scenario order. */
    Map<String, Double> costByBattery() {
        return Collections.unmodifiableMap(costByBattery);
    }

    /** Stock series per battery, in scenario order, each starting with the full stock at time 0. */
    Map<String, List<Stock>> stock() {
        return Collections.unmodifiableMap(stock);
    }
}
