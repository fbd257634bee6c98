package dev.bulwark.cli;

import dev.bulwark.engine.sim.PredictionProbe;
import dev.bulwark.engine.sim.PredictionProbe.Sample;
import dev.bulwark.engine.sim.World;
import dev.bulwark.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The impact-prediction diagnostic ({@link PredictionProbe}) as a command: not a test, run only on
 * request, with the scenario named by the system property {@code bulwark.diagnose} (a path from the
 * repository root), for example
 * <pre>
 * ./mvnw -o -q -pl engine,scenario,results,cli -am test -Dtest=PredictionDiagnostic \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbulwark.diagnose=scenarios/southern-front.yaml
 * </pre>
 * The report is written to {@code cli/target/prediction-diagnostic.txt} (and, with
 * {@code -Dbulwark.diagnose.csv=PATH}, every sample as CSV).
 *
 * <p>Report: for each threat type and time before the true impact (40, 30, 20, 10 and 5 s; each
 * threat's first assessment at or after that point, within 1.5 s), the median and 90th percentile of
 * the impact error, its mean along and across the ground track (bias) and median size, the medians of
 * its two parts (a) track-state error propagated and (b) model error, the calibration (mean
 * normalised squared error against the covariance, 2 if calibrated; share outside the 95% ellipse,
 * 5% if calibrated; the same for (a) against the state part), and the track's own position and
 * velocity error and NEES (6 if calibrated). Then the engagements of threats bound for open ground:
 * at the decision, the time to go, probability, distance of the true impact from the nearest area
 * and the errors.
 */
class PredictionDiagnostic {

    private static final double[] TIMES_TO_GO = {40, 30, 20, 10, 5};

    @Test
    @EnabledIfSystemProperty(named = "bulwark.diagnose", matches = ".+")
    void diagnose() throws Exception {
        Path root = EndToEndTest.tinyScenario().getParent().getParent();
        Path file = root.resolve(System.getProperty("bulwark.diagnose"));
        World world = ScenarioLoader.load(file).world();
        String seed = System.getProperty("bulwark.diagnose.seed");
        if (seed != null) {
            world = world.withSeed(Long.parseLong(seed));
        }
        // with bulwark.diagnose.runs=N, the first N seeds of bulwark montecarlo (cli Replications.seed),
        // threats numbered run by run (run × 100,000 + threat)
        int runs = Integer.parseInt(System.getProperty("bulwark.diagnose.runs", "1"));
        List<Sample> samples = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long s = r == 0 ? world.seed() : dev.bulwark.engine.sim.RandomStreams.combine(world.seed(), r, 0x4d43L);
            for (Sample x : PredictionProbe.run(world.withSeed(s))) {
                samples.add(r == 0 ? x : x.renumbered(r * 100_000));
            }
        }
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf(Locale.ROOT, "%s, seed %d: %d assessments of unguided threats%n", file.getFileName(), world.seed(),
                samples.size());
        report(samples, out);
        out.flush();
        Path target = root.resolve("cli/target/prediction-diagnostic.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, text.toString());
        System.out.print(text);
        String csv = System.getProperty("bulwark.diagnose.csv");
        if (csv != null) {
            writeCsv(samples, Path.of(csv));
        }
    }

    static void report(List<Sample> samples, PrintWriter out) {
        Map<Integer, List<Sample>> byThreat = new TreeMap<>();
        for (Sample s : samples) {
            byThreat.computeIfAbsent(s.threatId(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Map<Double, List<Sample>>> table = new TreeMap<>();
        for (List<Sample> list : byThreat.values()) {
            for (double t : TIMES_TO_GO) {
                for (Sample s : list) {
                    if (s.timeToGo() <= t) {
                        if (s.timeToGo() > t - 1.5) {
                            table.computeIfAbsent(s.type(), k -> new TreeMap<>())
                                    .computeIfAbsent(t, k -> new ArrayList<>()).add(s);
                            table.computeIfAbsent("all", k -> new TreeMap<>())
                                    .computeIfAbsent(t, k -> new ArrayList<>()).add(s);
                        }
                        break;
                    }
                }
            }
        }
        out.println();
        out.println("type        ttg   n  |e|med |e|p90 along-mean cross-mean |along|med |cross|med  (a)med (b)med"
                + " (b)along-mean  NEES  >95%  NEES(a) >95%(a)  sigma-med  pos-err vel-err stateNEES");
        for (Map.Entry<String, Map<Double, List<Sample>>> e : table.entrySet()) {
            for (Map.Entry<Double, List<Sample>> r : ((TreeMap<Double, List<Sample>>) e.getValue()).descendingMap()
                    .entrySet()) {
                List<Sample> l = r.getValue();
                out.printf(Locale.ROOT,
                        "%-10s %4.0f %4d %7.0f %6.0f %10.0f %10.0f %10.0f %10.0f %7.0f %6.0f %13.0f %6.2f %5.1f%% %7.2f %7.1f%%"
                                + " %10.0f %8.1f %7.2f %9.1f%n",
                        e.getKey(), r.getKey(), l.size(), median(l, Sample::error), quantile(l, Sample::error, 0.9),
                        mean(l, Sample::along), mean(l, Sample::cross), median(l, s -> Math.abs(s.along())),
                        median(l, s -> Math.abs(s.cross())), median(l, s -> Math.hypot(s.stateError()[0],
                                s.stateError()[1])),
                        median(l, s -> Math.hypot(s.modelError()[0], s.modelError()[1])),
                        mean(l, s -> s.modelError()[0] * s.alongE() + s.modelError()[1] * s.alongN()),
                        mean(l, Sample::nees), 100 * share(l, s -> s.nees() > 5.991),
                        mean(l, Sample::stateNeesImpact), 100 * share(l, s -> s.stateNeesImpact() > 5.991),
                        median(l, s -> Math.sqrt(s.covEE() + s.covNN())), median(l, Sample::positionErrorM),
                        median(l, Sample::velocityErrorMps), mean(l, Sample::stateNees));
            }
        }
        // engagements of threats bound for open ground, at the first engage decision
        Map<Integer, Sample> firstEngage = new LinkedHashMap<>();
        Map<Integer, Boolean> open = new HashMap<>();
        Map<Integer, Double> distance = new HashMap<>();
        for (Sample s : samples) {
            open.put(s.threatId(), !s.boundForArea());
            distance.put(s.threatId(), s.distanceToAreaM());
            if ("engaged".equals(s.reason()) && !firstEngage.containsKey(s.threatId())) {
                firstEngage.put(s.threatId(), s);
            }
        }
        long openCount = open.values().stream().filter(b -> b).count();
        List<Sample> openEngaged = firstEngage.values().stream().filter(s -> !s.boundForArea()).toList();
        out.println();
        out.printf(Locale.ROOT, "assessed threats bound for open ground: %d, engaged: %d (%.1f%%)%n", openCount,
                openEngaged.size(), 100.0 * openEngaged.size() / Math.max(1, openCount));
        int[] bands = {0, 100, 300, 500, 1000, 2000, Integer.MAX_VALUE};
        for (int i = 0; i + 1 < bands.length; i++) {
            int lo = bands[i];
            int hi = bands[i + 1];
            long n = open.entrySet().stream().filter(x -> x.getValue() && distance.get(x.getKey()) >= lo
                    && distance.get(x.getKey()) < hi).count();
            long k = openEngaged.stream().filter(s -> s.distanceToAreaM() >= lo && s.distanceToAreaM() < hi).count();
            out.printf(Locale.ROOT, "  true impact %5d-%-6s m from an area: %4d, engaged %4d%n", lo,
                    hi == Integer.MAX_VALUE ? "inf" : Integer.toString(hi), n, k);
        }
        out.println("  threat type        ttg     P  dist-m  |e|  along  cross   (a)   (b)  sigma-maj");
        for (Sample s : openEngaged) {
            double major = Math.sqrt(0.5 * (s.covEE() + s.covNN())
                    + Math.hypot(0.5 * (s.covEE() - s.covNN()), s.covEN()));
            out.printf(Locale.ROOT, "  %6d %-10s %5.1f %5.2f %7.0f %4.0f %6.0f %6.0f %5.0f %5.0f %9.0f%n", s.threatId(),
                    s.type(), s.timeToGo(), s.probability(), s.distanceToAreaM(), s.error(), s.along(), s.cross(),
                    Math.hypot(s.stateError()[0], s.stateError()[1]),
                    Math.hypot(s.modelError()[0], s.modelError()[1]), major);
        }
        List<Sample> boundEngaged = firstEngage.values().stream().filter(Sample::boundForArea).toList();
        out.printf(Locale.ROOT, "engaged bound for an area: %d, time to go at the decision median %.1f s%n",
                boundEngaged.size(), median(boundEngaged, Sample::timeToGo));
        out.printf(Locale.ROOT, "engaged bound for open ground: time to go median %.1f s, P median %.2f%n",
                median(openEngaged, Sample::timeToGo), median(openEngaged, Sample::probability));
    }

    static void writeCsv(List<Sample> samples, Path file) throws IOException {
        StringBuilder b = new StringBuilder("time,track_time,track,threat,type,ttg,true_e,true_n,pred_e,pred_n,"
                + "cov_ee,cov_en,cov_nn,along,cross,pos_err,vel_err,state_nees,from_true_e,from_true_n,nees,"
                + "nees_a,probability,reason,bound,distance,dim,beta,since_launch,track_age,plan_now,plan_later,pred_ttg,plan_later_true\n");
        for (Sample s : samples) {
            b.append(String.format(Locale.ROOT,
                    "%.3f,%.3f,%d,%d,%s,%.3f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.2f,%.3f,%.3f,%.1f,%.1f,"
                            + "%.4f,%.4f,%.4f,%s,%b,%.0f,%d,%.0f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f%n",
                    s.time(), s.trackTime(), s.trackId(), s.threatId(), s.type(), s.timeToGo(), s.trueE(), s.trueN(),
                    s.predE(), s.predN(), s.covEE(), s.covEN(), s.covNN(), s.along(), s.cross(), s.positionErrorM(),
                    s.velocityErrorMps(), s.stateNees(), s.fromTrueE(), s.fromTrueN(), s.nees(), s.stateNeesImpact(),
                    s.probability(), s.reason(), s.boundForArea(), s.distanceToAreaM(), s.stateDimension(),
                    s.betaUsed(), s.sinceLaunch(), s.trackAge(), s.planNow(), s.planLater(), s.predictedTimeToGo(),
                    s.planLaterTrue()));
        }
        Files.writeString(file, b);
    }

    private static double[] values(List<Sample> l, ToDoubleFunction<Sample> f) {
        return l.stream().mapToDouble(f).filter(Double::isFinite).sorted().toArray();
    }

    static double median(List<Sample> l, ToDoubleFunction<Sample> f) {
        return quantile(l, f, 0.5);
    }

    static double quantile(List<Sample> l, ToDoubleFunction<Sample> f, double q) {
        double[] v = values(l, f);
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = q * (v.length - 1);
        int i = (int) Math.floor(pos);
        return i + 1 < v.length ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[i];
    }

    static double mean(List<Sample> l, ToDoubleFunction<Sample> f) {
        double[] v = values(l, f);
        return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double share(List<Sample> l, java.util.function.Predicate<Sample> p) {
        return l.isEmpty() ? Double.NaN : l.stream().filter(p).count() / (double) l.size();
    }
}
