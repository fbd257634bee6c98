package dev.bulwark.engine.track;

import java.util.Arrays;

/**
 * A six-state (position, velocity) motion model run in {@link CoordinatedTurn}'s seven-state
 * space with the turn rate pinned at zero, so that an {@link ImmFilter} can mix a straight-flight
 * mode with a turning one: the first six states move as the wrapped model says, and
 * ω' = 0 + w_ω with w_ω ~ N(0, σ_ω²) (F_ωω = 0, Q_ωω = σ_ω²).
 *
 * <p>The common choice for the straight mode of a CV/CT IMM (Bar-Shalom, Li &amp; Kirubarajan
 * 2001, §11.7.2): ω carries no information in this mode, and a small σ_ω keeps the covariance
 * positive definite (needed by the unscented filter and by the mixing) while saying that the
 * target does not turn. Simplified: the wrapped model must ignore the seventh state, as every
 * six-state model here does.
 */
public final class ZeroTurnRate implements MotionModel {

    private final MotionModel straight;
    private final double variance;
    private final double[] f6 = new double[36];
    private final double[] b6 = new double[6];
    private final double[] q6 = new double[36];
    private final double[] out6 = new double[6];

    /**
     * @param straight      a six-state model, e.g. {@link ConstantVelocity}
     * @param turnRateSigma σ_ω (rad/s) of the turn rate after each step, > 0
     */
    public ZeroTurnRate(MotionModel straight, double turnRateSigma) {
        if (straight == null || straight.dimension() != 6) {
            throw new IllegalArgumentException("need a six-state (position, velocity) model");
        }
        if (!(turnRateSigma > 0) || Double.isInfinite(turnRateSigma)) {
            throw new IllegalArgumentException("the turn-rate standard deviation must be finite and > 0, got "
                    + turnRateSigma);
        }
        this.straight = straight;
        this.variance = turnRateSigma * turnRateSigma;
    }

    @Override
    public int dimension() {
        return 7;
    }

    @Override
    public boolean dependsOnState() {
        return straight.dependsOnState();
    }

    @Override
    public void propagate(double[] x, double dt, double[] out) {
        straight.propagate(x, dt, out6);
        System.arraycopy(out6, 0, out, 0, 6);
        out[6] = 0;
    }

    @Override
    public void transition(double[] x, double dt, double[] f, double[] b, double[] qm) {
        straight.transition(x, dt, f6, b6, q6);
        Arrays.fill(f, 0, 49, 0);
        Arrays.fill(qm, 0, 49, 0);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                f[i * 7 + j] = f6[i * 6 + j];
                qm[i * 7 + j] = q6[i * 6 + j];
            }
            b[i] = b6[i];
        }
        b[6] = 0;
        qm[48] = variance;
    }
}
