package dev.bulwark.engine.track.associate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every {@link Associator}, run over each implementation, the contract of the soft
 * (probabilistic) {@link JpdaAssociator} in its exact and cheap forms, then the optimality of
 * {@link OptimalAssociator} against exhaustive search.
 */
class AssociatorContractTest {

    static final double GATE = 16.27;

    static Stream<Named<Supplier<Associator>>> associators() {
        return Stream.of(Named.of("optimal", OptimalAssociator::new), Named.of("greedy", GreedyAssociator::new));
    }

    /** A random sparse problem: each track gates up to maxPairs distinct plots with d² in [0, γ]. */
    static GatedPairs randomProblem(Random rnd, int tracks, int plots, int maxPairs) {
        return randomProblem(rnd, tracks, plots, maxPairs, false);
    }

    /** As above; with withDet, each pair also has a √|S| (m³) between 5·10⁴ and 1.5·10⁵, as JPDA needs. */
    static GatedPairs randomProblem(Random rnd, int tracks, int plots, int maxPairs, boolean withDet) {
        GatedPairs g = new GatedPairs();
        g.clear(tracks, plots, GATE);
        for (int t = 0; t < tracks; t++) {
            int pairs = plots == 0 ? 0 : rnd.nextInt(Math.min(maxPairs, plots) + 1);
            Set<Integer> used = new HashSet<>();
            while (used.size() < pairs) {
                int p = rnd.nextInt(plots);
                if (used.add(p)) {
                    double d2 = GATE * rnd.nextDouble();
                    if (withDet) {
                        g.add(t, p, d2, 1e5 * (0.5 + rnd.nextDouble()));
                    } else {
                        g.add(t, p, d2);
                    }
                }
            }
        }
        return g;
    }

    /** Σ d² over associated pairs + γ per track without a plot; fails if a pair is not gated. */
    static double cost(GatedPairs g, int[] trackToPlot) {
        double sum = 0;
        for (int t = 0; t < g.tracks(); t++) {
            if (trackToPlot[t] < 0) {
                sum += g.gate();
                continue;
            }
            double d2 = Double.NaN;
            for (int k = g.start(t); k < g.start(t + 1); k++) {
                if (g.plot(k) == trackToPlot[t]) {
                    d2 = g.distance2(k);
                }
            }
            assertThat(d2).as("track %d took plot %d, which is not in its gate", t, trackToPlot[t]).isNotNaN();
            sum += d2;
        }
        return sum;
    }

    /** Exhaustive minimum of {@link #cost} (small problems only). */
    static double bruteForce(GatedPairs g) {
        return search(g, 0, new boolean[g.plots()]);
    }

    private static double search(GatedPairs g, int t, boolean[] used) {
        if (t == g.tracks()) {
            return 0;
        }
        double best = g.gate() + search(g, t + 1, used);
        for (int k = g.start(t); k < g.start(t + 1); k++) {
            int p = g.plot(k);
            if (!used[p]) {
                used[p] = true;
                best = Math.min(best, g.distance2(k) + search(g, t + 1, used));
                used[p] = false;
            }
        }
        return best;
    }

