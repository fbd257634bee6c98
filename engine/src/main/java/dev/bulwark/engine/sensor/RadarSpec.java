package dev.bulwark.engine.sensor;

import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * A surveillance radar's parameters: where it stands and where it looks, how well it detects,
 * how precisely it measures and what it cannot tell apart. SI units; angles in radians,
 * azimuths clockwise from north in the site's east-north-up frame.
 *
 * <p>Detection follows the radar equation: the mean signal-to-noise ratio falls as R⁻⁴ and
 * grows with the radar cross-section, and the probability of detection is that of the
 * target's Swerling case (Skolnik, <i>Introduction to Radar Systems</i>, 3rd ed., 2001, §2.8
 * and §10.3). The radar is characterised by its reference range: the range at which a 1 m²
 * Swerling I target is detected with probability 0.9, which fixes the SNR of 1 m² there.
 *
 * <p>The 12-value constructor gives the first model's radar: all round, antenna on the ground,
 * no radial speed and perfect resolution; {@code with...} methods add the rest.
 *
 * @param name                   unique name
 * @param site                   antenna position (its height above the ellipsoid)
 * @param groundAltitudeM        height of the ground under the antenna above the ellipsoid (m); the
 *                               antenna stands {@code site.altitude() − groundAltitudeM} above it,
 *                               which sets its radar horizon
 * @param minRangeM              minimum instrumented range (m)
 * @param maxRangeM              maximum instrumented range (m)
 * @param minElevationRad        lowest elevation searched (rad); also stands in for the terrain mask
 * @param maxElevationRad        highest elevation searched (rad)
 * @param boresightAzimuthRad    azimuth of the middle of the searched sector (rad, clockwise from north)
 * @param azimuthHalfWidthRad    half-width of the searched sector (rad), in (0, π]; π searches all round
 * @param revisitS               time between looks at the same volume (s)
 * @param referenceRangeM        range (m) at which a 1 m² Swerling I target has P_d = 0.9
 * @param falseAlarmsPerScan     mean number of false plots per scan, spread uniformly over the coverage
 * @param sigmaRangeM            range measurement noise, one standard deviation (m)
 * @param sigmaAzimuthRad        azimuth measurement noise (rad)
 * @param sigmaElevationRad      elevation measurement noise (rad)
 * @param sigmaRadialSpeedMps    radial-speed measurement noise (m/s); 0 if the radar does not measure it
 * @param rangeResolutionM       range resolution (m); targets closer in range, azimuth and elevation
 *                               than the three resolutions give one plot; 0 resolves everything
 * @param azimuthResolutionRad   azimuth resolution (rad); 0 resolves everything
 * @param elevationResolutionRad elevation resolution (rad); 0 resolves everything
 */
