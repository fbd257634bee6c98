package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.DragTable;

/**
 * A single-stage ballistic missile as {@link BallisticMissileFlier} flies it: its boost (mass,
 * propellant, burn time, specific impulse), its pitch programme (vertical rise, then a
 * pitch-over whose angle the aiming solves, then a gravity turn) and the body that re-enters.
 *
 * <p>The thrust is constant, F = ṁ·I_sp·g₀ with ṁ = propellant / burn time; the mass falls
 * linearly during the burn, which may be cut short to control the range. At burn-out or
 * cut-off the re-entry body flies on alone: a separating warhead (its own mass, reference
 * area and drag curve), or the whole missile if the re-entry mass equals the burn-out mass (a
 * Scud-like missile that does not separate; it keeps any propellant left by an early cut-off).
 *
 * <p>Neglected: the nozzle's pressure thrust (I_sp does not vary with height), thrust
 * build-up and tail-off, staging (single stage), lift and angle of attack (the thrust is
 * along the velocity in the gravity turn), tumbling of a non-separating body, ablation and
 * mass loss in re-entry, guidance and thrust errors (the missile flies its programme exactly).
 *
 * @param name                   catalogue name
 * @param liftoffMassKg          mass at launch (kg)
 * @param propellantMassKg       propellant burnt (kg), less than the liftoff mass
 * @param burnTimeS              burn time (s)
 * @param specificImpulseS       specific impulse (s), referred to standard gravity
 * @param bodyReferenceAreaM2    reference area of the missile in boost, its cross-section (m²)
 * @param bodyDrag               the missile's drag coefficient against Mach number in boost
 * @param verticalRiseS          duration of the vertical rise (s)
 * @param pitchOverS             duration of the pitch-over that follows (s); the gravity turn starts after it
 * @param reentryMassKg          mass of the body that flies on after burn-out (kg), at most the burn-out mass
 * @param reentryReferenceAreaM2 its reference area (m²)
 * @param reentryDrag            its drag coefficient against Mach number
 */
