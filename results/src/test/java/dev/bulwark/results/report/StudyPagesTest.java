package dev.bulwark.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.results.Measures;
import dev.bulwark.results.RunParameters;
import dev.bulwark.results.SweepWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Monte Carlo page and the sweep page: well-formed, self-contained, one chart per key
 * measure with its data, histogram bars that count every replication, one error-bar line per
 * combination of the other parameters, and the same bytes twice.
 */
class StudyPagesTest {

    private static final RunParameters PARAMETERS = new RunParameters("s<&>.yaml", 7, "0.test");

    private static Map<String, double[]> columns(double shift, int n) {
        Map<String, double[]> c = new LinkedHashMap<>();
        for (String k : Measures.KEY.keySet()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = k.endsWith("rate") || k.endsWith("ratio") ? 0.1 * shift + 0.013 * (i % 5)
                        : Math.round(shift * 10 + (i * 7) % 11);
            }
            c.put(k, v);
        }
        c.put("interceptors_by_battery[B&1]", new double[n]);
        c.get("cost_exchange_ratio")[0] = Double.NaN;
        return c;
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document doc, String id) {
        NodeList svgs = doc.getElementsByTagName("svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            Element e = (Element) svgs.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no chart " + id);
    }

    private static List<Element> marks(Element svg, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList n = svg.getElementsByTagName(tag);
        for (int i = 0; i < n.getLength(); i++) {
            Element e = (Element) n.item(i);
            if (e.getAttribute("class").equals("data")) {
                out.add(e);
            }
        }
        return out;
    }

    private static void selfContained(String html) {
        assertThat(html).doesNotContain("https://").doesNotContain("<script").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("url(").doesNotContain("@import");
        assertThat(html.replace("http://apache", "")).doesNotContain("http://");
    }

    @Test
    void theMonteCarloPageHasAHistogramOfEveryKeyMeasure(@TempDir Path dir) throws Exception {
        Map<String, double[]> columns = columns(1, 40);
        String html = MonteCarloReport.html("Front <1>", PARAMETERS, columns);
        Document doc = parse(html);
        selfContained(html);
        for (String k : Measures.KEY.keySet()) {
            Element svg = byId(doc, "hist-" + k.replace('_', '-'));
            int counted = marks(svg, "rect").stream().mapToInt(e -> Integer.parseInt(e.getAttribute("data-count")))
                    .sum();
            assertThat(counted).as(k).isEqualTo(k.equals("cost_exchange_ratio") ? 39 : 40);
            assertThat(svg.getElementsByTagName("line").getLength()).isPositive();
        }
        assertThat(html).contains("s&lt;&amp;&gt;.yaml").contains("Front &lt;1&gt;")
                .contains("data-measure=\"interceptors_by_battery[B&amp;1]\"");
        MonteCarloReport.write("Front <1>", PARAMETERS, columns, dir);
        assertThat(Files.readString(dir.resolve(MonteCarloReport.FILE))).isEqualTo(html);
    }

    @Test
    void theSweepPageDrawsOneLinePerCombinationOfTheOtherParameters(@TempDir Path dir) throws Exception {
        List<String> labels = List.of("raid_scale", "laser");
        List<SweepWriter.Point> points = new ArrayList<>();
        String[] scales = {"0.5", "1", "2"};
        int index = 0;
        for (String s : scales) {
            for (String laser : List.of("off", "on")) {
                points.add(new SweepWriter.Point(index, List.of(s, laser),
                        new double[] {Double.parseDouble(s), laser.equals("on") ? 1 : 0},
                        columns(Double.parseDouble(s) + index, 5)));
                index++;
            }
        }
        String html = SweepReport.html("Front", PARAMETERS, labels, points);
        Document doc = parse(html);
        selfContained(html);
        for (String k : Measures.KEY.keySet()) {
            Element svg = byId(doc, "sweep-" + k.replace('_', '-'));
            assertThat(marks(svg, "circle")).as(k).hasSize(6);
            assertThat(svg.getElementsByTagName("polyline").getLength()).as(k).isEqualTo(2);
            assertThat(svg.getElementsByTagName("path").getLength()).as(k + " error bars").isEqualTo(6);
            assertThat(svg.getTextContent()).contains("laser=off").contains("laser=on");
        }
        assertThat(doc.getElementsByTagName("tr").getLength()).isEqualTo(1 + 6);
        SweepReport.write("Front", PARAMETERS, labels, points, dir);
        assertThat(Files.readString(dir.resolve(SweepReport.FILE))).isEqualTo(html);

        SweepWriter.write(labels, points, dir);
        List<String> csv = Files.readAllLines(dir.resolve(SweepWriter.FILE));
        assertThat(csv.get(0)).isEqualTo("point,raid_scale,laser,measure,n,mean,standard_deviation,ci95_low,ci95_high");
        assertThat(csv).hasSize(1 + 6 * points.get(0).columns().size());
        assertThat(csv.get(1)).startsWith("0,0.5,off,leaked,5,");
        assertThat(csv).contains("5,2,on,interceptors_by_battery[B&1],5,0,0,0,0");
    }

    @Test
    void aSweepOfOneParameterHasOneLineAndNoLegend() throws Exception {
        List<SweepWriter.Point> points = List.of(
                new SweepWriter.Point(0, List.of("1"), new double[] {1}, columns(1, 3)),
                new SweepWriter.Point(1, List.of("2"), new double[] {2}, columns(2, 3)));
        Document doc = parse(SweepReport.html("Front", PARAMETERS, List.of("batteries"), points));
        Element svg = byId(doc, "sweep-leaked");
        assertThat(marks(svg, "circle")).hasSize(2);
        assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(svg.getElementsByTagName("rect").getLength()).as("no legend key, only the frame").isEqualTo(1);
    }
}
