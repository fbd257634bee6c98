package dev.bulwark.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.EventBus;
import dev.bulwark.engine.sim.SimEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes every {@link SimEvent} it hears as one JSON object per line: the event log
 * {@code events.jsonl}.
 *
 * <p>Each line holds {@code t} (the event time, s), {@code kind}, then the event record's
 * components in declaration order, their names turned to snake case ({@code threatId} →
 * {@code threat_id}). Values are written so that the file is stable and readable:
 * <ul>
 *   <li>a {@link GeodeticPoint} becomes {@code {"lat_deg", "lon_deg", "alt_m"}}, with angles
 *       to 1e-7 degree (about 1 cm) and heights to 0.01 m;</li>
 *   <li>other doubles are rounded by the unit their name ends with: times ({@code time},
 *       {@code ...Time}, {@code ...S}) to 1e-3 s; metres ({@code ...M}), m/s
 *       ({@code ...Mps}) and US dollars ({@code ...Usd}) to 0.01; probabilities
 *       ({@code probability}, {@code ...Probability}) to 1e-4; degrees ({@code ...Deg}) to
 *       1e-7; anything else to 1e-6;</li>
 *   <li>enums become their lower-case name, nested records nested objects, absent values
 *       {@code null}, and NaN or infinite doubles {@code null};</li>
 *   <li>lines end with {@code \n}, the text is UTF-8.</li>
 * </ul>
 * Events carry no wall-clock time, so the same run gives the same bytes.
 *
 * <p>The layout of every event kind is worked out once, when the recorder is made, from the
 * permitted subclasses of {@link SimEvent}; a component of a type the recorder cannot write
 * is reported there rather than in the middle of a run.
 *
 * <p>A bus listener must not throw, so a write failure is remembered, further events are
 * dropped, and the failure is thrown by {@link #close()}. One owner, not thread-safe.
 */
public final class EventRecorder implements EventBus.Listener, AutoCloseable {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator generator;
    private final Map<Class<?>, ObjectLayout> layouts = new HashMap<>();
    private long count;
    private IOException failure;
    private boolean closed;

    /**
     * A recorder writing to {@code out}; {@link #close()} closes it.
     *
     * @throws IllegalStateException if some event kind has a component the recorder cannot write
     */
    public EventRecorder(Writer out) {
        for (Class<?> kind : SimEvent.class.getPermittedSubclasses()) {
            layouts.put(kind, layoutOf(kind, kind.getSimpleName(), true));
        }
        try {
            this.generator = JSON.createGenerator(out);
            // No separator between root values: each line ends with our own '\n' instead.
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorder writing a new UTF-8 file (replacing any file of that name). */
    public static EventRecorder open(Path file) throws IOException {
        return new EventRecorder(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    @Override
    public void on(SimEvent event) {
        if (failure != null || closed) {
            return;
        }
        ObjectLayout layout = layouts.get(event.getClass());
        if (layout == null) {
            // Not reachable while SimEvent is sealed; kept so that a new kind fails loudly.
            failure = new IOException("no layout for event " + event.getClass().getName());
            return;
        }
        try {
            generator.writeStartObject();
            generator.writeFieldName("t");
            writeRounded(event.time(), 3);
            generator.writeStringField("kind", event.kind());
            layout.writeFields(this, event);
            generator.writeEndObject();
            generator.writeRaw('\n');
            count++;
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Number of events written so far. */
    public long count() {
        return count;
    }

    /**
     * Flushes and closes the file.
     *
     * @throws IOException the first write failure met while recording, or one met closing
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            generator.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void writeRounded(double value, int decimals) throws IOException {
        String text = Decimals.format(value, decimals);
        if (text == null) {
            generator.writeNull();
        } else {
            generator.writeNumber(text);
        }
    }

    // ---- layouts: how each record type is written, derived once by reflection ----

    /** Writes one value of a component. */
    @FunctionalInterface
    private interface ValueWriter {
        void write(EventRecorder recorder, Object value) throws IOException;
    }

    private record Field(String key, Method accessor, ValueWriter writer) {
    }

    private record ObjectLayout(List<Field> fields) {
        void writeFields(EventRecorder recorder, Object record) throws IOException {
            for (Field f : fields) {
                recorder.generator.writeFieldName(f.key);
                Object value;
                try {
                    value = f.accessor.invoke(record);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + f.key + " of " + record.getClass().getName(), e);
                }
                if (value == null) {
                    recorder.generator.writeNull();
                } else {
                    f.writer.write(recorder, value);
                }
            }
        }
    }

    /** The layout of a record; an event's own {@code time} is left out ({@code topLevel}), as it leads the line as {@code t}. */
    private static ObjectLayout layoutOf(Class<?> type, String where, boolean topLevel) {
        if (!type.isRecord()) {
            throw new IllegalStateException("event " + where + " is not a record");
        }
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (topLevel && c.getName().equals("time")) {
                continue;
            }
            fields.add(new Field(snakeCase(c.getName()), c.getAccessor(),
                    writerFor(c.getType(), c.getName(), where + "." + c.getName())));
        }
        return new ObjectLayout(List.copyOf(fields));
    }

    private static ValueWriter writerFor(Class<?> type, String name, String where) {
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            int decimals = decimalsFor(name);
            return (r, v) -> r.writeRounded(((Number) v).doubleValue(), decimals);
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return (r, v) -> r.generator.writeNumber(((Number) v).intValue());
        }
        if (type == long.class || type == Long.class) {
            return (r, v) -> r.generator.writeNumber((Long) v);
        }
        if (type == boolean.class || type == Boolean.class) {
            return (r, v) -> r.generator.writeBoolean((Boolean) v);
        }
        if (type == String.class) {
            return (r, v) -> r.generator.writeString((String) v);
        }
        if (type.isEnum()) {
            return (r, v) -> r.generator.writeString(((Enum<?>) v).name().toLowerCase(Locale.ROOT));
        }
        if (type == GeodeticPoint.class) {
            return (r, v) -> r.writePoint((GeodeticPoint) v);
        }
        if (type.isRecord()) {
            ObjectLayout nested = layoutOf(type, where, false);
            return (r, v) -> {
                r.generator.writeStartObject();
                nested.writeFields(r, v);
                r.generator.writeEndObject();
            };
        }
        throw new IllegalStateException("the event log cannot write " + where + " of type " + type.getName()
                + "; teach EventRecorder how to write it");
    }

    private void writePoint(GeodeticPoint p) throws IOException {
        generator.writeStartObject();
        generator.writeFieldName("lat_deg");
        writeRounded(p.latitudeDegrees(), 7);
        generator.writeFieldName("lon_deg");
        writeRounded(p.longitudeDegrees(), 7);
        generator.writeFieldName("alt_m");
        writeRounded(p.altitude(), 2);
        generator.writeEndObject();
    }

    /** Decimals for a double component, from the unit its name ends with. */
    static int decimalsFor(String name) {
        if (name.equals("time") || name.endsWith("Time") || endsWithUnit(name, "S")) {
            return 3;
        }
        if (name.equals("probability") || name.endsWith("Probability")) {
            return 4;
        }
        if (endsWithUnit(name, "Deg")) {
            return 7;
        }
        if (endsWithUnit(name, "M") || endsWithUnit(name, "Mps") || endsWithUnit(name, "Usd")) {
            return 2;
        }
        return 6;
    }

    /** Whether a camel-case name ends with a unit suffix after a lower-case letter or digit. */
    private static boolean endsWithUnit(String name, String unit) {
        int at = name.length() - unit.length();
        return at > 0 && name.endsWith(unit) && !Character.isUpperCase(name.charAt(at - 1));
    }

    /** {@code missDistanceM} → {@code miss_distance_m}. */
    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

}
