package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.flight.interceptor.InterceptorType;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.Resupply;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.threat.AreaKind;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.engine.track.TrackerSettings;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Valid scenarios load into the world they describe, in SI units, with the documented defaults. */
class ScenarioLoaderTest {

    private static final Offset<Double> EXACT = within(1e-12);

    private static double rad(double deg) {
        return Math.toRadians(deg);
    }

    @Test
    void minimalScenarioGetsEveryDefault() throws ScenarioException {
        Path file = TestFiles.resource("valid/base.yaml");
        LoadedScenario s = ScenarioLoader.load(file);
        World w = s.world();

        assertThat(s.file()).isEqualTo(file);
        assertThat(s.description()).isEmpty();
        assertThat(w.name()).isEqualTo("Minimal");
        assertThat(w.seed()).isEqualTo(1L);
        assertThat(w.durationS()).isEqualTo(600.0);
        assertThat(w.earth()).isSameAs(EarthModel.WGS84);
        assertThat(w.origin()).isEqualTo(GeodeticPoint.ofDegrees(31.5, 34.5, 0));
        assertThat(w.doctrine()).isEqualTo(Doctrine.DEFAULT);
        assertThat(w.tracker()).isEqualTo(TrackerSettings.DEFAULT);

        assertThat(w.areas()).hasSize(1);
        DefendedArea town = w.areas().get(0);
        assertThat(town.name()).isEqualTo("Town");
        assertThat(town.kind()).isEqualTo(AreaKind.RESIDENTIAL);
        assertThat(town.value()).isEqualTo(100.0);
        // the closing repeat is dropped: four corners remain, in the order written
        assertThat(town.boundary().vertices()).containsExactly(
                GeodeticPoint.ofDegrees(31.52, 34.56, 0), GeodeticPoint.ofDegrees(31.52, 34.58, 0),
                GeodeticPoint.ofDegrees(31.54, 34.58, 0), GeodeticPoint.ofDegrees(31.54, 34.56, 0));

        assertThat(w.radars()).hasSize(1);
        RadarSpec r = w.radars().get(0);
        assertThat(r.name()).isEqualTo("R1");
        assertThat(r.site()).isEqualTo(GeodeticPoint.ofDegrees(31.5, 34.6, 0));
        assertThat(r.minRangeM()).isEqualTo(500.0);
        assertThat(r.maxRangeM()).isEqualTo(100_000.0);
        assertThat(r.minElevationRad()).isCloseTo(rad(0.5), EXACT);
        assertThat(r.maxElevationRad()).isCloseTo(rad(80), EXACT);
        assertThat(r.revisitS()).isEqualTo(1.0);
        assertThat(r.referenceRangeM()).isEqualTo(60_000.0);
        assertThat(r.falseAlarmsPerScan()).isZero();
        assertThat(r.sigmaRangeM()).isEqualTo(15.0);
        assertThat(r.sigmaAzimuthRad()).isCloseTo(0.002, EXACT);
        assertThat(r.sigmaElevationRad()).isCloseTo(0.002, EXACT);

        assertThat(w.batteries()).hasSize(1);
        BatterySpec b = w.batteries().get(0);
        assertThat(b.name()).isEqualTo("B1");
        assertThat(b.site()).isEqualTo(GeodeticPoint.ofDegrees(31.51, 34.62, 0));
        assertThat(b.launchers()).isEqualTo(3);
        assertThat(b.roundsPerLauncher()).isEqualTo(20);
        assertThat(b.reserveRounds()).isZero();
        assertThat(b.reloadTimeS()).isEqualTo(600.0);
        assertThat(b.minRangeM()).isEqualTo(4_000.0);
        assertThat(b.maxRangeM()).isEqualTo(70_000.0);
        assertThat(b.minAltitudeM()).isCloseTo(300.0, EXACT);
        assertThat(b.maxAltitudeM()).isEqualTo(Double.POSITIVE_INFINITY); // no doctrine ceiling by default
        assertThat(b.interceptor()).isSameAs(InterceptorType.TAMIR_CLASS);
        assertThat(b.launchDelayS()).isEqualTo(2.0);
        assertThat(b.probabilityOfKill()).isEqualTo(0.9);
        assertThat(b.costPerInterceptorUsd()).isEqualTo(50_000.0);
        assertThat(b.divertRadiusM()).isEqualTo(150.0);

        assertThat(w.raids()).hasSize(1);
        RaidSpec raid = w.raids().get(0);
        assertThat(raid.name()).isEqualTo("r1");
        assertThat(raid.threatType()).isEqualTo(ThreatCatalogue.builtIn().get("grad-122"));
        assertThat(raid.launchArea().vertices()).hasSize(4)
                .first().isEqualTo(GeodeticPoint.ofDegrees(31.455, 34.425, 0));
        assertThat(raid.aimArea()).isEqualTo(town.boundary());
        assertThat(raid.aimLabel()).isEqualTo("Town");
        assertThat(raid.count()).isEqualTo(2);
        assertThat(raid.startS()).isZero();
        assertThat(raid.ratePerMinute()).isEqualTo(1.0);
    }

