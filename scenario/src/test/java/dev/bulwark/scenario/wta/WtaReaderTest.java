package dev.bulwark.scenario.wta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.engine.assign.wta.WtaProblem;
import dev.bulwark.scenario.Problem;
import dev.bulwark.scenario.ScenarioException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both formats: good files read right, bad ones named with file, line, column and field. */
class WtaReaderTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(WtaReaderTest.class.getResource("/wta/" + name).toURI());
    }

    private static List<String> problems(String text) {
        try {
            WtaReader.parse(text, "x.wta");
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
        throw new AssertionError("no problem found in: " + text);
    }

    @Test
    void readsTheJsonFormat() throws Exception {
        WtaInstance in = WtaReader.read(resource("two-by-three.json"));
        WtaProblem p = in.problem();
        assertThat(in.targetNames()).containsExactly("Sderot", "Netivot", "power-station");
        assertThat(in.weaponNames()).containsExactly("battery-north", "battery-south");
        assertThat(p.values()).containsExactly(100, 60, 80);
        assertThat(p.counts()).containsExactly(2, 1);
        assertThat(p.killProbability(1, 2)).isEqualTo(0.85);
        assertThat(p.killProbability(0, 1)).isEqualTo(0.5);
    }

    @Test
    void readsTheAndersenTextFormat() throws Exception {
        WtaInstance in = WtaReader.read(resource("two-by-three.txt"));
        WtaProblem p = in.problem();
        assertThat(p.weaponTypes()).isEqualTo(2);
        assertThat(p.targets()).isEqualTo(3);
        assertThat(p.counts()).containsExactly(1, 1);
        assertThat(p.values()).containsExactly(10, 20, 30);
        assertThat(p.killProbability(1, 0)).isEqualTo(0.1);
        assertThat(p.killProbability(0, 2)).isEqualTo(0.7);
        assertThat(in.targetNames()).containsExactly("0", "1", "2");
    }

    @Test
    void aBadProbabilityInJsonIsNamedWithFileLineColumnAndField() throws Exception {
        Path f = resource("bad-probability.json");
        assertThatThrownBy(() -> WtaReader.read(f)).isInstanceOf(ScenarioException.class)
                .hasMessage(f + ":4:30: kill_probability[0][1]: expected a number from 0 to 1, got 1.5");
    }

    @Test
    void jsonMistakesAreAllReported() {
        assertThat(problems("{\"targets\": [{\"value\": -1}, {\"name\": \"b\", \"value\": \"x\"}],\n"
                + " \"weapons\": [{\"name\": \"w\", \"cuont\": 1}],\n \"kill_probability\": [[0.5, 0.5]], \"extra\": 1}"))
                .containsExactly(
                        "x.wta:3:36: extra: unknown key; valid: kill_probability, targets, weapons",
                        "x.wta:1:24: targets[0].value: expected a finite number >= 0, got -1",
                        "x.wta:1:52: targets[1].value: expected a finite number >= 0, got the text \"x\"",
                        "x.wta:2:28: weapons[0].cuont: unknown key; valid: name, count",
                        "x.wta:2:14: weapons[0].count: missing: a whole number >= 0");
        assertThat(problems("{\"targets\": [{\"value\": 1}],\n  \"weapons\": [{\"count\": 1.5}]}")).containsExactly(
                "x.wta:2:25: weapons[0].count: expected a whole number >= 0, got 1.5",
                "x.wta:1:1: kill_probability: missing: one row per weapon, one probability (0..1) per target");
        assertThat(problems("{\"targets\": [\n  {\"value\": 1}\n")).singleElement().asString()
                .startsWith("x.wta:3:1: not valid JSON: expected ',' or ']'");
    }

    @Test
    void textMistakesNameTheLine() {
        assertThat(problems("")).containsExactly(
                "x.wta:1:1: the file is empty; expected 'W T mu' (weapon types, targets, units per type) or a JSON"
                        + " object (docs/wta.md)");
        assertThat(problems("2 1\n")).singleElement().asString().startsWith("x.wta:1:1: header: expected 'W T mu'");
        assertThat(problems("1 2 1\n5\nten\n0 0 0.5\n0 1 0.5\n")).containsExactly(
                "x.wta:3:1: value of target 1: expected a number from 0 to any finite value, got 'ten'");
        assertThat(problems("1 2 1\n5\n6\n0 0 0.5\n0 0 1.2\n")).containsExactly(
                "x.wta:5:1: kill probability: expected a number from 0 to 1, got '1.2'",
                "x.wta:5:1: kill_probability: weapon type 0 and target 0 appear twice");
        assertThat(problems("1 2 1\n5\n6\n0 0 0.5\n")).containsExactly(
                "x.wta:5:1: kill_probability: the file ends after 1 of the 2 lines 'w t p' (W*T)");
        assertThat(problems("1 1 1\n5\n0 3 0.5\n")).containsExactly(
                "x.wta:3:1: kill_probability: weapon type must be 0..0 and target 0..0, got 0 3");
        assertThat(problems("1 1 1\n5\n0 0 0.5\n7\n")).containsExactly(
                "x.wta:4:1: unexpected text after the 1 probability lines: '7'");
    }

    @Test
    void aMissingFileIsSaidPlainly() {
        assertThatThrownBy(() -> WtaReader.read(Path.of("no/such.json"))).hasMessage("no/such.json: no such file");
    }
}
