package dev.bulwark.engine.effector;

import dev.bulwark.engine.geo.GeodeticPoint;

/**
 * A close-in gun's parameters (C-RAM class: a 20 mm M61A1 rotary cannon firing self-destructing
 * rounds at rockets, artillery and mortar bombs and drones in their last seconds). The public
 * figures are cited in docs/scenario-reference.md (rate of fire, drum, reach, muzzle velocity);
 * the rest, and the whole kill model below, is notional.
 *
 * <p>Time of flight: the projectile's speed falls exponentially with the distance flown,
 * v(s) = v₀ e^(−k s) (drag proportional to the square of the speed, at constant density), so the
 * time to reach slant range R is
 * <pre>
 *   T(R) = (e^(k R) − 1) / (k v₀)        (R / v₀ when k = 0)
 * </pre>
 *
 * <p>Kill model: each round's miss at the target is circular normal with a standard deviation per
 * axis that grows linearly with range (the gun's angular dispersion and aiming error σ_θ) and with
 * the time of flight (the error of the fire-control prediction of the target's motion, σ_v per
 * second of flight):
 * <pre>
 *   σ(R)        = σ_θ R + σ_v T(R)
 *   p_hit(R)    = 1 − exp(−r² / (2 σ(R)²))          (Rayleigh: a miss inside the lethal radius r)
 *   p_round(R)  = p_k|h · p_hit(R)
 *   P_kill(R,n) = 1 − (1 − p_round(R))^n            (n rounds of a burst, independent)
 * </pre>
 * with p_k|h the probability that a round inside the lethal radius destroys the target. The
 * rounds of a burst are taken as independent (a burst's correlated aiming error is neglected,
 * which flatters long bursts).
 *
 * <p>Neglected: the target's size and aspect (folded into r), the spread of range over the burst
 * (the whole burst meets the target at the intercept time's range), gravity drop and wind
 * (corrected by fire control), damage accumulated between bursts, fragments of self-destructed
 * rounds falling back.
 *
 * @param name              unique name
 * @param site              the gun's position
 * @param maxRangeM         greatest slant range at which it engages (m)
 * @param minAltitudeM      lowest target altitude it engages (m above the ellipsoid): safety of the ground below
 * @param maxTargetSpeedMps fastest target its fire control can track and lead (m/s): it keeps a re-entering
 *                          ballistic missile out
 * @param reactionS         slew and reaction time from the decision to the first round (s)
 * @param burstS            length of one burst (s)
 * @param roundsPerMinute   rate of fire (rounds per minute)
 * @param magazineRounds    rounds in a full magazine (drum)
 * @param reserveRounds     rounds held for reloading the magazine
 * @param reloadS           time to reload an empty magazine (s)
 * @param muzzleVelocityMps muzzle velocity v₀ (m/s)
 * @param decelerationPerM  k: the relative loss of speed per metre flown (1/m)
 * @param dispersionRad     σ_θ: angular dispersion and aiming error, per axis (rad)
 * @param aimErrorMps       σ_v: growth of the aiming error with the time of flight, per axis (m/s)
 * @param lethalRadiusM     r: miss distance within which a round can destroy the target (m)
 * @param killGivenHit      p_k|h: probability that a round within the lethal radius destroys the target
 * @param costPerRoundUsd   cost of one round (USD)
 * @param layer             the gun's layer of the defence (≥ 1): battle management tries the lowest layer that
 *                          can take a threat first (by default the scenario puts guns after every battery)
 */
public record GunSpec(
        String name,
        GeodeticPoint site,
        double maxRangeM,
        double minAltitudeM,
        double maxTargetSpeedMps,
        double reactionS,
        double burstS,
        double roundsPerMinute,
        int magazineRounds,
        int reserveRounds,
        double reloadS,
        double muzzleVelocityMps,
        double decelerationPerM,
        double dispersionRad,
        double aimErrorMps,
        double lethalRadiusM,
        double killGivenHit,
        double costPerRoundUsd,
        int layer) {

    public GunSpec {
        if (name == null || site == null || !(maxRangeM > 0) || !(minAltitudeM >= 0) || !(maxTargetSpeedMps > 0)
                || !(reactionS >= 0)
                || !(burstS > 0) || !(roundsPerMinute > 0) || magazineRounds < 1 || reserveRounds < 0
                || !(reloadS >= 0) || !(muzzleVelocityMps > 0) || !(decelerationPerM >= 0) || !(dispersionRad >= 0)
                || !(aimErrorMps >= 0) || !(lethalRadiusM > 0) || !(killGivenHit >= 0 && killGivenHit <= 1)
                || !(costPerRoundUsd >= 0) || layer < 1
                || Double.isInfinite(timeOfFlightS(maxRangeM, muzzleVelocityMps, decelerationPerM))) {
            throw new IllegalArgumentException("invalid parameters for gun " + name);
        }
    }

    /** Rounds in a full burst: the rate of fire times the burst length, rounded, at least 1. */
    public int roundsPerBurst() {
        return (int) Math.max(1, Math.round(roundsPerMinute / 60.0 * burstS));
    }

    /** Time of flight to a slant range (s): T(R) = (e^(kR) − 1) / (k v₀). */
    public double timeOfFlightS(double rangeM) {
        return timeOfFlightS(rangeM, muzzleVelocityMps, decelerationPerM);
    }

    private static double timeOfFlightS(double rangeM, double v0, double k) {
        double kr = k * rangeM;
        // expm1(kR)/kR → 1 as k → 0: the stable form
        return kr == 0 ? rangeM / v0 : Math.expm1(kr) / (k * v0);
    }

    /** Standard deviation of a round's miss per axis at a slant range (m): σ_θ R + σ_v T(R). */
    public double missSigmaM(double rangeM) {
        return dispersionRad * rangeM + aimErrorMps * timeOfFlightS(rangeM);
    }

    /** Probability that one round destroys the target at a slant range. */
    public double roundKillProbability(double rangeM) {
        double sigma = missSigmaM(rangeM);
        if (sigma == 0) {
            return killGivenHit;
        }
        double hit = -Math.expm1(-lethalRadiusM * lethalRadiusM / (2 * sigma * sigma));
        return killGivenHit * hit;
    }

    /** Probability that a burst of n rounds destroys the target at a slant range: 1 − (1 − p_round)^n. */
    public double probabilityOfKill(double rangeM, int rounds) {
        double p = roundKillProbability(rangeM);
        // 1 − (1 − p)^n, stable for small p
        return p >= 1 ? 1.0 : -Math.expm1(rounds * Math.log1p(-p));
    }

    /** Probability that a full burst destroys the target at a slant range. */
    public double probabilityOfKill(double rangeM) {
        return probabilityOfKill(rangeM, roundsPerBurst());
    }
}
