package dev.bulwark.engine.sim;

import java.util.PriorityQueue;

/**
 * The simulation schedule: actions keyed by (time, ordering, insertion sequence).
 *
 * <p>Ties are broken deterministically: at equal times a lower {@link Ordering} runs first
 * (a radar scan before the battle-management cycle that reads its tracks, say); at equal
 * time and ordering, the action scheduled first runs first. No tie ever depends on object
 * identity or hashing, so a run is reproducible bit for bit.
 *
 * <p>One owner: the {@link Simulation} that runs it. Not thread-safe.
 */
public final class EventQueue {

    /** What runs first among actions at the same instant. Lower runs first. */
    public enum Ordering {
        /** Physical events of the truth: launches, intercepts, impacts. */
        TRUTH,
        /** Sensor scans and the tracker update they feed. */
        SENSING,
        /** Threat evaluation and weapon assignment. */
        DECISION,
        /** Effector bookkeeping: reloads, launches of interceptors. */
        EFFECTOR,
        /** Periodic reporting such as progress. */
        REPORTING
    }

    /** Something to do at a simulated time. */
    @FunctionalInterface
    public interface Action {
        /** Runs the action; {@code now} is the simulated time (s). */
        void run(double now);
    }

    private record Entry(double time, int ordering, long sequence, Action action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Double.compare(time, o.time);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(ordering, o.ordering);
            if (c != 0) {
                return c;
            }
            return Long.compare(sequence, o.sequence);
        }
    }

    private final PriorityQueue<Entry> heap = new PriorityQueue<>();
    private long nextSequence;
    private double now;

    /** Schedules an action at an absolute time (s), not before the current time. */
    public void schedule(double time, Ordering ordering, Action action) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot schedule at " + time + " s, before now (" + now + " s)");
        }
        heap.add(new Entry(time, ordering.ordinal(), nextSequence++, action));
    }

    /** The current simulated time (s): the time of the action running or last run. */
    public double now() {
        return now;
    }

    /** Whether nothing is scheduled. */
    public boolean isEmpty() {
        return heap.isEmpty();
    }

    /** Time of the next action (s), or +∞ if none. */
    public double nextTime() {
        Entry e = heap.peek();
        return e == null ? Double.POSITIVE_INFINITY : e.time;
    }

    /** Number of scheduled actions. */
    public int size() {
        return heap.size();
    }

    /**
     * Runs the next action if it is due at or before {@code until} (s).
     *
     * @return whether an action ran
     */
    public boolean step(double until) {
        Entry e = heap.peek();
        if (e == null || e.time > until) {
            return false;
        }
        heap.poll();
        now = e.time;
        e.action.run(now);
        return true;
    }
}
