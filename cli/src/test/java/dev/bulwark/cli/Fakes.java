package dev.bulwark.cli;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.SimEvent;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.track.TrackerSettings;
import dev.bulwark.scenario.LoadedScenario;
import dev.bulwark.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Stand-ins for the scenario loader and the engine, so the command is tested without a real simulation. */
final class Fakes {

    private Fakes() {
    }

    static final GeodeticPoint ORIGIN = GeodeticPoint.ofDegrees(31.5, 34.55, 0);

    /** An empty world of an hour: the fake engine does not look inside. */
    static World world(long seed) {
        return new World("Fake front", ORIGIN, seed, 3600, EarthModel.WGS84, List.of(), List.of(), List.of(),
                List.of(), Doctrine.DEFAULT, TrackerSettings.DEFAULT);
    }

    /** A loader that accepts any existing file and returns {@link #world}. */
    static final Bulwark.Scenarios LOADER = file -> new LoadedScenario(file, world(11), "fake");

    /** A summary that depends on the seed only through the seed field. */
    static RunSummary summary(long seed) {
        Map<String, Integer> leaks = new LinkedHashMap<>();
        leaks.put("Sderot", 1);
        leaks.put("Netivot", 0);
        leaks.put("Barzilai hospital", 0);
        Map<String, Integer> batteries = new LinkedHashMap<>();
        batteries.put("battery-north", 9);
        batteries.put("battery-south", 12);
        return new RunSummary("Fake front", seed, 1200, 40, 1160, 19, 17, leaks, 1158, 2, 21, 1_050_000.0, 900_000.0,
                0, Map.of("no_stock", 3, "never_tracked", 1), batteries, 123_456L, 52);
    }

    /** An engine that publishes a few events, whose values depend on the seed, and reports progress. */
    static final Bulwark.Engine ENGINE = (world, recorder, progress) -> {
        double jitter = (world.seed() % 1000) * 1e-6;
        List<SimEvent> events = List.of(
                new SimEvent.ThreatLaunched(1, 1, "r", "qassam", "rocket_artillery_mortar", ORIGIN, ORIGIN,
                        GeodeticPoint.ofDegrees(31.52 + jitter, 34.6, 0), 40, "Sderot"),
                new SimEvent.Impact(40, 1, GeodeticPoint.ofDegrees(31.52 + jitter, 34.6, 0), "Sderot", "residential"));
        for (SimEvent e : events) {
            if (recorder != null) {
                recorder.on(e);
            }
            progress.onProgress(e.time(), world.durationS());
        }
        return summary(world.seed());
    };

    /** A scenario file that exists (the fake loader ignores its content). */
    static Path scenarioFile(Path dir) throws java.io.IOException {
        return Files.writeString(dir.resolve("fake.yaml"), "bulwark: 1\n");
    }

    static Bulwark.Environment env(Bulwark.Engine engine, boolean terminal, boolean debug) {
        AtomicLong clock = new AtomicLong();
        // Each reading of the clock advances it by 0.3 s, so a progress bar would draw.
        return new Bulwark.Environment(LOADER, engine, terminal, debug, () -> clock.addAndGet(300_000_000L));
    }

    static Bulwark.Environment realLoader(Bulwark.Engine engine) {
        return new Bulwark.Environment(ScenarioLoader::load, engine, false, false, System::nanoTime);
    }

    /** The outcome of one in-process invocation. */
    record Result(int status, String out, String err) {
    }

    static Result run(Bulwark.Environment env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = env == null ? Bulwark.execute(args, o, e) : Bulwark.execute(args, o, e, env);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
