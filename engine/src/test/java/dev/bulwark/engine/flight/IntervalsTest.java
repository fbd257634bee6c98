package dev.bulwark.engine.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void findsTheSpellsOfAConditionToTheTolerance() {
        // sin t > 0 on [0.5, 10]: (0.5, π), (2π, 3π)
        double[] spells = Intervals.where(t -> Math.sin(t) > 0, 0.5, 10, 0.3, 1e-6);
        assertThat(spells).hasSize(4);
        assertThat(spells[0]).isEqualTo(0.5);
        assertThat(spells[1]).isCloseTo(Math.PI, within(1e-6));
        assertThat(spells[2]).isCloseTo(2 * Math.PI, within(1e-6));
        assertThat(spells[3]).isCloseTo(3 * Math.PI, within(1e-6));
    }

    @Test
    void aSpellOpenAtTheEndEndsThere() {
        double[] spells = Intervals.where(t -> t > 2, 0, 5, 1, 1e-9);
        assertThat(spells).hasSize(2);
        assertThat(spells[0]).isCloseTo(2, within(1e-9));
        assertThat(spells[1]).isEqualTo(5);
        assertThat(Intervals.where(t -> false, 0, 5, 1, 1e-9)).isEmpty();
    }

    @Test
    void aSpellShorterThanTheCheckStepBetweenSamplesIsMissedAsDocumented() {
        // inside only on (1.2, 1.4): samples at 0, 1, 2 never see it
        assertThat(Intervals.where(t -> t > 1.2 && t < 1.4, 0, 2, 1, 1e-9)).isEmpty();
        // a finer step finds it
        assertThat(Intervals.where(t -> t > 1.2 && t < 1.4, 0, 2, 0.1, 1e-9)).hasSize(2);
    }

    @Test
    void refusesABadInterval() {
        assertThatThrownBy(() -> Intervals.where(t -> true, 1, 0, 1, 1e-3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Intervals.where(t -> true, 0, 1, 0, 1e-3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
