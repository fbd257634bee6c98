package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sensor.Plot;

/**
 * A radar's measurement in its own coordinates: z = (range, azimuth, elevation) or, for a
 * radar that also measures it, (range, azimuth, elevation, radial speed) of an ECEF state whose
 * first six entries are position (m) and velocity (m/s), with independent Gaussian errors
 * R = diag(σ_r², σ_az², σ_el²[, σ_ṙ²]).
 *
 * <p>Model: with d = p − s the line of sight from the site s and (e, n, u) its east, north and
 * up components in the site's {@link LocalFrame}, ρ = √(e² + n²),
 * <pre>
 *   r = |d|,  az = atan2(e, n) (clockwise from north, in [0, 2π)),  el = atan2(u, ρ),  ṙ = d·v / r
 * </pre>
 * (the radial speed of {@link dev.bulwark.engine.sensor.Radar}: the ECEF velocity along the
 * line of sight). The Jacobian, in ENU and rotated to ECEF: ∂r/∂(e,n,u) = (e, n, u)/r,
 * ∂az = (n, −e, 0)/ρ², ∂el = (−e u/ρ, −n u/ρ, ρ)/r², ∂ṙ/∂p = (v − ṙ d/r)/r, ∂ṙ/∂v = d/r
 * (Bar-Shalom, Li &amp; Kirubarajan 2001, §10.4; Blackman &amp; Popoli, <i>Design and Analysis of
 * Modern Tracking Systems</i>, 1999, §4.3). The azimuth's residual wraps to [−π, π).
 *
 * <p>Simplified: no refraction, no range–Doppler coupling, no bias; the azimuth is undefined
 * straight above the site (ρ = 0), where the Jacobian is not finite and a filter refuses the
 * update.
 *
 * <p>Immutable in its parameters, but keeps scratch arrays: one instance per thread.
 */
public final class SphericalMeasurement implements MeasurementModel {

    private final LocalFrame site;
    private final double[] variance;
    private final int m;
    private final double[] enu = new double[3];
    private final double[] grad = new double[3];

    /**
     * Range, azimuth and elevation only.
     *
     * @param site           the radar's frame
     * @param sigmaRange     σ_r (m), > 0
     * @param sigmaAzimuth   σ_az (rad), > 0
     * @param sigmaElevation σ_el (rad), > 0
     */
    public SphericalMeasurement(LocalFrame site, double sigmaRange, double sigmaAzimuth, double sigmaElevation) {
        this(site, sigmaRange, sigmaAzimuth, sigmaElevation, Double.NaN);
    }

    /**
     * @param site             the radar's frame
     * @param sigmaRange       σ_r (m), > 0
     * @param sigmaAzimuth     σ_az (rad), > 0
     * @param sigmaElevation   σ_el (rad), > 0
     * @param sigmaRadialSpeed σ_ṙ (m/s), > 0; NaN if the radar does not measure radial speed
     */
    public SphericalMeasurement(LocalFrame site, double sigmaRange, double sigmaAzimuth, double sigmaElevation,
            double sigmaRadialSpeed) {
        if (site == null) {
            throw new IllegalArgumentException("a spherical measurement needs the radar's site");
        }
        check("range", sigmaRange);
        check("azimuth", sigmaAzimuth);
        check("elevation", sigmaElevation);
        boolean radial = !Double.isNaN(sigmaRadialSpeed);
        if (radial) {
            check("radial speed", sigmaRadialSpeed);
        }
        this.site = site;
        this.m = radial ? 4 : 3;
        this.variance = radial
                ? new double[] {sigmaRange * sigmaRange, sigmaAzimuth * sigmaAzimuth, sigmaElevation * sigmaElevation,
                    sigmaRadialSpeed * sigmaRadialSpeed}
                : new double[] {sigmaRange * sigmaRange, sigmaAzimuth * sigmaAzimuth, sigmaElevation * sigmaElevation};
    }

