package dev.bulwark.engine.effector;

/**
 * A planned burst of a gun at the predicted path of a track.
 *
 * @param gun               index of the gun in the scenario
 * @param fireStart         first round leaves (s)
 * @param fireEnd           last round leaves; the gun is busy until then (s)
 * @param interceptTime     the middle of the burst meets the predicted path (s)
 * @param rangeM            slant range of the predicted path from the gun then (m)
 * @param altitudeM         its altitude then (m)
 * @param rounds            rounds in the burst
 * @param probabilityOfKill the burst's probability of kill at that range
 */
public record GunPlan(int gun, double fireStart, double fireEnd, double interceptTime, double rangeM,
        double altitudeM, int rounds, double probabilityOfKill) {
}
