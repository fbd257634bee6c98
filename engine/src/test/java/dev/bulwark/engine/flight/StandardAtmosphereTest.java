package dev.bulwark.engine.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.bulwark.engine.ReferenceData;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validates {@link StandardAtmosphere} against the U.S. Standard Atmosphere, 1976 table by
 * geometric altitude ({@code reference/flight/us76.txt}; its header gives the source).
 */
class StandardAtmosphereTest {

    private static final String TABLE = "/reference/flight/us76.txt";

    // The table prints 5 significant figures for pressure and density: rounding alone is up to
    // 5e-5 relative (mantissa 1.0000). The class's own constants differ from the standard's by
    // < 1e-6 (R = 287.0531 vs R*/M0 = 287.05307; base pressures to 7 figures). 1e-4 relative
    // (0.01%, ten times tighter than the 0.1% that matters for drag) catches any layer, lapse
    // rate or geopotential mistake: confusing geometric and geopotential height alone is 0.24% at
    // 11 km and 15% at 80 km. Measured worst: pressure 2.5e-5, density 3.7e-5 (table rounding).
    private static final double PRESSURE_REL_TOL = 1e-4;
    private static final double DENSITY_REL_TOL = 1e-4;
    // Temperature and speed of sound are printed to 1 mK and 1 mm/s: rounding 5e-4; tolerance 2e-3.
    // Measured worst: 4.9e-4 K and 4.7e-4 m/s.
    private static final double TEMPERATURE_TOL_K = 2e-3;
    private static final double SPEED_OF_SOUND_TOL = 2e-3;

