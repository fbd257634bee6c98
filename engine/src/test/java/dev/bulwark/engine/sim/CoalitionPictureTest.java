package dev.bulwark.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.fusion.Alert;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.network.LinkSpec;
import dev.bulwark.engine.network.SharingPolicy;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.geo.GeodeticPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coalition picture on small worlds of the tiny raid (Qassams from the west at Sderot):
 * "West" sees the first half of each flight, "East" the second, "North" the middle.
 */
class CoalitionPictureTest {

    /** A short-range radar (m) with a 1 s revisit. */
    static RadarSpec shortRange(String name, double lat, double lon, double rangeM) {
        return new RadarSpec(name, GeodeticPoint.ofDegrees(lat, lon, 0), 200, rangeM, Math.toRadians(0.5),
                Math.toRadians(85), 1.0, 60_000, 0, 15, 0.002, 0.002);
    }

    static World world(long seed, List<RadarSpec> radars) {
        return TinyWorlds.world(seed, 8, radars, List.of(TinyWorlds.battery("B1", 31.52, 34.68, 20)));
    }

    static Coalition coalition(List<String> nations, List<String> radars, boolean full) {
        List<Coalition.Nation> list = new ArrayList<>();
        for (int k = 0; k < nations.size(); k++) {
            list.add(new Coalition.Nation(nations.get(k), List.of(radars.get(k)), List.of(), List.of(), k == 0, null));
        }
        List<Coalition.Link> links = new ArrayList<>();
        List<Coalition.Sharing> sharing = new ArrayList<>();
        for (String a : nations) {
            for (String b : nations) {
                if (!a.equals(b)) {
                    links.add(new Coalition.Link(a, b, LinkSpec.PERFECT));
                    sharing.add(new Coalition.Sharing(a, b, full ? SharingPolicy.full(Ellipsoid.WGS84)
                            : SharingPolicy.none(Ellipsoid.WGS84)));
                }
            }
        }
        return new Coalition(list, links, sharing);
    }

    static final List<RadarSpec> TWO = List.of(shortRange("RW", 31.535, 34.505, 6_000),
            shortRange("RE", 31.525, 34.60, 6_000));

    @Test
    void fusedPictureIsAtLeastAsAccurateAsTheBestSingleNode() {
        World w = world(3, TWO);
        CoalitionPicture.Result r = new CoalitionPicture(w, coalition(List.of("West", "East"), List.of("RW", "RE"),
                true)).run(ProgressListener.NONE);
        CoalitionPicture.NationMeasures west = r.nation("West");
        CoalitionPicture.NationMeasures east = r.nation("East");
        double bestOwn = Math.min(west.gospaOwn(), east.gospaOwn());
        assertTrue(west.gospaShared() <= bestOwn && east.gospaShared() <= bestOwn,
                "shared " + west.gospaShared() + ", " + east.gospaShared() + " against own " + west.gospaOwn()
                        + ", " + east.gospaOwn());
        assertTrue(west.gospaShared() < west.gospaOwn() && east.gospaShared() < east.gospaOwn());
        assertEquals(0, west.rejectedTotal() + east.rejectedTotal());
        assertTrue(west.accepted() > 0 && east.accepted() > 0);
        assertTrue(r.alerts().isEmpty(), r.alerts().toString());
    }

    @Test
    void sharingNeverDelaysWarningAndWarnsTheFarNodeEarlier() {
        World w = world(4, TWO);
        CoalitionPicture.Result r = new CoalitionPicture(w, coalition(List.of("West", "East"), List.of("RW", "RE"),
                true)).run(ProgressListener.NONE);
        for (CoalitionPicture.NationMeasures n : r.nations()) {
            assertTrue(n.warningDelaySharedS() <= n.warningDelayOwnS(), n.toString());
            assertTrue(n.seenShared() >= n.seenOwn());
            for (int i = 0; i < r.threats(); i++) {
                double own = n.firstSeenOwn().get(i);
                double shared = n.firstSeenShared().get(i);
                assertTrue(Double.isNaN(own) || shared <= own, n.name() + " threat " + (i + 1));
            }
        }
        CoalitionPicture.NationMeasures east = r.nation("East");
        assertTrue(east.warningDelaySharedS() < east.warningDelayOwnS() - 5, east.toString());
        // without sharing, the shared picture is the own picture
        CoalitionPicture.Result alone = new CoalitionPicture(w, coalition(List.of("West", "East"),
                List.of("RW", "RE"), false)).run(ProgressListener.NONE);
        for (CoalitionPicture.NationMeasures n : alone.nations()) {
            assertEquals(n.warningDelayOwnS(), n.warningDelaySharedS(), 1e-9);
            assertEquals(n.gospaOwn(), n.gospaShared(), 1e-9);
            assertEquals(r.nation(n.name()).gospaOwn(), n.gospaOwn(), 1e-9);
        }
    }

