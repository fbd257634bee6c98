package dev.bulwark.engine.assign;

/**
 * A threat passed from the layer of the defence that should have taken it to the next one that
 * can. Layers are numbered from the inside out of the order battle management tries them:
 * {@value #LASER_LAYER} for the lasers (tried first, by the laser-first rule), then each battery's
 * and gun's {@code layer} (1 by default for a battery; a scenario puts its guns after every battery
 * unless told otherwise).
 *
 * @param fromLayer the preferred layer, which could not take the threat
 * @param toLayer   the layer that engages it
 * @param reason    why the preferred layer could not: {@value #LASER_CANNOT_FINISH}, or a
 *                  {@link Reason} key ({@code no_feasible_intercept}, {@code no_stock}, {@code stock_saved}, or
 *                  {@code shot_limit} when the threat goes to a gun after the doctrine's last interceptor)
 */
public record Handover(int fromLayer, int toLayer, String reason) {

    /** The layer number of the lasers. */
    public static final int LASER_LAYER = 0;

    /** No free laser could finish the threat before impact. */
    public static final String LASER_CANNOT_FINISH = "laser_cannot_finish";
}
