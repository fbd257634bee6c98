package dev.bulwark.engine.flight;

/**
 * A kind of unguided threat (rocket, mortar bomb) as the point-mass flight model sees it: its
 * mass, drag, boost and launcher limits, with what the rest of the pipeline needs (radar
 * cross-section, cost, dispersion).
 *
 * <p>The flight itself is {@link BallisticPropagator#launch}: the drag coefficient follows the
 * Mach number through {@link #drag()}; the boost is either a {@link Motor} (thrust along the
 * velocity for the burn time, mass falling linearly from the launch mass to the burn-out mass)
 * or a {@link Boost.BurnoutSpeed} (instantaneous: the round leaves the launcher at that speed).
 * Units are SI: kilograms, square metres, radians, US dollars.
 *
 * @param name               catalogue name, e.g. {@code grad-122}
 * @param massKg             mass after the motor has burnt out (kg): the whole mass of a shell or mortar bomb
 * @param referenceAreaM2    drag reference area, usually the body cross-section (m²)
 * @param drag               drag coefficient against Mach number, referred to that area
 * @param boost              the motor, or the burn-out (muzzle) speed of an instantaneous boost
 * @param minElevationRad    lowest launcher elevation (rad)
 * @param maxElevationRad    highest launcher elevation (rad)
 * @param angleOfFire        which of the two ballistic solutions the launcher uses: below the elevation of maximum range
 *                           (rockets) or above it (mortars)
 * @param rcsM2              mean radar cross-section (m²)
 * @param costUsd            unit cost (USD), for cost-exchange figures
 * @param dispersionFraction standard deviation of the impact error in range and cross-range, as a fraction of the range flown
 */
public record ThreatType(
        String name,
        double massKg,
        double referenceAreaM2,
        DragTable drag,
        Boost boost,
        double minElevationRad,
        double maxElevationRad,
        AngleOfFire angleOfFire,
        double rcsM2,
        double costUsd,
        double dispersionFraction) implements ThreatClass {

    /** Highest elevation (rad) searched for a type that does not state its own: 70°, above the best range of any rocket here. */
    public static final double DEFAULT_MAX_ELEVATION_RAD = Math.toRadians(70);

    /**
     * The two solutions of the ballistic problem for a range inside the reach: low-angle fire
     * uses elevations below the one of maximum range (flatter, shorter flights: rockets);
     * high-angle fire uses elevations above it (steep, long flights over cover: mortars).
     * The terms are those of field artillery (e.g. US Army FM 6-40, <i>Field Artillery Manual
     * Cannon Gunnery</i>).
     */
    public enum AngleOfFire {
        /** Elevations from the minimum up to that of maximum range. */
        LOW,
        /** Elevations from that of maximum range up to the maximum. */
        HIGH
    }

    public ThreatType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("threat type needs a name");
        }
        if (drag == null || boost == null || angleOfFire == null) {
            throw new IllegalArgumentException("threat type " + name + " needs a drag table, a boost and an angle of fire");
        }
        if (!(massKg > 0) || !(referenceAreaM2 > 0) || !(minElevationRad >= 0 && minElevationRad < Math.PI / 2)
                || !(maxElevationRad > minElevationRad && maxElevationRad < Math.PI / 2) || !(rcsM2 > 0)
                || !(costUsd >= 0) || !(dispersionFraction >= 0)) {
            throw new IllegalArgumentException("invalid parameters for threat type " + name);
        }
    }

    /**
     * A type with a constant drag coefficient, an instantaneous boost, low-angle fire and the
     * default maximum elevation ({@link #DEFAULT_MAX_ELEVATION_RAD}, or 10° above the minimum
     * when that is higher, at most 89°): the form of the first flight model, kept for tests and
     * simple scenarios.
     *
     * @param name               catalogue name
     * @param massKg             mass (kg)
     * @param referenceAreaM2    drag reference area (m²)
     * @param dragCoefficient    drag coefficient, the same at every Mach number
     * @param burnoutSpeedMps    launch speed (m/s)
     * @param minElevationRad    lowest launcher elevation (rad)
     * @param rcsM2              mean radar cross-section (m²)
     * @param costUsd            unit cost (USD)
     * @param dispersionFraction impact error as a fraction of the range flown
     */
    public ThreatType(String name, double massKg, double referenceAreaM2, double dragCoefficient,
            double burnoutSpeedMps, double minElevationRad, double rcsM2, double costUsd, double dispersionFraction) {
        this(name, massKg, referenceAreaM2, DragTable.constant(dragCoefficient),
                new Boost.BurnoutSpeed(burnoutSpeedMps), minElevationRad,
                Math.max(DEFAULT_MAX_ELEVATION_RAD, Math.min(minElevationRad + Math.toRadians(10), Math.toRadians(89))),
                AngleOfFire.LOW, rcsM2, costUsd, dispersionFraction);
    }

    /** Unguided types are rockets, artillery shells and mortar bombs. */
    @Override
    public Category category() {
        return Category.ROCKET_ARTILLERY_MORTAR;
    }

    /** Mass at launch (kg): the burn-out mass plus the propellant of a motor. */
    public double launchMassKg() {
        return boost instanceof Motor ? massKg + ((Motor) boost).propellantMassKg() : massKg;
    }

    /** The motor, or null for an instantaneous boost. */
    public Motor motor() {
        return boost instanceof Motor ? (Motor) boost : null;
    }

    /**
     * Ballistic coefficient β = m / (C_D·A) (kg/m²) of the burn-out mass with the drag
     * coefficient of the table's first entry (the subsonic value for the catalogue's tables):
     * the single number a constant-β predictor would use. Infinite without drag.
     */
    public double ballisticCoefficient() {
        double cd = drag.cdAt(0);
        return cd == 0 ? Double.POSITIVE_INFINITY : massKg / (cd * referenceAreaM2);
    }

    /** A copy with another drag table. */
    public ThreatType withDrag(DragTable table) {
        return new ThreatType(name, massKg, referenceAreaM2, table, boost, minElevationRad, maxElevationRad, angleOfFire,
                rcsM2, costUsd, dispersionFraction);
    }

    /** A copy with another boost. */
    public ThreatType withBoost(Boost newBoost) {
        return new ThreatType(name, massKg, referenceAreaM2, drag, newBoost, minElevationRad, maxElevationRad,
                angleOfFire, rcsM2, costUsd, dispersionFraction);
    }
}
