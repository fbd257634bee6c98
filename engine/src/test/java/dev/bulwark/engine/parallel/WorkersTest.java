package dev.bulwark.engine.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void everyItemIsDoneOnceByAWorkerOfTheSet() {
        for (int threads : new int[] {1, 2, 3}) {
            try (Workers w = new Workers(threads)) {
                for (int n : new int[] {0, 1, 5, 16, 17, 1000}) {
                    for (int block : new int[] {1, 4, 16}) {
                        AtomicIntegerArray done = new AtomicIntegerArray(n);
                        Set<Integer> seen = ConcurrentHashMap.newKeySet();
                        w.forEach(n, block, (worker, i) -> {
                            done.incrementAndGet(i);
                            seen.add(worker);
                        });
                        for (int i = 0; i < n; i++) {
                            assertThat(done.get(i)).as("item %d of %d, block %d, %d threads", i, n, block, threads)
                                    .isEqualTo(1);
                        }
                        assertThat(seen).allSatisfy(x -> assertThat(x).isBetween(0, threads - 1));
                        if (n <= block) {
                            assertThat(seen).isSubsetOf(0);
                        }
                    }
                }
            }
        }
    }

    @Test
    void manyBatchesInARowAreEachDoneCompletely() {
        // the hand-over from one batch to the next, 5,000 times
        try (Workers w = new Workers(3)) {
            for (int batch = 0; batch < 5000; batch++) {
                int n = 1 + batch % 23;
                AtomicIntegerArray done = new AtomicIntegerArray(n);
                w.forEach(n, 1, (worker, i) -> done.incrementAndGet(i));
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += done.get(i);
                }
                assertThat(sum).as("batch %d", batch).isEqualTo(n);
            }
        }
    }

    @Test
    void theHelpersShareTheWork() throws Exception {
        // with items that wait, a second worker must take some of them
        try (Workers w = new Workers(2)) {
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            w.forEach(40, 1, (worker, i) -> {
                seen.add(worker);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(seen).containsExactlyInAnyOrder(0, 1);
        }
    }

    @Test
    void aFailingTaskFailsTheBatchAndTheWorkersStayUsable() {
        try (Workers w = new Workers(2)) {
            assertThatThrownBy(() -> w.forEach(100, 1, (worker, i) -> {
                if (i == 57) {
                    throw new ArithmeticException("item 57");
                }
            })).satisfiesAnyOf(
                    e -> assertThat(e).isInstanceOf(ArithmeticException.class).hasMessage("item 57"),
                    e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                            .hasCauseInstanceOf(ArithmeticException.class));
            AtomicIntegerArray done = new AtomicIntegerArray(10);
            w.forEach(10, 1, (worker, i) -> done.incrementAndGet(i));
            for (int i = 0; i < 10; i++) {
                assertThat(done.get(i)).isEqualTo(1);
            }
        }
    }

    @Test
    void afterCloseABatchRunsInTheCallingThread() {
        Workers w = new Workers(2);
        w.close();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        w.forEach(100, 1, (worker, i) -> seen.add(worker));
        assertThat(seen).containsExactly(0);
        assertThatThrownBy(() -> new Workers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.forEach(3, 0, (worker, i) -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
