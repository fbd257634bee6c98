package dev.bulwark.bench;

import dev.bulwark.engine.assign.wta.GreedyWtaSolver;
import dev.bulwark.engine.assign.wta.LocalSearchWtaSolver;
import dev.bulwark.engine.assign.wta.WtaProblem;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to solve a static weapon-target assignment instance of 200 weapons (one unit each) and 200
 * targets from the generator of Ahuja, Kumar, Jha and Orlin (Operations Research 55(6) 2007,
 * section 7: values uniform on 25..100, kill probabilities uniform on (0.6, 0.9)): the greedy
 * start alone, and the large neighbourhood search stopped after a fixed number of rounds (no
 * time limit, so the work per call is the same on any machine). The quality reached in those
 * rounds is printed by {@link WtaReport}.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar WtaBenchmark -t 1}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WtaBenchmark {

    /** Rounds of the large neighbourhood search. */
    @Param({"1", "2", "4"})
    public int rounds;

    private WtaProblem[] problems;
    private int i;

    /** Ten instances, cycled so that no result can be cached. */
    @Setup
    public void setUp() {
        problems = new WtaProblem[10];
        for (int k = 0; k < problems.length; k++) {
            problems[k] = ahuja(200, 200, k + 1);
        }
    }

    /** Greedy maximum marginal return alone. */
    @Benchmark
    public double greedy() {
        return new GreedyWtaSolver().solve(problems[i++ % problems.length]).objective();
    }

    /** The heuristic ({@code lns}) with a fixed number of rounds. */
    @Benchmark
    public double lns() {
        return new LocalSearchWtaSolver(1, rounds, 60).solve(problems[i++ % problems.length]).objective();
    }

    /** Ahuja et al.'s generator, one unit per weapon. */
    static WtaProblem ahuja(int weapons, int targets, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[targets];
        for (int t = 0; t < targets; t++) {
            v[t] = 25 + rnd.nextInt(76);
        }
        int[] c = new int[weapons];
        double[][] p = new double[weapons][targets];
        for (int w = 0; w < weapons; w++) {
            c[w] = 1;
            for (int t = 0; t < targets; t++) {
                p[w][t] = 0.6 + 0.3 * rnd.nextDouble();
            }
        }
        return new WtaProblem(v, c, p);
    }
}
