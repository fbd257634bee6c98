package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.flight.DragTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link InterceptorType}: derived quantities and validation (the drag table is tested in DragTableTest). */
class InterceptorTypeTest {

    private static final InterceptorType T = InterceptorType.TAMIR_CLASS;

    @Test
    void massThrustAndIdealSpeedFollowTheMotor() {
        assertThat(T.massAt(0)).isEqualTo(90);
        assertThat(T.massAt(T.burnTimeS() / 2)).isCloseTo(90 - 14, within(1e-12));
        assertThat(T.massAt(T.burnTimeS())).isEqualTo(62);
        assertThat(T.massAt(100)).isEqualTo(62);
        assertThat(T.thrustAt(1)).isEqualTo(24_000);
        assertThat(T.thrustAt(T.burnTimeS())).isZero();
        assertThat(T.thrustAt(-1)).isZero();
        // c = 24 kN · 2.5 s / 28 kg = 2,142.9 m/s (Isp 218.5 s); Δv = c ln(90/62) = 798.6 m/s
        assertThat(T.idealDeltaVMps()).isCloseTo(24_000 * 2.5 / 28 * Math.log(90.0 / 62), within(1e-9));
        assertThat(T.idealDeltaVMps()).isCloseTo(798.6, within(0.1));
    }

    @Test
    void lateralAccelerationIsLimitedAtLowDynamicPressure() {
        assertThat(T.availableLateralAcceleration(0)).isZero();
        assertThat(T.availableLateralAcceleration(T.fullManoeuvreDynamicPressurePa() / 4))
                .isCloseTo(T.maxLateralAccelerationMps2() / 4, within(1e-12));
        assertThat(T.availableLateralAcceleration(1e6)).isEqualTo(T.maxLateralAccelerationMps2());
        InterceptorType unlimited = new InterceptorType("u", 90, 28, 2.5, 24_000, 0.02, DragTable.constant(0.3),
                100, 0, 4, 0, 0.4, 0.3, 1, 30, 5, 0);
        assertThat(unlimited.availableLateralAcceleration(0)).isEqualTo(100);
        assertThat(T.withMaxLateralAcceleration(5).maxLateralAccelerationMps2()).isEqualTo(5);
        assertThat(T.withMaxLateralAcceleration(5).withName("x").withMaxLateralAcceleration(T.maxLateralAccelerationMps2())
                .withName(T.name())).isEqualTo(T);
    }

    @Test
    void badTypesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new InterceptorType("bad", 90, 95, 2.5, 24_000, 0.02, DragTable.constant(0.3), 100,
                0, 4, 0, 0.4, 0.3, 1, 30, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad").hasMessageContaining("propellant");
        assertThatThrownBy(() -> new InterceptorType("bad", 90, 28, 2.5, 24_000, 0.02, DragTable.constant(0.3), 100,
                0, 4, 0, 0.4, 0.3, 30, 30, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flight-time");
        assertThatThrownBy(() -> new InterceptorType("bad", 90, 28, 2.5, 24_000, 0.02, null, 100,
                0, 4, 0, 0.4, 0.3, 1, 30, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InterceptorType(" ", 90, 28, 2.5, 24_000, 0.02, DragTable.constant(0.3), 100,
                0, 4, 0, 0.4, 0.3, 1, 30, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InterceptorType("bad", 90, 28, 2.5, 24_000, 0.02, DragTable.constant(0.3), 100,
                0, 0, 0, 0.4, 0.3, 1, 30, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("navigation");
    }
}
