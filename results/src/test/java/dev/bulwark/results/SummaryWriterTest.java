package dev.bulwark.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.assign.Reason;
import dev.bulwark.engine.metrics.RunSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWriterTest {

    @Test
    void jsonHoldsEveryMeasureInAFixedOrder() throws IOException {
        StringWriter out = new StringWriter();
        SummaryWriter.writeJson(Fixtures.summary(), Fixtures.parameters(), out);
        assertThat(out.toString()).isEqualTo("""
                {
                  "bulwark_version": "0.1.0-TEST",
                  "scenario": "southern-front",
                  "scenario_file": "southern-front.yaml",
                  "seed": 7,
                  "threats_launched": 120,
                  "bound_for_defended": 30,
                  "bound_for_open": 90,
                  "engaged": 27,
                  "engaged_bound_for_open": 2,
                  "intercepted": 24,
                  "leaked": 3,
                  "leaked_by_area": {
                    "Sderot": 1,
                    "Netivot, west": 0,
                    "Ashkelon": 2
                  },
                  "fell_in_open_ground": 88,
                  "in_flight_at_end": 0,
                  "not_engaged_reasons": {
                    %s
                  },
                  "interceptors_fired": 10,
                  "interceptors_by_battery": {
                    "battery-south": 7,
                    "battery-north": 3
                  },
                  "interceptor_cost_usd": 500000,
                  "laser_shots": 4,
                  "laser_cost_usd": 12,
                  "gun_bursts": 3,
                  "gun_rounds": 225,
                  "gun_cost_usd": 6750,
                  "threat_cost_usd": 96000,
                  "cost_exchange_ratio": 5.2788,
                  "share_engaged": 0.225,
                  "interception_rate": 0.8889,
                  "leak_rate": 0.1,
                  "plots": 12345,
                  "tracks_confirmed": 118,
                  "threats_tracked": 110,
                  "mean_time_to_track_s": 6.543,
                  "track_breaks": 3,
                  "track_swaps": 1,
                  "mean_gospa_m": 87.65,
                  "track_rmse_m": 24.68
                }
                """.formatted(expectedReasonsJson()));
    }

    /** Every reason but "engaged", in the engine's order, then the fixture's unknown key. */
    private static String expectedReasonsJson() {
        StringBuilder sb = new StringBuilder();
        for (Reason r : Reason.values()) {
            if (r != Reason.ENGAGED) {
                int n = r == Reason.NO_STOCK ? 2 : r == Reason.NEVER_TRACKED ? 1 : 0;
                sb.append(sb.length() == 0 ? "" : ",\n    ").append('"').append(r.key()).append("\": ").append(n);
            }
        }
        return sb.append(",\n    \"zz_future_reason\": 1").toString();
    }

    @Test
    void csvHasTheSameMeasuresFlattenedAndQuoted() throws IOException {
        StringWriter out = new StringWriter();
        SummaryWriter.writeCsv(Fixtures.summary(), Fixtures.parameters(), out);
        String csv = out.toString();
        assertThat(csv).startsWith("measure,value\nbulwark_version,0.1.0-TEST\nscenario,southern-front\n");
        assertThat(csv).contains("\nleaked_by_area[Sderot],1\n\"leaked_by_area[Netivot, west]\",0\n");
        assertThat(csv).contains("\nnot_engaged_reasons[no_stock],2\n");
        assertThat(csv).contains("\ninterceptors_by_battery[battery-north],3\n");
        assertThat(csv).contains("\ngun_rounds,225\n").contains("\ncost_exchange_ratio,5.2788\n").contains("\ntracks_confirmed,118\n")
                .endsWith("mean_gospa_m,87.65\ntrack_rmse_m,24.68\n");
        // Same measures as the JSON: 26 scalars + 3 areas + every reason but "engaged" + 1 unknown + 2 batteries.
        assertThat(csv.lines().count()).isEqualTo(1 + 26 + 2 + 5 + 3 + (Reason.values().length - 1 + 1) + 2);
    }

    @Test
    void undefinedRatiosAreNullInJsonAndEmptyInCsv() throws IOException {
        RunSummary empty = new RunSummary("empty", 1, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, Map.of(), Map.of(),
                0, 0);
        StringWriter json = new StringWriter();
        SummaryWriter.writeJson(empty, Fixtures.parameters(), json);
        assertThat(json.toString()).contains("\"cost_exchange_ratio\": null,").contains("\"interception_rate\": null,")
                .contains("\"leaked_by_area\": { },");
        StringWriter csv = new StringWriter();
        SummaryWriter.writeCsv(empty, Fixtures.parameters(), csv);
        assertThat(csv.toString()).contains("\ncost_exchange_ratio,\n").contains("\nshare_engaged,\n");
    }

    @Test
    void identicalInputsGiveIdenticalFiles(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        SummaryWriter.write(Fixtures.summary(), Fixtures.parameters(), a);
        SummaryWriter.write(Fixtures.summary(), Fixtures.parameters(), b);
        for (String f : new String[] {SummaryWriter.JSON_FILE, SummaryWriter.CSV_FILE}) {
            assertThat(Files.readAllBytes(a.resolve(f))).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }

    @Test
    void csvQuotingFollowsRfc4180() {
        assertThat(SummaryWriter.csvField("plain")).isEqualTo("plain");
        assertThat(SummaryWriter.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(SummaryWriter.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
