package dev.bulwark.engine.sensor;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sim.RandomStream;
import dev.bulwark.engine.sim.RandomStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A surveillance radar that scans its coverage instantaneously every revisit period.
 *
 * <p><b>Coverage.</b> A target is in coverage when its slant range is within
 * [min, max], its elevation within [min, max], its azimuth within the sector (boresight ±
 * half-width), and it is above the radar horizon. The horizon is that of a smooth 4/3 Earth
 * (standard refraction: straight rays over a sphere of radius k·R, k = 4/3; Skolnik,
 * <i>Introduction to Radar Systems</i>, 3rd ed., 2001, §8.2, and <i>Radar Handbook</i>,
 * 3rd ed., 2008, ch. 26): with R the Gaussian mean radius of the ellipsoid at the site plus the
 * ground height, a target at height h_t above the ground and at ground distance d is seen by
 * an antenna at height h_r iff d/(kR) ≤ acos(kR/(kR+h_r)) + acos(kR/(kR+h_t)), which for
 * heights small against kR is the familiar d ≤ √(2kRh_r) + √(2kRh_t). Heights and ground
 * distances are taken on that sphere, not on the ellipsoid (an error of the order of the
 * flattening, 0.3%, on the horizon distance). Refraction bends rays but the measured elevation
 * is the geometric one (no refraction bias); terrain is flat at the ground height.
 *
 * <p><b>Detection.</b> SNR = SNR_ref · σ · (R_ref/R)⁴ (the radar equation with everything but
 * the cross-section σ and the range R folded into the reference), where SNR_ref is the ratio
 * that gives P_d = 0.9 to a 1 m² Swerling I target at the reference range with P_fa = 10⁻⁶.
 * The probability of detection is that of the target's {@link Swerling} case.
 *
 * <p><b>Measurement.</b> A detected target gives a plot with independent Gaussian errors in
 * range, azimuth and elevation, and in radial speed (positive away from the radar: the ECEF
 * velocity along the line of sight) when the radar measures it.
 *
 * <p><b>Resolution.</b> When all three resolutions are positive, detected targets whose true
 * positions differ by no more than the range, azimuth and elevation resolutions (all three at
 * once) fall in one cell; cells that share a target are one cell (single linkage). Each cell
 * gives one plot, in the place of its first target in the scan's target order: its true range,
 * azimuth, elevation and radial speed are the SNR-weighted means of its targets' (the
 * centroid of the returns), its errors are those drawn for its strongest target. Simplified:
 * each target is detected on its own SNR (echoes in one cell do not add), and targets are
 * either fully resolved or fully merged (no partial resolution, no angle glint).
 *
 * <p><b>False alarms.</b> A Poisson number per scan, uniform in range, azimuth (over the sector)
 * and elevation. Neglected: multipath, eclipsing, clutter maps, the scan's duration.
 *
 * <p><b>Randomness.</b> Draws are counter-based: each (scan, target) pair seeds its own draw from
 * the radar's key, so what one target's detection draws does not depend on which other
 * targets are in the air: adding a battery that kills one rocket changes no other rocket's
 * draws (only, through resolution, the plot of a rocket that shared its cell).
 *
 * <p>Not thread-safe: it keeps scratch arrays so that coverage tests allocate nothing.
 */
public final class Radar {

    /** Effective Earth-radius factor of the standard atmosphere (Skolnik 2001, §8.2). */
    public static final double EFFECTIVE_EARTH_FACTOR = 4.0 / 3.0;

    private static final double SNR_REFERENCE =
            Math.log(RadarSpec.FALSE_ALARM_PROBABILITY) / Math.log(0.9) - 1.0;
    private static final double TWO_PI = 2 * Math.PI;

    // Detected-target scratch layout: true r, az, el, radial speed; errors r, az, el, radial speed; SNR.
    private static final int R = 0;
    private static final int AZ = 1;
    private static final int EL = 2;
    private static final int VR = 3;
    private static final int ER = 4;
    private static final int EAZ = 5;
    private static final int EEL = 6;
    private static final int EVR = 7;
    private static final int SNR = 8;
    private static final int STRIDE = 9;
    /** Bits of a target's place in the detected list packed under its range for sorting. */
    private static final int INDEX_BITS = 22;
    /** Range quantum of the packed sort key (m). */
    private static final double SORT_QUANTUM_M = 0.01;

