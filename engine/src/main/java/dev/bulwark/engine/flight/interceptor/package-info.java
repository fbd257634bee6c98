/**
 * Truth for interceptors: how a guided interceptor flies and what it can reach.
 *
 * <ul>
 *   <li>{@link dev.bulwark.engine.flight.interceptor.InterceptorType}: the parameters of a kind
 *       of interceptor (mass, motor, drag, manoeuvrability, guidance, fuze), with a notional
 *       Tamir-class default;</li>
 *   <li>{@link dev.bulwark.engine.flight.interceptor.InterceptorFlight}: a three-degree-of-freedom
 *       point-mass fly-out in the Earth-centred, Earth-fixed frame under true proportional
 *       navigation against the target's true motion, ending at the closest point of approach;</li>
 *   <li>{@link dev.bulwark.engine.flight.interceptor.InterceptorPerformance}: what that model
 *       can reach, computed from it once per type: the
 *       {@link dev.bulwark.engine.flight.interceptor.EngagementEnvelope} and the
 *       {@link dev.bulwark.engine.flight.interceptor.TimeOfFlightTable};</li>
 *   <li>{@link dev.bulwark.engine.flight.interceptor.PredictedIntercept}: the earliest predicted
 *       intercept point of a predicted threat path, for battle management.</li>
 * </ul>
 *
 * <p>SI units throughout (m, s, kg, N, Pa, rad); positions and velocities in the ECEF frame
 * of the WGS84 ellipsoid, as in {@link dev.bulwark.engine.flight}. Sources: P. Zarchan,
 * <i>Tactical and Strategic Missile Guidance</i>, 6th ed., AIAA, 2012 (proportional
 * navigation, autopilot lag, miss distance); G. M. Siouris, <i>Missile Guidance and Control
 * Systems</i>, Springer, 2004 (true proportional navigation in three dimensions); E. L. Fleeman,
 * <i>Tactical Missile Design</i>, 2nd ed., AIAA, 2006 (drag and normal-force shape).
 */
package dev.bulwark.engine.flight.interceptor;
