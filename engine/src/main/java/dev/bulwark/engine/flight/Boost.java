package dev.bulwark.engine.flight;

/**
 * How an unguided round gets its speed: a rocket {@link Motor} that burns along the trajectory,
 * or an instantaneous boost ({@link BurnoutSpeed}): a gun-launched shell or mortar bomb leaving
 * the muzzle, or a rocket whose motor is not known, leaving the launcher at its burn-out speed.
 */
public sealed interface Boost permits Boost.BurnoutSpeed, Motor {

    /**
     * An instantaneous boost: the round leaves the launch point at this speed along the
     * launcher's azimuth and elevation (a mortar's muzzle velocity; a rocket's burn-out speed
     * when its motor is unknown, which neglects the distance flown and the gravity and drag
     * losses during the burn).
     *
     * @param speedMps speed at launch (m/s), relative to the rotating Earth
     */
    record BurnoutSpeed(double speedMps) implements Boost {
        public BurnoutSpeed {
            if (!(speedMps > 0) || !Double.isFinite(speedMps)) {
                throw new IllegalArgumentException("burn-out speed must be positive, got " + speedMps);
            }
        }
    }
}