public record BallisticMissileType(
        String name,
        double liftoffMassKg,
        double propellantMassKg,
        double burnTimeS,
        double specificImpulseS,
        double bodyReferenceAreaM2,
        DragTable bodyDrag,
        double verticalRiseS,
        double pitchOverS,
        double reentryMassKg,
        double reentryReferenceAreaM2,
        DragTable reentryDrag) {

    /** Standard gravity g₀ (m/s²), for the specific impulse. */
    public static final double STANDARD_GRAVITY = 9.80665;

    /**
     * Notional drag of a slender finned missile body in boost: about 0.2 subsonic, a transonic
     * peak of 0.45 near Mach 1.1, falling to 0.2 at Mach 5 (the usual shape, e.g. Fleeman,
     * <i>Tactical Missile Design</i>, 2nd ed., 2006; the values are notional).
     */
    public static final DragTable SLENDER_BODY_DRAG = DragTable.of(
            new double[] {0.0, 0.8, 1.1, 1.5, 2.0, 3.0, 5.0},
            new double[] {0.20, 0.22, 0.45, 0.40, 0.33, 0.26, 0.20});

    /**
     * Notional drag of a slender conical re-entry vehicle: 0.1 at hypersonic speeds rising to a
     * transonic peak of 0.45 (Regan &amp; Anandakrishnan, <i>Dynamics of Atmospheric Re-Entry</i>,
     * 1993, for the shape of the curve; the values are notional).
     */
    public static final DragTable CONICAL_RV_DRAG = DragTable.of(
            new double[] {0.0, 0.9, 1.1, 1.5, 3.0, 6.0, 10.0},
            new double[] {0.30, 0.35, 0.45, 0.35, 0.20, 0.12, 0.10});

    /**
     * Notional short-range ballistic missile, Scud-B class, ~300 km: liftoff mass 5,900 kg and
     * diameter 0.88 m (public reporting puts a Scud at 0.884 m and 5.9–6.5 t, range 300 km, with
     * a ~1 t warhead: Anadolu Agency, 27 Dec 2013; al-Alam, 2015 [secondary]). Notional: 3,770 kg
     * of propellant burnt in 62 s at I_sp 230 s; 5 s vertical rise, 10 s pitch-over; the empty
     * missile (2,130 kg) does not separate and re-enters whole. Greatest range 320–330 km fired
     * westwards at 33.5° N (against the Earth's rotation); 300 km flown in 5.0 min, apogee 83 km.
     */
    public static final BallisticMissileType SRBM_300_CLASS = new BallisticMissileType("srbm-300-class",
            5_900.0, 3_770.0, 62.0, 230.0, area(0.88), SLENDER_BODY_DRAG, 5.0, 10.0,
            2_130.0, area(0.88), SLENDER_BODY_DRAG);

    /**
     * Notional medium-range ballistic missile, ~1,500 km class (Shahab-3 / Ghadr family as
     * publicly reported: "a 1,000 kg warhead at least 1,300 km", AFP, 16 Dec 2003; 1,300–2,000 km
     * claimed, Press TV, Sept 2009 [secondary]). Notional: 17,000 kg at liftoff, 1.25 m diameter,
     * 13,900 kg of propellant burnt in 105 s at I_sp 266 s; 6 s vertical rise, 10 s pitch-over;
     * a separating 750 kg conical re-entry vehicle of 0.8 m base diameter (ballistic coefficient
     * m/(C_d A) ≈ 15,000 kg/m² hypersonic, 7,500 kg/m² at Mach 3). Greatest range 1,560–1,575 km
     * fired westwards at 33.5° N (1,670 km eastwards), so that 1,500 km is flown close to the
     * minimum-energy trajectory: 10.9 min, apogee 350 km.
     */
    public static final BallisticMissileType MRBM_1500_CLASS = new BallisticMissileType("mrbm-1500-class",
            17_000.0, 13_900.0, 105.0, 266.0, area(1.25), SLENDER_BODY_DRAG, 6.0, 10.0,
            750.0, area(0.8), CONICAL_RV_DRAG);

    public BallisticMissileType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a ballistic missile type needs a name");
        }
        if (!(liftoffMassKg > 0) || !(propellantMassKg > 0 && propellantMassKg < liftoffMassKg) || !(burnTimeS > 0)
                || !(specificImpulseS > 0) || !(bodyReferenceAreaM2 > 0) || bodyDrag == null
                || !(verticalRiseS > 0) || !(pitchOverS > 0) || !(verticalRiseS + pitchOverS < burnTimeS)
                || !(reentryMassKg > 0 && reentryMassKg <= liftoffMassKg - propellantMassKg)
                || !(reentryReferenceAreaM2 > 0) || reentryDrag == null) {
            throw new IllegalArgumentException("invalid parameters for ballistic missile type " + name);
        }
    }

    /** Propellant mass flow (kg/s). */
    public double massFlowKgPerS() {
        return propellantMassKg / burnTimeS;
    }

    /** Thrust (N), constant over the burn. */
    public double thrustN() {
        return massFlowKgPerS() * specificImpulseS * STANDARD_GRAVITY;
    }

    /** Mass at burn-out (kg). */
    public double burnoutMassKg() {
        return liftoffMassKg - propellantMassKg;
    }

    /** Ideal velocity increment of the burn, I_sp g₀ ln(m₀/m_b) (m/s), before gravity and drag losses. */
    public double idealDeltaVMps() {
        return specificImpulseS * STANDARD_GRAVITY * Math.log(liftoffMassKg / burnoutMassKg());
    }

    /**
     * Whether a re-entry body separates at burn-out: its mass is below the burn-out mass. If
     * not, the whole missile flies on, with any propellant left by an early cut-off.
     */
    public boolean separates() {
        return reentryMassKg < burnoutMassKg();
    }

    /** Ballistic coefficient m/(C_d A) of the re-entry body at a Mach number (kg/m²). */
    public double reentryBallisticCoefficient(double mach) {
        return reentryMassKg / (reentryDrag.cd(mach) * reentryReferenceAreaM2);
    }

    private static double area(double diameter) {
        return Math.PI * diameter * diameter / 4;
    }
}
