package dev.bulwark.engine.effector;

/**
 * Deliveries of interceptors to a battery over a campaign: {@code rounds} rounds added to its
 * reserve at {@code firstS} and every {@code everyS} after (for example a daily resupply). A
 * delivery starts the reload of every empty launcher that is not already reloading.
 *
 * @param battery the battery's name
 * @param firstS  time of the first delivery (s from scenario start)
 * @param everyS  interval between deliveries (s); +∞ for a single delivery
 * @param rounds  rounds per delivery
 */
public record Resupply(String battery, double firstS, double everyS, int rounds) {

    public Resupply {
        if (battery == null || !(firstS >= 0) || !(everyS > 0) || rounds < 1) {
            throw new IllegalArgumentException("invalid resupply of battery " + battery);
        }
    }

    /** Time of delivery k (s), 0-based. */
    public double deliveryTime(int k) {
        return k == 0 ? firstS : firstS + k * everyS;
    }
}
