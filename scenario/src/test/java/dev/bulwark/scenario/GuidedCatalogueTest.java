package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.guided.BallisticMissileFlier;
import dev.bulwark.engine.flight.guided.BallisticMissileThreat;
import dev.bulwark.engine.flight.guided.GuidedTrajectory;
import dev.bulwark.engine.flight.guided.Route;
import dev.bulwark.engine.flight.guided.WaypointFlier;
import dev.bulwark.engine.flight.guided.WaypointThreat;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The guided types of the built-in catalogue, flown by the simulator's own models from
 * 31.5° N 34.5° E, against the public figures their entries cite: range and flight time within
 * 10%, and the 10–13 minute flight of a 1,500 km ballistic missile. Also keeps the tables of
 * docs/scenario-reference.md equal to the catalogue.
 */
class GuidedCatalogueTest {

    private static final Ellipsoid WGS84 = Ellipsoid.WGS84;
    private static final GeodeticPoint LAUNCH = GeodeticPoint.ofDegrees(31.5, 34.5, 0);
    private static final Map<String, ThreatClass> CATALOGUE = ThreatCatalogue.builtIn();

    @Test
    void kindsAreThoseOfTheirEntries() {
        assertThat(CATALOGUE.get("shahed-136").category()).isEqualTo(ThreatClass.Category.DRONE);
        assertThat(CATALOGUE.get("cruise-missile").category()).isEqualTo(ThreatClass.Category.CRUISE_MISSILE);
        assertThat(CATALOGUE.get("srbm-300").category()).isEqualTo(ThreatClass.Category.BALLISTIC_MISSILE);
        assertThat(CATALOGUE.get("mrbm-1500").category()).isEqualTo(ThreatClass.Category.BALLISTIC_MISSILE);
        assertThat(CATALOGUE.get("qassam").category()).isEqualTo(ThreatClass.Category.ROCKET_ARTILLERY_MORTAR);
    }

    @Test
    void theShahedFliesAThousandKilometresAt185KmPerHour() {
        // PF: ~185 km/h, up to ~2,500 km. A 1,000 km route (west, over the sea) at the cruise height
        // takes 1,000 km / 185 km/h = 5.41 h; the model's time must be within 10% of it.
        WaypointThreat drone = (WaypointThreat) CATALOGUE.get("shahed-136");
        GeodeticPoint target = at(1_000_000, Math.toRadians(270));
        Route route = Route.direct(LAUNCH, target, drone.vehicle().cruiseHeightM());
        GuidedTrajectory t = new WaypointFlier(WGS84, 0.5).fly(drone.vehicle(), 0, route);
        double expected = 1_000_000 / (185 / 3.6);
        assertThat(t.flightTime()).isBetween(0.9 * expected, 1.1 * expected);
        assertThat(drone.vehicle().maxRangeM()).isEqualTo(2_500_000.0);
        // its cruise drag is that of a light airframe: under 0.5 kN (a few kW at 51 m/s)
        assertThat(drone.cruiseDragN(500)).isBetween(50.0, 500.0);
    }

    @Test
    void theCruiseMissileFliesItsRouteAtItsSpeed() {
        // [notional] 250 m/s: a 400 km route in 1,600 s ± 10%
        WaypointThreat missile = (WaypointThreat) CATALOGUE.get("cruise-missile");
        GeodeticPoint target = at(400_000, Math.toRadians(270));
        Route route = Route.direct(LAUNCH, target, missile.vehicle().cruiseHeightM());
        GuidedTrajectory t = new WaypointFlier(WGS84, 0.1).fly(missile.vehicle(), 0, route);
        assertThat(t.flightTime()).isBetween(0.9 * 1_600, 1.1 * 1_600);
    }