    private final RadarSpec spec;
    private final int index;
    private final LocalFrame frame;
    private final long key;
    private final RandomStream draw = new RandomStream(0);
    private final RandomStream clutter;
    private final double[] state = new double[6];
    private final double[] rae = new double[3];
    private final double[] coverageScratch = new double[3];
    /** k·R: radius of the effective Earth through the ground (m). */
    private final double effectiveRadius;
    /** Central angle on the effective Earth from the antenna to its own horizon (rad). */
    private final double antennaHorizonAngle;
    /** Radius of the sphere through the ground (m). */
    private final double groundRadius;
    private final boolean allRound;
    private final boolean merges;
    private final boolean radial;
    private long scanCount;
    private double[] detected = new double[16 * STRIDE];
    private long[] sortKeys = new long[16];
    private int[] parent = new int[16];
    private double[] cells = new double[16 * STRIDE];

    /**
     * @param spec      parameters
     * @param index     index in the scenario
     * @param ellipsoid Earth shape
     * @param key       seed for this radar's per-target draws
     * @param clutter   stream for false alarms
     */
    public Radar(RadarSpec spec, int index, Ellipsoid ellipsoid, long key, RandomStream clutter) {
        this.spec = spec;
        this.index = index;
        this.frame = new LocalFrame(ellipsoid, spec.site());
        this.key = key;
        this.clutter = clutter;
        double e2 = ellipsoid.eccentricitySquared();
        double s = Math.sin(spec.site().latitude());
        double w = 1 - e2 * s * s;
        double meridian = ellipsoid.equatorialRadius() * (1 - e2) / (w * Math.sqrt(w));
        double primeVertical = ellipsoid.equatorialRadius() / Math.sqrt(w);
        this.groundRadius = Math.sqrt(meridian * primeVertical) + spec.groundAltitudeM();
        this.effectiveRadius = EFFECTIVE_EARTH_FACTOR * groundRadius;
        this.antennaHorizonAngle = Math.acos(effectiveRadius / (effectiveRadius + spec.antennaHeightM()));
        this.allRound = spec.azimuthHalfWidthRad() >= Math.PI;
        this.merges = spec.mergesUnresolvedTargets();
        this.radial = spec.measuresRadialSpeed();
    }

    /** Parameters. */
    public RadarSpec spec() {
        return spec;
    }

    /** The radar's local frame. */
    public LocalFrame frame() {
        return frame;
    }

    /** Whether an ECEF position (m) is inside the coverage (range, elevation, sector and horizon). */
    public boolean covers(double x, double y, double z) {
        frame.ecefToRae(x, y, z, coverageScratch);
        return inCoverage(coverageScratch);
    }

    private boolean inCoverage(double[] r) {
        return r[0] >= spec.minRangeM() && r[0] <= spec.maxRangeM() && r[2] >= spec.minElevationRad()
                && r[2] <= spec.maxElevationRad() && inSector(r[1]) && aboveHorizon(r[0], r[2]);
    }

    private boolean inSector(double azimuth) {
        return allRound
                || Math.abs(Math.IEEEremainder(azimuth - spec.boresightAzimuthRad(), TWO_PI))
                        <= spec.azimuthHalfWidthRad();
    }

    /**
     * Whether a point at slant range (m) and geometric elevation (rad) from the antenna is above
     * the 4/3-Earth radar horizon (see the class comment).
     */
    public boolean aboveHorizon(double range, double elevation) {
        double horizontal = range * Math.cos(elevation);
        double vertical = groundRadius + spec.antennaHeightM() + range * Math.sin(elevation);
        double targetHeight = Math.sqrt(horizontal * horizontal + vertical * vertical) - groundRadius;
        if (targetHeight < 0) {
            return false;
        }
        double centralAngle = Math.atan2(horizontal, vertical);
        return centralAngle / EFFECTIVE_EARTH_FACTOR
                <= antennaHorizonAngle + Math.acos(effectiveRadius / (effectiveRadius + targetHeight));
    }

    /** Probability of detecting a Swerling I target of cross-section rcs (m²) at range (m). */
    public double detectionProbability(double rcs, double range) {
        return detectionProbability(rcs, range, Swerling.SWERLING_1);
    }

    /** Probability of detecting a target of cross-section rcs (m²) and Swerling case at range (m). */
    public double detectionProbability(double rcs, double range, Swerling swerling) {
        return swerling.detectionProbability(snr(rcs, range), RadarSpec.FALSE_ALARM_PROBABILITY);
    }

