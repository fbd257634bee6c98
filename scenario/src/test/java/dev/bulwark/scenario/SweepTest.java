package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.effector.Resupply;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code sweep} section: the grid is the cartesian product of the values in declaration
 * order (last parameter fastest), each kind of parameter really changes the concrete world and
 * nothing else, and mistakes are reported with file, line and field.
 */
class SweepTest {

    /** Line of the first line appended to {@code sweep/base.yaml}. */
    private static final int FIRST = 42;

    @TempDir
    Path dir;

    private Path withSweep(String sweep) throws IOException {
        String base = Files.readString(TestFiles.resource("sweep/base.yaml"));
        assertThat(base.lines().count()).isEqualTo(FIRST - 1);
        return Files.writeString(dir.resolve("swept.yaml"), base + sweep);
    }

    private LoadedScenario load(String sweep) throws IOException, ScenarioException {
        return ScenarioLoader.load(withSweep(sweep));
    }

    @Test
    void withoutASweepTheGridIsTheScenarioItself() throws ScenarioException {
        LoadedScenario s = ScenarioLoader.load(TestFiles.resource("sweep/base.yaml"));
        assertThat(s.sweep().isEmpty()).isTrue();
        assertThat(s.sweepPoints()).singleElement().satisfies(p -> assertThat(p.world()).isEqualTo(s.world()));
    }

    @Test
    void theGridIsTheCartesianProductWithTheLastParameterFastest() throws Exception {
        LoadedScenario s = load("""
                sweep:
                  - parameter: batteries
                    values: [1, 2]
                  - parameter: laser
                    values: [false, true]
                  - parameter: raid_scale
                    values: [0.5, 1, 1.5]
                """);
        List<Sweep.Point> points = s.sweepPoints();
        assertThat(s.sweep().size()).isEqualTo(12);
        assertThat(points).hasSize(12);
        assertThat(points.stream().map(p -> p.describe(s.sweep())).toList()).startsWith(
                "batteries=1, laser=off, raid_scale=0.5",
                "batteries=1, laser=off, raid_scale=1",
                "batteries=1, laser=off, raid_scale=1.5",
                "batteries=1, laser=on, raid_scale=0.5");
        assertThat(points.get(11).describe(s.sweep())).isEqualTo("batteries=2, laser=on, raid_scale=1.5");
        for (int i = 0; i < points.size(); i++) {
            assertThat(points.get(i).index()).isEqualTo(i);
            assertThat(points.get(i).world().seed()).isEqualTo(s.world().seed());
        }
        assertThat(s.sweep().parameters().stream().map(Sweep.Parameter::label).toList())
                .containsExactly("batteries", "laser", "raid_scale");
    }

    @Test
    void stockParametersChangeOneBatteryOrAll() throws Exception {
        LoadedScenario s = load("""
                sweep:
                  - {parameter: rounds_per_launcher, battery: B2, values: [4]}
                  - {parameter: reserve_rounds, values: [0, 7]}
                """);
        World w = s.sweepPoints().get(1).world();
        assertThat(w.batteries()).extracting(BatterySpec::roundsPerLauncher).containsExactly(20, 4);
        assertThat(w.batteries()).extracting(BatterySpec::reserveRounds).containsExactly(7, 7);
        assertThat(s.sweepPoints().get(0).world().batteries()).extracting(BatterySpec::reserveRounds)
                .containsExactly(0, 0);
        assertThat(s.sweep().parameters().get(0).label()).isEqualTo("rounds_per_launcher[B2]");
        // everything else as loaded
        assertThat(w.batteries().get(0).site()).isEqualTo(s.world().batteries().get(0).site());
        assertThat(w.raids()).isEqualTo(s.world().raids());
        assertThat(w.lasers()).isEqualTo(s.world().lasers());
    }

    @Test
    void theNumberOfBatteriesKeepsTheFirstKWithTheirResupply() throws Exception {
        LoadedScenario s = load("""
                sweep:
                  - parameter: batteries
                    values: [0, 1, 2]
                """);
        List<Sweep.Point> p = s.sweepPoints();
        assertThat(p.get(0).world().batteries()).isEmpty();
        assertThat(p.get(0).world().resupplies()).isEmpty();
        assertThat(p.get(1).world().batteries()).extracting(BatterySpec::name).containsExactly("B1");
        assertThat(p.get(1).world().resupplies()).isEmpty();
        assertThat(p.get(2).world().batteries()).extracting(BatterySpec::name).containsExactly("B1", "B2");
        assertThat(p.get(2).world().resupplies()).extracting(Resupply::battery).containsExactly("B2");
        assertThat(p.get(2).world()).isEqualTo(s.world());
    }

    @Test
    void aLaserIsSwitchedOffByNameOrAll() throws Exception {
        LoadedScenario one = load("""
                sweep:
                  - {parameter: laser, laser: L2, values: [true, false]}
                """);
        assertThat(one.sweepPoints().get(0).world().lasers()).extracting(LaserSpec::name).containsExactly("L1", "L2");
        assertThat(one.sweepPoints().get(1).world().lasers()).extracting(LaserSpec::name).containsExactly("L1");
        LoadedScenario all = load("""
                sweep:
                  - {parameter: laser, values: [false]}
                """);
        assertThat(all.sweepPoints().get(0).world().lasers()).isEmpty();
    }

