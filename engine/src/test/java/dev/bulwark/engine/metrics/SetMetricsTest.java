package dev.bulwark.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Gospa} and {@link Ospa}: small cases computed by hand (the working is in each test's
 * comment, from the definitions in Rahmathullah et al. 2017 and Schuhmacher et al. 2008), then
 * properties on random sets: zero exactly for equal sets, symmetry, the counts and components,
 * the triangle inequality, and agreement with exhaustive search.
 */
class SetMetricsTest {

    static final double EPS = 1e-9;

    @Test
    void gospaAndOspaOnTwoPointsIn1dByHand() {
        // X = {0, 10}, Y = {1, 30}, c = 5. Distances: |0−1| = 1, |0−30| = 30, |10−1| = 9, |10−30| = 20;
        // only (0, 1) is closer than c.
        // GOSPA p = 1: pair (0, 1) → 1; 10 missed → c/2 = 2.5; 30 false → 2.5; total 6.
        // GOSPA p = 2: 1 + 25/2 + 25/2 = 26 → √26 = 5.0990195.
        // OSPA p = 1 (m = n = 2): π = (0→1, 10→30): 1 + min(20, 5) = 6; π = (0→30, 10→1): 5 + 5 = 10;
        //   min 6, / n = 3. OSPA p = 2: (1 + 25)/2 = 13 → √13 = 3.6055513.
        double[] x = {0, 10};
        double[] y = {1, 30};
        SetDistance g1 = new Gospa(5, 1).distance(2, x, 2, y, 1);
        assertThat(g1.distance()).isCloseTo(6.0, within(EPS));
        assertThat(g1.localisation()).isCloseTo(1.0, within(EPS));
        assertThat(g1.missed()).isCloseTo(2.5, within(EPS));
        assertThat(g1.falseTargets()).isCloseTo(2.5, within(EPS));
        assertThat(new int[] {g1.pairs(), g1.missedCount(), g1.falseCount()}).containsExactly(1, 1, 1);
        SetDistance g2 = new Gospa(5, 2).distance(2, x, 2, y, 1);
        assertThat(g2.distance()).isCloseTo(Math.sqrt(26), within(EPS));
        assertThat(g2.missed()).isCloseTo(12.5, within(EPS));
        assertThat(new Ospa(5, 1).distance(2, x, 2, y, 1).distance()).isCloseTo(3.0, within(EPS));
        assertThat(new Ospa(5, 2).distance(2, x, 2, y, 1).distance()).isCloseTo(Math.sqrt(13), within(EPS));
    }

    @Test
    void gospaLeavesAPairUnassignedWhenTwoPenaltiesAreCheaper() {
        // X = {0, 4}, Y = {3, 7}, c = 4, p = 1. Pairs closer than c: (0,3) = 3, (4,3) = 1, (4,7) = 3.
        // Both pairs (0,3), (4,7): 3 + 3 = 6. Only (4,3): 1 + c/2 (0 missed) + c/2 (7 false) = 5.
        // Only (0,3): 3 + 2 + 2 = 7. Only (4,7): 3 + 2 + 2 = 7. None: 4 × 2 = 8. Minimum 5.
        SetDistance g = new Gospa(4, 1).distance(2, new double[] {0, 4}, 2, new double[] {3, 7}, 1);
        assertThat(g.distance()).isCloseTo(5.0, within(EPS));
        assertThat(g.localisation()).isCloseTo(1.0, within(EPS));
        assertThat(new int[] {g.pairs(), g.missedCount(), g.falseCount()}).containsExactly(1, 1, 1);
    }

    @Test
    void rmseIsTakenOverTheCutoffAssignmentsPairsOnly() {
        // As above: the assignment keeps only (4, 3), so the RMSE is 1 m, not the 3 m of the two
        // farther pairs a nearest-estimate matching would also take; OSPA's assignment (it pairs as
        // many as it can, costs capped at c) takes (0,3) and (4,7): RMSE 3 m.
        SetDistance g = new Gospa(4, 1).distance(2, new double[] {0, 4}, 2, new double[] {3, 7}, 1);
        assertThat(g.rmse()).isCloseTo(1.0, within(EPS));
        assertThat(g.sumSquaredErrors()).isCloseTo(1.0, within(EPS));
        // 2-D: X = {(0,0), (10,0)}, Y = {(3,4), (10,1), (50,50)}, c = 10: pairs 5 m and 1 m, (50,50)
        // false: RMSE √((25 + 1) / 2) = √13; with p = 1 the same pairs
        double[] x = {0, 0, 10, 0};
        double[] y = {3, 4, 10, 1, 50, 50};
        for (double p : new double[] {1, 2}) {
            SetDistance d = new Gospa(10, p).distance(2, x, 3, y, 2);
            assertThat(d.pairs()).isEqualTo(2);
            assertThat(d.rmse()).isCloseTo(Math.sqrt(13), within(EPS));
            assertThat(d.sumSquaredErrors()).isCloseTo(26, within(1e-9));
            assertThat(new Ospa(10, p).distance(2, x, 3, y, 2).rmse()).isCloseTo(Math.sqrt(13), within(EPS));
        }
        // no pairs: NaN, and nothing to pool
        SetDistance none = new Gospa(1, 1).distance(1, new double[] {0}, 1, new double[] {5}, 1);
        assertThat(none.rmse()).isNaN();
        assertThat(none.sumSquaredErrors()).isZero();
        assertThat(new Ospa(1, 1).distance(0, new double[0], 1, new double[] {5}, 1).rmse()).isNaN();
    }

