package dev.bulwark.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.engine.sim.SimEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventRecorderTest {

    private static String record(List<SimEvent> events) throws IOException {
        StringWriter out = new StringWriter();
        try (EventRecorder recorder = new EventRecorder(out)) {
            events.forEach(recorder::on);
        }
        return out.toString();
    }

    @Test
    void writesOneObjectPerLineWithTimeKindThenComponents() throws IOException {
        String text = record(Fixtures.events(0));
        List<String> lines = text.lines().toList();
        assertThat(text).endsWith("\n").doesNotContain("\r");
        assertThat(lines).hasSize(19);
        assertThat(lines.get(17)).isEqualTo("{\"t\":73,\"kind\":\"gun_engaged\",\"gun\":\"gun-1\",\"track_id\":6,"
                + "\"threat_id\":4,\"fire_start\":75,\"fire_end\":76,\"intercept_time\":76.812,\"range_m\":812.5,"
                + "\"rounds\":75,\"probability_of_kill\":0.812346,\"cost_usd\":2250}");
        assertThat(lines.get(18)).isEqualTo("{\"t\":76.812,\"kind\":\"gun_outcome\",\"gun\":\"gun-1\",\"threat_id\":4,"
                + "\"kill\":true,\"range_m\":805.25,\"probability_of_kill\":0.801235,\"reason\":\"kill\"}");
        assertThat(lines.get(16)).isEqualTo("{\"t\":72,\"kind\":\"handover\",\"track_id\":5,\"threat_id\":0,"
                + "\"battery\":\"battery-south\",\"from_layer\":0,\"to_layer\":1,\"reason\":\"laser_cannot_finish\","
                + "\"fired_before\":0}");
        assertThat(lines.get(15)).isEqualTo("{\"t\":71,\"kind\":\"assessment\",\"track_id\":5,\"threat_id\":0,"
                + "\"position\":{\"lat_deg\":31.53,\"lon_deg\":34.55,\"alt_m\":812.25},\"velocity_east_mps\":281.5,"
                + "\"velocity_north_mps\":-3.25,\"velocity_up_mps\":-12.5,\"position_sigma_m\":23.5,"
                + "\"predicted_impact\":{\"lat_deg\":31.525,\"lon_deg\":34.5965,\"alt_m\":0},"
                + "\"predicted_impact_time\":84.75,\"impact_semi_major_m\":512.5,\"impact_semi_minor_m\":201.25,"
                + "\"impact_axis_azimuth_deg\":93.5,\"probability\":0.7344,\"area\":\"Sderot\",\"value_at_risk\":73.4375}");
        assertThat(lines.get(13)).isEqualTo("{\"t\":65.5,\"kind\":\"laser_outcome\",\"laser\":\"beam-1\",\"threat_id\":3,"
                + "\"kill\":true,\"energy_fraction\":1.023457,\"reason\":\"kill\"}");
        assertThat(lines.get(10)).isEqualTo("{\"t\":46,\"kind\":\"stock_out\",\"battery\":\"battery-south\"}");
        assertThat(lines.get(11)).isEqualTo("{\"t\":60,\"kind\":\"resupplied\",\"battery\":\"battery-south\","
                + "\"rounds\":40,\"ready\":0,\"reserve\":40}");
        assertThat(lines.get(0)).isEqualTo("{\"t\":10,\"kind\":\"threat_launched\",\"threat_id\":1,\"raid\":\"north-1\","
                + "\"threat_type\":\"qassam\",\"category\":\"rocket_artillery_mortar\",\"launch_point\":{\"lat_deg\":31.5017,\"lon_deg\":34.4668,\"alt_m\":0},"
                + "\"aim_point\":{\"lat_deg\":31.525,\"lon_deg\":34.5965,\"alt_m\":0},"
                + "\"predicted_impact\":{\"lat_deg\":31.5250123,\"lon_deg\":34.5965111,\"alt_m\":0},"
                + "\"predicted_impact_time\":52.123,\"bound_for\":\"Sderot\"}");
        assertThat(lines.get(1)).isEqualTo("{\"t\":12.5,\"kind\":\"envelope_entered\",\"threat_id\":1,"
                + "\"battery\":\"battery-south\",\"leave_time\":41}");
        assertThat(lines.get(2)).isEqualTo("{\"t\":14.5,\"kind\":\"track_confirmed\",\"track_id\":1,\"threat_id\":1,"
                + "\"position\":{\"lat_deg\":31.51,\"lon_deg\":34.5,\"alt_m\":1234.57}}");
        assertThat(lines.get(3)).isEqualTo("{\"t\":15,\"kind\":\"decision\",\"track_id\":1,\"threat_id\":1,"
                + "\"decision\":\"engage\",\"reason\":\"engaged\",\"area\":\"Sderot\",\"probability\":0.9877}");
        assertThat(lines.get(4)).contains("\"intercept_time\":30,").contains("\"cost_usd\":50000}");
        assertThat(lines.get(6)).isEqualTo("{\"t\":29,\"kind\":\"apogee\",\"threat_id\":1,\"altitude_m\":7123.46}");
        assertThat(lines.get(7)).isEqualTo("{\"t\":30,\"kind\":\"intercept\",\"interceptor_id\":1,"
                + "\"battery\":\"battery-south\",\"threat_id\":1,\"kill\":true,\"miss_distance_m\":2.35,\"reason\":\"kill\"}");
        assertThat(lines.get(9)).isEqualTo("{\"t\":45,\"kind\":\"impact\",\"threat_id\":2,"
                + "\"point\":{\"lat_deg\":31.4,\"lon_deg\":34.3,\"alt_m\":0},\"area\":null,\"area_kind\":null}");
    }

    @Test
    void everyEventKindHasALayout() throws IOException {
        // Constructing the recorder lays out every permitted SimEvent; an unsupported component type throws here.
        assertThat(SimEvent.class.getPermittedSubclasses()).isNotEmpty();
        String text = record(Fixtures.events(0));
        List<String> kinds = text.lines().map(l -> l.replaceAll(".*\"kind\":\"([a-z_]+)\".*", "$1")).toList();
        assertThat(kinds).hasSize(Fixtures.events(0).size());
        // The fixture covers every kind the engine has: a new kind should be added to it.
        assertThat(Fixtures.events(0).stream().map(Object::getClass).distinct().count())
                .isEqualTo(SimEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void identicalEventsGiveIdenticalBytesAndDifferentEventsDifferentBytes() throws IOException {
        assertThat(record(Fixtures.events(0))).isEqualTo(record(Fixtures.events(0)));
        assertThat(record(Fixtures.events(1e-5))).isNotEqualTo(record(Fixtures.events(0)));
    }

    @Test
    void nonFiniteNumbersBecomeNull() throws IOException {
        String line = record(List.of(new SimEvent.EngagementDecision(1, 2, 0, "hold", "no_prediction", null,
                Double.NaN)));
        assertThat(line).isEqualTo("{\"t\":1,\"kind\":\"decision\",\"track_id\":2,\"threat_id\":0,\"decision\":\"hold\","
                + "\"reason\":\"no_prediction\",\"area\":null,\"probability\":null}\n");
    }

    @Test
    void writesAFileInUtf8AndCounts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.jsonl");
        EventRecorder recorder = EventRecorder.open(file);
        Fixtures.events(0).forEach(recorder::on);
        recorder.on(new SimEvent.TrackDropped(50, 3, "coasted — too long"));
        assertThat(recorder.count()).isEqualTo(Fixtures.events(0).size() + 1);
        recorder.close();
        assertThat(Files.readString(file)).contains("\"reason\":\"coasted — too long\"");
    }

    @Test
    void aWriteFailureIsKeptAndThrownOnClose() {
        Writer failing = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
            }
        };
        EventRecorder recorder = new EventRecorder(failing);
        // Jackson buffers: make enough events to force a write through.
        for (int i = 0; i < 2000; i++) {
            Fixtures.events(0).forEach(recorder::on);
        }
        assertThat(recorder.count()).isLessThan(16_000);
        assertThatThrownBy(recorder::close).isInstanceOf(IOException.class).hasMessageContaining("disk full");
    }

    @Test
    void decimalsFollowTheUnitInTheName() {
        assertThat(EventRecorder.decimalsFor("time")).isEqualTo(3);
        assertThat(EventRecorder.decimalsFor("interceptTime")).isEqualTo(3);
        assertThat(EventRecorder.decimalsFor("reloadTimeS")).isEqualTo(3);
        assertThat(EventRecorder.decimalsFor("missDistanceM")).isEqualTo(2);
        assertThat(EventRecorder.decimalsFor("speedMps")).isEqualTo(2);
        assertThat(EventRecorder.decimalsFor("costUsd")).isEqualTo(2);
        assertThat(EventRecorder.decimalsFor("probability")).isEqualTo(4);
        assertThat(EventRecorder.decimalsFor("hitProbability")).isEqualTo(4);
        assertThat(EventRecorder.decimalsFor("bearingDeg")).isEqualTo(7);
        assertThat(EventRecorder.decimalsFor("ratio")).isEqualTo(6);
        assertThat(EventRecorder.decimalsFor("M")).isEqualTo(6);
        assertThat(EventRecorder.snakeCase("missDistanceM")).isEqualTo("miss_distance_m");
        assertThat(EventRecorder.snakeCase("kind")).isEqualTo("kind");
    }

    @Test
    void decimalsAreRoundedHalfEvenAndPlain() {
        assertThat(Decimals.format(0.00001234, 7)).isEqualTo("0.0000123");
        assertThat(Decimals.format(1e-9, 7)).isEqualTo("0");
        assertThat(Decimals.format(-0.0, 3)).isEqualTo("0");
        assertThat(Decimals.format(-1e-9, 3)).isEqualTo("0");
        assertThat(Decimals.format(2.5e12, 2)).isEqualTo("2500000000000");
        assertThat(Decimals.format(0.125, 2)).isEqualTo("0.12");
        assertThat(Decimals.format(Double.POSITIVE_INFINITY, 2)).isNull();
        assertThat(Arrays.asList(Decimals.format(1.0, 3), Decimals.format(12.3456, 3))).containsExactly("1", "12.346");
    }
}
