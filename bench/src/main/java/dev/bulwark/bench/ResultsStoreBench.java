package dev.bulwark.bench;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.SimEvent;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.engine.sim.World;
import dev.bulwark.results.EventRecorder;
import dev.bulwark.results.ResultsStore;
import dev.bulwark.results.RunParameters;
import dev.bulwark.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Write speed of the results store ({@code results.duckdb}) against the event log
 * ({@code events.jsonl}): runs a scenario once, keeps its events in memory, then times
 * writing them (open, every event, finish with the summary and checkpoint, close) several
 * times, and once more with the events repeated up to at least 100,000. Prints wall times
 * (best and median) and file sizes; the figures go to {@code docs/benchmarks.md}.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.bulwark.bench.ResultsStoreBench
 * scenarios/southern-front.yaml [repetitions]}. Wall-clock timing of a whole write, not JMH:
 * the write is one-shot per run, dominated by DuckDB's native code and the file system.
 */
public final class ResultsStoreBench {

    private ResultsStoreBench() {
    }

    /** Entry point: {@code SCENARIO [REPETITIONS]}. */
    public static void main(String[] args) throws Exception {
        Path scenario = Path.of(args.length > 0 ? args[0] : "scenarios/southern-front.yaml");
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        World world = ScenarioLoader.load(scenario).world();
        Simulation sim = new Simulation(world);
        List<SimEvent> events = new ArrayList<>();
        sim.bus().subscribe(events::add);
        RunSummary summary = sim.run(ProgressListener.NONE);
        RunParameters parameters = new RunParameters(scenario.getFileName().toString(), world.seed(), "bench");
        System.out.printf(Locale.ROOT, "%s: %d events%n", scenario.getFileName(), events.size());
        measure("run's events", events, summary, parameters, repetitions);

        List<SimEvent> many = new ArrayList<>();
        while (many.size() < 100_000) {
            many.addAll(events);
        }
        measure("events repeated", many, summary, parameters, Math.max(3, repetitions / 2));
    }

    private static void measure(String label, List<SimEvent> events, RunSummary summary, RunParameters parameters,
            int repetitions) throws IOException {
        double[] store = new double[repetitions];
        double[] log = new double[repetitions];
        long storeBytes = 0;
        long logBytes = 0;
        for (int r = 0; r < repetitions; r++) {
            Path dir = Files.createTempDirectory("bulwark-store-bench");
            try {
                Path db = dir.resolve(ResultsStore.FILE);
                long t0 = System.nanoTime();
                try (ResultsStore s = ResultsStore.open(db)) {
                    for (SimEvent e : events) {
                        s.on(e);
                    }
                    s.finish(summary, parameters);
                }
                store[r] = (System.nanoTime() - t0) * 1e-9;
                storeBytes = Files.size(db);
                Path jsonl = dir.resolve("events.jsonl");
                t0 = System.nanoTime();
                try (EventRecorder rec = EventRecorder.open(jsonl)) {
                    for (SimEvent e : events) {
                        rec.on(e);
                    }
                }
                log[r] = (System.nanoTime() - t0) * 1e-9;
                logBytes = Files.size(jsonl);
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        java.util.Arrays.sort(store);
        java.util.Arrays.sort(log);
        System.out.printf(Locale.ROOT,
                "%s, %d events, %d repetitions: results.duckdb best %.3f s, median %.3f s, %.1f KiB;"
                        + " events.jsonl best %.3f s, median %.3f s, %.1f KiB%n",
                label, events.size(), repetitions, store[0], store[repetitions / 2], storeBytes / 1024.0, log[0],
                log[repetitions / 2], logBytes / 1024.0);
    }
}