    @Test
    void oneTruthTwoEstimatesIn2dByHand() {
        // X = {(0,0)}, Y = {(3,4), (100,0)}, c = 10, p = 2. (0,0)–(3,4) is 5 m.
        // GOSPA: 5² + c²/2 for (100,0) false = 25 + 50 = 75 → √75 = 8.6602540.
        // OSPA (m = 1, n = 2): (min(5, 10)² + c² (2 − 1)) / 2 = (25 + 100) / 2 = 62.5 → 7.9056942.
        double[] x = {0, 0};
        double[] y = {3, 4, 100, 0};
        SetDistance g = new Gospa(10, 2).distance(1, x, 2, y, 2);
        assertThat(g.distance()).isCloseTo(Math.sqrt(75), within(EPS));
        assertThat(g.localisation()).isCloseTo(25, within(EPS));
        assertThat(g.falseTargets()).isCloseTo(50, within(EPS));
        assertThat(g.missed()).isZero();
        SetDistance o = new Ospa(10, 2).distance(1, x, 2, y, 2);
        assertThat(o.distance()).isCloseTo(Math.sqrt(62.5), within(EPS));
        assertThat(o.localisation()).isCloseTo(12.5, within(EPS));
        assertThat(o.falseTargets()).isCloseTo(50, within(EPS));
    }

