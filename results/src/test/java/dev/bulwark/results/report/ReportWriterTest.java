package dev.bulwark.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.engine.sim.TinyWorlds;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.threat.AreaKind;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.engine.track.TrackerSettings;
import dev.bulwark.results.RunParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report of a small world run for real: well-formed, self-contained, every site named, and
 * its counts equal to the run's summary.
 */
class ReportWriterTest {

    /** Names with XML's special characters, to show they are escaped. */
    static final String ODD_AREA = "Kfar \"A\" & <B>";
    static final String ODD_RADAR = "Radar <north> & 'co'";

    static World world;
    static RunSummary summary;
    static ReportCollector collector;
    static String html;
    static Document doc;

    @BeforeAll
    static void runAndWrite() throws Exception {
        DefendedArea odd = new DefendedArea(ODD_AREA, AreaKind.HOSPITAL, 300,
                TinyWorlds.box(31.540, 34.585, 31.548, 34.600));
        RaidSpec north = new RaidSpec("north", TinyWorlds.QASSAM, TinyWorlds.box(31.525, 34.50, 31.545, 34.52),
                TinyWorlds.town().boundary(), "Sderot", 10, 10, 4);
        // aimed beside the town: most fall in open ground, some scatter into the small area
        RaidSpec wide = new RaidSpec("wide", TinyWorlds.QASSAM, TinyWorlds.box(31.525, 34.50, 31.545, 34.52),
                TinyWorlds.box(31.538, 34.58, 31.56, 34.62), "wide", 10, 20, 4);
        List<RadarSpec> radars = List.of(TinyWorlds.radar("R1", 31.45, 34.62), TinyWorlds.radar(ODD_RADAR, 31.6, 34.6));
        world = new World("report <test>", GeodeticPoint.ofDegrees(31.52, 34.55, 0), 3, 400, EarthModel.WGS84,
                List.of(TinyWorlds.town(), odd), radars,
                List.of(TinyWorlds.battery("B1", 31.52, 34.68, 20), TinyWorlds.battery("B2 & spare", 31.55, 34.64, 3)),
                List.of(north, wide), Doctrine.DEFAULT, TrackerSettings.DEFAULT);
        Simulation sim = new Simulation(world);
        collector = new ReportCollector(world);
        sim.bus().subscribe(collector);
        summary = sim.run(ProgressListener.NONE);
        html = render();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String render() throws IOException {
        StringWriter w = new StringWriter();
        ReportWriter.writeHtml(world, collector, summary, new RunParameters("test.yaml", 3, "0.1.0-TEST"), w);
        return w.toString();
    }

    @Test
    void theRunHasSomethingOfEveryOutcomeToDraw() {
        assertThat(summary.launched()).isEqualTo(20);
        assertThat(summary.intercepted()).isPositive();
        assertThat(summary.fellInOpenGround()).isPositive();
        assertThat(summary.interceptorsFired()).isPositive();
    }

    @Test
    void isWellFormedXmlWithTheMapAndEveryChart() {
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        for (String id : List.of("map", "chart-timeline", "chart-stock", "chart-leaks", "chart-cost", "chart-tracks")) {
            Element svg = byId(id);
            assertThat(svg).as(id).isNotNull();
            assertThat(svg.getTagName()).isEqualTo("svg");
            assertThat(Integer.parseInt(svg.getAttribute("width"))).isPositive();
            assertThat(Integer.parseInt(svg.getAttribute("height"))).isPositive();
            assertThat(withClass(svg, "data")).as("data marks in " + id).isNotEmpty();
        }
        assertThat(byId("scale-bar")).isNotNull();
        assertThat(byId("north-arrow")).isNotNull();
        assertThat(html).startsWith("<!DOCTYPE html>\n").contains("<title>Bulwark report: report &lt;test&gt;</title>");
    }

    @Test
    void loadsNothingAndRunsNoScript() {
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void namesEveryDefendedAreaRadarAndBattery() {
        Element map = byId("map");
        assertThat(names(map, "defended-area")).containsExactly("Sderot", ODD_AREA);
        assertThat(names(map, "radar")).containsExactly("R1", ODD_RADAR);
        assertThat(names(map, "battery")).containsExactly("B1", "B2 & spare");
        assertThat(names(map, "launch-area")).containsExactly("north, wide");
        assertThat(map.getTextContent()).contains(ODD_AREA, ODD_RADAR, "B2 & spare", "Sderot", "launch: north, wide");
    }

    @Test
    void drawsOnePathPerThreatColouredByItsOutcome() {
        Element map = byId("map");
        assertThat(paths(map, "intercepted")).isEqualTo(summary.intercepted());
        assertThat(paths(map, "leaked")).isEqualTo(summary.leaked());
        assertThat(paths(map, "open-ground")).isEqualTo(summary.fellInOpenGround());
        assertThat(paths(map, "in-flight")).isEqualTo(summary.inFlightAtEnd());
        assertThat(paths(map, "intercepted") + paths(map, "leaked") + paths(map, "open-ground")
                + paths(map, "in-flight")).isEqualTo(summary.launched());
        // one mark per interceptor that reached its point; kills filled
        assertThat(withClass(map, "intercept")).hasSize(collector.intercepts().size());
        long kills = withClass(map, "intercept").stream().filter(e -> !e.getAttribute("fill").equals("none")).count();
        assertThat(kills).isGreaterThanOrEqualTo(summary.intercepted());
    }

    @Test
    void countsEqualTheSummary() {
        // leaks per area: the first value set of the leaks chart, in scenario order
        List<Element> bars = withClass(byId("chart-leaks"), "data");
        assertThat(bars).hasSize(2 * world.areas().size());
        for (int i = 0; i < world.areas().size(); i++) {
            String area = world.areas().get(i).name();
            assertThat(bars.get(2 * i).getAttribute("data-value")).as(area)
                    .isEqualTo(Integer.toString(summary.leaksByArea().get(area)));
        }
        assertThat(measure("threats_launched")).isEqualTo(Integer.toString(summary.launched()));
        assertThat(measure("intercepted")).isEqualTo(Integer.toString(summary.intercepted()));
        assertThat(measure("leaked")).isEqualTo(Integer.toString(summary.leaked()));
        assertThat(measure("fell_in_open_ground")).isEqualTo(Integer.toString(summary.fellInOpenGround()));
        assertThat(measure("interceptors_fired")).isEqualTo(Integer.toString(summary.interceptorsFired()));
        assertThat(measure("tracks_confirmed")).isEqualTo(Integer.toString(summary.tracksConfirmed()));
        assertThat(measure("interceptor_cost_usd")).isEqualTo(String.format("%,d", (long) summary.interceptorCostUsd()));
        // the time bins add up to the totals
        assertThat(sum(collector.launchesPerBin)).isEqualTo(summary.launched());
        assertThat(sum(collector.killsPerBin)).isEqualTo(summary.intercepted());
        assertThat(sum(collector.leaksPerBin)).isEqualTo(summary.leaked());
        assertThat(sum(collector.openImpactsPerBin)).isEqualTo(summary.fellInOpenGround());
        assertThat(sum(collector.interceptorsPerBin)).isEqualTo(summary.interceptorsFired());
        assertThat(sum(collector.trueTracksPerBin) + sum(collector.falseTracksPerBin)).isEqualTo(summary.tracksConfirmed());
        // the stock chart: two lines per battery
        assertThat(withClass(byId("chart-stock"), "data")).hasSize(2 * world.batteries().size());
        // the cost chart: threats, all interceptors, then one bar per battery, adding up to the total
        List<Element> cost = withClass(byId("chart-cost"), "data");
        assertThat(cost).hasSize(2 + world.batteries().size());
        assertThat(usd(cost.get(0))).isEqualTo(Math.round(summary.threatCostUsd()));
        assertThat(usd(cost.get(1))).isEqualTo(Math.round(summary.interceptorCostUsd()));
        long byBattery = 0;
        for (int i = 2; i < cost.size(); i++) {
            byBattery += usd(cost.get(i));
        }
        assertThat(byBattery).isEqualTo(Math.round(summary.interceptorCostUsd()));
    }

    @Test
    void theMapHasLandAndCoastFromTheBundledData() {
        Element map = byId("map");
        assertThat(withClass(map, "land")).hasSize(1);
        assertThat(withClass(map, "land").get(0).getAttribute("d")).startsWith("M");
        assertThat(withClass(map, "coast")).hasSize(1);
    }

    @Test
    void theSameRunGivesTheSameBytes(@TempDir Path dir) throws IOException {
        assertThat(render()).isEqualTo(html);
        ReportWriter.write(world, collector, summary, new RunParameters("test.yaml", 3, "0.1.0-TEST"), dir);
        assertThat(Files.readString(dir.resolve(ReportWriter.FILE))).isEqualTo(html);
    }

    // ---- helpers ----

    private static Element byId(String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> withClass(Element root, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> names(Element root, String cls) {
        return withClass(root, cls).stream().map(e -> e.getAttribute("data-name")).toList();
    }

    private static int paths(Element map, String outcome) {
        List<Element> groups = withClass(map, "paths").stream()
                .filter(g -> List.of(g.getAttribute("class").split(" ")).contains(outcome)).toList();
        assertThat(groups).as("path group " + outcome).hasSize(1);
        return groups.get(0).getElementsByTagName("polyline").getLength();
    }

    private static String measure(String key) {
        Matcher m = Pattern.compile("<tr data-measure=\"" + key + "\"><th>[^<]*</th><td class=\"n\">([^<]*)</td>")
                .matcher(html);
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    private static long usd(Element bar) {
        return Long.parseLong(bar.getAttribute("data-value").replace(",", ""));
    }

    private static int sum(int[] v) {
        int s = 0;
        for (int x : v) {
            s += x;
        }
        return s;
    }
}