    static void assertValid(GatedPairs g, int[] trackToPlot) {
        Set<Integer> taken = new HashSet<>();
        for (int t = 0; t < g.tracks(); t++) {
            int p = trackToPlot[t];
            assertThat(p).isBetween(-1, g.plots() - 1);
            if (p >= 0) {
                assertThat(taken.add(p)).as("plot %d given to two tracks", p).isTrue();
            }
        }
        cost(g, trackToPlot); // checks every pair is gated
        // nothing left on the table: no track without a plot while one of its gated plots is free
        for (int t = 0; t < g.tracks(); t++) {
            if (trackToPlot[t] == -1) {
                for (int k = g.start(t); k < g.start(t + 1); k++) {
                    if (g.distance2(k) < g.gate()) {
                        assertThat(taken).as("track %d left empty beside free plot %d", t, g.plot(k))
                                .contains(g.plot(k));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("associators")
    void everyAssociationIsOneToOneInsideTheGateAndLeavesNoFreeGatedPlotBeside(Supplier<Associator> make) {
        Associator a = make.get();
        Random rnd = new Random(41);
        for (int trial = 0; trial < 500; trial++) {
            int tracks = rnd.nextInt(30);
            int plots = rnd.nextInt(30);
            GatedPairs g = randomProblem(rnd, tracks, plots, 4);
            int[] out = new int[tracks + 3];
            java.util.Arrays.fill(out, 99);
            a.associate(g, out);
            assertValid(g, out);
            // reused instance, same answer
            int[] again = new int[tracks];
            a.associate(g, again);
            assertThat(again).containsExactly(java.util.Arrays.copyOf(out, tracks));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("associators")
    void aLoneTrackTakesItsNearestPlotAndAnEmptyGateGivesNone(Supplier<Associator> make) {
        GatedPairs g = new GatedPairs();
        g.clear(3, 4, GATE);
        g.add(0, 2, 5.0);
        g.add(0, 1, 1.5);
        g.add(0, 3, 9.0);
        g.add(2, 0, 0.3);
        int[] out = new int[3];
        make.get().associate(g, out);
        assertThat(out).containsExactly(1, -1, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("associators")
    void noTracksOrNoPlots(Supplier<Associator> make) {
        GatedPairs g = new GatedPairs();
        g.clear(0, 5, GATE);
        make.get().associate(g, new int[0]);
        g.clear(4, 0, GATE);
        int[] out = {7, 7, 7, 7};
        make.get().associate(g, out);
        assertThat(out).containsExactly(-1, -1, -1, -1);
    }

    /**
     * The soft associators (JPDA, which is not an {@link Associator}: it gives probabilities, not
     * one plot per track): exact enumeration, and Fitzgerald's cheap JPDA forced by a cap of one
     * joint event.
     */
    static Stream<Named<Supplier<JpdaAssociator>>> softAssociators() {
        return Stream.of(Named.of("jpda exact", JpdaAssociator::new),
                Named.of("jpda cheap", () -> new JpdaAssociator(0.9, 1e-12, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("softAssociators")
    void everySoftAssociationIsAProbabilityOverTheGateAndRepeatable(Supplier<JpdaAssociator> make) {
        JpdaAssociator a = make.get();
        boolean exact = a.maxHypotheses() > 1;
        Random rnd = new Random(43);
        for (int trial = 0; trial < 300; trial++) {
            int tracks = rnd.nextInt(20);
            int plots = rnd.nextInt(20);
            GatedPairs g = randomProblem(rnd, tracks, plots, 4, true);
            double[] beta = new double[g.size()];
            double[] miss = new double[tracks];
            a.associate(g, beta, miss);
            double[] plotSum = new double[plots];
            for (int t = 0; t < tracks; t++) {
                double sum = miss[t];
                assertThat(miss[t]).isBetween(0.0, 1.0);
                for (int k = g.start(t); k < g.start(t + 1); k++) {
                    assertThat(beta[k]).isBetween(0.0, 1.0);
                    sum += beta[k];
                    plotSum[g.plot(k)] += beta[k];
                }
                assertThat(sum).as("track %d: β₀ + Σ β", t).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
                if (g.start(t) == g.start(t + 1)) {
                    assertThat(miss[t]).as("an empty gate").isEqualTo(1.0);
                }
            }
            if (exact) {
                // one plot comes from at most one track in every joint event
                for (int p = 0; p < plots; p++) {
                    assertThat(plotSum[p]).as("plot %d: Σ_i β", p).isLessThanOrEqualTo(1 + 1e-9);
                }
            }
            double[] again = new double[g.size()];
            double[] missAgain = new double[tracks];
            a.associate(g, again, missAgain);
            assertThat(again).containsExactly(beta);
            assertThat(missAgain).containsExactly(miss);
        }
    }

    @Test
    void greedyAndOptimalDifferWhereGatesOverlap() {
        // Track 0 gates plots 0 (d² 1) and 1 (d² 2); track 1 gates plot 0 only (d² 3).
        // Greedy takes (0, 0) first and leaves track 1 empty: 1 + γ = 17.27. Optimal: (0, 1) and
        // (1, 0), 2 + 3 = 5.
        GatedPairs g = new GatedPairs();
        g.clear(2, 2, GATE);
        g.add(0, 0, 1.0);
        g.add(0, 1, 2.0);
        g.add(1, 0, 3.0);
        int[] greedy = new int[2];
        int[] optimal = new int[2];
        new GreedyAssociator().associate(g, greedy);
        new OptimalAssociator().associate(g, optimal);
        assertThat(greedy).containsExactly(0, -1);
        assertThat(optimal).containsExactly(1, 0);
        assertThat(cost(g, optimal)).isEqualTo(5.0);
    }

    @Test
    void optimalCostEqualsExhaustiveSearchOnRandomProblems() {
        Random rnd = new Random(7);
        OptimalAssociator optimal = new OptimalAssociator();
        GreedyAssociator greedy = new GreedyAssociator();
        int greedyWorse = 0;
        for (int trial = 0; trial < 3_000; trial++) {
            int tracks = 1 + rnd.nextInt(7);
            int plots = 1 + rnd.nextInt(7);
            GatedPairs g = randomProblem(rnd, tracks, plots, 4);
            int[] out = new int[tracks];
            optimal.associate(g, out);
            double best = bruteForce(g);
            assertThat(cost(g, out)).as("trial %d", trial).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-9));
            greedy.associate(g, out);
            double greedyCost = cost(g, out);
            assertThat(greedyCost).isGreaterThanOrEqualTo(best - 1e-9);
            if (greedyCost > best + 1e-9) {
                greedyWorse++;
            }
        }
        // the test problems are dense enough to make greedy lose sometimes: the optimum is not trivial
        assertThat(greedyWorse).isGreaterThan(100);
    }

    @Test
    void optimalMatchesExhaustiveSearchInsideEachClusterOfALargeProblem() {
        // 2,000 tracks in small overlapping groups: the solver must reach the optimum of every group,
        // whatever the other groups; compared with exhaustive search group by group.
        Random rnd = new Random(3);
        int groups = 400;
        int per = 5;
        GatedPairs g = new GatedPairs();
        g.clear(groups * per, groups * per, GATE);
        for (int grp = 0; grp < groups; grp++) {
            for (int t = 0; t < per; t++) {
                Set<Integer> used = new HashSet<>();
                int pairs = rnd.nextInt(4);
                while (used.size() < pairs) {
                    int p = rnd.nextInt(per);
                    if (used.add(p)) {
                        g.add(grp * per + t, grp * per + p, GATE * rnd.nextDouble());
                    }
                }
            }
        }
        int[] out = new int[groups * per];
        new OptimalAssociator().associate(g, out);
        assertValid(g, out);
        double total = 0;
        for (int grp = 0; grp < groups; grp++) {
            GatedPairs sub = new GatedPairs();
            sub.clear(per, per, GATE);
            for (int t = 0; t < per; t++) {
                int track = grp * per + t;
                for (int k = g.start(track); k < g.start(track + 1); k++) {
                    sub.add(t, g.plot(k) - grp * per, g.distance2(k));
                }
            }
            total += bruteForce(sub);
        }
        assertThat(cost(g, out)).isCloseTo(total, org.assertj.core.api.Assertions.within(1e-6));
        Clusters c = new Clusters();
        c.compute(g);
        assertThat(c.count()).isGreaterThanOrEqualTo(groups);
        List<Integer> sizes = new java.util.ArrayList<>();
        for (int k = 0; k < c.count(); k++) {
            sizes.add(c.trackCount(k));
            for (int m = 0; m < c.trackCount(k); m++) {
                assertThat(c.track(k, m) / per).isEqualTo(c.track(k, 0) / per);
                assertThat(c.clusterOfTrack(c.track(k, m))).isEqualTo(k);
            }
            for (int m = 0; m < c.plotCount(k); m++) {
                assertThat(c.plot(k, m) / per).isEqualTo(c.track(k, 0) / per);
                assertThat(c.clusterOfPlot(c.plot(k, m))).isEqualTo(k);
            }
        }
        assertThat(sizes).contains(1).anyMatch(s -> s > 1);
    }
}
