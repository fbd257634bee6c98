package dev.bulwark.engine.track;

/**
 * How the tracker starts, confirms and drops tracks, and how much it trusts its motion model.
 *
 * @param confirmHits              M of the M-of-N confirmation rule
 * @param confirmWindow            N of the M-of-N confirmation rule (scans since the first plot)
 * @param deleteAfterMisses        consecutive scans without a plot after which a confirmed track is dropped
 * @param processNoise             white-acceleration spectral density q (m²/s³) of the motion model
 * @param initialSpeedSigmaMps     standard deviation of each velocity component of a new track (m/s)
 * @param gateChiSquare            Mahalanobis gate (chi-square, 3 degrees of freedom)
 */
public record TrackerSettings(
        int confirmHits,
        int confirmWindow,
        int deleteAfterMisses,
        double processNoise,
        double initialSpeedSigmaMps,
        double gateChiSquare) {

    /**
     * 3-of-4 confirmation, drop after 3 misses, q = 400 m²/s³, new-track speed σ 400 m/s, 99.9%
     * gate. The process noise is large because the motion model has no drag: a light rocket
     * decelerates by some 30 m/s² just after burn-out, and with q = 50 one Qassam track in ten
     * broke in its first seconds (measured in GnnTrackerTest).
     */
    public static final TrackerSettings DEFAULT = new TrackerSettings(3, 4, 3, 400.0, 400.0, 16.27);

    public TrackerSettings {
        if (confirmHits < 1 || confirmWindow < confirmHits || deleteAfterMisses < 1 || !(processNoise > 0)
                || !(initialSpeedSigmaMps > 0) || !(gateChiSquare > 0)) {
            throw new IllegalArgumentException("invalid tracker settings");
        }
    }
}