    /** Mean signal-to-noise power ratio of a target of cross-section rcs (m²) at range (m). */
    public double snr(double rcs, double range) {
        double ratio = spec.referenceRangeM() / range;
        return SNR_REFERENCE * rcs * ratio * ratio * ratio * ratio;
    }

    /**
     * Looks at the targets once.
     *
     * @param time    scan time (s)
     * @param targets the truth
     * @return the scan's plots
     */
    public Scan scan(double time, List<? extends SensorTarget> targets) {
        List<Plot> plots = new ArrayList<>();
        long scanIndex = scanCount++;
        int n = 0;
        for (int i = 0; i < targets.size(); i++) {
            SensorTarget target = targets.get(i);
            if (!target.airborne(time)) {
                continue;
            }
            target.stateAt(time, state);
            frame.ecefToRae(state[0], state[1], state[2], rae);
            if (!inCoverage(rae)) {
                continue;
            }
            draw.reseed(RandomStreams.combine(key, scanIndex, target.id()));
            double snr = snr(target.rcs(), rae[0]);
            if (draw.nextDouble() >= target.swerling().detectionProbability(snr,
                    RadarSpec.FALSE_ALARM_PROBABILITY)) {
                continue;
            }
            if ((n + 1) * STRIDE > detected.length) {
                detected = Arrays.copyOf(detected, 2 * detected.length);
            }
            int o = n * STRIDE;
            detected[o + R] = rae[0];
            detected[o + AZ] = rae[1];
            detected[o + EL] = rae[2];
            detected[o + ER] = spec.sigmaRangeM() * draw.nextGaussian();
            detected[o + EAZ] = spec.sigmaAzimuthRad() * draw.nextGaussian();
            detected[o + EEL] = spec.sigmaElevationRad() * draw.nextGaussian();
            if (radial) {
                detected[o + VR] = radialSpeed(rae[0]);
                detected[o + EVR] = spec.sigmaRadialSpeedMps() * draw.nextGaussian();
            }
            detected[o + SNR] = snr;
            n++;
        }
        if (merges && n > 1) {
            mergeAndEmit(time, n, plots);
        } else {
            for (int k = 0; k < n; k++) {
                int o = k * STRIDE;
                plots.add(plot(time, detected[o + R] + detected[o + ER], detected[o + AZ] + detected[o + EAZ],
                        detected[o + EL] + detected[o + EEL], detected[o + VR] + detected[o + EVR]));
            }
        }
        int falseAlarms = clutter.nextPoisson(spec.falseAlarmsPerScan());
        for (int k = 0; k < falseAlarms; k++) {
            double range = clutter.nextDouble(spec.minRangeM(), spec.maxRangeM());
            double azimuth = allRound ? clutter.nextDouble(0, TWO_PI)
                    : wrap(spec.boresightAzimuthRad()
                            + clutter.nextDouble(-spec.azimuthHalfWidthRad(), spec.azimuthHalfWidthRad()));
            double elevation = clutter.nextDouble(spec.minElevationRad(), spec.maxElevationRad());
            double speed = radial ? clutter.nextGaussian() * spec.sigmaRadialSpeedMps() : 0;
            plots.add(plot(time, range, azimuth, elevation, speed));
        }
        return new Scan(time, index, plots, this);
    }

    /**
     * Counts scans that had nothing to look at, as {@link #scan} would have: no target and no
     * false alarms ({@link RadarSpec#falseAlarmsPerScan()} zero), so that the scans after them
     * draw as they would have (a scan's draws are keyed by its number).
     *
     * @param scans the number of such scans (≥ 0)
     */
    public void skipEmptyScans(long scans) {
        if (scans < 0 || spec.falseAlarmsPerScan() > 0) {
            throw new IllegalArgumentException("only a non-negative number of scans without false alarms can be skipped");
        }
        scanCount += scans;
    }

    private Plot plot(double time, double range, double azimuth, double elevation, double radialSpeed) {
        if (radial) {
            return new Plot(time, index, frame, range, azimuth, elevation, spec.sigmaRangeM(),
                    spec.sigmaAzimuthRad(), spec.sigmaElevationRad(), radialSpeed, spec.sigmaRadialSpeedMps());
        }
        return new Plot(time, index, frame, range, azimuth, elevation, spec.sigmaRangeM(), spec.sigmaAzimuthRad(),
                spec.sigmaElevationRad());
    }

