package dev.bulwark.results.report;

import java.util.List;

/**
 * Small helpers for writing SVG and HTML text by hand: escaping and compact, locale-free
 * numbers. The report is written so that it is also well-formed XML (every element closed,
 * attributes quoted, no named entities but XML's own), which lets the tests parse it.
 */
final class Svg {

    private Svg() {
    }

    /** Text escaped for XML content and double-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null || Character.isISOControl(c) && c != '\n' && c != '\t') {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(r != null ? r : " ");
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** A number to one decimal, without exponent or locale ({@code 12.3}, {@code -0.5}, {@code 7}). */
    static void num(StringBuilder sb, double v) {
        if (!Double.isFinite(v)) {
            sb.append('0');
            return;
        }
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        sb.append(tenths / 10);
        long d = tenths % 10;
        if (d != 0) {
            sb.append('.').append(d);
        }
    }

    /** {@link #num(StringBuilder, double)} as a string. */
    static String num(double v) {
        StringBuilder sb = new StringBuilder(12);
        num(sb, v);
        return sb.toString();
    }

    /** {@code points="x0,y0 x1,y1 ..."} content from flat pixel coordinates. */
    static void points(StringBuilder sb, double[] xy, int length) {
        for (int k = 0; k < length; k += 2) {
            if (k > 0) {
                sb.append(' ');
            }
            num(sb, xy[k]);
            sb.append(',');
            num(sb, xy[k + 1]);
        }
    }

    /** A path {@code d} for closed rings of flat pixel coordinates. */
    static void rings(StringBuilder sb, List<double[]> rings) {
        for (double[] r : rings) {
            for (int k = 0; k < r.length; k += 2) {
                sb.append(k == 0 ? 'M' : 'L');
                num(sb, r[k]);
                sb.append(' ');
                num(sb, r[k + 1]);
            }
            sb.append('Z');
        }
    }

    /** Seconds as {@code h:mm} (or {@code m:ss} under an hour when {@code fine}). */
    static String clock(double seconds, boolean fine) {
        long s = Math.round(seconds);
        if (fine && s < 3600) {
            return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d:%02d", s / 3600, (s % 3600) / 60);
    }
}
