package dev.bulwark.engine.flight.interceptor;

import dev.bulwark.engine.flight.DragTable;
/**
 * A kind of guided interceptor as the three-degree-of-freedom fly-out of
 * {@link InterceptorFlight} sees it: a point mass with a constant-thrust motor, Mach-dependent
 * drag, a limited lateral (normal) acceleration, true proportional navigation with a
 * first-order autopilot lag, and a proximity fuze with a lethal radius.
 *
 * <p>Motor: thrust is constant for {@code burnTimeS} while the mass falls linearly from the
 * launch mass by the propellant mass; afterwards the round coasts at launch mass minus
 * propellant. For the first {@code guidanceStartS} seconds (launcher clearance) the thrust acts
 * along the launch direction and no guidance is flown; afterwards thrust acts along the
 * velocity. Guidance: a_cmd = N·V_c·λ̇ perpendicular to the line of sight (Zarchan 2012,
 * ch. 2; Siouris 2004, ch. 4), limited to the lateral acceleration the airframe can pull, which
 * is {@code maxLateralAccelerationMps2} at and above the dynamic pressure
 * {@code fullManoeuvreDynamicPressurePa} and proportionally less below it (a normal-force
 * limit C_N,max·q·S/m that reaches the structural limit at that pressure; 0 disables the
 * aerodynamic limit). The achieved acceleration lags the command with time constant
 * {@code autopilotTimeConstantS} (Zarchan's single-time-constant flight-control model; 0 for a
 * perfect autopilot).
 *
 * @param name                           catalogue name
 * @param launchMassKg                   mass at launch, with propellant (kg)
 * @param propellantMassKg               propellant burnt by the motor (kg)
 * @param burnTimeS                      motor burn time (s)
 * @param thrustN                        motor thrust, constant during the burn (N)
 * @param referenceAreaM2                drag reference area, the body cross-section (m²)
 * @param drag                           zero-lift drag coefficient against Mach number, for that area
 * @param maxLateralAccelerationMps2     largest lateral acceleration the airframe may pull (m/s²)
 * @param fullManoeuvreDynamicPressurePa dynamic pressure at and above which the full lateral
 *                                       acceleration is available (Pa); 0 for no aerodynamic limit
 * @param navigationConstant             effective navigation ratio N (dimensionless, typically 3–5)
 * @param autopilotTimeConstantS         first-order lag of the achieved behind the commanded
 *                                       acceleration (s); 0 for none
 * @param guidanceStartS                 time after launch at which guidance starts and thrust
 *                                       turns from the launch direction to the velocity (s)
 * @param minLaunchElevationRad          lowest launch elevation above the local horizontal (rad)
 * @param minFlightTimeS                 fuze arming time: no kill before this flight time (s)
 * @param maxFlightTimeS                 self-destruct time: no kill after this flight time (s)
 * @param lethalRadiusM                  miss distance within which the warhead kills (m)
 * @param minInterceptSpeedMps           least interceptor speed at the intercept point for the
 *                                       point to count as inside the engagement envelope (m/s),
 *                                       a stand-in for the end-game manoeuvre margin
 */
