/**
 * The fusion stage: the tracks of several nodes (nations or commands) made into one air picture.
 *
 * <ul>
 *   <li>{@link dev.bulwark.engine.fusion.Fuser}, the stage interface: the latest track reports
 *       of every source in, an {@link dev.bulwark.engine.fusion.AirPicture} out;</li>
 *   <li>{@link dev.bulwark.engine.fusion.SystemTrackTable}, its implementation: track-to-track
 *       association (χ² gate, optimal assignment source by source), fusion by
 *       {@link dev.bulwark.engine.fusion.CovarianceIntersection}, and system track numbers that
 *       stay with their object from scan to scan;</li>
 *   <li>{@link dev.bulwark.engine.fusion.ConsistencyChecker}: a CUSUM test per partner on
 *       whether its tracks inside the node's own coverage are confirmed by the node's own
 *       tracks, which isolates a partner that injects false tracks and raises an
 *       {@link dev.bulwark.engine.fusion.Alert};</li>
 *   <li>{@link dev.bulwark.engine.fusion.NationalPicture}: the air picture as one nation sees
 *       it, from its own tracks and what its partners sent it.</li>
 * </ul>
 *
 * <p>Works on {@link dev.bulwark.engine.network.TrackReport}s (ECEF state and covariance) and
 * knows nothing of truth. Models and sources: {@code docs/models/coalition.md}.
 */
package dev.bulwark.engine.fusion;