    private static void check(String what, double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("the " + what + " standard deviation must be finite and > 0, got "
                    + sigma);
        }
    }

    /** The model of a plot's radar: its site and standard deviations, with radial speed if the plot has it. */
    public static SphericalMeasurement of(Plot plot) {
        return new SphericalMeasurement(plot.site(), plot.sigmaRange(), plot.sigmaAzimuth(), plot.sigmaElevation(),
                plot.hasRadialSpeed() ? plot.sigmaRadialSpeed() : Double.NaN);
    }

    /**
     * A plot's measured values, in this model's order.
     *
     * @param plot the plot
     * @param out  receives (range, azimuth, elevation[, radial speed])
     */
    public void values(Plot plot, double[] out) {
        out[0] = plot.range();
        out[1] = plot.azimuth();
        out[2] = plot.elevation();
        if (m == 4) {
            out[3] = plot.radialSpeed();
        }
    }

    /** Whether this is the model of a plot: the same site object, accuracies and radial-speed component. */
    boolean fits(Plot plot) {
        if (plot.site() != site || (m == 4) != plot.hasRadialSpeed()) {
            return false;
        }
        return variance[0] == plot.sigmaRange() * plot.sigmaRange()
                && variance[1] == plot.sigmaAzimuth() * plot.sigmaAzimuth()
                && variance[2] == plot.sigmaElevation() * plot.sigmaElevation()
                && (m == 3 || variance[3] == plot.sigmaRadialSpeed() * plot.sigmaRadialSpeed());
    }

    /** The radar's frame. */
    public LocalFrame site() {
        return site;
    }

    /** Whether radial speed is the fourth component. */
    public boolean measuresRadialSpeed() {
        return m == 4;
    }

    @Override
    public int dimension() {
        return m;
    }

    @Override
    public boolean accepts(int stateDimension) {
        return stateDimension >= (m == 4 ? 6 : 3);
    }

    @Override
    public void measure(double[] x, int n, double[] out) {
        site.ecefToRae(x[0], x[1], x[2], out);
        if (m == 4) {
            double dx = x[0] - site.originX();
            double dy = x[1] - site.originY();
            double dz = x[2] - site.originZ();
            out[3] = (dx * x[3] + dy * x[4] + dz * x[5]) / out[0];
        }
    }

    @Override
    public void jacobian(double[] x, int n, double[] out) {
        java.util.Arrays.fill(out, 0, m * n, 0);
        site.ecefToEnu(x[0], x[1], x[2], enu);
        double e = enu[0];
        double no = enu[1];
        double u = enu[2];
        double rho2 = e * e + no * no;
        double rho = Math.sqrt(rho2);
        double r2 = rho2 + u * u;
        double r = Math.sqrt(r2);
        row(out, 0, n, e / r, no / r, u / r);
        row(out, 1, n, no / rho2, -e / rho2, 0);
        row(out, 2, n, -e * u / (rho * r2), -no * u / (rho * r2), rho / r2);
        if (m == 4) {
            double dx = x[0] - site.originX();
            double dy = x[1] - site.originY();
            double dz = x[2] - site.originZ();
            double rd = (dx * x[3] + dy * x[4] + dz * x[5]) / r;
            out[3 * n] = (x[3] - rd * dx / r) / r;
            out[3 * n + 1] = (x[4] - rd * dy / r) / r;
            out[3 * n + 2] = (x[5] - rd * dz / r) / r;
            out[3 * n + 3] = dx / r;
            out[3 * n + 4] = dy / r;
            out[3 * n + 5] = dz / r;
        }
    }

    // an ENU gradient, rotated to ECEF, into the position columns of a row
    private void row(double[] out, int row, int n, double de, double dn, double du) {
        site.rotateToEcef(de, dn, du, grad);
        out[row * n] = grad[0];
        out[row * n + 1] = grad[1];
        out[row * n + 2] = grad[2];
    }

    @Override
    public void noise(double[] out) {
        java.util.Arrays.fill(out, 0, m * m, 0);
        for (int i = 0; i < m; i++) {
            out[i * m + i] = variance[i];
        }
    }

    /** The plain difference, with the azimuth's wrapped to [−π, π). */
    @Override
    public void residual(double[] a, double[] b, double[] out) {
        for (int i = 0; i < m; i++) {
            out[i] = a[i] - b[i];
        }
        out[1] = wrap(out[1]);
    }

    /** An angle (rad) wrapped to [−π, π). */
    static double wrap(double angle) {
        double w = angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
        return w >= Math.PI ? w - 2 * Math.PI : w;
    }
}
