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

    /** One task of a set of replications: arm {@code arm} on one seed. */
    @FunctionalInterface
    interface Task<R> {
        R run(int arm, long seed);
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
        List<List<RunSummary>> results = run(worlds.size(), seeds, threads, progress,
                (w, seed) -> engine.run(worlds.get(w).withSeed(seed), null, ProgressListener.NONE));
        RunSummary[][] out = new RunSummary[worlds.size()][];
        for (int w = 0; w < out.length; w++) {
            out[w] = results.get(w).toArray(new RunSummary[0]);
        }
        return out;
    }

    /**
     * Runs every arm on every seed: for each replication i, each arm in turn on seed i (common
     * random numbers when there are several arms).
     *
     * @param arms     how many arms (one for a study, two for a comparison)
     * @param seeds    one seed per replication
     * @param threads  how many tasks run at once
     * @param progress told of the tasks done (as {@code onProgress(done, total)})
     * @param task     runs one arm on one seed; deterministic for its arguments
     * @return {@code result.get(a).get(i)}: arm a's result in replication i
     */
    static <R> List<List<R>> run(int arms, long[] seeds, int threads, ProgressListener progress, Task<R> task)
            throws InterruptedException {
        int total = seeds.length * arms;
        Object[][] out = new Object[arms][seeds.length];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "bulwark-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                for (int w = 0; w < arms; w++) {
                    int wi = w;
                    int ii = i;
                    futures.add(pool.submit(() -> {
                        out[wi][ii] = task.run(wi, seeds[ii]);
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
        List<List<R>> results = new ArrayList<>();
        for (Object[] arm : out) {
            List<R> list = new ArrayList<>();
            for (Object o : arm) {
                @SuppressWarnings("unchecked")
                R r = (R) o;
                list.add(r);
            }
            results.add(list);
        }
        return results;
    }
}