    /** The target's ECEF velocity (in {@code state}) along the line of sight from the antenna (m/s). */
    private double radialSpeed(double range) {
        double dx = state[0] - frame.originX();
        double dy = state[1] - frame.originY();
        double dz = state[2] - frame.originZ();
        return (state[3] * dx + state[4] * dy + state[5] * dz) / range;
    }

    /** Groups the n detected targets into resolution cells and adds one plot per cell. */
    private void mergeAndEmit(double time, int n, List<Plot> plots) {
        if (sortKeys.length < n) {
            sortKeys = new long[2 * n];
            parent = new int[2 * n];
            cells = new double[2 * n * STRIDE];
        }
        if (n >= 1 << INDEX_BITS) {
            throw new IllegalStateException("too many detections in one scan: " + n);
        }
        // Sort by range (packed key: range in centimetres above the index) and sweep, so that
        // only neighbours in range are compared: O(n log n) for a spread-out raid.
        for (int k = 0; k < n; k++) {
            parent[k] = k;
            sortKeys[k] = ((long) (detected[k * STRIDE + R] / SORT_QUANTUM_M) << INDEX_BITS) | k;
        }
        Arrays.sort(sortKeys, 0, n);
        double resR = spec.rangeResolutionM();
        for (int a = 0; a < n; a++) {
            int i = (int) (sortKeys[a] & ((1L << INDEX_BITS) - 1));
            int oi = i * STRIDE;
            for (int b = a + 1; b < n; b++) {
                int j = (int) (sortKeys[b] & ((1L << INDEX_BITS) - 1));
                int oj = j * STRIDE;
                double dr = detected[oj + R] - detected[oi + R];
                if (dr > resR + SORT_QUANTUM_M) {
                    break;
                }
                if (Math.abs(dr) <= resR
                        && Math.abs(Math.IEEEremainder(detected[oj + AZ] - detected[oi + AZ], TWO_PI))
                                <= spec.azimuthResolutionRad()
                        && Math.abs(detected[oj + EL] - detected[oi + EL]) <= spec.elevationResolutionRad()) {
                    union(i, j);
                }
            }
        }
        // Per cell (indexed by its root): Σw, Σw·r, Σw·Δaz, Σw·el, Σw·vr, strongest member, its SNR,
        // plot emitted, member count.
        Arrays.fill(cells, 0, n * STRIDE, 0.0);
        for (int k = 0; k < n; k++) {
            int root = find(k);
            int o = k * STRIDE;
            int c = root * STRIDE;
            // a floor keeps the weights of targets far below the noise from summing to zero
            double wgt = Math.max(detected[o + SNR], 1e-12);
            cells[c + 8] += 1;
            cells[c] += wgt;
            cells[c + 1] += wgt * detected[o + R];
            cells[c + 2] += wgt * Math.IEEEremainder(detected[o + AZ] - detected[root * STRIDE + AZ], TWO_PI);
            cells[c + 3] += wgt * detected[o + EL];
            cells[c + 4] += wgt * detected[o + VR];
            if (wgt > cells[c + 6]) {
                cells[c + 5] = k;
                cells[c + 6] = wgt;
            }
        }
        for (int k = 0; k < n; k++) {
            int root = find(k);
            int c = root * STRIDE;
            if (cells[c + 7] != 0) {
                continue; // this cell's plot is already out
            }
            cells[c + 7] = 1;
            double sum = cells[c];
            int strongest = (int) cells[c + 5] * STRIDE;
            if (cells[c + 8] == 1) {
                // a cell of one target: its plot exactly as without resolution
                int o = k * STRIDE;
                plots.add(plot(time, detected[o + R] + detected[o + ER], detected[o + AZ] + detected[o + EAZ],
                        detected[o + EL] + detected[o + EEL], detected[o + VR] + detected[o + EVR]));
                continue;
            }
            double azimuth = wrap(detected[root * STRIDE + AZ] + cells[c + 2] / sum);
            plots.add(plot(time, cells[c + 1] / sum + detected[strongest + ER],
                    azimuth + detected[strongest + EAZ], cells[c + 3] / sum + detected[strongest + EEL],
                    cells[c + 4] / sum + detected[strongest + EVR]));
        }
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int i, int j) {
        int a = find(i);
        int b = find(j);
        if (a != b) {
            // the smaller index becomes the root, so a cell's root is its first target in scan order
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }

    private static double wrap(double azimuth) {
        double a = azimuth % TWO_PI;
        return a < 0 ? a + TWO_PI : a;
    }
}
