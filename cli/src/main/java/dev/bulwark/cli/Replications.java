package dev.bulwark.cli;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.RandomStreams;
import dev.bulwark.engine.sim.World;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs replications of worlds in parallel: each replication on one thread, deterministic for
 * its seed, so the results do not depend on the number of threads or the order in which
 * replications finish.
 *
 * <p>Seeds: replication 0 runs on the base seed itself (so it is the run {@code bulwark run}
 * makes), replication i &gt; 0 on a seed mixed from the base seed and i
 * ({@link RandomStreams#combine}). Comparisons run replication i of every scenario on the same
 * seed: common random numbers.
 */
final class Replications {

    private Replications() {
    }

    /** The seed of replication i from a base seed. */
    static long seed(long base, int i) {
        return i == 0 ? base : RandomStreams.combine(base, i, 0x4d43L);
    }

    /** The seeds of replications 0 .. runs − 1. */
    static long[] seeds(long base, int runs) {
        long[] out = new long[runs];
        for (int i = 0; i < runs; i++) {
            out[i] = seed(base, i);
        }
        return out;
    }

    /**
     * Runs every world on every seed: for each replication i, each world in turn on seed i.
     *
     * @param engine   how one world is run
     * @param worlds   the worlds (one for a study, two for a comparison)
     * @param seeds    one seed per replication
     * @param threads  how many replications run at once
     * @param progress told of the replications done (as {@code onProgress(done, total)})
     * @return {@code result[w][i]}: world w's summary in replication i
     */
    static RunSummary[][] run(Bulwark.Engine engine, List<World> worlds, long[] seeds, int threads,
            ProgressListener progress) throws InterruptedException {
        int total = seeds.length * worlds.size();
        RunSummary[][] out = new RunSummary[worlds.size()][seeds.length];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "bulwark-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                for (int w = 0; w < worlds.size(); w++) {
                    int wi = w;
                    int ii = i;
                    futures.add(pool.submit(() -> {
                        out[wi][ii] = engine.run(worlds.get(wi).withSeed(seeds[ii]), null, ProgressListener.NONE);
                        int n = done.incrementAndGet();
                        synchronized (progress) {
                            progress.onProgress(n, total);
                        }
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
