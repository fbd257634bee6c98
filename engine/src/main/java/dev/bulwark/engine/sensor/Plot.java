package dev.bulwark.engine.sensor;

import dev.bulwark.engine.geo.LocalFrame;

/**
 * One radar detection in the radar's own coordinates. A plot says nothing about what caused
 * it: a tracker cannot tell a threat from a false alarm except by its motion. Two targets
 * that the radar cannot resolve give one plot (see {@link Radar}).
 *
 * @param time              time of the measurement (s)
 * @param sensor            index of the radar in the scenario
 * @param site              the radar's local frame (range, azimuth and elevation are measured in it)
 * @param range             measured slant range (m)
 * @param azimuth           measured azimuth, clockwise from north (rad)
 * @param elevation         measured elevation (rad)
 * @param sigmaRange        range noise standard deviation (m)
 * @param sigmaAzimuth      azimuth noise standard deviation (rad)
 * @param sigmaElevation    elevation noise standard deviation (rad)
 * @param radialSpeed       measured radial speed, positive away from the radar (m/s); NaN if the
 *                          radar does not measure it
 * @param sigmaRadialSpeed  radial-speed noise standard deviation (m/s); NaN if not measured
 */
public record Plot(double time, int sensor, LocalFrame site, double range, double azimuth, double elevation,
        double sigmaRange, double sigmaAzimuth, double sigmaElevation, double radialSpeed, double sigmaRadialSpeed) {

    /** A plot without a radial-speed measurement. */
    public Plot(double time, int sensor, LocalFrame site, double range, double azimuth, double elevation,
            double sigmaRange, double sigmaAzimuth, double sigmaElevation) {
        this(time, sensor, site, range, azimuth, elevation, sigmaRange, sigmaAzimuth, sigmaElevation, Double.NaN,
                Double.NaN);
    }

    /** Whether the plot carries a radial-speed measurement. */
    public boolean hasRadialSpeed() {
        return !Double.isNaN(radialSpeed);
    }
}
