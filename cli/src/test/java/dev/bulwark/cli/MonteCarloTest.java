package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark montecarlo} and {@code bulwark compare} on the tiny scenario: confidence
 * intervals shrink like 1/√N, a scenario compared with itself differs by exactly zero, the
 * results do not depend on the number of threads, and replication 0 is the run {@code bulwark
 * run} makes.
 */
class MonteCarloTest {

    private static final Path TINY = EndToEndTest.tinyScenario();

    /** The estimates file of a study, by measure: {n, mean, sd, low, high}. */
    private static Map<String, double[]> estimates(Path dir) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("estimates.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            double[] v = new double[5];
            for (int i = 0; i < 5; i++) {
                v[i] = c[i + 1].isEmpty() ? Double.NaN : Double.parseDouble(c[i + 1]);
            }
            out.put(c[0], v);
        }
        return out;
    }

    private static Map<String, double[]> study(Path dir, int runs, String... extra) throws IOException {
        String[] args = new String[] {"montecarlo", TINY.toString(), "--runs", Integer.toString(runs), "--quiet",
            "--out", dir.toString()};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        Fakes.Result r = Fakes.run(null, all);
        assertThat(r.status()).as(r.err()).isZero();
        return estimates(dir);
    }

    @Test
    void confidenceIntervalsShrinkLikeOneOverRootN(@TempDir Path tmp) throws IOException {
        // Half-widths at N = 16, 64 and 256 are t(0.975, N−1)·s/√N: with the t quantile divided
        // out, the slope of log(s/√N) against log N is −1/2 up to the scatter of the sample
        // standard deviation s (a few per cent at these N, more for the small counts of a six-rocket raid).
        int[] n = {16, 64, 256};
        for (String measure : List.of("bound_for_defended", "intercepted")) {
            double[] logN = new double[n.length];
            double[] logH = new double[n.length];
            for (int k = 0; k < n.length; k++) {
                Map<String, double[]> e = study(tmp.resolve(measure + n[k]), n[k]);
                double half = (e.get(measure)[4] - e.get(measure)[3]) / 2;
                double sd = e.get(measure)[2];
                double t = new org.hipparchus.distribution.continuous.TDistribution(n[k] - 1)
                        .inverseCumulativeProbability(0.975);
                assertThat(half).as("%s half-width at N = %d", measure, n[k])
                        .isCloseTo(t * sd / Math.sqrt(n[k]), org.assertj.core.api.Assertions.within(1e-5 * half + 1e-6));
                logN[k] = Math.log(n[k]);
                logH[k] = Math.log(half / t);
            }
            double slope = slope(logN, logH);
            System.out.printf("%s: 95%% CI half-width slope against N on log scales %.3f (expected -0.5)%n", measure,
                    slope);
            assertThat(slope).as(measure).isBetween(-0.7, -0.3); // 1/N would give -1, no shrinking 0
        }
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    @Test
    void aScenarioComparedWithItselfDiffersByExactlyZero(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("self");
        Fakes.Result r = Fakes.run(null, "compare", TINY.toString(), TINY.toString(), "--runs", "6", "--quiet",
                "--out", dir.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("comparison.csv"));
        assertThat(lines.get(0)).isEqualTo("measure,n,mean_a,mean_b,mean_difference,ci95_low,ci95_high");
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c[1].equals("0")) {
                continue; // a ratio undefined in every replication
            }
            assertThat(c[2]).as(line).isEqualTo(c[3]);
            assertThat(Double.parseDouble(c[4])).as(line).isZero();
            assertThat(Double.parseDouble(c[5])).as(line).isZero();
            assertThat(Double.parseDouble(c[6])).as(line).isZero();
        }
    }

    @Test
    void aChangeShowsAsAPairedDifference(@TempDir Path tmp) throws IOException {
        // The tiny scenario without its battery: nothing is intercepted, so the paired difference
        // in interceptions is minus what the battery destroyed in each replication.
        Path noBattery = tmp.resolve("no-battery.yaml");
        String text = Files.readString(TINY);
        int start = text.indexOf("batteries:");
        int end = text.indexOf("raids:");
        Files.writeString(noBattery, text.substring(0, start) + text.substring(end));
        Fakes.Result r = Fakes.run(null, "compare", TINY.toString(), noBattery.toString(), "--runs", "6",
                "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        String row = r.out().lines().filter(l -> l.strip().startsWith("intercepted ")).findFirst().orElseThrow();
        assertThat(row).as(r.out()).contains("-");
        Fakes.Result alone = Fakes.run(null, "montecarlo", TINY.toString(), "--runs", "6", "--quiet");
        String mean = alone.out().lines().filter(l -> l.strip().startsWith("intercepted ")).findFirst().orElseThrow()
                .strip().split("\\s+")[1];
        assertThat(row.strip().split("\\s+")[1]).isEqualTo("-" + mean);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads(@TempDir Path tmp) throws IOException {
        study(tmp.resolve("one"), 4, "--threads", "1");
        study(tmp.resolve("two"), 4, "--threads", "2");
        assertThat(Files.readString(tmp.resolve("one/replications.csv")))
                .isEqualTo(Files.readString(tmp.resolve("two/replications.csv")));
    }

    @Test
    void replicationZeroIsTheRunOfTheScenarioSeed(@TempDir Path tmp) throws IOException {
        study(tmp.resolve("mc"), 2);
        Fakes.Result run = Fakes.run(null, "run", TINY.toString(), "--quiet", "--out", tmp.resolve("run").toString());
        assertThat(run.status()).isZero();
        String replication0 = Files.readAllLines(tmp.resolve("mc/replications.csv")).get(1);
        List<String> summary = Files.readAllLines(tmp.resolve("run/summary.csv"));
        String intercepted = summary.stream().filter(l -> l.startsWith("intercepted,")).findFirst().orElseThrow()
                .split(",")[1];
        List<String> header = List.of(Files.readAllLines(tmp.resolve("mc/replications.csv")).get(0).split(","));
        assertThat(replication0.split(",")[header.indexOf("intercepted")]).isEqualTo(intercepted);
        assertThat(replication0.split(",")[1]).isEqualTo("1"); // the scenario's seed
    }

    @Test
    void tooFewRunsAreRefused() {
        Fakes.Result r = Fakes.run(null, "montecarlo", TINY.toString(), "--runs", "1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--runs must be at least 2");
    }
}
