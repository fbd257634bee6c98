package dev.bulwark.bench;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.RandomStreams;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.engine.sim.World;
import dev.bulwark.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * CPU time of one Monte Carlo replication (issue 6): runs a scenario's replications one after
 * another on one thread, on the seeds {@code bulwark montecarlo} gives them, and prints the
 * thread CPU time of each after a warm-up (the JIT and the interceptor's once-per-JVM tables),
 * with a hash of the summaries so that two builds can be checked for the same results.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.bulwark.bench.ReplicationCpu FILE
 * [WARMUP [RUNS]]} (defaults 4 and 12). Thread CPU time, not wall time: on a shared machine the
 * wall clock says more about the other processes than about this one.
 */
public final class ReplicationCpu {

    private ReplicationCpu() {
    }

    /** Runs the measurement; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReplicationCpu FILE [WARMUP [RUNS]]");
            System.exit(2);
        }
        World world = ScenarioLoader.load(Path.of(args[0])).world();
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long base = world.seed();
        double[] cpu = new double[runs];
        StringBuilder summaries = new StringBuilder();
        for (int i = 0; i < warmup + runs; i++) {
            int r = i % runs;
            // the seeds of bulwark montecarlo's replications (cli Replications.seed)
            long seed = r == 0 ? base : RandomStreams.combine(base, r, 0x4d43L);
            long before = mx.getCurrentThreadCpuTime();
            RunSummary summary = new Simulation(world.withSeed(seed)).run(ProgressListener.NONE);
            long after = mx.getCurrentThreadCpuTime();
            if (i >= warmup) {
                cpu[r] = (after - before) / 1e9;
            }
            if (i < runs) {
                summaries.append(summary).append('\n');
            }
        }
        double[] sorted = cpu.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double c : cpu) {
            sum += c;
        }
        System.out.printf(Locale.ROOT, "%s: %d replications after %d of warm-up, CPU s per replication: mean %.3f,"
                + " median %.3f, min %.3f, max %.3f; summaries hash %08x%n", world.name(), runs, warmup, sum / runs,
                sorted[runs / 2], sorted[0], sorted[runs - 1], summaries.toString().hashCode());
        StringBuilder each = new StringBuilder("by seed:");
        for (double c : cpu) {
            each.append(String.format(Locale.ROOT, " %.3f", c));
        }
        System.out.println(each);
    }
}
