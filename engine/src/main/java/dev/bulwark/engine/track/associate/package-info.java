/**
 * Gating and data association: which plot, if any, updates which track.
 *
 * <p>One role, one verb: an {@link dev.bulwark.engine.track.associate.Associator} turns the
 * gated track–plot pairs of one scan ({@link dev.bulwark.engine.track.associate.GatedPairs},
 * filled by {@link dev.bulwark.engine.track.associate.MahalanobisGate}) into a track-to-plot
 * assignment. Implementations: {@link dev.bulwark.engine.track.associate.OptimalAssociator}
 * (global nearest neighbour, the exact 2-D assignment, solved cluster by cluster by
 * {@link dev.bulwark.engine.track.associate.SparseAssignment}) and
 * {@link dev.bulwark.engine.track.associate.GreedyAssociator} (closest pairs first).
 * Soft association has its own verb: {@link dev.bulwark.engine.track.associate.JpdaAssociator}
 * turns the same gated pairs (with √|S| as well as d²) into JPDA marginal probabilities, for
 * a tracker that updates each track with all its gated plots.
 *
 * <p>Knows nothing of truth, of radars or of the motion model: it sees predicted
 * measurements, their covariances and the plots, all as position vectors in one Cartesian
 * frame (ECEF in the simulator, m).
 */
package dev.bulwark.engine.track.associate;
