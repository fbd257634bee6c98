package dev.bulwark.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.SimEvent;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.engine.sim.TinyWorlds;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.threat.AreaKind;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.engine.track.TrackerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results store against a real run of a tiny world (two areas, two batteries, one of them
 * short of rounds, so that threats are intercepted, leak and fall in open ground), recorded at
 * once into {@code events.jsonl} and {@code results.duckdb}; and against hand-built events.
 */
class ResultsStoreTest {

    @TempDir
    static Path dir;

    static RunSummary summary;
    static Path database;
    static Path events;
    static final RunParameters PARAMETERS = new RunParameters("tiny-test.yaml", 3, "0.1.0-TEST");

    @BeforeAll
    static void runAndRecord() throws Exception {
        DefendedArea hospital = new DefendedArea("Hospital", AreaKind.HOSPITAL, 300,
                TinyWorlds.box(31.540, 34.585, 31.548, 34.600));
        RaidSpec north = new RaidSpec("north", TinyWorlds.QASSAM, TinyWorlds.box(31.525, 34.50, 31.545, 34.52),
                TinyWorlds.town().boundary(), "Sderot", 10, 10, 4);
        RaidSpec wide = new RaidSpec("wide", TinyWorlds.QASSAM, TinyWorlds.box(31.525, 34.50, 31.545, 34.52),
                TinyWorlds.box(31.538, 34.58, 31.56, 34.62), "wide", 10, 20, 4);
        World world = new World("store test", GeodeticPoint.ofDegrees(31.52, 34.55, 0), 3, 400, EarthModel.WGS84,
                List.of(TinyWorlds.town(), hospital), List.of(TinyWorlds.radar("R1", 31.45, 34.62)),
                List.of(TinyWorlds.battery("B1", 31.52, 34.68, 12), TinyWorlds.battery("B2", 31.55, 34.64, 3)),
                List.of(north, wide), Doctrine.DEFAULT, TrackerSettings.DEFAULT);
        database = dir.resolve(ResultsStore.FILE);
        events = dir.resolve("events.jsonl");
        Simulation sim = new Simulation(world);
        try (EventRecorder recorder = EventRecorder.open(events); ResultsStore store = ResultsStore.open(database)) {
            sim.bus().subscribe(recorder);
            sim.bus().subscribe(store);
            summary = sim.run(ProgressListener.NONE);
            assertThat(store.count()).isEqualTo(recorder.count());
            store.finish(summary, PARAMETERS);
        }
    }

