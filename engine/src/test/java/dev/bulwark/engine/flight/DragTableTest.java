package dev.bulwark.engine.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link DragTable}: piecewise-linear in Mach, flat beyond its ends, and its cursor lookup equals the search. */
class DragTableTest {

    private static final DragTable SHELL = DragTable.of(new double[] {0.5, 0.9, 1.0, 1.2, 2.0},
            new double[] {0.14, 0.16, 0.30, 0.32, 0.24});

    @Test
    void interpolatesLinearlyAndIsFlatBeyondItsEnds() {
        assertThat(SHELL.cd(0.0)).isEqualTo(0.14);
        assertThat(SHELL.cd(0.5)).isEqualTo(0.14);
        assertThat(SHELL.cd(0.7)).isCloseTo(0.15, within(1e-15));
        assertThat(SHELL.cd(0.95)).isCloseTo(0.23, within(1e-15));
        assertThat(SHELL.cd(1.6)).isCloseTo(0.28, within(1e-15));
        assertThat(SHELL.cd(2.0)).isCloseTo(0.24, within(1e-15));
        assertThat(SHELL.cd(7.0)).isEqualTo(0.24);
        for (int i = 0; i < SHELL.size(); i++) {
            assertThat(SHELL.cd(SHELL.mach(i))).isCloseTo(SHELL.cdAt(i), within(1e-15));
        }
        assertThat(SHELL.maxCd()).isEqualTo(0.32);
        assertThat(SHELL.isConstant()).isFalse();
    }

    @Test
    void aOneEntryTableIsAConstantCoefficient() {
        DragTable c = DragTable.constant(0.3);
        assertThat(c.isConstant()).isTrue();
        assertThat(c.size()).isEqualTo(1);
        for (double m : new double[] {0, 0.5, 1, 3, 10}) {
            assertThat(c.cd(m)).isEqualTo(0.3);
        }
        assertThat(c).isEqualTo(DragTable.of(new double[] {0}, new double[] {0.3})).hasSameHashCodeAs(
                DragTable.constant(0.3));
        assertThat(c).isNotEqualTo(DragTable.constant(0.31));
    }

    @Test
    void theCursorLookupFindsTheSameSegmentFromAnyGuess() {
        // The flight loop walks from the previous segment; from any starting guess it must land on a
        // segment whose line gives the table's value (1e-15).
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            double m = 3 * random.nextDouble();
            int guess = random.nextInt(SHELL.size() + 1);
            int k = SHELL.segment(m, guess);
            assertThat(SHELL.a[k] + SHELL.b[k] * m).isCloseTo(SHELL.cd(m), within(1e-15));
        }
    }

    @Test
    void refusesTablesThatAreNotFunctionsOfMach() {
        assertThatThrownBy(() -> DragTable.of(new double[] {}, new double[] {})).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> DragTable.of(new double[] {0, 1}, new double[] {0.3})).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> DragTable.of(new double[] {0, 1, 1}, new double[] {0.3, 0.4, 0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increase");
        assertThatThrownBy(() -> DragTable.of(new double[] {0, 1}, new double[] {0.3, -0.1})).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> DragTable.of(new double[] {-0.5, 1}, new double[] {0.3, 0.1})).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void copiesItsInput() {
        double[] mach = {0, 1};
        double[] cd = {0.2, 0.4};
        DragTable t = DragTable.of(mach, cd);
        cd[1] = 9;
        assertThat(t.cd(1)).isEqualTo(0.4);
        assertThat(t).hasToString("[[0.0, 0.2], [1.0, 0.4]]");
    }

    @Test
    void theCursorLookupIsBitForBitTheSearch() {
        // from any previous segment, on and between the tabulated Mach numbers and beyond both ends
        DragTable t = DragTable.of(new double[] {0.0, 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0},
                new double[] {0.38, 0.38, 0.40, 0.46, 0.59, 0.65, 0.64, 0.58, 0.49, 0.43, 0.38, 0.34});
        Random random = new Random(5);
        int[] cursor = {0};
        for (int i = 0; i < 20_000; i++) {
            double m = i % 3 == 0 ? t.mach(random.nextInt(t.size())) : 5 * random.nextDouble() - 0.5;
            assertThat(Double.doubleToRawLongBits(t.cd(m, cursor))).as("Mach %s", m)
                    .isEqualTo(Double.doubleToRawLongBits(t.cd(m)));
        }
        assertThat(t.cd(Double.NaN, cursor)).isNaN();
    }
}
