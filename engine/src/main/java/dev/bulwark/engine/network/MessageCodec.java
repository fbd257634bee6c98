package dev.bulwark.engine.network;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The binary form of a {@link Message}: big-endian (network byte order), fixed layout per type,
 * so that a message can be authenticated byte for byte and its size gives its serialisation
 * time on a link.
 *
 * <pre>
 *   all:        type (1 byte: 1 track, 2 plot, 3 engagement) | source (int) | time (double)
 *   track:      local track (int) | state (6 doubles) | covariance upper triangle, row by row (21 doubles)
 *   plot:       sensor (int) | position (3 doubles) | covariance upper triangle (6 doubles)
 *   engagement: local track (int) | state ordinal (1 byte) | effector (int)
 * </pre>
 *
 * <p>Covariances are symmetric, so only the upper triangle travels; the lower is mirrored on
 * decoding. Doubles are IEEE 754 bit patterns, so a round trip is exact.
 *
 * <p>Sizes: track 233 bytes, plot 89 bytes, engagement 22 bytes. Link 16's J3.5 track message
 * is far smaller (a few 75-bit words) because it quantises; Bulwark coarsens positions by
 * policy instead ({@link SharingPolicy}) and keeps the full-precision layout.
 */
public final class MessageCodec {

    private static final byte TRACK = 1;
    private static final byte PLOT = 2;
    private static final byte ENGAGEMENT = 3;

    private static final int HEADER = 1 + 4 + 8;

    /** Encoded size of a track report (bytes). */
    public static final int TRACK_SIZE = HEADER + 4 + 6 * 8 + 21 * 8;
    /** Encoded size of a plot report (bytes). */
    public static final int PLOT_SIZE = HEADER + 4 + 3 * 8 + 6 * 8;
    /** Encoded size of an engagement status (bytes). */
    public static final int ENGAGEMENT_SIZE = HEADER + 4 + 1 + 4;

    private MessageCodec() {
    }

    /** Encoded size of a message (bytes). */
    public static int size(Message m) {
        if (m instanceof TrackReport) {
            return TRACK_SIZE;
        }
        return m instanceof PlotReport ? PLOT_SIZE : ENGAGEMENT_SIZE;
    }

    /** The message as a new byte array. */
    public static byte[] encode(Message m) {
        ByteBuffer b = ByteBuffer.allocate(size(m));
        encode(m, b);
        return b.array();
    }

    /** Writes a message at the buffer's position (which advances by {@link #size}). */
    public static void encode(Message m, ByteBuffer b) {
        if (m instanceof TrackReport t) {
            b.put(TRACK).putInt(t.source()).putDouble(t.time()).putInt(t.localTrack());
            for (int i = 0; i < 6; i++) {
                b.putDouble(t.state(i));
            }
            for (int i = 0; i < 6; i++) {
                for (int j = i; j < 6; j++) {
                    b.putDouble(t.covariance(i, j));
                }
            }
        } else if (m instanceof PlotReport p) {
            b.put(PLOT).putInt(p.source()).putDouble(p.time()).putInt(p.sensor());
            double[] z = p.position();
            double[] r = p.covariance();
            for (int i = 0; i < 3; i++) {
                b.putDouble(z[i]);
            }
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    b.putDouble(r[3 * i + j]);
                }
            }
        } else {
            EngagementStatus e = (EngagementStatus) m;
            b.put(ENGAGEMENT).putInt(e.source()).putDouble(e.time()).putInt(e.localTrack())
                .put((byte) e.state().ordinal()).putInt(e.effector());
        }
    }

    /**
     * Reads one message from the buffer's position.
     *
     * @throws IllegalArgumentException if the bytes are not a message (unknown type, too short,
     *                                  a value out of range)
     */
    public static Message decode(ByteBuffer b) {
        try {
            byte type = b.get();
            int source = b.getInt();
            double time = b.getDouble();
            return switch (type) {
                case TRACK -> {
                    int local = b.getInt();
                    double[] x = new double[6];
                    for (int i = 0; i < 6; i++) {
                        x[i] = b.getDouble();
                    }
                    double[] p = new double[36];
                    for (int i = 0; i < 6; i++) {
                        for (int j = i; j < 6; j++) {
                            p[6 * i + j] = p[6 * j + i] = b.getDouble();
                        }
                    }
                    yield new TrackReport(source, local, time, x, p);
                }
                case PLOT -> {
                    int sensor = b.getInt();
                    double[] z = new double[3];
                    for (int i = 0; i < 3; i++) {
                        z[i] = b.getDouble();
                    }
                    double[] r = new double[9];
                    for (int i = 0; i < 3; i++) {
                        for (int j = i; j < 3; j++) {
                            r[3 * i + j] = r[3 * j + i] = b.getDouble();
                        }
                    }
                    yield new PlotReport(source, sensor, time, z, r);
                }
                case ENGAGEMENT -> {
                    int local = b.getInt();
                    int state = b.get();
                    int effector = b.getInt();
                    EngagementStatus.State[] states = EngagementStatus.State.values();
                    if (state < 0 || state >= states.length) {
                        throw new IllegalArgumentException("unknown engagement state " + state);
                    }
                    yield new EngagementStatus(source, local, time, states[state], effector);
                }
                default -> throw new IllegalArgumentException("unknown message type " + type);
            };
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("message truncated", e);
        }
    }
}