    private static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getLong(1);
        }
    }

    private static Map<String, Long> countsByKind() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<String> lines = Files.lines(events)) {
            lines.forEach(l -> {
                try {
                    counts.merge(json.readTree(l).get("kind").asText(), 1L, Long::sum);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return counts;
    }

    private static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (Class<?> k : SimEvent.class.getPermittedSubclasses()) {
            kinds.add(ResultsStore.kindOf(k));
        }
        return kinds;
    }

    @Test
    void everyEventKindHasItsTableWithOneRowPerEventOfTheLog() throws Exception {
        Map<String, Long> expected = countsByKind();
        // the run must exercise the outcomes the views tell apart, or the test below proves little
        assertThat(expected.keySet()).contains("threat_launched", "decision", "interceptor_launched", "intercept",
                "impact", "stock", "stock_out", "track_confirmed");
        try (Connection c = connect(database)) {
            for (String kind : kinds()) {
                assertThat(scalar(c, "SELECT count(*) FROM \"" + kind + "\"")).as(kind)
                        .isEqualTo(expected.getOrDefault(kind, 0L));
            }
            long total = expected.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder union = new StringBuilder();
            for (String kind : kinds()) {
                union.append(union.length() == 0 ? "" : " UNION ALL ").append("SELECT seq FROM \"").append(kind)
                        .append('"');
            }
            // seq numbers the events 1..n across all tables, in log order
            assertThat(scalar(c, "SELECT count(DISTINCT seq) FROM (" + union + ")")).isEqualTo(total);
            assertThat(scalar(c, "SELECT max(seq) FROM (" + union + ")")).isEqualTo(total);
            assertThat(scalar(c, "SELECT events FROM run")).isEqualTo(total);
        }
    }

    @Test
    void rowsHoldTheEventsFieldsWithPositionsAsColumns() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> launches = new ArrayList<>();
        int line = 0;
        Map<Integer, JsonNode> bySeq = new LinkedHashMap<>();
        for (String l : Files.readAllLines(events)) {
            line++;
            JsonNode n = json.readTree(l);
            if (n.get("kind").asText().equals("threat_launched")) {
                launches.add(n);
                bySeq.put(line, n);
            }
        }
        try (Connection c = connect(database); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM threat_launched ORDER BY seq")) {
            int i = 0;
            while (r.next()) {
                JsonNode n = bySeq.get(r.getInt("seq"));
                assertThat(n).as("seq %d is a threat_launched line of events.jsonl", r.getInt("seq")).isNotNull();
                assertThat(r.getDouble("t")).isCloseTo(n.get("t").asDouble(), org.assertj.core.data.Offset.offset(6e-4));
                assertThat(r.getInt("threat_id")).isEqualTo(n.get("threat_id").asInt());
                assertThat(r.getString("raid")).isEqualTo(n.get("raid").asText());
                assertThat(r.getString("bound_for")).isEqualTo(n.get("bound_for").isNull() ? null
                        : n.get("bound_for").asText());
                assertThat(r.getDouble("launch_point_lat_deg")).isCloseTo(
                        n.get("launch_point").get("lat_deg").asDouble(), org.assertj.core.data.Offset.offset(1e-7));
                assertThat(r.getDouble("predicted_impact_alt_m")).isCloseTo(
                        n.get("predicted_impact").get("alt_m").asDouble(), org.assertj.core.data.Offset.offset(0.01));
                i++;
            }
            assertThat(i).isEqualTo(launches.size()).isEqualTo(summary.launched());
        }
    }

    @Test
    void theThreatsViewAgreesWithTheSummary() throws Exception {
        assertThat(summary.intercepted()).as("the world should intercept some").isPositive();
        assertThat(summary.leaked()).as("the world should leak some").isPositive();
        assertThat(summary.fellInOpenGround()).as("some should fall in open ground").isPositive();
        try (Connection c = connect(database)) {
            assertThat(scalar(c, "SELECT count(*) FROM threats")).isEqualTo(summary.launched());
            assertThat(scalar(c, "SELECT count(*) FROM threats WHERE bound_for IS NOT NULL"))
                    .isEqualTo(summary.boundForDefended());
            assertThat(scalar(c, "SELECT count(*) FROM threats WHERE engaged")).isEqualTo(summary.engaged());
            assertThat(scalar(c, "SELECT count(*) FROM threats WHERE engaged AND bound_for IS NULL"))
                    .isEqualTo(summary.engagedBoundForOpen());
            assertThat(scalar(c, "SELECT count(*) FROM threats WHERE outcome = 'intercepted'"))
                    .isEqualTo(summary.intercepted());
            assertThat(scalar(c, "SELECT count(*) FROM threats WHERE outcome = 'leaked'")).isEqualTo(summary.leaked());
            assertThat(scalar(c, "SELECT count(*) FROM threats WHERE outcome = 'fell_in_open_ground'"))
                    .isEqualTo(summary.fellInOpenGround());
            assertThat(scalar(c, "SELECT count(*) FROM threats WHERE outcome = 'in_flight_at_end'"))
                    .isEqualTo(summary.inFlightAtEnd());
            assertThat(scalar(c, "SELECT count(*) FROM threats WHERE outcome = 'intercepted'"
                    + " AND (intercept_time IS NULL OR intercept_lat_deg IS NULL OR impact_time IS NOT NULL)")).isZero();
            for (Map.Entry<String, Integer> e : summary.leaksByArea().entrySet()) {
                assertThat(scalar(c, "SELECT count(*) FROM threats WHERE outcome = 'leaked' AND impact_area = '"
                        + e.getKey() + "'")).as(e.getKey()).isEqualTo((long) e.getValue());
                assertThat(scalar(c, "SELECT threats FROM leaked_by_area WHERE area = '" + e.getKey() + "'"))
                        .isEqualTo((long) e.getValue());
            }
            assertThat(scalar(c, "SELECT count(*) FROM engagements")).isEqualTo(summary.interceptorsFired());
            for (Map.Entry<String, Integer> e : summary.interceptorsByBattery().entrySet()) {
                assertThat(scalar(c, "SELECT count(*) FROM engagements WHERE battery = '" + e.getKey() + "'"))
                        .isEqualTo((long) e.getValue());
            }
            assertThat(scalar(c, "SELECT round(sum(cost_usd)) FROM engagements"))
                    .isEqualTo(Math.round(summary.interceptorCostUsd()));
            assertThat(scalar(c, "SELECT count(*) FROM tracks"))
                    .isEqualTo(scalar(c, "SELECT count(*) FROM track_confirmed")).isPositive();
            assertThat(scalar(c, "SELECT sum(assessments) FROM tracks"))
                    .isEqualTo(scalar(c, "SELECT count(*) FROM assessment")).isPositive();
            assertThat(scalar(c, "SELECT count(*) FROM tracks WHERE assessments > 0 AND (last_probability IS NULL"
                    + " OR first_assessment_time < confirmed_time OR last_probability > max_probability)")).isZero();
            assertThat(scalar(c, "SELECT count(*) FROM tracks WHERE last_decision = 'engage'"))
                    .isEqualTo(scalar(c, "SELECT count(DISTINCT track_id) FROM decision d WHERE seq = "
                            + "(SELECT max(seq) FROM decision e WHERE e.track_id = d.track_id) AND decision = 'engage'"));
            assertThat(scalar(c, "SELECT count(*) FROM stock_over_time"))
                    .isEqualTo(scalar(c, "SELECT count(*) FROM stock") + scalar(c, "SELECT count(*) FROM resupplied"));
            // the 3-round battery ran dry: its stock reaches zero
            assertThat(scalar(c, "SELECT min(total) FROM stock_over_time WHERE battery = 'B2'")).isZero();
        }
    }

    @Test
    void runAndSummaryTablesHoldTheParametersAndEveryMeasure() throws Exception {
        Map<String, Double> measures = Measures.numeric(summary);
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT scenario, scenario_file, seed, bulwark_version FROM run")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("store test");
                assertThat(r.getString(2)).isEqualTo("tiny-test.yaml");
                assertThat(r.getLong(3)).isEqualTo(3);
                assertThat(r.getString(4)).isEqualTo("0.1.0-TEST");
                assertThat(r.next()).isFalse();
            }
            Map<String, Double> stored = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT measure, value FROM summary")) {
                while (r.next()) {
                    double v = r.getDouble(2);
                    stored.put(r.getString(1), r.wasNull() ? Double.NaN : v);
                }
            }
            assertThat(stored).containsExactlyEntriesOf(measures);
            assertThat(scalar(c, "SELECT value FROM summary WHERE measure = 'threats_launched'"))
                    .isEqualTo(summary.launched());
            assertThat(scalar(c, "SELECT sum(threats) FROM not_engaged_reasons"))
                    .isEqualTo(Measures.notEngagedReasons(summary).values().stream().mapToInt(Integer::intValue).sum());
        }
        // finished and checkpointed: nothing but the database file is left beside it
        assertThat(dir.resolve(ResultsStore.FILE + ".wal")).doesNotExist();
    }

    @Test
    void parquetFilesReadBackWithTheSameRowCounts() throws Exception {
        Path out = dir.resolve("parquet");
        List<Path> files = ResultsStore.exportParquet(database, out);
        List<String> expected = new ArrayList<>(kinds());
        expected.addAll(List.of("run", "summary", "leaked_by_area", "interceptors_by_battery", "not_engaged_reasons"));
        expected.addAll(ResultsStore.VIEWS.keySet());
        assertThat(files).extracting(p -> p.getFileName().toString().replace(".parquet", ""))
                .containsExactlyInAnyOrderElementsOf(expected);
        try (Connection db = connect(database); Connection mem = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path f : files) {
                String name = f.getFileName().toString().replace(".parquet", "");
                assertThat(scalar(mem, "SELECT count(*) FROM read_parquet('" + f + "')")).as(name)
                        .isEqualTo(scalar(db, "SELECT count(*) FROM \"" + name + "\""));
            }
            assertThat(scalar(mem, "SELECT count(*) FROM read_parquet('" + out.resolve("threats.parquet")
                    + "') WHERE outcome = 'intercepted'")).isEqualTo(summary.intercepted());
        }
    }

    // ---- hand-built events ----

    @Test
    void absentValuesAndNaNAreNullAndEveryKindIsWritten(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve(ResultsStore.FILE);
        List<SimEvent> fixtures = new ArrayList<>(Fixtures.events(0));
        fixtures.add(new SimEvent.InterceptOutcome(70.0, 2, "battery-south", 0, false, Double.NaN, "no_target"));
        try (ResultsStore store = ResultsStore.open(db)) {
            fixtures.forEach(store::on);
            store.finish(Fixtures.summary(), PARAMETERS);
        }
        try (Connection c = connect(db)) {
            for (String kind : kinds()) {
                assertThat(scalar(c, "SELECT count(*) FROM \"" + kind + "\"")).as(kind).isPositive();
            }
            assertThat(scalar(c, "SELECT count(*) FROM impact WHERE area IS NULL AND area_kind IS NULL")).isEqualTo(1);
            assertThat(scalar(c, "SELECT count(*) FROM intercept WHERE miss_distance_m IS NULL")).isEqualTo(1);
            assertThat(scalar(c, "SELECT count(*) FROM summary WHERE value IS NULL")).isZero();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT seq, t, position_alt_m FROM track_confirmed")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).isEqualTo(3);
                assertThat(r.getDouble(2)).isEqualTo(14.5);
                assertThat(r.getDouble(3)).isEqualTo(1234.5678);
            }
        }
    }

    @Test
    void anExistingFileIsNotOverwritten(@TempDir Path tmp) throws Exception {
        Path db = Files.writeString(tmp.resolve(ResultsStore.FILE), "keep me");
        assertThatThrownBy(() -> ResultsStore.open(db)).hasMessageContaining("exists");
        assertThat(Files.readString(db)).isEqualTo("keep me");
    }
}
