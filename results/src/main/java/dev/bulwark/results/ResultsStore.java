package dev.bulwark.results;

import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.EventBus;
import dev.bulwark.engine.sim.SimEvent;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The results store: writes every {@link SimEvent} of a run, its parameters and its measures
 * into an embedded DuckDB database, {@value #FILE}, that SQL, Python and R read directly
 * (the schema is documented in {@code docs/results-schema.md}).
 *
 * <p>One table per event kind, named by {@link SimEvent#kind()} ({@code threat_launched},
 * {@code decision}, {@code impact}, ...). Every table starts with {@code seq} (the event's
 * 1-based position in the run, the line number of {@code events.jsonl}) and {@code t} (its
 * simulated time, s), then the record's components in declaration order, named in snake case
 * as in {@code events.jsonl}. A {@link GeodeticPoint} component {@code launchPoint} becomes
 * three columns {@code launch_point_lat_deg}, {@code launch_point_lon_deg} (WGS84, degrees)
 * and {@code launch_point_alt_m} (height above the ellipsoid, m); a nested record is flattened
 * the same way. Doubles are stored at full precision (not rounded as in the event log); a NaN
 * or infinite double, or an absent value, is SQL {@code NULL}. The tables are derived once,
 * when the store is opened, from the permitted subclasses of {@link SimEvent}, so a field added
 * to an event appears as a column without a change here.
 *
 * <p>{@link #finish} adds the table {@code run} (one row: scenario, file, seed, version,
 * event count), {@code summary} (the measures of {@link Measures#numeric} as
 * {@code measure, value} rows), and the maps of the summary as {@code leaked_by_area},
 * {@code interceptors_by_battery} and {@code not_engaged_reasons}; the views
 * {@code threats}, {@code engagements} and {@code stock_over_time} are made when the store is
 * opened.
 *
 * <p>Rows are written through DuckDB's appender (one per table), which buffers them in
 * memory and writes them in column chunks. A bus listener must not throw, so a failure is
 * remembered, further events are dropped, and the failure is thrown by {@link #finish} or
 * {@link #close()}. One owner, not thread-safe. The database file is not byte-identical
 * between two runs of one seed (DuckDB's file layout is its own); its contents are.
 */
public final class ResultsStore implements EventBus.Listener, AutoCloseable {

    /** File name of the database in a run directory. */
    public static final String FILE = "results.duckdb";

    /** The views, in creation order, with their SQL: the single source of the schema's views. */
    static final Map<String, String> VIEWS = views();

    private final Connection connection;
    private final Map<Class<?>, Table> tables = new LinkedHashMap<>();
    private long count;
    private Exception failure;
    private boolean finished;
    private boolean closed;

    private ResultsStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Creates the database {@code file} (which must not exist) with every table and view, ready
     * to receive events.
     *
     * @throws IOException if the file exists or the database cannot be created
     * @throws IllegalStateException if some event kind has a component the store cannot write
     */
    public static ResultsStore open(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IOException("cannot create the results store " + file + ": it exists");
        }
        List<Table> layouts = new ArrayList<>();
        for (Class<?> kind : SimEvent.class.getPermittedSubclasses()) {
            layouts.add(Table.of(kind));
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new IOException("cannot create the results store " + file + ": " + e.getMessage(), e);
        }
        ResultsStore store = new ResultsStore(c);
        try (Statement s = c.createStatement()) {
            for (Table t : layouts) {
                s.execute(t.createSql());
            }
            s.execute("CREATE TABLE run (scenario VARCHAR, scenario_file VARCHAR, seed BIGINT,"
                    + " bulwark_version VARCHAR, events BIGINT)");
            s.execute("CREATE TABLE summary (measure VARCHAR, value DOUBLE)");
            s.execute("CREATE TABLE leaked_by_area (ordinal INTEGER, area VARCHAR, threats INTEGER)");
            s.execute("CREATE TABLE interceptors_by_battery (ordinal INTEGER, battery VARCHAR, interceptors INTEGER)");
            s.execute("CREATE TABLE not_engaged_reasons (ordinal INTEGER, reason VARCHAR, threats INTEGER)");
            for (Map.Entry<String, String> v : VIEWS.entrySet()) {
                s.execute("CREATE VIEW " + v.getKey() + " AS " + v.getValue());
            }
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            for (Table t : layouts) {
                store.tables.put(t.type, t.withAppender(duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t.name)));
            }
        } catch (SQLException e) {
            store.closeQuietly();
            throw new IOException("cannot create the results store " + file + ": " + e.getMessage(), e);
        }
        return store;
    }

    @Override
    public void on(SimEvent event) {
        if (failure != null || finished || closed) {
            return;
        }
        Table table = tables.get(event.getClass());
        if (table == null) {
            // Not reachable while SimEvent is sealed; kept so that a new kind fails loudly.
            failure = new IllegalStateException("no table for event " + event.getClass().getName());
            return;
        }
        try {
            DuckDBAppender a = table.appender;
            a.beginRow();
            a.append(++count);
            appendDouble(a, event.time());
            for (Column col : table.columns) {
                col.cell.append(a, event);
            }
            a.endRow();
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
    }

    /** Number of events written so far. */
    public long count() {
        return count;
    }

    /**
     * Completes the database after the run: flushes the event tables, writes the run's
     * parameters and measures, checkpoints (so no write-ahead log is left beside the file) and
     * closes it.
     *
     * @throws IOException the first failure met while recording, or one met finishing
     */
    public void finish(RunSummary summary, RunParameters parameters) throws IOException {
        if (finished || closed) {
            throw new IllegalStateException("results store already " + (closed ? "closed" : "finished"));
        }
        finished = true;
        try {
            closeAppenders();
            rethrow();
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO run VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, summary.scenario());
                p.setString(2, parameters.scenarioFile());
                p.setLong(3, parameters.seed());
                p.setString(4, parameters.bulwarkVersion());
                p.setLong(5, count);
                p.executeUpdate();
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO summary VALUES (?, ?)")) {
                for (Map.Entry<String, Double> m : Measures.numeric(summary).entrySet()) {
                    p.setString(1, m.getKey());
                    double v = m.getValue();
                    if (Double.isFinite(v)) {
                        p.setDouble(2, v);
                    } else {
                        p.setNull(2, java.sql.Types.DOUBLE);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
            insertMap("leaked_by_area", summary.leaksByArea());
            insertMap("interceptors_by_battery", summary.interceptorsByBattery());
            insertMap("not_engaged_reasons", Measures.notEngagedReasons(summary));
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            remember(e);
        }
        close();
    }

    private void insertMap(String table, Map<String, Integer> values) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
            int ordinal = 0;
            for (Map.Entry<String, Integer> e : values.entrySet()) {
                p.setInt(1, ++ordinal);
                p.setString(2, e.getKey());
                p.setInt(3, e.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * Closes the database. Without {@link #finish} first, the event tables hold what was
     * flushed and the run's tables are empty: the caller deletes such a file (a run directory
     * that is not committed is deleted whole).
     *
     * @throws IOException the first failure met while recording, or one met closing
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly();
        rethrow();
    }

    private void closeQuietly() {
        closeAppenders();
        try {
            connection.close();
        } catch (SQLException e) {
            remember(e);
        }
    }

    private void closeAppenders() {
        for (Table t : tables.values()) {
            try {
                if (t.appender != null && !t.appender.isClosed()) {
                    t.appender.close();
                }
            } catch (SQLException e) {
                remember(e);
            }
        }
    }

    private void remember(Exception e) {
        if (failure == null) {
            failure = e;
        }
    }

    private void rethrow() throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw new IOException("cannot write the results store: " + failure.getMessage(), failure);
        }
    }

    // ---- Parquet export ----

    /**
     * Writes every table and view of the database {@code database} as one Parquet file
     * {@code <name>.parquet} in {@code directory} (created if needed), through DuckDB's
     * {@code COPY ... TO ... (FORMAT PARQUET)}; tables sorted by {@code seq} where they have
     * one. Opens the database read-only.
     *
     * @return the files written, in schema order
     */
    public static List<Path> exportParquet(Path database, Path directory) throws IOException {
        if (!Files.isRegularFile(database)) {
            throw new IOException("no results store at " + database);
        }
        Files.createDirectories(directory);
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        List<Path> written = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), readOnly);
                Statement s = c.createStatement()) {
            List<String[]> relations = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name, table_type FROM information_schema.tables"
                    + " WHERE table_schema = 'main' ORDER BY table_type, table_name")) {
                while (r.next()) {
                    relations.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            for (String[] rel : relations) {
                String name = rel[0];
                boolean hasSeq;
                try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM information_schema.columns"
                        + " WHERE table_schema = 'main' AND table_name = ? AND column_name = 'seq'")) {
                    p.setString(1, name);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        hasSeq = r.getLong(1) > 0;
                    }
                }
                Path out = directory.resolve(name + ".parquet");
                s.execute("COPY (SELECT * FROM " + quote(name) + (hasSeq ? " ORDER BY seq" : "") + ") TO "
                        + literal(out.toAbsolutePath().toString()) + " (FORMAT PARQUET)");
                written.add(out);
            }
        } catch (SQLException e) {
            throw new IOException("cannot export " + database + " to Parquet: " + e.getMessage(), e);
        }
        return written;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    // ---- layouts: one table per event kind, derived once by reflection ----

    /** Appends one cell of a row from the event. */
    @FunctionalInterface
    private interface Cell {
        void append(DuckDBAppender a, Object event) throws SQLException;
    }

    /** Reads a value from the event: a chain of record accessors, null when a link is null. */
    @FunctionalInterface
    private interface Getter {
        Object get(Object event);
    }

    private record Column(String name, String sqlType, Cell cell) {
    }

    private record Table(Class<?> type, String name, List<Column> columns, DuckDBAppender appender) {

        static Table of(Class<?> kind) {
            List<Column> columns = new ArrayList<>();
            for (RecordComponent c : components(kind, kind.getSimpleName())) {
                if (c.getName().equals("time")) {
                    continue;
                }
                addColumns(columns, EventRecorder.snakeCase(c.getName()), c.getType(), accessor(c.getAccessor()),
                        kind.getSimpleName() + "." + c.getName());
            }
            return new Table(kind, kindOf(kind), List.copyOf(columns), null);
        }

        Table withAppender(DuckDBAppender a) {
            return new Table(type, name, columns, a);
        }

        String createSql() {
            StringBuilder sb = new StringBuilder("CREATE TABLE ").append(quote(name))
                    .append(" (seq BIGINT NOT NULL, t DOUBLE");
            for (Column c : columns) {
                sb.append(", ").append(quote(c.name)).append(' ').append(c.sqlType);
            }
            return sb.append(')').toString();
        }
    }

    private static RecordComponent[] components(Class<?> type, String where) {
        if (!type.isRecord()) {
            throw new IllegalStateException("event " + where + " is not a record");
        }
        return type.getRecordComponents();
    }

    private static Getter accessor(Method m) {
        return o -> {
            if (o == null) {
                return null;
            }
            try {
                return m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + m.getName() + " of " + o.getClass().getName(), e);
            }
        };
    }

    private static void addColumns(List<Column> out, String name, Class<?> type, Getter get, String where) {
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            out.add(new Column(name, "DOUBLE", (a, e) -> {
                Object v = get.get(e);
                if (v == null) {
                    a.appendNull();
                } else {
                    appendDouble(a, ((Number) v).doubleValue());
                }
            }));
        } else if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            out.add(new Column(name, "INTEGER", (a, e) -> {
                Object v = get.get(e);
                if (v == null) {
                    a.appendNull();
                } else {
                    a.append(((Number) v).intValue());
                }
            }));
        } else if (type == long.class || type == Long.class) {
            out.add(new Column(name, "BIGINT", (a, e) -> {
                Object v = get.get(e);
                if (v == null) {
                    a.appendNull();
                } else {
                    a.append(((Number) v).longValue());
                }
            }));
        } else if (type == boolean.class || type == Boolean.class) {
            out.add(new Column(name, "BOOLEAN", (a, e) -> {
                Object v = get.get(e);
                if (v == null) {
                    a.appendNull();
                } else {
                    a.append(((Boolean) v).booleanValue());
                }
            }));
        } else if (type == String.class || type.isEnum()) {
            boolean isEnum = type.isEnum();
            out.add(new Column(name, "VARCHAR", (a, e) -> {
                Object v = get.get(e);
                if (v == null) {
                    a.appendNull();
                } else {
                    a.append(isEnum ? ((Enum<?>) v).name().toLowerCase(Locale.ROOT) : (String) v);
                }
            }));
        } else if (type == GeodeticPoint.class) {
            addColumns(out, name + "_lat_deg", double.class,
                    e -> get.get(e) instanceof GeodeticPoint p ? p.latitudeDegrees() : null, where);
            addColumns(out, name + "_lon_deg", double.class,
                    e -> get.get(e) instanceof GeodeticPoint p ? p.longitudeDegrees() : null, where);
            addColumns(out, name + "_alt_m", double.class,
                    e -> get.get(e) instanceof GeodeticPoint p ? p.altitude() : null, where);
        } else if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                Getter inner = accessor(c.getAccessor());
                addColumns(out, name + "_" + EventRecorder.snakeCase(c.getName()), c.getType(),
                        e -> inner.get(get.get(e)), where + "." + c.getName());
            }
        } else {
            throw new IllegalStateException("the results store cannot write " + where + " of type " + type.getName()
                    + "; teach ResultsStore how to write it");
        }
    }

    private static void appendDouble(DuckDBAppender a, double v) throws SQLException {
        if (Double.isFinite(v)) {
            a.append(v);
        } else {
            a.appendNull();
        }
    }

    /**
     * The kind name of an event class, as {@link SimEvent#kind()} gives it: read from an
     * instance made with zero and null components, since the name belongs to the instance
     * method. The event records do no validation in their constructors, so this cannot fail
     * for them; if one ever does, its message says so.
     */
    static String kindOf(Class<?> kind) {
        RecordComponent[] rc = components(kind, kind.getSimpleName());
        Class<?>[] types = new Class<?>[rc.length];
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            args[i] = zero(types[i]);
        }
        try {
            Constructor<?> ctor = kind.getDeclaredConstructor(types);
            return ((SimEvent) ctor.newInstance(args)).kind();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot learn the kind name of " + kind.getName()
                    + " from an instance with zero components: " + e, e);
        }
    }

    private static Object zero(Class<?> t) {
        if (!t.isPrimitive()) {
            return null;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == double.class) {
            return 0.0;
        }
        if (t == float.class) {
            return 0.0f;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == char.class) {
            return '\0';
        }
        if (t == short.class) {
            return (short) 0;
        }
        if (t == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static Map<String, String> views() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("threats", """
                SELECT l.threat_id,
                       l.t AS launch_time,
                       l.raid, l.threat_type, l.category,
                       l.launch_point_lat_deg AS launch_lat_deg, l.launch_point_lon_deg AS launch_lon_deg,
                       l.bound_for,
                       l.predicted_impact_time,
                       l.predicted_impact_lat_deg, l.predicted_impact_lon_deg,
                       coalesce(f.interceptors, 0) + coalesce(ls.shots, 0) + coalesce(gb.bursts, 0) > 0 AS engaged,
                       coalesce(f.interceptors, 0) AS interceptors_fired,
                       coalesce(ls.shots, 0) AS laser_shots,
                       coalesce(gb.bursts, 0) AS gun_bursts,
                       f.first_launch_time AS first_interceptor_time,
                       CASE WHEN k.t IS NOT NULL THEN 'intercepted'
                            WHEN i.t IS NOT NULL AND i.area IS NOT NULL THEN 'leaked'
                            WHEN i.t IS NOT NULL THEN 'fell_in_open_ground'
                            ELSE 'in_flight_at_end' END AS outcome,
                       k.t AS intercept_time, k.battery AS intercepted_by,
                       k.intercept_point_lat_deg AS intercept_lat_deg,
                       k.intercept_point_lon_deg AS intercept_lon_deg,
                       k.intercept_point_alt_m AS intercept_alt_m,
                       i.t AS impact_time,
                       i.point_lat_deg AS impact_lat_deg, i.point_lon_deg AS impact_lon_deg,
                       i.area AS impact_area, i.area_kind AS impact_area_kind,
                       d.decision AS last_decision, d.reason AS last_decision_reason,
                       d.t AS last_decision_time
                FROM threat_launched l
                LEFT JOIN (SELECT threat_id, count(*) AS interceptors, min(t) AS first_launch_time
                           FROM interceptor_launched WHERE threat_id > 0 GROUP BY threat_id) f
                       ON f.threat_id = l.threat_id
                LEFT JOIN (SELECT threat_id, count(*) AS shots FROM laser_engaged WHERE threat_id > 0
                           GROUP BY threat_id) ls
                       ON ls.threat_id = l.threat_id
                LEFT JOIN (SELECT threat_id, count(*) AS bursts FROM gun_engaged WHERE threat_id > 0
                           GROUP BY threat_id) gb
                       ON gb.threat_id = l.threat_id
                LEFT JOIN (SELECT threat_id, min(t) AS t, arg_min(killer, t) AS battery,
                                  arg_min(lat, t) AS intercept_point_lat_deg,
                                  arg_min(lon, t) AS intercept_point_lon_deg,
                                  arg_min(alt, t) AS intercept_point_alt_m
                           FROM (SELECT o.threat_id, o.t, o.battery AS killer, n.intercept_point_lat_deg AS lat,
                                        n.intercept_point_lon_deg AS lon, n.intercept_point_alt_m AS alt
                                 FROM intercept o JOIN interceptor_launched n ON n.interceptor_id = o.interceptor_id
                                 WHERE o.kill
                                 UNION ALL
                                 SELECT threat_id, t, laser, NULL, NULL, NULL FROM laser_outcome WHERE kill
                                 UNION ALL
                                 SELECT threat_id, t, gun, NULL, NULL, NULL FROM gun_outcome WHERE kill)
                           GROUP BY threat_id) k
                       ON k.threat_id = l.threat_id
                LEFT JOIN impact i ON i.threat_id = l.threat_id
                LEFT JOIN (SELECT threat_id, arg_max(decision, seq) AS decision, arg_max(reason, seq) AS reason,
                                  max(t) AS t
                           FROM decision WHERE threat_id > 0 GROUP BY threat_id) d
                       ON d.threat_id = l.threat_id
                ORDER BY l.threat_id""");
        v.put("engagements", """
                SELECT n.interceptor_id, n.battery, n.track_id, n.threat_id,
                       n.t AS launch_time,
                       n.intercept_time AS planned_intercept_time,
                       n.intercept_point_lat_deg, n.intercept_point_lon_deg, n.intercept_point_alt_m,
                       n.cost_usd,
                       o.t AS outcome_time, o.threat_id AS outcome_threat_id, o.kill, o.miss_distance_m,
                       o.reason AS outcome
                FROM interceptor_launched n
                LEFT JOIN intercept o ON o.interceptor_id = n.interceptor_id
                ORDER BY n.interceptor_id""");
        v.put("tracks", """
                SELECT c.track_id, c.threat_id,
                       c.t AS confirmed_time,
                       d.t AS dropped_time, d.reason AS drop_reason,
                       coalesce(a.assessments, 0) AS assessments,
                       a.first_assessment_time, a.last_assessment_time,
                       a.last_probability, a.max_probability, a.last_area,
                       a.last_impact_semi_major_m, a.last_position_sigma_m,
                       e.decisions, e.last_decision, e.last_reason
                FROM track_confirmed c
                LEFT JOIN track_dropped d ON d.track_id = c.track_id
                LEFT JOIN (SELECT track_id, count(*) AS assessments, min(t) AS first_assessment_time,
                                  max(t) AS last_assessment_time,
                                  arg_max(probability, seq) AS last_probability,
                                  max(probability) AS max_probability,
                                  arg_max(area, seq) AS last_area,
                                  arg_max(impact_semi_major_m, seq) AS last_impact_semi_major_m,
                                  arg_max(position_sigma_m, seq) AS last_position_sigma_m
                           FROM assessment GROUP BY track_id) a
                       ON a.track_id = c.track_id
                LEFT JOIN (SELECT track_id, count(*) AS decisions, arg_max(decision, seq) AS last_decision,
                                  arg_max(reason, seq) AS last_reason
                           FROM decision GROUP BY track_id) e
                       ON e.track_id = c.track_id
                ORDER BY c.track_id""");
        v.put("stock_over_time", """
                SELECT seq, t, battery, ready, reserve, ready + reserve AS total, 'stock' AS cause, NULL::INTEGER AS rounds
                FROM stock
                UNION ALL
                SELECT seq, t, battery, ready, reserve, ready + reserve AS total, 'resupplied' AS cause, rounds
                FROM resupplied
                ORDER BY seq""");
        return java.util.Collections.unmodifiableMap(v);
    }
}