    @Test
    void theScudClassReachesItsPublishedThreeHundredKilometres() {
        // press: Scud-B range 300 km; within 10% fired west (against the Earth's rotation) and north
        BallisticMissileThreat srbm = (BallisticMissileThreat) CATALOGUE.get("srbm-300");
        BallisticMissileFlier flier = new BallisticMissileFlier(EarthModel.WGS84, 0.1);
        for (double azimuthDeg : new double[] {270, 0}) {
            double km = flier.reach(srbm.type(), LAUNCH, Math.toRadians(azimuthDeg)).maxRangeM() / 1000;
            assertThat(km).as("greatest range at azimuth %s", azimuthDeg).isBetween(270.0, 330.0);
        }
        GuidedTrajectory t = flier.aim(srbm.type(), 0, LAUNCH, at(300_000, Math.toRadians(270))).trajectory();
        // a 300 km ballistic flight takes about 5 minutes (minimum-energy flight: 4.5–6 min)
        assertThat(t.flightTime() / 60).isBetween(4.5, 6.0);
    }

    @Test
    void theMediumRangeMissileFlies1500KilometresInTenToThirteenMinutes() {
        // public reporting: ~12 minutes to Israel; the issue asks for the 10–13 minute band
        BallisticMissileThreat mrbm = (BallisticMissileThreat) CATALOGUE.get("mrbm-1500");
        BallisticMissileFlier flier = new BallisticMissileFlier(EarthModel.WGS84, 0.1);
        double km = flier.reach(mrbm.type(), LAUNCH, Math.toRadians(270)).maxRangeM() / 1000;
        assertThat(km).isBetween(1_350.0, 1_650.0);
        GuidedTrajectory t = flier.aim(mrbm.type(), 0, LAUNCH, at(1_500_000, Math.toRadians(270))).trajectory();
        assertThat(t.flightTime() / 60).isBetween(10.0, 13.0);
        // re-entry at several km/s (PF)
        double[] s = new double[6];
        t.stateAt(t.impactTime() - 60, s);
        assertThat(Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5])).isGreaterThan(2_000);
    }

    @Test
    void theReferenceTablesShowTheCatalogue() throws IOException {
        List<String[]> rows = Files.readAllLines(TestFiles.repositoryRoot().resolve("docs/scenario-reference.md"))
                .stream().filter(l -> l.matches("\\| `[a-z0-9-]+` \\| .*")).map(l -> l.split("\\|"))
                .collect(Collectors.toList());
        int waypointRows = 0;
        int missileRows = 0;
        for (String[] cells : rows) {
            ThreatClass type = CATALOGUE.get(cells[1].strip().replace("`", ""));
            if (type instanceof WaypointThreat w && cells.length == 13) {
                waypointRows++;
                assertThat(cells[2].strip()).isEqualTo(ThreatTypes.kindOf(w));
                assertThat(numbers(cells, 3)).containsExactly(w.massKg(), w.vehicle().cruiseSpeedMps(),
                        w.vehicle().cruiseHeightM(), w.vehicle().maxRangeM() / 1000,
                        round(Math.toDegrees(w.vehicle().maxBankRad())),
                        round(Math.toDegrees(w.vehicle().diveAngleRad())), w.vehicle().popUpHeightM(), w.rcsM2(),
                        w.costUsd(), w.cepM());
            } else if (type instanceof BallisticMissileThreat b && cells.length == 10) {
                missileRows++;
                assertThat(numbers(cells, 2)).containsExactly(b.type().liftoffMassKg(), b.type().propellantMassKg(),
                        b.type().burnTimeS(), b.type().specificImpulseS(), b.type().reentryMassKg(), b.rcsM2(),
                        b.costUsd(), b.cepM());
            }
        }
        assertThat(waypointRows).isEqualTo(2);
        assertThat(missileRows).isEqualTo(2);
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    private static Double[] numbers(String[] cells, int from) {
        Double[] out = new Double[cells.length - from];
        for (int i = from; i < cells.length; i++) {
            out[i - from] = Double.valueOf(cells[i].strip());
        }
        return out;
    }

    /** The point at a distance (m) and azimuth (rad) from the launch point, in its tangent plane, on the ground. */
    private static GeodeticPoint at(double rangeM, double azimuth) {
        double[] ecef = new double[3];
        new LocalFrame(WGS84, LAUNCH).enuToEcef(rangeM * Math.sin(azimuth), rangeM * Math.cos(azimuth), 0, ecef);
        return WGS84.toGeodetic(ecef).withAltitude(0);
    }
}
