package dev.bulwark.engine.flight;

/**
 * A solid rocket motor, as the point-mass flight model sees it: constant thrust for the burn
 * time, with the propellant mass falling linearly (constant mass flow ṁ = m_p / t_b, so a
 * constant effective exhaust velocity c = F / ṁ; Sutton &amp; Biblarz, <i>Rocket Propulsion
 * Elements</i>, 9th ed., 2017, §2.1–2.3), and the launch rail or tube it leaves along.
 *
 * <p>Simplifications: the thrust is constant (a real grain's thrust curve is progressive,
 * neutral or regressive; only the total impulse F·t_b and the burn time matter much for the
 * range); the thrust acts along the velocity (a statically stable rocket weathercocks into the
 * wind of its own motion; the angle of attack is neglected); ignition is at launch and the
 * burn ends abruptly. The rail is modelled as the initial direction only: the rocket moves along a
 * straight rail of the given length from rest, pushed by the thrust and held back by the
 * component of gravity along the rail (the rail takes the rest, and the Coriolis force is
 * normal to the rail); drag on the rail, tip-off, launcher motion and rail friction are neglected.
 *
 * @param burnTimeS        burn time (s), from ignition at launch
 * @param thrustN          thrust (N), constant during the burn
 * @param propellantMassKg propellant burnt (kg); the launch mass is the type's burn-out mass plus this
 * @param railLengthM      length of the launch rail or tube (m): the rocket flies free after this distance
 */
public record Motor(double burnTimeS, double thrustN, double propellantMassKg, double railLengthM) implements Boost {

    public Motor {
        if (!(burnTimeS > 0) || !(thrustN > 0) || !(propellantMassKg > 0) || !(railLengthM > 0)
                || !Double.isFinite(burnTimeS) || !Double.isFinite(thrustN) || !Double.isFinite(propellantMassKg)
                || !Double.isFinite(railLengthM)) {
            throw new IllegalArgumentException("a motor needs a positive burn time, thrust, propellant mass and"
                    + " rail length");
        }
    }

    /**
     * A motor given by its total impulse instead of its thrust.
     *
     * @param burnTimeS        burn time (s)
     * @param totalImpulseNs   total impulse (N·s); the thrust is this over the burn time
     * @param propellantMassKg propellant burnt (kg)
     * @param railLengthM      launch rail length (m)
     */
    public static Motor ofImpulse(double burnTimeS, double totalImpulseNs, double propellantMassKg,
            double railLengthM) {
        return new Motor(burnTimeS, totalImpulseNs / burnTimeS, propellantMassKg, railLengthM);
    }

    /** Mass flow (kg/s). */
    public double massFlowKgPerS() {
        return propellantMassKg / burnTimeS;
    }

    /** Total impulse F·t_b (N·s). */
    public double totalImpulseNs() {
        return thrustN * burnTimeS;
    }

    /** Effective exhaust velocity F/ṁ (m/s); divided by g0 = 9.80665 m/s² it is the specific impulse in seconds. */
    public double exhaustVelocityMps() {
        return thrustN / massFlowKgPerS();
    }
}
