package dev.bulwark.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of numeric scalars as written in scenario files, and formatting of numbers in messages. */
final class Numbers {

    /** Decimal numbers as YAML 1.2 and JSON write them, plus a leading '+' or '.' that people type. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    private Numbers() {
    }

    static boolean isDecimal(String s) {
        return DECIMAL.matcher(s).matches();
    }

    static boolean isInteger(String s) {
        return INTEGER.matcher(s).matches();
    }

    /** Whether a written number is integral ("3", "3.0", "3e2") even if not written as an integer. */
    static boolean isIntegral(String s) {
        try {
            BigDecimal d = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number for a message: integers without a decimal point, others with up to 6 significant digits. */
    static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** A number with one decimal, for distances in kilometres. */
    static String km(double metres) {
        return String.format(Locale.ROOT, "%.1f", metres / 1000.0);
    }
}