public record RadarSpec(
        String name,
        GeodeticPoint site,
        double groundAltitudeM,
        double minRangeM,
        double maxRangeM,
        double minElevationRad,
        double maxElevationRad,
        double boresightAzimuthRad,
        double azimuthHalfWidthRad,
        double revisitS,
        double referenceRangeM,
        double falseAlarmsPerScan,
        double sigmaRangeM,
        double sigmaAzimuthRad,
        double sigmaElevationRad,
        double sigmaRadialSpeedMps,
        double rangeResolutionM,
        double azimuthResolutionRad,
        double elevationResolutionRad) {

    /** Probability of false alarm per resolution cell assumed by the detection model. */
    public static final double FALSE_ALARM_PROBABILITY = 1e-6;

    public RadarSpec {
        if (!(minRangeM >= 0 && maxRangeM > minRangeM) || !(revisitS > 0) || !(referenceRangeM > 0)
                || !(minElevationRad < maxElevationRad) || !(falseAlarmsPerScan >= 0)
                || !(sigmaRangeM > 0) || !(sigmaAzimuthRad > 0) || !(sigmaElevationRad > 0)
                || !Double.isFinite(boresightAzimuthRad)
                || !(azimuthHalfWidthRad > 0 && azimuthHalfWidthRad <= Math.PI)
                || !(site.altitude() >= groundAltitudeM) || !(sigmaRadialSpeedMps >= 0)
                || !(rangeResolutionM >= 0) || !(azimuthResolutionRad >= 0) || !(elevationResolutionRad >= 0)) {
            throw new IllegalArgumentException("invalid parameters for radar " + name);
        }
    }

    /**
     * An all-round radar with its antenna on the ground, no radial-speed measurement and
     * perfect resolution (the parameters are those of the canonical constructor).
     */
    public RadarSpec(String name, GeodeticPoint site, double minRangeM, double maxRangeM, double minElevationRad,
            double maxElevationRad, double revisitS, double referenceRangeM, double falseAlarmsPerScan,
            double sigmaRangeM, double sigmaAzimuthRad, double sigmaElevationRad) {
        this(name, site, site.altitude(), minRangeM, maxRangeM, minElevationRad, maxElevationRad, 0, Math.PI,
                revisitS, referenceRangeM, falseAlarmsPerScan, sigmaRangeM, sigmaAzimuthRad, sigmaElevationRad, 0, 0,
                0, 0);
    }

    /** The same radar with the ground at another height (m above the ellipsoid). */
    public RadarSpec withGroundAltitude(double groundM) {
        return new RadarSpec(name, site, groundM, minRangeM, maxRangeM, minElevationRad, maxElevationRad,
                boresightAzimuthRad, azimuthHalfWidthRad, revisitS, referenceRangeM, falseAlarmsPerScan, sigmaRangeM,
                sigmaAzimuthRad, sigmaElevationRad, sigmaRadialSpeedMps, rangeResolutionM, azimuthResolutionRad,
                elevationResolutionRad);
    }

    /** The same radar searching a sector: boresight azimuth and half-width (rad). */
    public RadarSpec withSector(double boresightRad, double halfWidthRad) {
        return new RadarSpec(name, site, groundAltitudeM, minRangeM, maxRangeM, minElevationRad, maxElevationRad,
                boresightRad, halfWidthRad, revisitS, referenceRangeM, falseAlarmsPerScan, sigmaRangeM,
                sigmaAzimuthRad, sigmaElevationRad, sigmaRadialSpeedMps, rangeResolutionM, azimuthResolutionRad,
                elevationResolutionRad);
    }

    /** The same radar measuring radial speed with this noise (m/s; 0 for none). */
    public RadarSpec withRadialSpeed(double sigmaMps) {
        return new RadarSpec(name, site, groundAltitudeM, minRangeM, maxRangeM, minElevationRad, maxElevationRad,
                boresightAzimuthRad, azimuthHalfWidthRad, revisitS, referenceRangeM, falseAlarmsPerScan, sigmaRangeM,
                sigmaAzimuthRad, sigmaElevationRad, sigmaMps, rangeResolutionM, azimuthResolutionRad,
                elevationResolutionRad);
    }

    /** The same radar with these resolutions: range (m), azimuth and elevation (rad). */
    public RadarSpec withResolution(double rangeM, double azimuthRad, double elevationRad) {
        return new RadarSpec(name, site, groundAltitudeM, minRangeM, maxRangeM, minElevationRad, maxElevationRad,
                boresightAzimuthRad, azimuthHalfWidthRad, revisitS, referenceRangeM, falseAlarmsPerScan, sigmaRangeM,
                sigmaAzimuthRad, sigmaElevationRad, sigmaRadialSpeedMps, rangeM, azimuthRad, elevationRad);
    }

    /** Antenna height above the ground (m). */
    public double antennaHeightM() {
        return site.altitude() - groundAltitudeM;
    }

    /** Whether plots carry a radial speed. */
    public boolean measuresRadialSpeed() {
        return sigmaRadialSpeedMps > 0;
    }

    /** Whether two targets can ever fall in one resolution cell (every resolution is positive). */
    public boolean mergesUnresolvedTargets() {
        return rangeResolutionM > 0 && azimuthResolutionRad > 0 && elevationResolutionRad > 0;
    }
}
