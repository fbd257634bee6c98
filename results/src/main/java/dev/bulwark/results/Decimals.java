package dev.bulwark.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-decimal text for doubles, so that files are stable and readable: a value is
 * rounded half-even to a given number of decimals, trailing zeros are dropped, and the
 * result is never in exponent form ({@code 1.5}, {@code 0.0000123}, {@code 12}).
 *
 * <p>Rounding goes through {@link BigDecimal#valueOf(double)} (the shortest decimal that
 * identifies the double), so the text depends only on the value, never on the platform.
 * Negative zero prints as {@code 0}.
 */
final class Decimals {

    private Decimals() {
    }

    /**
     * The value rounded to {@code decimals} places, as plain decimal text, or null when it is
     * NaN or infinite (JSON has no such numbers).
     */
    static String format(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return null;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
