package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark track} on recorded plots: two aircraft-like targets seen by one radar become two
 * confirmed tracks that follow them; malformed files are refused with the line and column.
 */
class TrackCommandTest {

    private static final GeodeticPoint RADAR = GeodeticPoint.ofDegrees(31.50, 34.60, 50);
    private static final LocalFrame FRAME = new LocalFrame(Ellipsoid.WGS84, RADAR);
    private static final String HEADER = "time_s,sensor,sensor_lat_deg,sensor_lon_deg,sensor_alt_m,range_m,"
            + "azimuth_deg,elevation_deg,sigma_range_m,sigma_azimuth_mrad,sigma_elevation_mrad";

    /** Target k's ECEF position at t: 20 km out, 2 km up, flying 150 m/s east (k = 0) or north (k = 1). */
    private static double[] truth(int k, double t) {
        double[] out = new double[3];
        if (k == 0) {
            FRAME.enuToEcef(-5_000 + 150 * t, 20_000, 2_000, out);
        } else {
            FRAME.enuToEcef(10_000, -15_000 + 150 * t, 3_000, out);
        }
        return out;
    }

    private static Path plots(Path dir) throws IOException {
        Random noise = new Random(4);
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        double[] rae = new double[3];
        for (int s = 0; s < 40; s++) {
            double t = s * 1.0;
            for (int k = 0; k < 2; k++) {
                double[] x = truth(k, t);
                FRAME.ecefToRae(x[0], x[1], x[2], rae);
                lines.add(String.format(Locale.ROOT, "%.1f,0,31.5,34.6,50,%.3f,%.6f,%.6f,10,1,1", t,
                        rae[0] + 10 * noise.nextGaussian(), Math.toDegrees(rae[1] + 1e-3 * noise.nextGaussian()),
                        Math.toDegrees(rae[2] + 1e-3 * noise.nextGaussian())));
            }
        }
        Path file = dir.resolve("plots.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void twoTargetsBecomeTwoTracksThatFollowThem(@TempDir Path dir) throws IOException {
        Path in = plots(dir);
        Path out = dir.resolve("tracks.csv");
        Path config = dir.resolve("tracker.yaml");
        Files.writeString(config, "tracker:\n  process_noise_m2_s3: 1\n  initial_speed_sigma_mps: 300\n");
        Fakes.Result r = Fakes.run(null, "track", in.toString(), "--model", "cv", "--config", config.toString(),
                "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo(TrackCommand.HEADER);
        // after the last scan: two confirmed tracks, each within 100 m of a target and moving at ~150 m/s
        List<String> last = rows.stream().filter(l -> l.startsWith("39,")).toList();
        assertThat(last).hasSize(2);
        for (String row : last) {
            String[] c = row.split(",");
            GeodeticPoint p = GeodeticPoint.ofDegrees(Double.parseDouble(c[2]), Double.parseDouble(c[3]),
                    Double.parseDouble(c[4]));
            double[] x = Ellipsoid.WGS84.toEcef(p);
            double nearest = Math.min(distance(x, truth(0, 39)), distance(x, truth(1, 39)));
            assertThat(nearest).as(row).isLessThan(100);
            assertThat(Double.parseDouble(c[8])).isBetween(140.0, 160.0);
        }
        // the same with JPDA
        Fakes.Result j = Fakes.run(null, "track", in.toString(), "--model", "cv", "--config", config.toString(),
                "--associator", "jpda");
        assertThat(j.status()).as(j.err()).isZero();
        assertThat(j.out().lines().filter(l -> l.startsWith("39,"))).hasSize(2);
    }

    @Test
    void malformedRowsAreReportedWithTheirLineAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.write(in, List.of(HEADER,
                "0.0,0,31.5,34.6,50,20000,10,5,10,1,1",
                "1.0,0,31.5,34.6,50,20000,10,5,10,1,1",
                "0.5,0,31.5,34.6,50,20000,10,5,10,1,1",
                "2.0,0,31.5,34.6,50,twenty,10,5,10,1,1",
                "2.0,0,31.5,34.6,50,20000,10,5,10,1"));
        Path out = dir.resolve("tracks.csv");
        Fakes.Result r = Fakes.run(null, "track", in.toString(), "--out", out.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(in + ":4:1: time_s: times must not decrease: 0.5 after 1")
                .contains(in + ":5:20: range_m: expected a number, got 'twenty'")
                .contains(in + ":6:1: expected 11 fields as in the header, got 10")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.csv");
        }
    }

    @Test
    void thePlotLinesColumnGivesTheInputLinesThatUpdatedEachTrack(@TempDir Path dir) throws IOException {
        // The plot of target k in scan s is on line 2 + 2s + k (the header is line 1); a blank line
        // inserted before scan 10 moves the later ones down by one. Over a track's rows, plot_lines
        // lists every line of its target once, in order, from the plot that started it (its first
        // row, at confirmation, lists the three plots that confirmed it) to the last scan.
        Path in = plots(dir);
        List<String> input = new ArrayList<>(Files.readAllLines(in));
        input.add(21, "");
        Files.write(in, input);
        Path config = dir.resolve("tracker.yaml");
        Files.writeString(config, "tracker:\n  process_noise_m2_s3: 1\n  initial_speed_sigma_mps: 300\n");
        for (String associator : List.of("gnn", "jpda")) {
            Fakes.Result r = Fakes.run(null, "track", in.toString(), "--model", "cv", "--config", config.toString(),
                    "--associator", associator);
            assertThat(r.status()).as(r.err()).isZero();
            java.util.Map<String, List<String>> linesByTrack = new java.util.TreeMap<>();
            java.util.Map<String, Integer> rowsByTrack = new java.util.TreeMap<>();
            List<String> rows = r.out().lines().toList();
            assertThat(rows.get(0)).endsWith(",quality,plot_lines");
            for (String row : rows.subList(1, rows.size())) {
                String[] c = row.split(",", -1);
                assertThat(c).hasSize(14);
                assertThat(Double.parseDouble(c[12])).as("quality").isBetween(0.0, 1.0);
                List<String> got = linesByTrack.computeIfAbsent(c[1], k -> new ArrayList<>());
                if (rowsByTrack.merge(c[1], 1, Integer::sum) == 1) {
                    assertThat(c[13].split(" ")).as(associator + " first row " + row).hasSize(3);
                }
                for (String entry : c[13].split(" ")) {
                    // JPDA gives the weight of a shared plot after a colon; here each gate holds one plot
                    String[] lw = entry.split(":");
                    if (lw.length == 2) {
                        assertThat(Double.parseDouble(lw[1])).isBetween(0.01, 1.0);
                    }
                    got.add(lw[0]);
                }
            }
            assertThat(linesByTrack).as(associator).hasSize(2);
            for (List<String> got : linesByTrack.values()) {
                int k = Integer.parseInt(got.get(0)) % 2 == 0 ? 0 : 1;
                List<String> expected = new ArrayList<>();
                for (int s = 0; s < 40; s++) {
                    expected.add(String.valueOf(2 + 2 * s + k + (s >= 10 ? 1 : 0)));
                }
                assertThat(got).as(associator).isEqualTo(expected);
            }
        }
    }

    @Test
    void aBadHeaderNamesTheColumn(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.write(in, List.of(HEADER.replace("range_m", "rnge_m"), "0.0,0,31.5,34.6,50,20000,10,5,10,1,1"));
        Fakes.Result r = Fakes.run(null, "track", in.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("unknown column 'rnge_m'; did you mean 'range_m'?")
                .contains("missing column 'range_m'");
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
