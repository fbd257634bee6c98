package dev.bulwark.engine.sensor;

import dev.bulwark.engine.geo.LocalFrame;

/**
 * One radar detection in the radar's own coordinates. A plot says nothing about what caused
 * it: a tracker cannot tell a threat from a false alarm except by its motion.
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
 */
public record Plot(double time, int sensor, LocalFrame site, double range, double azimuth, double elevation,
        double sigmaRange, double sigmaAzimuth, double sigmaElevation) {
}
