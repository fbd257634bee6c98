package dev.bulwark.engine.track;

import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sensor.Plot;

/**
 * A radar plot converted to an ECEF position measurement with its covariance.
 *
 * <p>Model: the standard linearised conversion ("converted measurement", Bar-Shalom, Li &amp;
 * Kirubarajan 2001, §10.4): z = position from (r, az, el); R = J diag(σ_r², σ_az², σ_el²) Jᵀ with
 * J the Jacobian of the ECEF position with respect to (r, az, el) at the measured values.
 * The conversion bias is negligible while r·σ_angle² is small against σ_r (Bar-Shalom et al.
 * 2001, §10.4.3): at 60 km and 2 mrad it is 0.24 m against a 15 m range error. The
 * debiased and the spherical (EKF/UKF) measurement models arrive with the tracking work.
 *
 * <p>One instance per tracker; {@link #convert} reuses its arrays.
 */
public final class ConvertedPosition {

    /** Measurement matrix H = [I₃ 0₃] for a 6-state (position, velocity) track. */
    public static final double[] H = {
        1, 0, 0, 0, 0, 0,
        0, 1, 0, 0, 0, 0,
        0, 0, 1, 0, 0, 0,
    };

    private final double[] z = new double[3];
    private final double[] r = new double[9];
    private final double[] jac = new double[9];
    private final double[] col = new double[3];

    /** The converted position (m), valid after {@link #convert}. */
    public double[] z() {
        return z;
    }

    /** Its covariance (m², row-major 3×3), valid after {@link #convert}. */
    public double[] r() {
        return r;
    }

    /** Converts a plot. */
    public void convert(Plot plot) {
        LocalFrame f = plot.site();
        double range = plot.range();
        double az = plot.azimuth();
        double el = plot.elevation();
        f.raeToEcef(range, az, el, z);
        double ce = Math.cos(el);
        double se = Math.sin(el);
        double sa = Math.sin(az);
        double ca = Math.cos(az);
        // ENU partials: e = r ce sa, n = r ce ca, u = r se
        double[][] enuCols = {
            {ce * sa, ce * ca, se},                       // ∂/∂r
            {range * ce * ca, -range * ce * sa, 0},       // ∂/∂az
            {-range * se * sa, -range * se * ca, range * ce}, // ∂/∂el
        };
        for (int c = 0; c < 3; c++) {
            f.rotateToEcef(enuCols[c][0], enuCols[c][1], enuCols[c][2], col);
            for (int i = 0; i < 3; i++) {
                jac[i * 3 + c] = col[i];
            }
        }
        double[] var = {
            plot.sigmaRange() * plot.sigmaRange(),
            plot.sigmaAzimuth() * plot.sigmaAzimuth(),
            plot.sigmaElevation() * plot.sigmaElevation(),
        };
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int k = 0; k < 3; k++) {
                    acc += jac[i * 3 + k] * var[k] * jac[j * 3 + k];
                }
                r[i * 3 + j] = acc;
                r[j * 3 + i] = acc; // exactly symmetric, so Cholesky factorisations accept it
            }
        }
    }
}