    static Stream<Arguments> us76() {
        return ReferenceData.arguments(TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("us76")
    void matchesTheStandardsTable(ReferenceData.Row row) {
        double z = row.get(0);
        assertThat(StandardAtmosphere.temperature(z)).as("T at %s m", z)
                .isCloseTo(row.get(1), within(TEMPERATURE_TOL_K));
        assertThat(relativeError(StandardAtmosphere.pressure(z), row.get(2))).as("p at %s m", z)
                .isLessThan(PRESSURE_REL_TOL);
        assertThat(relativeError(StandardAtmosphere.density(z), row.get(3))).as("rho at %s m", z)
                .isLessThan(DENSITY_REL_TOL);
        assertThat(StandardAtmosphere.speedOfSound(z)).as("Cs at %s m", z)
                .isCloseTo(row.get(4), within(SPEED_OF_SOUND_TOL));
    }

    @Test
    void tableHasTheRequestedAltitudes() {
        assertThat(ReferenceData.load(TABLE).stream().mapToDouble(r -> r.get(0)))
                .contains(0.0, 1_000.0, 5_000.0, 11_000.0, 20_000.0, 32_000.0, 47_000.0, 51_000.0, 71_000.0,
                        80_000.0);
    }

    @ParameterizedTest
    // geometric altitudes (m) of the geopotential layer bases 11, 20, 32, 47, 51, 71 km', from
    // Z = r0·H / (r0 − H) with r0 = 6 356 766 m
    @ValueSource(doubles = {11_019.067832, 20_063.123682, 32_161.903223, 47_350.092222, 51_412.479626,
        71_801.970675})
    void densityAndTemperatureAreContinuousAtLayerBases(double zBase) {
        // 1 mm either side: the true change over 2 mm is < 3e-7 relative (scale height ≥ 6 km).
        // A base pressure inconsistent with the layer below shows as a jump; the class's base
        // pressures carry 7 figures, so anything above 1e-6 is an error.
        double below = StandardAtmosphere.density(zBase - 1e-3);
        double above = StandardAtmosphere.density(zBase + 1e-3);
        assertThat(relativeError(above, below)).isLessThan(1e-6);
        assertThat(StandardAtmosphere.temperature(zBase + 1e-3))
                .isCloseTo(StandardAtmosphere.temperature(zBase - 1e-3), within(1e-5));
    }

    @Test
    void topOfTheTableAt86KmAndTheExponentialAbove() {
        // The standard gives 6.958E-06 kg/m³ at 86 km (density does not depend on the molecular-
        // weight correction that starts at 80 km, since ρ = P·M0/(R*·T_M)): 5 figures, 1e-4.
        assertThat(relativeError(StandardAtmosphere.density(86_000), 6.958e-6)).isLessThan(1e-4);
        // Above 86 km the class continues with a 6 km scale height: continuous, one e-fold per 6 km.
        double top = StandardAtmosphere.density(86_000);
        assertThat(relativeError(StandardAtmosphere.density(86_000.001), top)).isLessThan(1e-6);
        assertThat(relativeError(StandardAtmosphere.density(92_000), top / Math.E)).isLessThan(1e-12);
        assertThat(StandardAtmosphere.density(200_000)).isPositive().isLessThan(top * 1e-8);
    }

    @Test
    void belowSeaLevelTheSeaLevelValuesAreUsed() {
        assertThat(StandardAtmosphere.density(-400)).isEqualTo(StandardAtmosphere.density(0));
        assertThat(StandardAtmosphere.density(0)).isCloseTo(StandardAtmosphere.SEA_LEVEL_DENSITY, withinPercentage(0.01));
        assertThat(StandardAtmosphere.temperature(-400)).isEqualTo(288.15);
        assertThat(StandardAtmosphere.pressure(-400)).isEqualTo(101_325.0);
    }

    @Test
    void densityDecreasesMonotonically() {
        double previous = StandardAtmosphere.density(0);
        for (double z = 50; z <= 150_000; z += 50) {
            double rho = StandardAtmosphere.density(z);
            assertThat(rho).as("density at %s m", z).isLessThan(previous);
            previous = rho;
        }
    }

    @Test
    void theTableForTheFlightLoopFollowsTheExactFormulas() {
        // densityAndSpeedOfSound interpolates a 25 m table: the bound Δ²/(8H²) with H ≥ 5.5 km is
        // 2.6e-6 for the density; the speed of sound, linear in the temperature's square root, is
        // far closer. Tolerance 5e-6 relative, except in the cell holding a layer base, where the
        // lapse rate changes (d ln ρ/dz jumps by up to |ΔL|/T = 3e-5 per metre at 11 km): there
        // the bound is Δ·3e-5/4 ≈ 2e-4 (and half that for the speed of sound, as √T). Exact at the
        // nodes (to rounding, 1e-12). Measured worst: density 2.1e-6 (1.1e-4 next to the 11 km base),
        // speed of sound 5e-8 (5.3e-5 next to a base).
        double[] bases = {11_019.07, 20_063.12, 32_161.90, 47_350.09, 51_412.48, 71_801.97};
        double[] out = new double[2];
        double worstDensity = 0;
        double worstAtBases = 0;
        double worstSound = 0;
        for (double z = -300; z <= 95_000; z += 7.3) {
            StandardAtmosphere.densityAndSpeedOfSound(z, out);
            double e = relativeError(out[0], StandardAtmosphere.density(z));
            boolean nearBase = false;
            for (double b : bases) {
                nearBase |= Math.abs(z - b) < StandardAtmosphere.TABLE_STEP_M;
            }
            double es = relativeError(out[1], StandardAtmosphere.speedOfSound(z));
            if (nearBase) {
                worstAtBases = Math.max(worstAtBases, Math.max(e, es));
            } else {
                worstDensity = Math.max(worstDensity, e);
                worstSound = Math.max(worstSound, es);
            }
        }
        assertThat(worstDensity).as("worst relative density error").isLessThan(5e-6);
        assertThat(worstAtBases).as("worst relative error next to a layer base").isLessThan(2e-4);
        assertThat(worstSound).as("worst relative speed-of-sound error").isLessThan(5e-6);
        for (double node : new double[] {0, 25, 11_000, 50_000, 85_975}) {
            StandardAtmosphere.densityAndSpeedOfSound(node, out);
            assertThat(relativeError(out[0], StandardAtmosphere.density(node))).isLessThan(1e-12);
            assertThat(relativeError(out[1], StandardAtmosphere.speedOfSound(node))).isLessThan(1e-12);
        }
        StandardAtmosphere.densityAndSpeedOfSound(-50, out);
        assertThat(out[0]).isEqualTo(StandardAtmosphere.density(0));
    }

    private static double relativeError(double actual, double expected) {
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    @Test
    void theExactPairIsBitForBitDensityAndSpeedOfSound() {
        double[] out = new double[2];
        for (double h = -500; h <= 120_000; h += 37.3) {
            StandardAtmosphere.densityAndSpeedOfSoundExact(h, out);
            assertThat(out[0]).as("density at %s m", h).isEqualTo(StandardAtmosphere.density(h));
            assertThat(out[1]).as("speed of sound at %s m", h).isEqualTo(StandardAtmosphere.speedOfSound(h));
        }
        for (double h : new double[] {0, 11_000, 20_000, 32_000, 47_000, 51_000, 71_000, 86_000}) {
            StandardAtmosphere.densityAndSpeedOfSoundExact(h, out);
            assertThat(out[0]).isEqualTo(StandardAtmosphere.density(h));
            assertThat(out[1]).isEqualTo(StandardAtmosphere.speedOfSound(h));
        }
    }

    @Test
    void theTablesSlopeIsTheDerivativeOfItsDensity() {
        // densityAndSlope gives the same density as the table lookup, and a slope equal to the
        // density's difference quotient inside a 25 m cell (where the table is linear) and to
        // within 1 % of the exact formula's derivative away from the layer bases' cells; above 86 km the
        // exponential's −ρ/H; below the ground 0.
        double[] a = new double[2];
        double[] b = new double[2];
        java.util.Random rnd = new java.util.Random(3);
        for (int k = 0; k < 2_000; k++) {
            double h = 100 + 85_000 * rnd.nextDouble();
            StandardAtmosphere.densityAndSlope(h, a);
            StandardAtmosphere.densityAndSpeedOfSound(h, b);
            org.assertj.core.api.Assertions.assertThat(a[0]).isEqualTo(b[0]);
            double cell = Math.floor(h / StandardAtmosphere.TABLE_STEP_M) * StandardAtmosphere.TABLE_STEP_M;
            double lo = cell + 1;
            double hi = cell + StandardAtmosphere.TABLE_STEP_M - 1;
            StandardAtmosphere.densityAndSpeedOfSound(lo, b);
            double rlo = b[0];
            StandardAtmosphere.densityAndSpeedOfSound(hi, b);
            org.assertj.core.api.Assertions.assertThat(a[1])
                    .isCloseTo((b[0] - rlo) / (hi - lo), org.assertj.core.api.Assertions.within(1e-9 * Math.abs(a[1])));
            // the layer bases (geopotential 11, 20, 32, 47, 51, 71 km), where the lapse rate and so
            // the density's slope jump: their cells are left out of the comparison with the formula
            boolean nearBase = false;
            for (double base : new double[] {11_000, 20_000, 32_000, 47_000, 51_000, 71_000}) {
                double geometric = base * 6_356_766.0 / (6_356_766.0 - base);
                nearBase |= Math.abs(h - geometric) < 2 * StandardAtmosphere.TABLE_STEP_M;
            }
            if (!nearBase) {
                double exact = (StandardAtmosphere.density(h + 1) - StandardAtmosphere.density(h - 1)) / 2;
                org.assertj.core.api.Assertions.assertThat(a[1])
                        .isCloseTo(exact, org.assertj.core.api.Assertions.within(0.01 * Math.abs(exact)));
            }
        }
        StandardAtmosphere.densityAndSlope(90_000, a);
        org.assertj.core.api.Assertions.assertThat(a[1]).isCloseTo(-a[0] / 6_000,
                org.assertj.core.api.Assertions.within(1e-15));
        StandardAtmosphere.densityAndSlope(-10, a);
        org.assertj.core.api.Assertions.assertThat(a[1]).isZero();
    }
}
