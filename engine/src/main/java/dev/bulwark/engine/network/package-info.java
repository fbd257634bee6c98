/**
 * The network stage: what the nodes of a coalition (one per nation or command) send each other,
 * under which rules, and how it travels.
 *
 * <ul>
 *   <li>{@link dev.bulwark.engine.network.Message}: the immutable messages (track reports in
 *       ECEF with their covariance, plot reports, engagement status) and their binary form
 *       ({@link dev.bulwark.engine.network.MessageCodec});</li>
 *   <li>{@link dev.bulwark.engine.network.SharingPolicy}: what one nation agrees to give another
 *       (data kinds, position coarsening, extra delay, embargo zones);</li>
 *   <li>{@link dev.bulwark.engine.network.MessageSealer} and
 *       {@link dev.bulwark.engine.network.MessageOpener}: HMAC-SHA256 per link, sequence numbers
 *       and an RFC 4303 anti-replay window, with counters of what was rejected and why;</li>
 *   <li>{@link dev.bulwark.engine.network.Link}: latency, bandwidth (a FIFO queue), random loss
 *       and outage windows;</li>
 *   <li>{@link dev.bulwark.engine.network.Network}, the stage interface, and its implementation
 *       {@link dev.bulwark.engine.network.LinkedNetwork}, which chains the four.</li>
 * </ul>
 *
 * <p>Knows nothing of truth, of trackers or of fusion: it carries numbers. The models and their
 * sources are in {@code docs/models/coalition.md}.
 */
package dev.bulwark.engine.network;
