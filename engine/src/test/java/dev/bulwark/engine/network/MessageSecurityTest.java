package dev.bulwark.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binary form, HMAC-SHA256 authentication and RFC 4303 anti-replay of coalition messages. */
class MessageSecurityTest {

    private static final LinkKeys KEYS = LinkKeys.fromSeed(42);

    private static List<Message> samples() {
        return List.of(Messages.track(1, 17, 12.5, 4.4e6, 3.1e6, 3.3e6),
                new PlotReport(1, 2, 13.0, new double[] {4.4e6, 3.1e6, 3.3e6}, new double[] {100, 1, 2, 1, 200, 3, 2, 3, 300}),
                new EngagementStatus(1, 17, 14.0, EngagementStatus.State.ENGAGING, 3));
    }

    @Test
    void everyMessageRoundTripsExactlyAndHasItsStatedSize() {
        for (Message m : samples()) {
            byte[] bytes = MessageCodec.encode(m);
            assertThat(bytes).hasSize(MessageCodec.size(m));
            assertThat(MessageCodec.decode(ByteBuffer.wrap(bytes))).isEqualTo(m);
        }
        assertThat(MessageCodec.TRACK_SIZE).isEqualTo(233);
        assertThatThrownBy(() -> MessageCodec.decode(ByteBuffer.wrap(new byte[] {9, 0, 0, 0, 1})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuthenticFrameIsAcceptedOnce() {
        MessageSealer sealer = new MessageSealer(7, 1, KEYS.key(1, 2));
        MessageOpener opener = new MessageOpener(7, 1, KEYS.key(1, 2), 10);
        for (Message m : samples()) {
            byte[] frame = sealer.seal(m);
            MessageOpener.Opened o = opener.open(frame, 15);
            assertThat(o.verdict()).isEqualTo(MessageOpener.Verdict.ACCEPTED);
            assertThat(o.message()).isEqualTo(m);
            assertThat(opener.open(frame, 15).verdict()).isEqualTo(MessageOpener.Verdict.REPLAY);
        }
        assertThat(opener.count(MessageOpener.Verdict.ACCEPTED)).isEqualTo(3);
        assertThat(opener.count(MessageOpener.Verdict.REPLAY)).isEqualTo(3);
        assertThat(opener.rejected()).isEqualTo(3);
    }

    @Test
    void flippingAnyOneBitOfAFrameGetsItRejectedAndCounted() {
        MessageSealer sealer = new MessageSealer(7, 1, KEYS.key(1, 2));
        byte[] frame = sealer.seal(samples().get(0));
        int bits = 8 * frame.length;
        MessageOpener opener = new MessageOpener(7, 1, KEYS.key(1, 2), 10);
        for (int bit = 0; bit < bits; bit++) {
            byte[] tampered = frame.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(opener.open(tampered, 13).verdict()).as("bit %d", bit)
                    .isNotEqualTo(MessageOpener.Verdict.ACCEPTED);
        }
        assertThat(opener.rejected()).isEqualTo(bits);
        // the header is checked before the tag; every flip in the payload or the tag is a bad MAC
        long payloadAndTagBits = 8L * (frame.length - Frame.HEADER);
        assertThat(opener.count(MessageOpener.Verdict.BAD_MAC)).isGreaterThanOrEqualTo(payloadAndTagBits);
        // and the untampered frame still goes through: no forged frame moved the window
        assertThat(opener.open(frame, 13).verdict()).isEqualTo(MessageOpener.Verdict.ACCEPTED);
    }

    @Test
    void theWrongKeyOrAnotherLinksFrameIsRejected() {
        byte[] frame = new MessageSealer(7, 1, KEYS.key(1, 3)).seal(samples().get(0));
        MessageOpener opener = new MessageOpener(7, 1, KEYS.key(1, 2), 10);
        assertThat(opener.open(frame, 13).verdict()).isEqualTo(MessageOpener.Verdict.BAD_MAC);
        byte[] other = new MessageSealer(8, 1, KEYS.key(1, 2)).seal(samples().get(0));
        assertThat(opener.open(other, 13).verdict()).isEqualTo(MessageOpener.Verdict.WRONG_LINK);
        assertThat(KEYS.key(1, 2)).isNotEqualTo(KEYS.key(2, 1)).hasSize(32);
        assertThat(LinkKeys.fromSeed(43).key(1, 2)).isNotEqualTo(KEYS.key(1, 2));
    }

    @Test
    void aPartnerCannotSpeakForAnotherNode() {
        byte[] frame = new MessageSealer(7, 1, KEYS.key(1, 2)).seal(Messages.track(0, 3, 12, 4e6, 3e6, 3e6));
        MessageOpener opener = new MessageOpener(7, 1, KEYS.key(1, 2), 10);
        assertThat(opener.open(frame, 13).verdict()).isEqualTo(MessageOpener.Verdict.MALFORMED);
    }

    @Test
    void lateFramesInsideTheWindowAreAcceptedOlderOnesAreNot() {
        MessageSealer sealer = new MessageSealer(7, 1, KEYS.key(1, 2));
        MessageOpener opener = new MessageOpener(7, 1, KEYS.key(1, 2), 1e9);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            frames.add(sealer.seal(Messages.track(1, i, i, 4e6, 3e6, 3e6)));
        }
        // the newest first, then the others in reverse: the 63 just behind are accepted, the rest are too old
        for (int i = 199; i >= 0; i--) {
            MessageOpener.Verdict v = opener.open(frames.get(i), 200).verdict();
            assertThat(v).as("sequence %d", i + 1).isEqualTo(i >= 200 - ReplayWindow.SIZE
                    ? MessageOpener.Verdict.ACCEPTED : MessageOpener.Verdict.TOO_OLD);
        }
        assertThat(opener.count(MessageOpener.Verdict.TOO_OLD)).isEqualTo(200 - ReplayWindow.SIZE);
        assertThat(opener.open(frames.get(150), 200).verdict()).isEqualTo(MessageOpener.Verdict.REPLAY);
    }

    @Test
    void contentOlderThanTheMaximumAgeIsStaleAndCannotComeBack() {
        MessageSealer sealer = new MessageSealer(7, 1, KEYS.key(1, 2));
        MessageOpener opener = new MessageOpener(7, 1, KEYS.key(1, 2), 5);
        byte[] old = sealer.seal(Messages.track(1, 1, 10, 4e6, 3e6, 3e6));
        assertThat(opener.open(old, 15.5).verdict()).isEqualTo(MessageOpener.Verdict.STALE);
        assertThat(opener.open(old, 10).verdict()).isEqualTo(MessageOpener.Verdict.REPLAY);
        byte[] fresh = sealer.seal(Messages.track(1, 1, 11, 4e6, 3e6, 3e6));
        assertThat(opener.open(fresh, 15.5).verdict()).isEqualTo(MessageOpener.Verdict.ACCEPTED);
        assertThat(opener.count(MessageOpener.Verdict.STALE)).isOne();
    }

    @Test
    void theReplayWindowFollowsRfc4303() {
        ReplayWindow w = new ReplayWindow();
        assertThat(w.check(0)).isEqualTo(ReplayWindow.Verdict.TOO_OLD);
        w.update(5);
        w.update(3);
        assertThat(w.check(3)).isEqualTo(ReplayWindow.Verdict.REPLAY);
        assertThat(w.check(4)).isEqualTo(ReplayWindow.Verdict.NEW);
        w.update(100);
        assertThat(w.check(5)).isEqualTo(ReplayWindow.Verdict.TOO_OLD);
        assertThat(w.check(37)).isEqualTo(ReplayWindow.Verdict.NEW);
        assertThat(w.check(36)).isEqualTo(ReplayWindow.Verdict.TOO_OLD);
        assertThatThrownBy(() -> w.update(100)).isInstanceOf(IllegalStateException.class);
        assertThat(w.highest()).isEqualTo(100);
    }
}
