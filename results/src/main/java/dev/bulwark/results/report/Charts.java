package dev.bulwark.results.report;

import java.util.List;

/**
 * Hand-written SVG charts for the report: time series as step lines against simulated time,
 * and labelled horizontal bars. Each chart is one {@code <svg>} element with an id, a
 * {@code <title>}, axes, and its data marks carrying {@code class="data"}.
 */
final class Charts {

    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};

    private static final int WIDTH = 900;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private Charts() {
    }

    /**
     * A series: points (t, value) joined as a step line (the value holds until the next point)
     * or, when {@code step} is false, straight segments.
     */
    record Series(String name, String colour, double[] t, double[] value, boolean step, boolean dashed) {
    }

    /** Step-line chart over [0, tMaxS], with a legend above. */
    static void timeChart(StringBuilder sb, String id, String title, String yLabel, double tMaxS, List<Series> series,
            int height) {
        double yMax = 0;
        for (Series s : series) {
            for (double v : s.value) {
                yMax = Math.max(yMax, v);
            }
        }
        // every chart counts things (events, rounds, dollars): no step below one
        double yStep = Math.max(1, niceStep(Math.max(yMax, 1), 5));
        double yTop = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
        int legendRows = (series.size() + 3) / 4;
        int top = TOP + legendRows * 18;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = height - top - BOTTOM;
        sb.append("<svg id=\"").append(id).append("\" class=\"chart\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Svg.esc(title)).append("\">\n<title>")
                .append(Svg.esc(title)).append("</title>\n");
        legend(sb, series.stream().map(Series::name).toList(), series.stream().map(Series::colour).toList(), TOP);
        // y grid and labels
        for (double y = 0; y <= yTop + 1e-9; y += yStep) {
            double py = top + plotH - y / yTop * plotH;
            sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW)
                    .append("\" y1=\"");
            Svg.num(sb, py);
            sb.append("\" y2=\"");
            Svg.num(sb, py);
            sb.append("\"/><text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"");
            Svg.num(sb, py + 4);
            sb.append("\" text-anchor=\"end\">").append(label(y)).append("</text>\n");
        }
        // x ticks: simulated time
        double xStep = timeStep(tMaxS);
        boolean fine = tMaxS <= 3600;
        for (double t = 0; t <= tMaxS + 1e-9; t += xStep) {
            double px = LEFT + t / tMaxS * plotW;
            sb.append("<line class=\"grid\" x1=\"");
            Svg.num(sb, px);
            sb.append("\" x2=\"");
            Svg.num(sb, px);
            sb.append("\" y1=\"").append(top).append("\" y2=\"").append(top + plotH).append("\"/><text class=\"tick\" x=\"");
            Svg.num(sb, px);
            sb.append("\" y=\"").append(top + plotH + 16).append("\" text-anchor=\"middle\">")
                    .append(Svg.clock(t, fine)).append("</text>\n");
        }
        sb.append("<text class=\"axis\" x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(height - 4)
                .append("\" text-anchor=\"middle\">simulated time (").append(fine ? "m:ss" : "h:mm")
                .append(")</text>\n<text class=\"axis\" transform=\"translate(14,").append(top + plotH / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Svg.esc(yLabel)).append("</text>\n");
        sb.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"")
                .append(plotW).append("\" height=\"").append(plotH).append("\"/>\n");
        double[] xy = new double[64];
        for (Series s : series) {
            int n = s.t.length;
            if (xy.length < 4 * n + 4) {
                xy = new double[4 * n + 4];
            }
            int at = 0;
            for (int i = 0; i < n; i++) {
                double px = LEFT + Math.min(s.t[i], tMaxS) / tMaxS * plotW;
                double py = top + plotH - s.value[i] / yTop * plotH;
                if (s.step && at >= 2) {
                    double prevPy = xy[at - 1];
                    if (px - xy[at - 2] < 0.5) {
                        // several changes in one pixel column: keep the last, so the output stays bounded
                        xy[at - 1] = py;
                        continue;
                    }
                    // hold the previous value up to this time, then jump
                    xy[at++] = px;
                    xy[at++] = prevPy;
                }
                xy[at++] = px;
                xy[at++] = py;
            }
            if (s.step && n > 0) {
                double lastPy = xy[at - 1];
                xy[at++] = LEFT + plotW;
                xy[at++] = lastPy;
            }
            sb.append("<polyline class=\"data\" fill=\"none\" stroke=\"").append(s.colour)
                    .append("\" stroke-width=\"1.5\"");
            if (s.dashed) {
                sb.append(" stroke-dasharray=\"5 3\"");
            }
            sb.append(" points=\"");
            Svg.points(sb, xy, at);
            sb.append("\"><title>").append(Svg.esc(s.name)).append("</title></polyline>\n");
        }
        sb.append("</svg>\n");
    }

    /** Horizontal bars, one row per label, each row holding one bar per value set (e.g. leaks and bound-for). */
    static void barChart(StringBuilder sb, String id, String title, List<String> labels, List<String> setNames,
            List<String> setColours, List<double[]> sets, String unit) {
        int left = 250;
        int rowH = 14 * sets.size() + 10;
        int top = TOP + 10;
        int height = top + Math.max(1, labels.size()) * rowH + 30;
        int plotW = WIDTH - left - 130;
        double max = 0;
        for (double[] set : sets) {
            for (double v : set) {
                max = Math.max(max, v);
            }
        }
        double step = Math.max(1, niceStep(Math.max(max, 1), 5));
        double xTop = Math.max(step, Math.ceil(max / step) * step);
        sb.append("<svg id=\"").append(id).append("\" class=\"chart\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Svg.esc(title)).append("\">\n<title>")
                .append(Svg.esc(title)).append("</title>\n");
        legend(sb, setNames, setColours, TOP - 4);
        for (double x = 0; x <= xTop + 1e-9; x += step) {
            double px = left + x / xTop * plotW;
            sb.append("<line class=\"grid\" x1=\"");
            Svg.num(sb, px);
            sb.append("\" x2=\"");
            Svg.num(sb, px);
            sb.append("\" y1=\"").append(top).append("\" y2=\"").append(height - 24)
                    .append("\"/><text class=\"tick\" x=\"");
            Svg.num(sb, px);
            sb.append("\" y=\"").append(height - 10).append("\" text-anchor=\"middle\">").append(label(x))
                    .append("</text>\n");
        }
        for (int r = 0; r < labels.size(); r++) {
            int y0 = top + r * rowH + 5;
            sb.append("<text class=\"label\" x=\"").append(left - 8).append("\" y=\"").append(y0 + rowH / 2)
                    .append("\" text-anchor=\"end\">").append(Svg.esc(labels.get(r))).append("</text>\n");
            for (int s = 0; s < sets.size(); s++) {
                double v = sets.get(s)[r];
                double w = v / xTop * plotW;
                int y = y0 + s * 14;
                sb.append("<rect class=\"data\" data-value=\"").append(label(v)).append("\" x=\"").append(left)
                        .append("\" y=\"").append(y).append("\" width=\"");
                Svg.num(sb, w);
                sb.append("\" height=\"12\" fill=\"").append(setColours.get(s)).append("\"><title>")
                        .append(Svg.esc(labels.get(r) + ", " + setNames.get(s) + ": " + label(v) + unit))
                        .append("</title></rect><text class=\"value\" x=\"");
                Svg.num(sb, left + w + 4);
                sb.append("\" y=\"").append(y + 10).append("\">").append(label(v)).append(Svg.esc(unit))
                        .append("</text>\n");
            }
        }
        sb.append("</svg>\n");
    }

    private static void legend(StringBuilder sb, List<String> names, List<String> colours, int y) {
        for (int i = 0; i < names.size(); i++) {
            int x = LEFT + (i % 4) * 200;
            int yy = y + (i / 4) * 18 - 8;
            sb.append("<rect class=\"key\" x=\"").append(x).append("\" y=\"").append(yy).append("\" width=\"14\" height=\"4\" fill=\"")
                    .append(colours.get(i)).append("\"/><text class=\"legend\" x=\"").append(x + 20).append("\" y=\"")
                    .append(yy + 6).append("\">").append(Svg.esc(names.get(i))).append("</text>\n");
        }
    }

    /** A round step (1, 2 or 5 × 10^k) giving about {@code ticks} intervals up to {@code max}. */
    static double niceStep(double max, int ticks) {
        double raw = max / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static double timeStep(double tMaxS) {
        double[] steps = {10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
        for (double s : steps) {
            if (tMaxS / s <= 12) {
                return s;
            }
        }
        return niceStep(tMaxS, 10);
    }

    /** A tick or bar value: an integer when whole, else up to two decimals; large values grouped. */
    static String label(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) Math.rint(v));
        }
        return String.format(java.util.Locale.ROOT, "%,.2f", v);
    }
}
