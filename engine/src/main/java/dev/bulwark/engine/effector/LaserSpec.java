package dev.bulwark.engine.effector;

import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * A high-power laser's parameters (Iron Beam class: ../shared/reference/PUBLIC-FIGURES.md gives
 * 100 kW, a reach from a few hundred metres to several kilometres, $2–4 a shot, and "seconds of
 * dwell, longer in cloud or dust"; no dwell time is published, so the dwell figures here are
 * notional).
 *
 * <p>Dwell model: the laser must hold its spot on the target until it has delivered the energy
 * that defeats it. The irradiance on the target falls as the spot grows with range (∝ 1/R²)
 * and as the beam is absorbed and scattered (Beer–Lambert, e^(−αR)); so the dwell needed at range
 * R is
 * <pre>
 *   t(R) = t_ref · H · (R / R_ref)² · e^(α R − α₀ R_ref)
 * </pre>
 * with t_ref the dwell against a target of hardness 1 at the reference range R_ref in clear air
 * (extinction α₀ = {@value #CLEAR_AIR_EXTINCTION_PER_KM} per km), H the target's hardness and α
 * the extinction coefficient of the day's weather
 * (see e.g. Weichel, <i>Laser Beam Propagation in the Atmosphere</i>, SPIE, 1990, for the
 * extinction; its values are of order 0.1 per km in clear air, several per km in haze, rain or
 * dust). The target is destroyed when Σ dt / t(R(t)) reaches 1 while it stays within reach.
 *
 * <p>Neglected: turbulence and thermal blooming (folded into t_ref and α), the aim point on the
 * target, the target's rotation, partial damage between engagements (an interrupted dwell is
 * lost), cloud blocking the line of sight.
 *
 * @param name              unique name
 * @param site              the laser's position
 * @param maxRangeM         greatest slant range at which it engages (m)
 * @param minAltitudeM      lowest target altitude it engages (m above the ellipsoid): clutter and line of sight
 * @param referenceDwellS   dwell to defeat a target of hardness 1 at the reference range in clear air (s)
 * @param referenceRangeM   the reference range (m)
 * @param extinctionPerKm   atmospheric extinction coefficient α (1/km): the weather
 * @param slewS             time to move to a new target and settle, before each dwell (s)
 * @param costPerShotUsd    cost of one engagement (USD)
 * @param probabilityOfKill probability that a completed dwell destroys the target
 * @param planningHardness  the hardness assumed when planning (the defence cannot see what a track is)
 * @param maxTargetSpeedMps fastest target it engages (m/s): its tracking and pointing limit, which keeps a
 *                          re-entering ballistic missile out
 */
public record LaserSpec(
        String name,
        GeodeticPoint site,
        double maxRangeM,
        double minAltitudeM,
        double referenceDwellS,
        double referenceRangeM,
        double extinctionPerKm,
        double slewS,
        double costPerShotUsd,
        double probabilityOfKill,
        double planningHardness,
        double maxTargetSpeedMps) {

    /** Extinction coefficient of the clear air in which the reference dwell is given (1/km). */
    public static final double CLEAR_AIR_EXTINCTION_PER_KM = 0.1;

    public LaserSpec {
        if (name == null || site == null || !(maxRangeM > 0) || !(minAltitudeM >= 0) || !(referenceDwellS > 0)
                || !(referenceRangeM > 0) || !(extinctionPerKm >= 0) || !(slewS >= 0) || !(costPerShotUsd >= 0)
                || !(probabilityOfKill >= 0 && probabilityOfKill <= 1) || !(planningHardness > 0)
                || !(maxTargetSpeedMps > 0)) {
            throw new IllegalArgumentException("invalid parameters for laser " + name);
        }
    }

    /**
     * Notional hardness of each class of threat against a laser, relative to a rocket's or mortar
     * bomb's thin casing (1): a drone's composite airframe and exposed engine burn through
     * sooner (0.5); a cruise missile's thicker skin later (2); a ballistic missile's re-entry
     * vehicle, built for re-entry heating, is taken as beyond a tactical laser ({@code +∞}).
     * All values are [notional].
     */
    public static double hardness(ThreatClass.Category category) {
        return switch (category) {
            case DRONE -> 0.5;
            case ROCKET_ARTILLERY_MORTAR -> 1.0;
            case CRUISE_MISSILE -> 2.0;
            case BALLISTIC_MISSILE -> Double.POSITIVE_INFINITY;
        };
    }

    /** Dwell needed at a slant range (m) against a target of a hardness (s); +∞ for an infinite hardness. */
    public double dwellS(double rangeM, double hardness) {
        double r = rangeM / referenceRangeM;
        return referenceDwellS * hardness * r * r
                * Math.exp((extinctionPerKm * rangeM - CLEAR_AIR_EXTINCTION_PER_KM * referenceRangeM) / 1000.0);
    }
}
