package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each file under {@code malformed/} has exactly one mistake; the loader must report exactly
 * that one, at the right line and column, under the right field path, with a message that
 * says what is wrong.
 */
class MalformedScenarioTest {

    private static final String TABLE_HEADER = "file | field | line | column | phrase";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', useHeadersInDisplayName = false, textBlock = """
            battery-max-range-below-min    | batteries[0].max_range_km           | 16 | 19 | must be greater than min_range_km (4), got 3
            boolean-expected               | doctrine.shoot_look_shoot           | 18 | 21 | expected true or false, got 'yes'
            both-aims                      | raids[0].aim_area                   | 15 | 15 | either aim_town or aim_area, not both
            confidence-below-threshold     | doctrine.engage_confidence          | 13 | 22 | must be at least engage_threshold (0.5), got 0.3
            count-zero                     | raids[0].count                      | 15 | 12 | must be at least 1, got 0
            doctrine-max-below-salvo       | doctrine.max_interceptors_per_threat | 19 | 32 | must be at least salvo_size (3), got 2
            duplicate-area-name            | defended_areas[1].name              | 10 | 11 | duplicate defended area name 'Town': already used by defended_areas[0] on line 6
            duplicate-key                  | seed                                |  5 |  1 | key 'seed' is given twice (first on line 4)
            duplicate-radar-name           | radars[1].name                      | 15 | 11 | duplicate radar name 'R1'
            duplicate-threat-type          | threat_types[1].name                |  8 | 11 | duplicate threat type name 'grad-122'
            empty-file                     | ""                                  |  1 |  1 | the file is empty
            fractional-launchers           | batteries[0].launchers              | 13 | 16 | expected a whole number, got 2.5
            future-version                 | bulwark                             |  1 | 10 | unsupported format version 3; this version of Bulwark reads format 1
            geojson-file-missing           | defended_areas[0].geojson           |  9 | 14 | GeoJSON file not found
            missile-too-close              | raids[0].aim_town                   | 14 | 15 | the aim area is too close to reach: its nearest point is 20.9 km from the launch area, but srbm-300 reaches
            resupply-no-rounds             | batteries[0].resupply.rounds        | 17 | 37 | must be at least 1, got 0
            route-on-a-rocket              | raids[0].route                      | 17 | 12 | route is for drones and cruise missiles; grad-122 is an unguided threat type
            route-too-long                 | raids[0].route                      | 20 | 12 | the route is too long: from the launch area through its 2 waypoints to the far side of the aim area it is 59.5 km, but shahed-136 flies at most 50.0 km
            threat-kind-changed            | threat_types[0].kind                | 12 | 11 | 'shahed-136' is a drone in the built-in catalogue; an entry with its name changes its values, not its kind
            threat-kind-unknown            | threat_types[0].kind                | 12 | 11 | unknown kind 'glider'; valid: unguided, drone, cruise_missile, ballistic_missile
            missing-name                   | name                                |  1 |  1 | missing required key 'name'
            missing-probability-of-kill    | batteries[0].probability_of_kill    | 11 |  5 | missing required key 'probability_of_kill'
            missing-version                | bulwark                             |  1 |  1 | missing required key 'bulwark'
            negative-duration              | duration_s                          |  3 | 13 | must be greater than 0, got -5
            new-threat-type-incomplete     | threat_types[0].dispersion_fraction |  6 |  5 | not in the built-in catalogue (qassam, rocket-107, grad-122, grad-122-er, fajr-5, mortar-120, shahed-136, cruise-missile, srbm-300, mrbm-1500), so it needs all its required keys
            no-aim                         | raids[0].aim_town                   | 11 |  5 | missing required key 'aim_town' (or 'aim_area'
            no-raids                       | raids                               | 10 |  8 | at least one raid is needed
            number-with-unit               | duration_s                          |  3 | 13 | without a unit, got '600s'
            origin-latitude-out-of-range   | origin.lat_deg                      |  4 | 19 | must be between -90 and 90, got 131.5
            polygon-lat-lon-swapped        | defended_areas[0].polygon[2][0]     |  9 | 48 | are latitude and longitude swapped?
            polygon-longitude-out-of-range | defended_areas[0].polygon[1][1]     |  9 | 39 | longitude must be between -180 and 180 degrees, got 194.58
            polygon-not-closed             | defended_areas[0].polygon           |  9 | 63 | the ring is not closed
            polygon-self-crossing          | defended_areas[0].polygon           |  9 | 14 | the ring crosses itself: the edge from vertex 0 to 1 crosses the edge from vertex 2 to 3
            polygon-too-few-vertices       | defended_areas[0].polygon           |  9 | 14 | at least 3 distinct vertices, got 2
            position-not-a-mapping         | radars[0].position                  | 12 | 15 | expected a mapping of keys (lat_deg, lon_deg, alt_m), got a list
            probability-out-of-range       | batteries[0].probability_of_kill    | 18 | 26 | must be between 0 and 1, got 1.5
            quoted-number                  | defended_areas[0].value             |  8 | 12 | remove the quotes
            radar-missing-position         | radars[0].position                  | 11 |  5 | missing required key 'position'
            radars-not-a-list              | radars                              | 10 |  9 | expected a list of radars
            raid-out-of-reach              | raids[0].aim_town                   | 14 | 15 | raid 'r1': the aim area is out of reach
            raid-outlasts-scenario         | raids[0].count                      | 15 | 12 | the last of 20 launches comes at 1170 s
            raid-too-close                 | raids[0].aim_town                   | 14 | 15 | raid 'r1': the aim area is too close to reach
            text-for-number                | radars[0].max_range_km              | 13 | 19 | expected a number, got the text 'far'
            tracker-window-below-hits      | tracker.confirm_window              | 19 | 19 | must be at least confirm_hits (4), got 3
            tracker-imm-with-jpda          | tracker.motion_model                | 19 | 17 | imm does not go with association jpda
            tracker-unknown-filter         | tracker.filter                      | 18 | 11 | unknown filter 'ukff'; did you mean 'ukf'? valid: ekf, ukf
            tracker-unknown-drag-curve     | tracker.drag_curve                  | 18 | 15 | unknown threat type 'grad-12'; did you mean 'grad-122'?
            tracker-drag-curve-not-unguided | tracker.drag_curve                 | 18 | 15 | 'shahed-136' is not an unguided type with a drag table
            unknown-aim-town               | raids[0].aim_town                   | 14 | 15 | unknown aim_town 'Twon'; did you mean 'Town'?
            unknown-area-kind              | defended_areas[0].kind              |  7 | 11 | unknown area kind 'hospitl'; did you mean 'hospital'?
            unknown-interceptor            | batteries[0].interceptor            | 17 | 18 | unknown interceptor 'tamir-clas'; did you mean 'tamir-class'?
            unknown-key-no-suggestion      | colour                              |  4 |  1 | unknown key 'colour'; valid keys here: bulwark, name,
            unknown-key-typo               | radars[0].revisit                   | 15 |  5 | unknown key 'revisit'; did you mean 'revisit_s'?
            unknown-threat-type            | raids[0].threat_type                | 12 | 18 | unknown threat type 'grod'; valid: qassam, rocket-107, grad-122, grad-122-er, fajr-5, mortar-120
            burnout-speed-and-motor        | threat_types[0].burnout_speed_mps   |  7 | 24 | give either burnout_speed_mps (an instantaneous boost) or a motor
            drag-coefficient-and-table     | threat_types[0].drag_table          |  8 | 17 | give either drag_coefficient (the same at every Mach number) or drag_table
            drag-table-not-increasing      | threat_types[0].drag_table[2][0]    |  7 | 43 | Mach numbers must increase down the table: 1 follows 1.2
            drag-table-not-pairs           | threat_types[0].drag_table[1]       |  7 | 30 | expected a pair [mach, cd], got 1 number
            max-elevation-below-min        | threat_types[0].max_elevation_deg   |  7 | 24 | max_elevation_deg (4) must be above min_elevation_deg (5)
            motor-incomplete               | threat_types[0].burn_time_s         |  6 |  5 | 'mortar-120' has an instantaneous boost (burnout_speed_mps) in the catalogue, so a motor needs burn_time_s, thrust_n (or total_impulse_n_s) and propellant_mass_kg; missing: burn_time_s, propellant_mass_kg
            unknown-trajectory             | threat_types[0].trajectory          |  7 | 17 | unknown trajectory 'steep'; valid: low
            wrong-version                  | bulwark                             |  1 | 10 | unsupported format version 2
            unknown-radar-type             | radars[0].type                      | 12 | 11 | unknown radar type 'elm-2048'; valid: elm-2084-class, gap-filler, early-warning
            radar-half-width-out-of-range  | radars[0].azimuth_half_width_deg    | 15 | 29 | out of range: must be
            radar-type-max-range-below-min | radars[0].max_range_km              | 11 |  5 | must be greater than min_range_km (40), radar type 'gap-filler' gives 30
            radar-below-ground             | radars[0].position.alt_m            | 12 | 53 | the antenna must stand at or above the ground (0 m, origin.alt_m), got -20
            yaml-syntax-error              | ""                                  | 12 |  4 | not valid YAML
            """)
    void reportsTheOneProblem(String name, String field, int line, int column, String phrase) {
        Path file = TestFiles.resource("malformed/" + name + ".yaml");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));

        assertThat(e).as("%s must be rejected", name).isNotNull();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.file()).isEqualTo(file.toString());
        assertThat(p.field()).isEqualTo(field);
        assertThat(p.line()).as(p.format()).isEqualTo(line);
        assertThat(p.column()).as(p.format()).isEqualTo(column);
        assertThat(p.message()).contains(phrase);
        assertThat(e.getMessage()).isEqualTo(p.format())
                .startsWith(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": "));
    }

    /** Every file in the directory is in the table, so none is left untested. */
    @Test
    void everyMalformedFileIsInTheTable() throws IOException, NoSuchMethodException {
        Set<String> inTable = Stream.of(getClass().getDeclaredMethod("reportsTheOneProblem", String.class,
                        String.class, int.class, int.class, String.class).getAnnotation(CsvSource.class).textBlock()
                .split("\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.split("\\|")[0].strip())
                .collect(Collectors.toSet());
        List<String> files;
        try (Stream<Path> s = Files.list(TestFiles.resource("malformed"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(22);
        assertThat(inTable).as(TABLE_HEADER).containsExactlyInAnyOrderElementsOf(files);
    }
}
