package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.threat.AreaKind;
import dev.bulwark.engine.threat.DefendedArea;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Defended areas read from GeoJSON files, whose coordinates are [lon, lat]. */
class GeoJsonAreaTest {

    @Test
    void readsTheFeatureNamedLikeTheAreaOrChosenByFeature() throws ScenarioException {
        World w = ScenarioLoader.load(TestFiles.resource("geojson/areas.yaml")).world();

        DefendedArea town = w.areas().get(0);
        assertThat(town.name()).isEqualTo("Town");
        // outer ring only (the hole is ignored), [lon, lat] turned into latitude and longitude, at the ground height
        assertThat(town.boundary().vertices()).containsExactly(
                GeodeticPoint.ofDegrees(31.52, 34.56, 20), GeodeticPoint.ofDegrees(31.52, 34.58, 20),
                GeodeticPoint.ofDegrees(31.54, 34.58, 20), GeodeticPoint.ofDegrees(31.54, 34.56, 20));

        DefendedArea plant = w.areas().get(1);
        assertThat(plant.name()).isEqualTo("Plant");
        assertThat(plant.kind()).isEqualTo(AreaKind.INFRASTRUCTURE);
        assertThat(plant.value()).isEqualTo(300.0);
        // the third position carries an altitude, which is ignored
        assertThat(plant.boundary().vertices()).containsExactly(
                GeodeticPoint.ofDegrees(31.60, 34.50, 20), GeodeticPoint.ofDegrees(31.60, 34.51, 20),
                GeodeticPoint.ofDegrees(31.61, 34.51, 20));

        assertThat(w.raids().get(0).aimArea()).isEqualTo(town.boundary());
    }

    @Test
    void problemsInsideTheGeoJsonNameThatFileAndLine() {
        Path scenario = TestFiles.resource("geojson/broken-areas.yaml");
        String geojson = scenario.resolveSibling("areas/broken.geojson").toString();
        String towns = scenario.resolveSibling("areas/towns.geojson").toString();
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(scenario));

        assertThat(e.problems()).extracting(Problem::file, Problem::line, Problem::field).containsExactly(
                tuple(scenario.toString(), 17, "defended_areas[2].geojson"),
                tuple(scenario.toString(), 22, "defended_areas[3].feature"),
                tuple(geojson, 10, "features[0].geometry.coordinates[0]"),
                tuple(geojson, 17, "features[1].geometry.type"));
        assertThat(e.problems().get(0).message())
                .contains("no feature with properties.name 'Harbour' in " + geojson, "names there: Town, Port");
        assertThat(e.problems().get(1).message())
                .contains("'Power statoin' in " + towns, "did you mean 'Power station'?");
        assertThat(e.problems().get(2).message()).contains("the ring is not closed", "[34.56, 31.52]");
        assertThat(e.problems().get(3).message()).contains("MultiPolygon", "only Polygon is supported");
    }
}