public record InterceptorType(
        String name,
        double launchMassKg,
        double propellantMassKg,
        double burnTimeS,
        double thrustN,
        double referenceAreaM2,
        DragTable drag,
        double maxLateralAccelerationMps2,
        double fullManoeuvreDynamicPressurePa,
        double navigationConstant,
        double autopilotTimeConstantS,
        double guidanceStartS,
        double minLaunchElevationRad,
        double minFlightTimeS,
        double maxFlightTimeS,
        double lethalRadiusM,
        double minInterceptSpeedMps) {

    /** Standard gravity (m/s²), for quoting accelerations in g. */
    public static final double G0 = 9.80665;

    /**
     * A notional Tamir-class (Iron Dome) interceptor.
     *
     * <p>Only two figures are public, and neither is verified: a speed of Mach ~2.2 and a
     * ceiling of ~10 km (shared/reference/PUBLIC-FIGURES.md, "Iron Dome"). Open sources commonly
     * quote a length of ~3 m, a diameter of 160 mm and a launch mass of ~90 kg [unverified];
     * the launch mass and the 160 mm cross-section (0.0201 m²) are taken from those. Everything
     * else is <b>notional</b>, chosen so that the model flies those public figures: the motor
     * (28 kg of propellant burnt in 2.5 s at 24 kN: an effective exhaust speed of 2,143 m/s, a
     * specific impulse of 218 s, an ideal velocity gain of 799 m/s) gives a peak speed of
     * 740-760 m/s, Mach 2.2 at sea level; the drag curve has the shape of a slender finned body
     * (Fleeman 2006, ch. 2) with a transonic peak of 0.55; 30 g of lateral acceleration at and
     * above 40 kPa of dynamic pressure; N = 4; a 0.1 s autopilot lag; 0.4 s of launcher
     * clearance; launch elevation at least 20°; fuze armed after 1.5 s; self-destruct after 30 s;
     * a 6 m lethal radius; and at least 280 m/s at the intercept point for the envelope. With
     * these the envelope computed by {@link InterceptorPerformance} has a ceiling of 10.1 km and
     * a maximum ground range of 11.9 km (at 250 m); see its tests.
     */
    public static final InterceptorType TAMIR_CLASS = new InterceptorType(
            "tamir-class (notional)",
            90.0,
            28.0,
            2.5,
            24_000.0,
            Math.PI * 0.080 * 0.080,
            DragTable.of(
                    new double[] {0.0, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0},
                    new double[] {0.30, 0.32, 0.50, 0.55, 0.50, 0.42, 0.37, 0.34}),
            30 * G0,
            40_000.0,
            4.0,
            0.10,
            0.4,
            Math.toRadians(20),
            1.5,
            30.0,
            6.0,
            280.0);

    public InterceptorType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("interceptor type needs a name");
        }
        require(launchMassKg > 0 && Double.isFinite(launchMassKg), name, "launch mass must be positive");
        require(propellantMassKg >= 0 && propellantMassKg < launchMassKg, name,
                "propellant mass must be at least 0 and below the launch mass");
        require(burnTimeS > 0 && Double.isFinite(burnTimeS), name, "burn time must be positive");
        require(thrustN >= 0 && Double.isFinite(thrustN), name, "thrust must be at least 0");
        require(referenceAreaM2 > 0 && Double.isFinite(referenceAreaM2), name, "reference area must be positive");
        require(drag != null, name, "a drag table is needed");
        require(maxLateralAccelerationMps2 >= 0 && Double.isFinite(maxLateralAccelerationMps2), name,
                "maximum lateral acceleration must be at least 0");
        require(fullManoeuvreDynamicPressurePa >= 0 && Double.isFinite(fullManoeuvreDynamicPressurePa), name,
                "full-manoeuvre dynamic pressure must be at least 0");
        require(navigationConstant > 0 && Double.isFinite(navigationConstant), name,
                "navigation constant must be positive");
        require(autopilotTimeConstantS >= 0 && Double.isFinite(autopilotTimeConstantS), name,
                "autopilot time constant must be at least 0");
        require(guidanceStartS >= 0 && Double.isFinite(guidanceStartS), name, "guidance start must be at least 0");
        require(minLaunchElevationRad >= 0 && minLaunchElevationRad < Math.PI / 2, name,
                "minimum launch elevation must be in [0, π/2)");
        require(minFlightTimeS >= 0 && maxFlightTimeS > minFlightTimeS && Double.isFinite(maxFlightTimeS), name,
                "flight-time limits must satisfy 0 ≤ min < max");
        require(lethalRadiusM > 0 && Double.isFinite(lethalRadiusM), name, "lethal radius must be positive");
        require(minInterceptSpeedMps >= 0 && Double.isFinite(minInterceptSpeedMps), name,
                "minimum intercept speed must be at least 0");
    }

    private static void require(boolean ok, String name, String what) {
        if (!ok) {
            throw new IllegalArgumentException("interceptor type " + name + ": " + what);
        }
    }

    /** Mass after the burn (kg). */
    public double burnoutMassKg() {
        return launchMassKg - propellantMassKg;
    }

    /** Propellant mass flow during the burn (kg/s). */
    public double massFlowKgPerS() {
        return propellantMassKg / burnTimeS;
    }

    /** Mass (kg) at a time since launch (s). */
    public double massAt(double timeSinceLaunchS) {
        return timeSinceLaunchS < burnTimeS
                ? launchMassKg - massFlowKgPerS() * Math.max(timeSinceLaunchS, 0.0)
                : burnoutMassKg();
    }

    /** Thrust (N) at a time since launch (s). */
    public double thrustAt(double timeSinceLaunchS) {
        return timeSinceLaunchS >= 0 && timeSinceLaunchS < burnTimeS ? thrustN : 0.0;
    }

    /**
     * Ideal velocity gain of the burn (m/s), Tsiolkovsky's c·ln(m0/m1) with the effective
     * exhaust speed c = thrust·burn time / propellant mass: the burn-out speed without gravity
     * and drag losses; +∞ if the thrust comes with no propellant.
     */
    public double idealDeltaVMps() {
        if (thrustN == 0) {
            return 0;
        }
        if (propellantMassKg == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double c = thrustN * burnTimeS / propellantMassKg;
        return c * Math.log(launchMassKg / burnoutMassKg());
    }

    /**
     * Lateral acceleration (m/s²) the airframe can pull at a dynamic pressure (Pa): the maximum
     * above the full-manoeuvre pressure, proportionally less below it.
     */
    public double availableLateralAcceleration(double dynamicPressurePa) {
        if (fullManoeuvreDynamicPressurePa == 0 || dynamicPressurePa >= fullManoeuvreDynamicPressurePa) {
            return maxLateralAccelerationMps2;
        }
        return maxLateralAccelerationMps2 * Math.max(dynamicPressurePa, 0.0) / fullManoeuvreDynamicPressurePa;
    }

    /** A copy with another maximum lateral acceleration (m/s²). */
    public InterceptorType withMaxLateralAcceleration(double mps2) {
        return new InterceptorType(name, launchMassKg, propellantMassKg, burnTimeS, thrustN, referenceAreaM2, drag, mps2,
                fullManoeuvreDynamicPressurePa, navigationConstant, autopilotTimeConstantS, guidanceStartS,
                minLaunchElevationRad, minFlightTimeS, maxFlightTimeS, lethalRadiusM, minInterceptSpeedMps);
    }

    /** A copy with another name. */
    public InterceptorType withName(String newName) {
        return new InterceptorType(newName, launchMassKg, propellantMassKg, burnTimeS, thrustN, referenceAreaM2, drag,
                maxLateralAccelerationMps2, fullManoeuvreDynamicPressurePa, navigationConstant, autopilotTimeConstantS,
                guidanceStartS, minLaunchElevationRad, minFlightTimeS, maxFlightTimeS, lethalRadiusM,
                minInterceptSpeedMps);
    }
}