    @Test
    void raidSizeScalesEveryRaidOrSetsOne() throws Exception {
        LoadedScenario s = load("""
                sweep:
                  - {parameter: raid_scale, values: [0.5, 1.25]}
                  - {parameter: raid_count, raid: west, values: [9]}
                """);
        List<Sweep.Point> p = s.sweepPoints();
        // scale first (6 -> 3, 4 -> 2; 6 -> 7.5 -> 8, 4 -> 5), then west's count set to 9
        assertThat(p.get(0).world().raids()).extracting(RaidSpec::count).containsExactly(9, 2);
        assertThat(p.get(1).world().raids()).extracting(RaidSpec::count).containsExactly(9, 5);
        RaidSpec before = s.world().raids().get(1);
        RaidSpec after = p.get(1).world().raids().get(1);
        assertThat(after.launchArea()).isEqualTo(before.launchArea());
        assertThat(after.ratePerMinute()).isEqualTo(before.ratePerMinute());
        assertThat(Sweep.scaled(1, 0.1)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown parameter  | "  - {parameter: stock, values: [1]}"                      | 1 | 17 | sweep[0].parameter        | unknown parameter 'stock'; valid: rounds_per_launcher, reserve_rounds, batteries, laser, raid_scale, raid_count
            unknown battery    | "  - {parameter: reserve_rounds, battery: B3, values: [1]}" | 1 | 42 | sweep[0].battery          | unknown battery 'B3'; did you mean 'B1'? the scenario's batteries: B1, B2
            unknown raid       | "  - {parameter: raid_count, raid: east, values: [1]}"      | 1 | 35 | sweep[0].raid             | unknown raid 'east'; did you mean 'west'? the scenario's raids: west, late
            wrong target       | "  - {parameter: batteries, battery: B1, values: [1]}"      | 1 | 37 | sweep[0].battery          | parameter batteries acts on the scenario as a whole and takes no 'battery'
            empty values       | "  - {parameter: raid_scale, values: []}"                   | 1 | 37 | sweep[0].values           | at least one value is needed, got an empty list
            missing values     | "  - {parameter: raid_scale}"                               | 1 |  5 | sweep[0].values           | missing required key 'values'
            non-numeric        | "  - {parameter: raid_scale, values: [1, big]}"             | 1 | 41 | sweep[0].values[1]        | expected a number, got the text 'big'
            not a boolean      | "  - {parameter: laser, values: [on]}"                      | 1 | 33 | sweep[0].values[0]        | expected true (laser deployed) or false (left out), got 'on'
            fractional rounds  | "  - {parameter: rounds_per_launcher, values: [2.5]}"       | 1 | 47 | sweep[0].values[0]        | expected a whole number, got 2.5
            too many batteries | "  - {parameter: batteries, values: [1, 3]}"                | 1 | 40 | sweep[0].values[1]        | must be between 0 and 2, got 3
            repeated value     | "  - {parameter: raid_scale, values: [1, 1.0]}"             | 1 | 41 | sweep[0].values[1]        | the value 1.0 is given twice
            raid outlasts      | "  - {parameter: raid_scale, values: [1, 3]}"               | 1 | 41 | sweep[0].values[1]        | with raid_scale 3, raid 'late' has 12 rounds and its last launch comes at 1260 s
            not a list         | "  parameter: raid_scale"                                   | 1 |  3 | sweep                     | expected a list of sweep parameters
            """)
    void mistakesAreReportedWithLineAndField(String what, String entry, int lineOffset, int column, String field,
            String phrase) throws IOException {
        Path file = withSweep("sweep:\n" + entry + "\n");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertThat(e).as(what).isNotNull();
        assertThat(e.problems()).as(e.getMessage()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(phrase);
            assertThat(p.line()).isEqualTo(FIRST + lineOffset);
            assertThat(p.column()).isEqualTo(column);
        });
    }

    @Test
    void aParameterDeclaredTwiceAndAGridTooLargeAreRefused() throws IOException {
        ScenarioException twice = catchThrowableOfType(ScenarioException.class, () -> load("""
                sweep:
                  - {parameter: reserve_rounds, battery: B1, values: [1]}
                  - {parameter: reserve_rounds, battery: B1, values: [2]}
                """));
        assertThat(twice.getMessage()).contains(":44:").contains("sweep[1].parameter: parameter reserve_rounds[B1] is"
                + " already swept by sweep[0] on line 43");
        StringBuilder big = new StringBuilder("sweep:\n");
        for (String p : List.of("rounds_per_launcher", "reserve_rounds", "raid_count")) {
            big.append("  - {parameter: ").append(p).append(", values: [");
            for (int v = 1; v <= 30; v++) {
                big.append(v == 1 ? "" : ", ").append(v);
            }
            big.append("]}\n");
        }
        ScenarioException tooBig = catchThrowableOfType(ScenarioException.class, () -> load(big.toString()));
        assertThat(tooBig.getMessage()).contains("sweep: the grid has 27000 points").contains("limit of 10000");
    }
}