    @Test
    void everyKeyIsConvertedToSi() throws ScenarioException {
        LoadedScenario s = ScenarioLoader.load(TestFiles.resource("valid/full.yaml"));
        World w = s.world();

        assertThat(s.description()).isEqualTo("Every key set.");
        assertThat(w.seed()).isEqualTo(20240407L);
        assertThat(w.durationS()).isEqualTo(7200.0);
        assertThat(w.origin().altitude()).isEqualTo(50.0);
        // the origin's height is the ground height of every outline and the default height of every site
        assertThat(w.areas().get(0).boundary().vertices()).allSatisfy(v -> assertThat(v.altitude()).isEqualTo(50));
        assertThat(w.areas().get(0).kind()).isEqualTo(AreaKind.HOSPITAL);
        assertThat(w.batteries().get(0).site().altitude()).isEqualTo(50.0);

        RadarSpec r = w.radars().get(0);
        assertThat(r.site()).isEqualTo(GeodeticPoint.ofDegrees(31.5, 34.6, 120));
        assertThat(r.minRangeM()).isEqualTo(1_000.0);
        assertThat(r.maxRangeM()).isEqualTo(90_000.0);
        assertThat(r.minElevationRad()).isCloseTo(rad(1), EXACT);
        assertThat(r.maxElevationRad()).isCloseTo(rad(70), EXACT);
        assertThat(r.revisitS()).isEqualTo(2.0);
        assertThat(r.referenceRangeM()).isEqualTo(50_000.0);
        assertThat(r.falseAlarmsPerScan()).isEqualTo(0.5);
        assertThat(r.sigmaRangeM()).isEqualTo(10.0);
        assertThat(r.sigmaAzimuthRad()).isCloseTo(0.0015, EXACT);
        assertThat(r.sigmaElevationRad()).isCloseTo(0.003, EXACT);

        assertThat(w.batteries().get(0)).isEqualTo(new BatterySpec("B1", GeodeticPoint.ofDegrees(31.51, 34.62, 50),
                4, 20, 40, 900, 4_000, 70_000, 500, 9_000, InterceptorType.TAMIR_CLASS, 3, 0.85, 62_000, 200));
        assertThat(w.resupplies()).containsExactly(new Resupply("B1", 12 * 3600, 24 * 3600, 40));
        assertThat(w.doctrine()).isEqualTo(new Doctrine(0.3, 0.7, 2.0, 2, 3, false, 8000, 0.25, 0.8));
        assertThat(w.tracker()).isEqualTo(new TrackerSettings(2, 3, 4, 80, 500, 11.34,
                TrackerSettings.Association.JPDA, TrackerSettings.Motion.BALLISTIC_DRAG));

        // an override changes only the keys it gives; the rest come from the catalogue
        ThreatType grad = (ThreatType) w.raids().get(0).threatType();
        ThreatType builtIn = ThreatCatalogue.unguided().get("grad-122");
        assertThat(grad.costUsd()).isEqualTo(1200.0);
        assertThat(grad.massKg()).isEqualTo(builtIn.massKg());
        assertThat(grad.boost()).isEqualTo(builtIn.boost());
        assertThat(grad.drag()).isEqualTo(builtIn.drag());
        assertThat(grad.angleOfFire()).isEqualTo(builtIn.angleOfFire());
        assertThat(grad.maxElevationRad()).isEqualTo(builtIn.maxElevationRad());
        assertThat(grad.minElevationRad()).isEqualTo(builtIn.minElevationRad());

        RaidSpec atTown = w.raids().get(0);
        assertThat(atTown.startS()).isEqualTo(3600.0);
        assertThat(atTown.ratePerMinute()).isEqualTo(4.0);
        assertThat(atTown.count()).isEqualTo(10);

        RaidSpec free = w.raids().get(1);
        assertThat(free.threatType()).isEqualTo(new ThreatType("test-rocket", 40, 0.01, 0.25, 500, rad(12), 0.04,
                2000, 0.02));
        assertThat(free.aimLabel()).isEqualTo("open-ground");
        assertThat(free.aimArea().vertices()).hasSize(3);
        assertThat(free.ratePerMinute()).isEqualTo(0.5);
    }

    @Test
    void reportsEveryProblemOfAFileAtOnceInLineOrder() {
        Path file = TestFiles.resource("multi/many-problems.yaml");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));

        assertThat(e.problems()).extracting(Problem::line, Problem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7, "defended_areas[0].kind"),
                org.assertj.core.groups.Tuple.tuple(8, "defended_areas[0].value"),
                org.assertj.core.groups.Tuple.tuple(9, "defended_areas[0].polygon"),
                org.assertj.core.groups.Tuple.tuple(16, "batteries[0].max_rang_km"),
                org.assertj.core.groups.Tuple.tuple(22, "raids[0].threat_type"));
        assertThat(e.problems().get(0).message()).contains("did you mean 'residential'?");
        assertThat(e.problems().get(3).message()).contains("did you mean 'max_range_km'?");
        // the misspelt key is reported once, not also as a missing max_range_km; the raid aimed at the broken
        // town is not reported again as aiming at an unknown town
        assertThat(e.getMessage().lines()).hasSize(5).allSatisfy(l -> assertThat(l).startsWith(file + ":"));
    }

    @Test
    void aMissingFileIsAProblemNotAStackTrace() {
        Path file = Path.of("no-such-dir", "southern-front.yaml");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.format()).isEqualTo(file + ": no such file");
        });
        assertThat(e.getStackTrace()).isEmpty();
    }
}
