package dev.bulwark.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.engine.sim.EventQueue.Ordering;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The schedule's ordering contract: time, then {@link Ordering}, then insertion; never backwards. */
class EventQueueTest {

    /** Runs everything due up to {@code until}. */
    private static void drain(EventQueue queue, double until) {
        while (queue.step(until)) {
            // the actions record themselves
        }
    }

    private static EventQueue.Action label(List<String> log, String name) {
        return now -> log.add(name + "@" + now);
    }

    @Test
    void runsInTimeOrderWhateverTheSchedulingOrder() {
        EventQueue queue = new EventQueue();
        List<String> log = new ArrayList<>();
        queue.schedule(5.0, Ordering.TRUTH, label(log, "c"));
        queue.schedule(1.0, Ordering.REPORTING, label(log, "a"));
        queue.schedule(3.0, Ordering.SENSING, label(log, "b"));
        queue.schedule(7.5, Ordering.DECISION, label(log, "d"));
        assertThat(queue.size()).isEqualTo(4);
        assertThat(queue.nextTime()).isEqualTo(1.0);
        drain(queue, Double.POSITIVE_INFINITY);
        assertThat(log).containsExactly("a@1.0", "b@3.0", "c@5.0", "d@7.5");
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.nextTime()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(queue.now()).isEqualTo(7.5);
    }

    @Test
    void atEqualTimesLowerOrderingRunsFirstThenInsertionOrder() {
        EventQueue queue = new EventQueue();
        List<String> log = new ArrayList<>();
        queue.schedule(2.0, Ordering.REPORTING, label(log, "report"));
        queue.schedule(2.0, Ordering.DECISION, label(log, "decide-1"));
        queue.schedule(2.0, Ordering.EFFECTOR, label(log, "effector"));
        queue.schedule(2.0, Ordering.SENSING, label(log, "scan-1"));
        queue.schedule(2.0, Ordering.DECISION, label(log, "decide-2"));
        queue.schedule(2.0, Ordering.TRUTH, label(log, "truth"));
        queue.schedule(2.0, Ordering.SENSING, label(log, "scan-2"));
        queue.schedule(2.0, Ordering.DECISION, label(log, "decide-3"));
        drain(queue, 2.0);
        assertThat(log).containsExactly("truth@2.0", "scan-1@2.0", "scan-2@2.0", "decide-1@2.0",
                "decide-2@2.0", "decide-3@2.0", "effector@2.0", "report@2.0");
    }

    @Test
    void orderingEnumIsInPipelineOrder() {
        assertThat(Ordering.values()).containsExactly(Ordering.TRUTH, Ordering.SENSING, Ordering.DECISION,
                Ordering.EFFECTOR, Ordering.REPORTING);
    }

    @Test
    void insertionOrderHoldsForManyTiesAndInterleavedTimes() {
        // A binary heap is not stable by itself; the sequence number must make it so. 5 000 actions
        // on 10 instants and 2 orderings, scheduled in random order, must come out sorted by
        // (time, ordering, insertion) exactly.
        EventQueue queue = new EventQueue();
        SplittableRandom random = new SplittableRandom(99);
        List<long[]> expected = new ArrayList<>();
        List<long[]> ran = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int t = random.nextInt(10);
            int o = random.nextInt(2);
            long[] key = {t, o, i};
            expected.add(key);
            queue.schedule(t, o == 0 ? Ordering.SENSING : Ordering.DECISION, now -> ran.add(key));
        }
        expected.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
                : x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[2], y[2]));
        drain(queue, Double.POSITIVE_INFINITY);
        assertThat(ran).containsExactlyElementsOf(expected);
    }

    @Test
    void stepRunsOnlyWhatIsDueAndAdvancesTheClock() {
        EventQueue queue = new EventQueue();
        List<Double> times = new ArrayList<>();
        queue.schedule(1.0, Ordering.TRUTH, times::add);
        queue.schedule(2.0, Ordering.TRUTH, times::add);
        queue.schedule(3.0, Ordering.TRUTH, times::add);

        assertThat(queue.step(0.5)).isFalse();
        assertThat(queue.now()).isZero();
        assertThat(queue.step(2.0)).isTrue();
        assertThat(queue.step(2.0)).isTrue();
        assertThat(queue.step(2.0)).as("the action at 3 s is not due at 2 s").isFalse();
        assertThat(times).containsExactly(1.0, 2.0);
        assertThat(queue.now()).isEqualTo(2.0);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.step(10.0)).isTrue();
        assertThat(queue.step(10.0)).isFalse();
        assertThat(times).containsExactly(1.0, 2.0, 3.0);
        assertThat(queue.now()).as("the clock stays at the last action, not at until").isEqualTo(3.0);
    }

    @Test
    void cannotScheduleInThePast() {
        EventQueue queue = new EventQueue();
        queue.schedule(5.0, Ordering.TRUTH, now -> { });
        queue.step(5.0);
        assertThatThrownBy(() -> queue.schedule(4.999, Ordering.TRUTH, now -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4.999")
                .hasMessageContaining("5.0");
        assertThatThrownBy(() -> queue.schedule(Double.NaN, Ordering.TRUTH, now -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.isEmpty()).isTrue();
        // now itself is allowed, and runs next
        queue.schedule(5.0, Ordering.REPORTING, now -> { });
        assertThat(queue.step(5.0)).isTrue();
    }

    @Test
    void actionsMayScheduleFollowUpsThatRunInOrder() {
        // A radar scan that reschedules itself every 2 s, and a decision at each scan time: the
        // decision (scheduled first) still runs after the scan at the same instant.
        EventQueue queue = new EventQueue();
        List<String> log = new ArrayList<>();
        for (double t = 0; t <= 6; t += 2) {
            queue.schedule(t, Ordering.DECISION, now -> log.add("decide@" + now));
        }
        EventQueue.Action[] scan = new EventQueue.Action[1];
        scan[0] = now -> {
            log.add("scan@" + now);
            if (now + 2 <= 6) {
                queue.schedule(now + 2, Ordering.SENSING, scan[0]);
            }
        };
        queue.schedule(0, Ordering.SENSING, scan[0]);
        drain(queue, 100);
        assertThat(log).containsExactly("scan@0.0", "decide@0.0", "scan@2.0", "decide@2.0", "scan@4.0", "decide@4.0",
                "scan@6.0", "decide@6.0");
    }
}
