package dev.bulwark.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of workers that share a batch of independent items: the calling thread (worker
 * 0) and {@code threads − 1} daemon threads of its own. The items are taken in blocks, in turn, by
 * whichever worker is free, so a slow item does not hold the others up; {@link #forEach} returns
 * once every item is done.
 *
 * <p>Results are the caller's to keep independent of the split: a task writes only the slot of
 * its item and reads only what no other item writes, and each worker may own scratch space (the
 * worker's index is passed to the task for that). A batch of one block or fewer, and any batch
 * with one thread, runs entirely in the calling thread.
 *
 * <p>One batch at a time: {@link #forEach} is not re-entrant and must not be called from two
 * threads at once. The daemon threads do not keep the JVM alive; {@link #close} stops them.
 */
public final class Workers implements AutoCloseable {

    /** The work of one item. */
    @FunctionalInterface
    public interface Task {
        /**
         * Does item {@code item} of the batch.
         *
         * @param worker the worker doing it, from 0 (the calling thread) to {@link #threads()} − 1
         * @param item   the item, from 0 to the batch's size − 1
         */
        void run(int worker, int item);
    }

    /** A single worker: everything in the calling thread. */
    public static final Workers CALLING_THREAD = new Workers(1);

    private final int threads;
    private final ExecutorService helpers;
    private volatile boolean closed;

    /**
     * @param threads number of workers, the calling thread included (at least 1)
     */
    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread, got " + threads);
        }
        this.threads = threads;
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "bulwark-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Number of workers, the calling thread included. */
    public int threads() {
        return threads;
    }

    /**
     * Runs the task on items 0 to n − 1, shared among the workers in blocks of {@code block}
     * consecutive items, and waits for all of them.
     *
     * @param n     number of items
     * @param block items a worker takes at a time (at least 1)
     * @param task  the work of one item
     * @throws IllegalStateException if a task fails (its exception as the cause) or the wait is interrupted
     */
    public void forEach(int n, int block, Task task) {
        if (block < 1) {
            throw new IllegalArgumentException("a block holds at least one item, got " + block);
        }
        if (helpers == null || closed || n <= block) {
            for (int i = 0; i < n; i++) {
                task.run(0, i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>(threads - 1);
        for (int w = 1; w < threads; w++) {
            int worker = w;
            running.add(helpers.submit(() -> blocks(worker, next, n, block, task)));
        }
        RuntimeException failure = null;
        try {
            blocks(0, next, n, block, task);
        } catch (RuntimeException e) {
            failure = e;
            // the other workers stop at their next block
            next.set(n);
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the workers", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = new IllegalStateException("a worker's task failed", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void blocks(int worker, AtomicInteger next, int n, int block, Task task) {
        for (int start = next.getAndAdd(block); start < n; start = next.getAndAdd(block)) {
            int end = Math.min(n, start + block);
            for (int i = start; i < end; i++) {
                task.run(worker, i);
            }
        }
    }

    /** Stops the daemon threads; a batch after this runs in the calling thread alone. */
    @Override
    public void close() {
        closed = true;
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
