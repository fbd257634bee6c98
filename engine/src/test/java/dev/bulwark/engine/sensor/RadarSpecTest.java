package dev.bulwark.engine.sensor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.engine.geo.GeodeticPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RadarSpec} refuses parameters the radar model cannot use, naming the radar. */
class RadarSpecTest {

    private static final GeodeticPoint SITE = GeodeticPoint.ofDegrees(31.45, 34.62, 0);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // what is wrong,               minR, maxR,  minEl, maxEl, revisit, refR, lambda, sR, sAz,   sEl,   valid
        "valid,                         500,  1e5,   0.01,  1.4,   1,       6e4,  0,      15, 0.002, 0.002, true",
        "zero minimum range is allowed, 0,    1e5,   0.01,  1.4,   1,       6e4,  0,      15, 0.002, 0.002, true",
        "negative minimum range,        -1,   1e5,   0.01,  1.4,   1,       6e4,  0,      15, 0.002, 0.002, false",
        "maximum below minimum range,   500,  400,   0.01,  1.4,   1,       6e4,  0,      15, 0.002, 0.002, false",
        "elevation band empty,          500,  1e5,   0.5,   0.5,   1,       6e4,  0,      15, 0.002, 0.002, false",
        "zero revisit,                  500,  1e5,   0.01,  1.4,   0,       6e4,  0,      15, 0.002, 0.002, false",
        "zero reference range,          500,  1e5,   0.01,  1.4,   1,       0,    0,      15, 0.002, 0.002, false",
        "negative false alarms,         500,  1e5,   0.01,  1.4,   1,       6e4,  -1,     15, 0.002, 0.002, false",
        "zero range sigma,              500,  1e5,   0.01,  1.4,   1,       6e4,  0,      0,  0.002, 0.002, false",
        "zero azimuth sigma,            500,  1e5,   0.01,  1.4,   1,       6e4,  0,      15, 0,     0.002, false",
        "zero elevation sigma,          500,  1e5,   0.01,  1.4,   1,       6e4,  0,      15, 0.002, 0,     false",
        "NaN maximum range,             500,  NaN,   0.01,  1.4,   1,       6e4,  0,      15, 0.002, 0.002, false",
    })
    void invalidParametersAreRefusedWithTheRadarsName(String what, double minR, double maxR, double minEl,
            double maxEl, double revisit, double refR, double lambda, double sR, double sAz, double sEl,
            boolean valid) {
        if (valid) {
            assertThatCode(() -> new RadarSpec("north-1", SITE, minR, maxR, minEl, maxEl, revisit, refR, lambda, sR,
                    sAz, sEl)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> new RadarSpec("north-1", SITE, minR, maxR, minEl, maxEl, revisit, refR, lambda,
                    sR, sAz, sEl)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("north-1");
        }
    }
}