    @Test
    void cuttingOneLinkChangesOnlyTheNodeThatReceivesOverIt() {
        List<RadarSpec> three = List.of(TWO.get(0), TWO.get(1), shortRange("RN", 31.56, 34.555, 6_000));
        World w = world(5, three);
        Coalition c = coalition(List.of("West", "East", "North"), List.of("RW", "RE", "RN"), true);
        List<Coalition.Link> cut = new ArrayList<>();
        for (Coalition.Link l : c.links()) {
            cut.add(l.from().equals("West") && l.to().equals("East")
                    ? new Coalition.Link(l.from(), l.to(), l.spec().withOutages(List.of(new LinkSpec.Outage(0, 1e6))))
                    : l);
        }
        CoalitionPicture.Result whole = new CoalitionPicture(w, c).run(ProgressListener.NONE);
        CoalitionPicture.Result broken = new CoalitionPicture(w, c.withLinks(cut)).run(ProgressListener.NONE);
        assertEquals(whole.nation("West"), broken.nation("West"));
        assertEquals(whole.nation("North"), broken.nation("North"));
        CoalitionPicture.NationMeasures before = whole.nation("East");
        CoalitionPicture.NationMeasures after = broken.nation("East");
        assertNotEquals(before, after);
        assertTrue(after.lost() > 0 && before.lost() == 0);
        assertTrue(after.accepted() < before.accepted());
        // graceful: East still has its own picture, and North's reports
        assertEquals(before.gospaOwn(), after.gospaOwn(), 1e-9);
        assertTrue(after.warningDelaySharedS() <= after.warningDelayOwnS());
    }

    @Test
    void aSpoofingPartnerIsIsolatedWithinAFewScansAndItsFalseTracksLeaveThePicture() {
        // East has a long-range radar over the whole area, so West's false tracks fall in its coverage
        List<RadarSpec> radars = List.of(TWO.get(0), TinyWorlds.radar("RE", 31.52, 34.55));
        World w = world(6, radars);
        Coalition honest = coalition(List.of("West", "East"), List.of("RW", "RE"), true);
        List<Coalition.Nation> nations = new ArrayList<>(honest.nations());
        Coalition.Nation west = nations.get(0);
        double from = 100;
        nations.set(0, new Coalition.Nation(west.name(), west.radars(), west.batteries(), west.lasers(), west.lead(),
                new Coalition.Compromise(3, from)));
        Coalition spoofed = new Coalition(nations, honest.links(), honest.sharing());
        CoalitionPicture.Result r = new CoalitionPicture(w, spoofed).run(ProgressListener.NONE);
        CoalitionPicture.NationMeasures east = r.nation("East");
        assertEquals(List.of("West"), east.isolated());
        assertEquals(1, east.alerts());
        Alert a = r.alerts().get(0);
        assertEquals(Alert.Kind.PARTNER_ISOLATED, a.kind());
        assertTrue(a.time() >= from && a.time() <= from + 12, "isolated at " + a.time());
        assertTrue(east.falseHeld() > 0, "the false tracks entered the picture before isolation");
        assertEquals(0, east.falseHeldAfterAlert());
        assertTrue(r.nation("West").isolated().isEmpty());
        // the honest coalition raises nothing
        CoalitionPicture.Result calm = new CoalitionPicture(w, honest).run(ProgressListener.NONE);
        assertTrue(calm.alerts().isEmpty(), calm.alerts().toString());
    }

    @Test
    void theSameSeedGivesTheSameMeasuresAndAnotherSeedOthers() {
        Coalition c = coalition(List.of("West", "East"), List.of("RW", "RE"), true);
        CoalitionPicture.Result a = new CoalitionPicture(world(7, TWO), c).run(ProgressListener.NONE);
        CoalitionPicture.Result b = new CoalitionPicture(world(7, TWO), c).run(ProgressListener.NONE);
        CoalitionPicture.Result other = new CoalitionPicture(world(8, TWO), c).run(ProgressListener.NONE);
        assertEquals(a, b);
        assertNotEquals(a.nations(), other.nations());
    }

    @Test
    void theTruthIsTheRaidTheSimulationFlies() {
        World w = world(9, TWO);
        List<ThreatTruth> mine = RaidTruths.fly(w);
        List<SimEvent.ThreatLaunched> launched = new ArrayList<>();
        for (SimEvent e : TinyWorlds.events(w)) {
            if (e instanceof SimEvent.ThreatLaunched l) {
                launched.add(l);
            }
        }
        assertEquals(launched.size(), mine.size());
        for (int i = 0; i < mine.size(); i++) {
            SimEvent.ThreatLaunched l = launched.get(i);
            ThreatTruth t = mine.get(i);
            assertEquals(l.threatId(), t.id);
            assertEquals(l.launchPoint(), t.launchPoint);
            assertEquals(l.aimPoint(), t.aimPoint);
            assertEquals(l.predictedImpact(), t.trajectory.impactPoint());
            assertEquals(l.predictedImpactTime(), t.trajectory.impactTime());
        }
    }
}
