package dev.bulwark.engine.network;

import java.util.Arrays;

/**
 * One detection shared as a converted position: the plot's ECEF position and its 3×3
 * covariance (the sensor's range–azimuth–elevation noise carried into Cartesian form by the
 * sender, as {@code track.ConvertedPosition} does). Arrays are copied in and out.
 *
 * @param source     node that owns the sensor
 * @param sensor     index of the sensor within that node
 * @param time       time of the measurement (s)
 * @param position   (x, y, z) ECEF (m), length 3
 * @param covariance 3×3 covariance, row-major (m²), length 9
 */
public record PlotReport(int source, int sensor, double time, double[] position, double[] covariance)
        implements Message {

    /** Checks the sizes and copies the arrays. */
    public PlotReport {
        if (source < 0) {
            throw new IllegalArgumentException("source node must be >= 0, got " + source);
        }
        if (position.length != 3 || covariance.length != 9) {
            throw new IllegalArgumentException("a plot report needs a 3-position and a 3x3 covariance, got "
                    + position.length + " and " + covariance.length + " numbers");
        }
        position = position.clone();
        covariance = covariance.clone();
    }

    @Override
    public double[] position() {
        return position.clone();
    }

    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    @Override
    public DataKind kind() {
        return DataKind.PLOTS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlotReport r && source == r.source && sensor == r.sensor
                && Double.compare(time, r.time) == 0 && Arrays.equals(position, r.position)
                && Arrays.equals(covariance, r.covariance);
    }

    @Override
    public int hashCode() {
        return ((31 * source + sensor) * 31 + Double.hashCode(time)) * 31 + Arrays.hashCode(position);
    }

    @Override
    public String toString() {
        return "PlotReport[source=" + source + ", sensor=" + sensor + ", time=" + time + ", position="
                + Arrays.toString(position) + "]";
    }
}
