package dev.bulwark.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.sim.RandomStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Latency, bandwidth queueing, outages and random loss of a {@link Link}. */
class LinkTest {

    private static Link link(double latency, double bandwidth, double loss, double maxQueue,
            List<LinkSpec.Outage> outages, long seed) {
        return new Link(new LinkSpec(latency, bandwidth, loss, maxQueue, outages), new RandomStream(seed));
    }

    @Test
    void aFrameArrivesAfterItsSerialisationTimePlusTheLatency() {
        Link l = link(0.25, 8_000, 0, Double.POSITIVE_INFINITY, List.of(), 1);
        assertThat(l.offer(new byte[100], 10)).isEqualTo(Link.Fate.SENT);
        // 800 bits at 8 kbit/s: 0.1 s on the wire
        assertThat(l.receive(10.349)).isEmpty();
        List<Link.Delivery> d = l.receive(10.35);
        assertThat(d).hasSize(1);
        assertThat(d.get(0).arrival()).isCloseTo(10.35, within(1e-12));
    }

    @Test
    void aBurstQueuesBehindTheTransmitterAndTheTailIsDroppedWhenTheQueueIsFull() {
        Link l = link(0.05, 8_000, 0, 0.45, List.of(), 1);
        List<Link.Fate> fates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fates.add(l.offer(new byte[100], 0));
        }
        // frame k waits 0.1 k s; k = 0..4 wait at most 0.4 s, k = 5.. would wait 0.5 s or more
        assertThat(fates.subList(0, 5)).containsOnly(Link.Fate.SENT);
        assertThat(fates.subList(5, 8)).containsOnly(Link.Fate.QUEUE_FULL);
        List<Link.Delivery> d = l.receive(100);
        assertThat(d).hasSize(5);
        for (int k = 0; k < 5; k++) {
            assertThat(d.get(k).arrival()).isCloseTo(0.1 * (k + 1) + 0.05, within(1e-12));
        }
        assertThat(l.count(Link.Fate.QUEUE_FULL)).isEqualTo(3);
        // once the queue has drained, a frame goes straight out again
        l.offer(new byte[100], 1);
        assertThat(l.receive(100).get(0).arrival()).isCloseTo(1.15, within(1e-12));
    }

    @Test
    void nothingGetsThroughAnOutageAndTheLinkComesBackAfterIt() {
        Link l = link(0.1, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY,
                List.of(new LinkSpec.Outage(5, 8)), 1);
        for (int t = 0; t < 12; t++) {
            l.offer(new byte[] {(byte) t}, t);
        }
        List<Integer> delivered = new ArrayList<>();
        for (Link.Delivery d : l.receive(100)) {
            delivered.add((int) d.frame()[0]);
        }
        assertThat(delivered).containsExactly(0, 1, 2, 3, 4, 8, 9, 10, 11);
        assertThat(l.count(Link.Fate.OUTAGE)).isEqualTo(3);
        assertThat(l.up(4.9)).isTrue();
        assertThat(l.up(5)).isFalse();
        assertThat(l.up(8)).isTrue();
    }

    @Test
    void lossFollowsItsProbabilityAndTheSeed() {
        int n = 20_000;
        double p = 0.2;
        boolean[] first = new boolean[n];
        Link a = link(0, Double.POSITIVE_INFINITY, p, Double.POSITIVE_INFINITY, List.of(), 7);
        Link b = link(0, Double.POSITIVE_INFINITY, p, Double.POSITIVE_INFINITY, List.of(), 7);
        Link c = link(0, Double.POSITIVE_INFINITY, p, Double.POSITIVE_INFINITY, List.of(), 8);
        int differ = 0;
        for (int i = 0; i < n; i++) {
            first[i] = a.offer(new byte[1], i) == Link.Fate.LOST;
            assertThat(b.offer(new byte[1], i) == Link.Fate.LOST).isEqualTo(first[i]);
            if ((c.offer(new byte[1], i) == Link.Fate.LOST) != first[i]) {
                differ++;
            }
        }
        // binomial: mean 4,000, standard deviation 56.6; ±5σ
        assertThat(a.count(Link.Fate.LOST)).isBetween(3_717L, 4_283L);
        assertThat(differ).isGreaterThan(n / 10);
    }
}
