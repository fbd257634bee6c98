package dev.bulwark.engine.track.associate;

/**
 * Data association, one scan at a time: given the gated track–plot pairs, decides which plot
 * (at most one) updates each track, using each plot at most once and only pairs inside the gate.
 *
 * <p>Implementations keep their work arrays between calls (one instance per tracker, not
 * thread-safe) so that a scan allocates nothing once the arrays have grown to the problem size.
 */
public interface Associator {

    /**
     * Associates one scan.
     *
     * @param gated       the pairs inside the gate, with their squared Mahalanobis distances
     * @param trackToPlot receives, for each track {@code i < gated.tracks()}, the index of its plot,
     *                    or -1 for none; its length must be at least {@code gated.tracks()}
     */
    void associate(GatedPairs gated, int[] trackToPlot);
}
