package dev.bulwark.engine.sensor;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sim.RandomStream;
import dev.bulwark.engine.sim.RandomStreams;
import java.util.ArrayList;
import java.util.List;

/**
 * A surveillance radar that scans its coverage instantaneously every revisit period.
 *
 * <p>Model (first version, deepened by the sensor work): coverage is a range and elevation
 * band around the site; the elevation floor stands in for the horizon and terrain mask.
 * Each target in coverage is detected with the Swerling I probability
 * P_d = P_fa^(1/(1+SNR)), SNR = SNR_ref · σ · (R_ref/R)⁴, where SNR_ref is the ratio that gives
 * P_d = 0.9 on 1 m² at the reference range (Skolnik 2001, eq. 10.3 for Swerling I).
 * Detected targets give one plot with independent Gaussian errors in range, azimuth and
 * elevation. False alarms: a Poisson number per scan, uniform in range, azimuth and
 * elevation over the coverage. Neglected: resolution (two targets in one cell give two
 * plots), multipath, eclipsing, the scan's duration.
 *
 * <p>Not thread-safe: it keeps scratch arrays so that scans and coverage tests allocate
 * nothing per target.
 *
 * <p>Random draws are counter-based: each (scan, target) pair seeds its own draw from the
 * radar's key, so what one target's detection draws does not depend on which other targets
 * are in the air: adding a battery that kills one rocket changes no other rocket's plots.
 */
public final class Radar {

    private static final double SNR_REFERENCE =
            Math.log(RadarSpec.FALSE_ALARM_PROBABILITY) / Math.log(0.9) - 1.0;

    private final RadarSpec spec;
    private final int index;
    private final LocalFrame frame;
    private final long key;
    private final RandomStream draw = new RandomStream(0);
    private final RandomStream clutter;
    private final double[] state = new double[6];
    private final double[] rae = new double[3];
    private final double[] coverageScratch = new double[3];
    private long scanCount;

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
    }

    /** Parameters. */
    public RadarSpec spec() {
        return spec;
    }

    /** The radar's local frame. */
    public LocalFrame frame() {
        return frame;
    }

    /** Whether an ECEF position (m) is inside the coverage. */
    public boolean covers(double x, double y, double z) {
        frame.ecefToRae(x, y, z, coverageScratch);
        return inCoverage(coverageScratch);
    }

    private boolean inCoverage(double[] r) {
        return r[0] >= spec.minRangeM() && r[0] <= spec.maxRangeM() && r[2] >= spec.minElevationRad()
                && r[2] <= spec.maxElevationRad();
    }

    /** Probability of detecting a target of cross-section rcs (m²) at range (m). */
    public double detectionProbability(double rcs, double range) {
        double ratio = spec.referenceRangeM() / range;
        double snr = SNR_REFERENCE * rcs * ratio * ratio * ratio * ratio;
        return Math.pow(RadarSpec.FALSE_ALARM_PROBABILITY, 1.0 / (1.0 + snr));
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
            if (draw.nextDouble() >= detectionProbability(target.rcs(), rae[0])) {
                continue;
            }
            plots.add(new Plot(time, index, frame,
                    rae[0] + spec.sigmaRangeM() * draw.nextGaussian(),
                    rae[1] + spec.sigmaAzimuthRad() * draw.nextGaussian(),
                    rae[2] + spec.sigmaElevationRad() * draw.nextGaussian(),
                    spec.sigmaRangeM(), spec.sigmaAzimuthRad(), spec.sigmaElevationRad()));
        }
        int falseAlarms = clutter.nextPoisson(spec.falseAlarmsPerScan());
        for (int k = 0; k < falseAlarms; k++) {
            plots.add(new Plot(time, index, frame,
                    clutter.nextDouble(spec.minRangeM(), spec.maxRangeM()),
                    clutter.nextDouble(0, 2 * Math.PI),
                    clutter.nextDouble(spec.minElevationRad(), spec.maxElevationRad()),
                    spec.sigmaRangeM(), spec.sigmaAzimuthRad(), spec.sigmaElevationRad()));
        }
        return new Scan(time, index, plots, this);
    }
}
