package dev.bulwark.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled Natural Earth data, decoded and clipped. */
class BasemapTest {

    @Test
    void aBoxOnTheGazaCoastHasLandSeaCoastAndBorders() {
        Basemap.Clipped c = Basemap.clip(34.2, 31.2, 34.8, 31.8);
        assertThat(c.land()).isNotEmpty();
        assertThat(c.coast()).isNotEmpty();
        assertThat(c.borders()).isNotEmpty();
        for (double[] ring : c.land()) {
            for (int k = 0; k < ring.length; k += 2) {
                assertThat(ring[k]).isBetween(34.2 - 1e-9, 34.8 + 1e-9);
                assertThat(ring[k + 1]).isBetween(31.2 - 1e-9, 31.8 + 1e-9);
            }
        }
        // the coast runs from south-west to north-east here: the point (34.3, 31.7) is at sea, (34.7, 31.3) on land
        assertThat(inside(c, 34.7, 31.3)).isTrue();
        assertThat(inside(c, 34.3, 31.7)).isFalse();
    }

    @Test
    void theNorthPacificHasNoLand() {
        Basemap.Clipped c = Basemap.clip(-140, 30, -138, 32);
        assertThat(c.land()).isEmpty();
        assertThat(c.coast()).isEmpty();
    }

    @Test
    void aBoxInsideAContinentIsAllLand() {
        // central Libya, far from any coast
        Basemap.Clipped c = Basemap.clip(17, 25, 18, 26);
        assertThat(c.coast()).isEmpty();
        assertThat(c.land()).isNotEmpty();
        assertThat(inside(c, 17.5, 25.5)).isTrue();
    }

    @Test
    void clipsARingToTheBox() {
        double[] square = {0, 0, 4, 0, 4, 4, 0, 4};
        double[] clipped = Basemap.clipRing(square, 1, 1, 2, 3);
        assertThat(area(clipped)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Basemap.clipRing(square, 5, 5, 6, 6)).isEmpty();
    }

    /** Even-odd point in polygon over all land rings. */
    private static boolean inside(Basemap.Clipped c, double x, double y) {
        boolean in = false;
        for (double[] r : c.land()) {
            int n = r.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = r[2 * i];
                double yi = r[2 * i + 1];
                double xj = r[2 * j];
                double yj = r[2 * j + 1];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    in = !in;
                }
            }
        }
        return in;
    }

    private static double area(double[] r) {
        double a = 0;
        int n = r.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            a += r[2 * j] * r[2 * i + 1] - r[2 * i] * r[2 * j + 1];
        }
        return Math.abs(a) / 2;
    }
}
