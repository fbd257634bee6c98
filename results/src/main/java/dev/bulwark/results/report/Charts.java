package dev.bulwark.results.report;

import java.util.List;

/**
 * Hand-written SVG charts for the report, the Monte Carlo page and the sweep page: time series
 * as step lines against simulated time, labelled horizontal bars, histograms with a mean and its
 * confidence interval, and means with error bars against a parameter. Each chart is one {@code <svg>} element with an id, a
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

    /**
     * A histogram of one measure over replications, with the mean (a vertical line) and its 95%
     * confidence interval (a shaded band). Whole-numbered measures spanning at most 40 values get
     * one bar per value; others {@code ceil(√n)} equal bins, 5 to 30, over their range. Undefined
     * values (NaN) are left out.
     *
     * @param mean the mean; NaN if none
     * @param low  lower end of the interval; NaN if undefined
     * @param high upper end of the interval; NaN if undefined
     */
    static void histogram(StringBuilder sb, String id, String title, String xLabel, double[] values, double mean,
            double low, double high, int height) {
        double[] v = java.util.Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double min = v.length == 0 ? 0 : v[0];
        double max = v.length == 0 ? 1 : v[v.length - 1];
        boolean whole = java.util.Arrays.stream(v).allMatch(x -> x == Math.rint(x));
        double lo;
        double width;
        int bins;
        if (whole && max - min <= 40) {
            lo = min - 0.5;
            width = 1;
            bins = (int) (max - min) + 1;
        } else {
            bins = (int) Math.max(5, Math.min(30, Math.ceil(Math.sqrt(v.length))));
            lo = min;
            width = max > min ? (max - min) / bins : 1;
            if (max == min) {
                lo = min - 0.5;
                bins = 1;
            }
        }
        int[] counts = new int[bins];
        for (double x : v) {
            counts[Math.min(bins - 1, Math.max(0, (int) Math.floor((x - lo) / width)))]++;
        }
        int most = java.util.Arrays.stream(counts).max().orElse(0);
        double xMin = Math.min(lo, Double.isNaN(low) ? lo : low);
        double xMax = Math.max(lo + bins * width, Double.isNaN(high) ? lo : high);
        Frame f = new Frame(sb, id, title, height, 0, xMin, xMax, 0, Math.max(1, most), true);
        f.yAxis("replications");
        if (whole && width == 1 && bins <= 20) {
            double[] ticks = new double[bins];
            List<String> tickLabels = new java.util.ArrayList<>();
            for (int b = 0; b < bins; b++) {
                ticks[b] = min + b;
                tickLabels.add(fine(min + b));
            }
            f.xAxis(xLabel, ticks, tickLabels);
        } else {
            f.xAxis(xLabel, null, null);
        }
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double x0 = lo + b * width;
            double x1 = x0 + width;
            sb.append("<rect class=\"data\" data-count=\"").append(counts[b]).append("\" x=\"");
            Svg.num(sb, f.px(x0) + 0.5);
            sb.append("\" y=\"");
            Svg.num(sb, f.py(counts[b]));
            sb.append("\" width=\"");
            Svg.num(sb, Math.max(1, f.px(x1) - f.px(x0) - 1));
            sb.append("\" height=\"");
            Svg.num(sb, f.py(0) - f.py(counts[b]));
            sb.append("\" fill=\"").append(PALETTE[0]).append("\"><title>")
                    .append(Svg.esc((whole && width == 1 ? fine(x0 + 0.5) : fine(x0) + " to " + fine(x1)) + ": "
                            + counts[b] + (counts[b] == 1 ? " replication" : " replications")))
                    .append("</title></rect>\n");
        }
        // over the bars, translucent, so that it shows where the bars are tall
        if (!Double.isNaN(low) && !Double.isNaN(high)) {
            sb.append("<rect class=\"ci\" x=\"");
            Svg.num(sb, f.px(low));
            sb.append("\" y=\"").append(f.top).append("\" width=\"");
            Svg.num(sb, Math.max(1, f.px(high) - f.px(low)));
            sb.append("\" height=\"").append(f.plotH).append("\" fill=\"#f28e2b\" fill-opacity=\"0.35\"><title>")
                    .append(Svg.esc("95% confidence interval of the mean: " + fine(low) + " to " + fine(high)))
                    .append("</title></rect>\n");
        }
        if (!Double.isNaN(mean)) {
            sb.append("<line class=\"mean\" x1=\"");
            Svg.num(sb, f.px(mean));
            sb.append("\" x2=\"");
            Svg.num(sb, f.px(mean));
            sb.append("\" y1=\"").append(f.top).append("\" y2=\"").append(f.top + f.plotH)
                    .append("\" stroke=\"#d62828\" stroke-width=\"2\"><title>").append(Svg.esc("mean " + fine(mean)))
                    .append("</title></line>\n");
        }
        sb.append("</svg>\n");
    }

    /**
     * A line with error bars: one value per x position.
     *
     * @param name   legend text
     * @param colour stroke colour
     * @param mean   the value at each x position (NaN: no point)
     * @param low    lower end of its error bar (NaN: none)
     * @param high   upper end of its error bar (NaN: none)
     */
    record ErrorSeries(String name, String colour, double[] mean, double[] low, double[] high) {
    }

    /**
     * Means against a parameter, with their 95% confidence intervals as error bars: x positions
     * proportional to the parameter's values ({@code xs}, labelled with {@code xLabels}), one line
     * per series. The y axis starts at zero unless a value is negative.
     */
    static void errorBarChart(StringBuilder sb, String id, String title, String xLabel, String yLabel, double[] xs,
            List<String> xLabels, List<ErrorSeries> series, int height) {
        double yMin = 0;
        double yMax = 0;
        for (ErrorSeries s : series) {
            for (int i = 0; i < xs.length; i++) {
                for (double y : new double[] {s.mean[i], s.low[i], s.high[i]}) {
                    if (!Double.isNaN(y)) {
                        yMin = Math.min(yMin, y);
                        yMax = Math.max(yMax, y);
                    }
                }
            }
        }
        double xMin = java.util.Arrays.stream(xs).min().orElse(0);
        double xMax = java.util.Arrays.stream(xs).max().orElse(1);
        if (xMax == xMin) {
            xMin -= 1;
            xMax += 1;
        } else {
            // room for the end points' error bars
            double pad = (xMax - xMin) * 0.05;
            xMin -= pad;
            xMax += pad;
        }
        int legendRows = series.size() > 1 ? (series.size() + 3) / 4 : 0;
        Frame f = new Frame(sb, id, title, height, legendRows, xMin, xMax, yMin, yMax == yMin ? yMin + 1 : yMax,
                false);
        if (legendRows > 0) {
            legend(sb, series.stream().map(ErrorSeries::name).toList(), series.stream().map(ErrorSeries::colour).toList(),
                    TOP);
        }
        f.yAxis(yLabel);
        f.xAxis(xLabel, xs, xLabels);
        for (ErrorSeries s : series) {
            double[] xy = new double[2 * xs.length];
            int at = 0;
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isNaN(s.mean[i])) {
                    xy[at++] = f.px(xs[i]);
                    xy[at++] = f.py(s.mean[i]);
                }
            }
            sb.append("<g class=\"series\" data-name=\"").append(Svg.esc(s.name)).append("\">\n");
            if (at > 2) {
                sb.append("<polyline fill=\"none\" stroke=\"").append(s.colour).append("\" stroke-width=\"1.5\" points=\"");
                Svg.points(sb, xy, at);
                sb.append("\"/>\n");
            }
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(s.mean[i])) {
                    continue;
                }
                double px = f.px(xs[i]);
                if (!Double.isNaN(s.low[i]) && !Double.isNaN(s.high[i])) {
                    sb.append("<path class=\"errorbar\" stroke=\"").append(s.colour).append("\" d=\"M");
                    Svg.num(sb, px);
                    sb.append(' ');
                    Svg.num(sb, f.py(s.low[i]));
                    sb.append('V');
                    Svg.num(sb, f.py(s.high[i]));
                    sb.append('M');
                    Svg.num(sb, px - 4);
                    sb.append(' ');
                    Svg.num(sb, f.py(s.low[i]));
                    sb.append("h8M");
                    Svg.num(sb, px - 4);
                    sb.append(' ');
                    Svg.num(sb, f.py(s.high[i]));
                    sb.append("h8\"/>\n");
                }
                sb.append("<circle class=\"data\" cx=\"");
                Svg.num(sb, px);
                sb.append("\" cy=\"");
                Svg.num(sb, f.py(s.mean[i]));
                sb.append("\" r=\"3.5\" fill=\"").append(s.colour).append("\"><title>")
                        .append(Svg.esc((series.size() > 1 ? s.name + ", " : "") + xLabel + " " + xLabels.get(i)
                                + ": mean " + fine(s.mean[i]) + (Double.isNaN(s.low[i]) ? ""
                                        : ", 95% CI " + fine(s.low[i]) + " to " + fine(s.high[i]))))
                        .append("</title></circle>\n");
            }
            sb.append("</g>\n");
        }
        sb.append("</svg>\n");
    }

    /** The frame of an x–y chart with linear axes: opens the {@code <svg>}, maps values to pixels, draws axes. */
    private static final class Frame {
        final StringBuilder sb;
        final int top;
        final int plotW;
        final int plotH;
        final int height;
        final double xMin;
        final double xMax;
        final double yMin;
        final double yTop;
        final double yStep;

        Frame(StringBuilder sb, String id, String title, int height, int legendRows, double xMin, double xMax,
                double yMin, double yMax, boolean counts) {
            this.sb = sb;
            this.height = height;
            this.top = TOP + legendRows * 18;
            this.plotW = WIDTH - LEFT - RIGHT;
            this.plotH = height - top - BOTTOM;
            this.xMin = xMin;
            this.xMax = xMax;
            double step = niceStep(Math.max(yMax - yMin, 1e-9), 5);
            this.yStep = counts ? Math.max(1, step) : step;
            this.yMin = Math.floor(yMin / yStep) * yStep;
            this.yTop = Math.max(this.yMin + yStep, Math.ceil(yMax / yStep) * yStep);
            sb.append("<svg id=\"").append(id).append("\" class=\"chart\" width=\"").append(WIDTH)
                    .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                    .append(height).append("\" role=\"img\" aria-label=\"").append(Svg.esc(title))
                    .append("\">\n<title>").append(Svg.esc(title)).append("</title>\n");
        }

        double px(double x) {
            return LEFT + (x - xMin) / (xMax - xMin) * plotW;
        }

        double py(double y) {
            return top + plotH - (y - yMin) / (yTop - yMin) * plotH;
        }

        void yAxis(String yLabel) {
            for (int k = 0; yMin + k * yStep <= yTop + yStep * 1e-9; k++) {
                double y = yMin + k * yStep;
                double p = py(y);
                sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW)
                        .append("\" y1=\"");
                Svg.num(sb, p);
                sb.append("\" y2=\"");
                Svg.num(sb, p);
                sb.append("\"/><text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"");
                Svg.num(sb, p + 4);
                sb.append("\" text-anchor=\"end\">").append(fine(Math.abs(y) < yStep * 1e-9 ? 0 : y))
                        .append("</text>\n");
            }
            sb.append("<text class=\"axis\" transform=\"translate(14,").append(top + plotH / 2)
                    .append(") rotate(-90)\" text-anchor=\"middle\">").append(Svg.esc(yLabel)).append("</text>\n");
            sb.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"")
                    .append(plotW).append("\" height=\"").append(plotH).append("\"/>\n");
        }

        /** Ticks at {@code xs} labelled {@code labels}, or round ticks when {@code xs} is null. */
        void xAxis(String xLabel, double[] xs, List<String> labels) {
            if (xs == null) {
                double step = niceStep(Math.max(xMax - xMin, 1e-9), 8);
                List<Double> ticks = new java.util.ArrayList<>();
                for (double x = Math.ceil(xMin / step) * step; x <= xMax + step * 1e-9; x += step) {
                    ticks.add(Math.abs(x) < step * 1e-9 ? 0 : x);
                }
                xs = ticks.stream().mapToDouble(Double::doubleValue).toArray();
                labels = ticks.stream().map(Charts::fine).toList();
            }
            for (int i = 0; i < xs.length; i++) {
                double p = px(xs[i]);
                sb.append("<line class=\"grid\" x1=\"");
                Svg.num(sb, p);
                sb.append("\" x2=\"");
                Svg.num(sb, p);
                sb.append("\" y1=\"").append(top).append("\" y2=\"").append(top + plotH)
                        .append("\"/><text class=\"tick\" x=\"");
                Svg.num(sb, p);
                sb.append("\" y=\"").append(top + plotH + 16).append("\" text-anchor=\"middle\">")
                        .append(Svg.esc(labels.get(i))).append("</text>\n");
            }
            sb.append("<text class=\"axis\" x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(height - 4)
                    .append("\" text-anchor=\"middle\">").append(Svg.esc(xLabel)).append("</text>\n");
        }
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

    /**
     * A value for the Monte Carlo and sweep charts: grouped whole numbers from 100 up, else up to
     * three decimals without trailing zeros ({@code 0.125}, {@code 26.59}, {@code 1,250}).
     */
    static String fine(double v) {
        if (Math.abs(v) >= 100 || Math.abs(v - Math.rint(v)) < 1e-9) {
            return label(Math.rint(v));
        }
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