    @Test
    void emptySets() {
        // Both empty: 0. One truth, no estimate, c = 10, p = 2: GOSPA (c²/2)^(1/2) = √50; OSPA c = 10.
        assertThat(new Gospa(10, 2).distance(0, new double[0], 0, new double[0], 3).distance()).isZero();
        assertThat(new Ospa(10, 2).distance(0, new double[0], 0, new double[0], 3).distance()).isZero();
        SetDistance g = new Gospa(10, 2).distance(1, new double[] {1, 2, 3}, 0, new double[0], 3);
        assertThat(g.distance()).isCloseTo(Math.sqrt(50), within(EPS));
        assertThat(g.missedCount()).isEqualTo(1);
        assertThat(new Ospa(10, 2).distance(0, new double[0], 1, new double[] {1, 2, 3}, 3).distance())
                .isEqualTo(10.0);
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> new Gospa(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Gospa(10, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ospa(10, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    static double[] randomSet(Random rnd, int n, double size) {
        double[] s = new double[2 * n];
        for (int i = 0; i < s.length; i++) {
            s[i] = rnd.nextDouble() * size;
        }
        return s;
    }

    @Test
    void metricPropertiesOnRandomSets() {
        Random rnd = new Random(99);
        for (double p : new double[] {1, 2, 3}) {
            MultiTargetMetric[] metrics = {new Gospa(20, p), new Ospa(20, p)};
            for (MultiTargetMetric metric : metrics) {
                for (int trial = 0; trial < 400; trial++) {
                    int nx = rnd.nextInt(8);
                    int ny = rnd.nextInt(8);
                    int nz = rnd.nextInt(8);
                    double[] x = randomSet(rnd, nx, 60);
                    double[] y = randomSet(rnd, ny, 60);
                    double[] z = randomSet(rnd, nz, 60);
                    SetDistance xy = metric.distance(nx, x, ny, y, 2);
                    SetDistance yx = metric.distance(ny, y, nx, x, 2);
                    // identity: zero on equal sets, positive otherwise
                    assertThat(metric.distance(nx, x, nx, x, 2).distance()).isZero();
                    if (nx + ny > 0) {
                        assertThat(xy.distance()).isPositive();
                    }
                    // symmetry, with missed and false exchanged
                    assertThat(yx.distance()).isCloseTo(xy.distance(), within(EPS));
                    assertThat(yx.missed()).isCloseTo(xy.falseTargets(), within(EPS));
                    assertThat(yx.missedCount()).isEqualTo(xy.falseCount());
                    // counts and components
                    assertThat(xy.missedCount()).isEqualTo(nx - xy.pairs());
                    assertThat(xy.falseCount()).isEqualTo(ny - xy.pairs());
                    assertThat(xy.localisation() + xy.missed() + xy.falseTargets())
                            .isCloseTo(Math.pow(xy.distance(), p), within(1e-6));
                    // RMSE over the same pairs: for GOSPA with p = 2 the localisation is Σ d²; for any p
                    // the RMS distance is at least the mean distance (p = 1) and below the cut-off
                    if (xy.pairs() == 0) {
                        assertThat(xy.rmse()).isNaN();
                    } else {
                        assertThat(xy.rmse()).isLessThan(20.0);
                        assertThat(yx.rmse()).isCloseTo(xy.rmse(), within(1e-9));
                        if (metric instanceof Gospa && p == 2) {
                            assertThat(xy.sumSquaredErrors()).isCloseTo(xy.localisation(), within(1e-6));
                        }
                        if (metric instanceof Gospa && p == 1) {
                            assertThat(xy.rmse()).isGreaterThanOrEqualTo(xy.localisation() / xy.pairs() - 1e-9);
                        }
                    }
                    // triangle inequality
                    double xz = metric.distance(nx, x, nz, z, 2).distance();
                    double yz = metric.distance(ny, y, nz, z, 2).distance();
                    assertThat(xz).as("%s p=%s trial %d", metric.getClass().getSimpleName(), p, trial)
                            .isLessThanOrEqualTo(xy.distance() + yz + 1e-9);
                    if (metric instanceof Ospa) {
                        assertThat(xy.distance()).isLessThanOrEqualTo(20 + EPS);
                    } else {
                        assertThat(xy.distance()).isCloseTo(bruteGospa(x, nx, y, ny, 20, p), within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void ospaEqualsExhaustiveSearch() {
        Random rnd = new Random(5);
        Ospa ospa = new Ospa(15, 2);
        for (int trial = 0; trial < 500; trial++) {
            int nx = 1 + rnd.nextInt(6);
            int ny = 1 + rnd.nextInt(6);
            double[] x = randomSet(rnd, nx, 40);
            double[] y = randomSet(rnd, ny, 40);
            // brute force: the smaller set injected into the larger in every way
            boolean xSmall = nx <= ny;
            double[] a = xSmall ? x : y;
            double[] b = xSmall ? y : x;
            int m = Math.min(nx, ny);
            int n = Math.max(nx, ny);
            double best = injections(a, m, b, n, 0, new boolean[n], 15, 2);
            double want = Math.sqrt((best + 225.0 * (n - m)) / n);
            assertThat(ospa.distance(nx, x, ny, y, 2).distance()).isCloseTo(want, within(1e-9));
        }
    }

    private static double injections(double[] a, int m, double[] b, int n, int i, boolean[] used, double c, double p) {
        if (i == m) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                double d = Math.min(c, Math.hypot(a[2 * i] - b[2 * j], a[2 * i + 1] - b[2 * j + 1]));
                best = Math.min(best, Math.pow(d, p) + injections(a, m, b, n, i + 1, used, c, p));
                used[j] = false;
            }
        }
        return best;
    }

    /** GOSPA (α = 2) by exhaustive search over partial assignments, from the definition. */
    static double bruteGospa(double[] x, int nx, double[] y, int ny, double c, double p) {
        return Math.pow(partial(x, nx, y, ny, 0, new boolean[ny], c, p), 1 / p);
    }

    private static double partial(double[] x, int nx, double[] y, int ny, int i, boolean[] used, double c, double p) {
        if (i == nx) {
            int free = 0;
            for (boolean u : used) {
                free += u ? 0 : 1;
            }
            return free * Math.pow(c, p) / 2;
        }
        double best = Math.pow(c, p) / 2 + partial(x, nx, y, ny, i + 1, used, c, p);
        for (int j = 0; j < ny; j++) {
            double d = Math.hypot(x[2 * i] - y[2 * j], x[2 * i + 1] - y[2 * j + 1]);
            if (!used[j] && d < c) {
                used[j] = true;
                best = Math.min(best, Math.pow(d, p) + partial(x, nx, y, ny, i + 1, used, c, p));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void gospaOnALargeSetMatchesTheSumOverFarApartGroups() {
        // 3,000 truths in 300 groups 10 km apart, each group with its own estimates: the grid must find
        // every close pair and the total must be the sum of the groups' exhaustive values (p = 2).
        Random rnd = new Random(8);
        int groups = 300;
        double[] x = new double[3 * groups * 4];
        double[] y = new double[3 * groups * 4];
        int nx = 0;
        int ny = 0;
        double sum = 0;
        for (int g = 0; g < groups; g++) {
            double ox = (g % 20) * 10_000.0;
            double oy = (g / 20) * 10_000.0;
            int gx = rnd.nextInt(5);
            int gy = rnd.nextInt(5);
            double[] sx = randomSet(rnd, gx, 80);
            double[] sy = randomSet(rnd, gy, 80);
            sum += Math.pow(bruteGospa(sx, gx, sy, gy, 50, 2), 2);
            for (int i = 0; i < gx; i++) {
                x[3 * nx] = ox + sx[2 * i];
                x[3 * nx + 1] = oy + sx[2 * i + 1];
                x[3 * nx + 2] = -7_000;
                nx++;
            }
            for (int i = 0; i < gy; i++) {
                y[3 * ny] = ox + sy[2 * i];
                y[3 * ny + 1] = oy + sy[2 * i + 1];
                y[3 * ny + 2] = -7_000;
                ny++;
            }
        }
        SetDistance g = new Gospa(50, 2).distance(nx, x, ny, y, 3);
        assertThat(g.distance()).isCloseTo(Math.sqrt(sum), within(1e-6));
        assertThat(g.pairs()).isGreaterThan(100);
    }
}
