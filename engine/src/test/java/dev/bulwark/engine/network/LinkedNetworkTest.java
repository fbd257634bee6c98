package dev.bulwark.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.sim.RandomStreams;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain policy → seal → link → open of a {@link LinkedNetwork}. */
class LinkedNetworkTest {

    private static final Ellipsoid E = Ellipsoid.WGS84;

    /** Three nodes; node 0 sends to 1 and 2, 1 and 2 send to 0; the link 0 → 1 may be cut. */
    private static LinkedNetwork triangle(long seed, boolean cut01) {
        LinkSpec ok = new LinkSpec(0.2, 1e6, 0.05, Double.POSITIVE_INFINITY, List.of());
        LinkSpec cut = ok.withOutages(List.of(new LinkSpec.Outage(20, 40)));
        SharingPolicy full = SharingPolicy.full(E);
        return new LinkedNetwork(3, LinkKeys.fromSeed(seed), new RandomStreams(seed))
                .connect(0, 1, cut01 ? cut : ok, full, 10)
                .connect(0, 2, ok, full, 10)
                .connect(1, 0, ok, full, 10)
                .connect(2, 0, ok, full, 10);
    }

    private static List<List<Network.Received>> run(LinkedNetwork net) {
        List<List<Network.Received>> heard = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int s = 0; s < 60; s++) {
            for (int n = 0; n < 3; n++) {
                net.send(n, Messages.track(n, 100 + s, s, 4e6 + s, 3e6, 3e6), s);
            }
            for (int n = 0; n < 3; n++) {
                heard.get(n).addAll(net.receive(n, s + 0.5));
            }
        }
        return heard;
    }

    @Test
    void cuttingOneLinkChangesOnlyWhatItsReceiverHears() {
        List<List<Network.Received>> whole = run(triangle(5, false));
        List<List<Network.Received>> cut = run(triangle(5, true));
        assertThat(cut.get(0)).isEqualTo(whole.get(0));
        assertThat(cut.get(2)).isEqualTo(whole.get(2));
        assertThat(cut.get(1)).isNotEqualTo(whole.get(1));
        // node 1 misses exactly what node 0 sent during the outage (frames offered at 20..39 s)
        List<Network.Received> missing = new ArrayList<>(whole.get(1));
        missing.removeAll(cut.get(1));
        assertThat(missing).isNotEmpty().allSatisfy(r -> assertThat(r.message().time()).isBetween(20.0, 39.0));
        assertThat(cut.get(1)).allSatisfy(r -> assertThat(r.message().time() < 20 || r.message().time() > 39).isTrue());
        // and the run is the same bit for bit on the same seed
        assertThat(run(triangle(5, true))).isEqualTo(cut);
    }

    @Test
    void extraDelayHoldsMessagesBackAndWithheldOnesAreCounted() {
        SharingPolicy slow = new SharingPolicy(EnumSet.of(DataKind.TRACKS), 0, 3, List.of(), E);
        LinkedNetwork net = new LinkedNetwork(2, LinkKeys.fromSeed(1), new RandomStreams(1))
                .connect(0, 1, new LinkSpec(0.1, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, List.of()),
                        slow, 10);
        net.send(0, Messages.track(0, 1, 5, 4e6, 3e6, 3e6), 5);
        net.send(0, new EngagementStatus(0, 1, 5, EngagementStatus.State.ASSIGNED, 0), 5);
        assertThat(net.receive(1, 8.09)).isEmpty();
        List<Network.Received> r = net.receive(1, 8.1);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).arrival()).isCloseTo(8.1, within(1e-12));
        assertThat(net.withheld()).isOne();
    }

    @Test
    void framesInjectedOnALinkAreRejectedAtTheFarEndAndCounted() {
        LinkedNetwork net = triangle(9, false);
        net.send(0, Messages.track(0, 1, 1, 4e6, 3e6, 3e6), 1);
        List<Network.Received> first = net.receive(2, 2);
        assertThat(first).hasSize(1);
        // an eavesdropper on 0 → 2 replays what it saw, then a tampered copy, then a frame made with its own key
        byte[] seen = new MessageSealer(net.linkId(0, 2), 0, LinkKeys.fromSeed(9).key(0, 2))
                .seal(Messages.track(0, 1, 1, 4e6, 3e6, 3e6));
        net.link(0, 2).offer(seen, 3);
        // (new sequence numbers, so that the window lets them through to the tag check)
        MessageSealer genuine = new MessageSealer(net.linkId(0, 2), 0, LinkKeys.fromSeed(9).key(0, 2));
        genuine.seal(Messages.track(0, 1, 1, 4e6, 3e6, 3e6));
        byte[] tampered = genuine.seal(Messages.track(0, 1, 3, 4e6, 3e6, 3e6));
        tampered[40] ^= 4;
        net.link(0, 2).offer(tampered, 3);
        MessageSealer forger = new MessageSealer(net.linkId(0, 2), 0, LinkKeys.fromSeed(99).key(0, 2));
        forger.seal(Messages.track(0, 1, 3, 4e6, 3e6, 3e6));
        forger.seal(Messages.track(0, 1, 3, 4e6, 3e6, 3e6));
        net.link(0, 2).offer(forger.seal(Messages.track(0, 1, 3, 4e6, 3e6, 3e6)), 3);
        assertThat(net.receive(2, 5)).isEmpty();
        assertThat(net.opener(0, 2).count(MessageOpener.Verdict.REPLAY)).isOne();
        assertThat(net.opener(0, 2).count(MessageOpener.Verdict.BAD_MAC)).isEqualTo(2);
        assertThat(net.rejected(2)).isEqualTo(3);
        assertThat(net.rejected(1)).isZero();
    }
}
