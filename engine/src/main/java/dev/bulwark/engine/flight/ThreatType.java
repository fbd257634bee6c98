package dev.bulwark.engine.flight;

/**
 * A kind of unguided threat (rocket or mortar bomb) as the point-mass flight model sees it.
 *
 * <p>Simplified model (deepened by the flight-model work): the boost is treated as
 * instantaneous, so the round leaves the launcher at its burn-out speed; the drag
 * coefficient is constant with Mach number; the mass is the post-burn (coasting) mass.
 *
 * @param name               catalogue name, e.g. {@code grad-122}
 * @param massKg             coasting mass (kg)
 * @param referenceAreaM2    drag reference area, usually the body cross-section (m²)
 * @param dragCoefficient    drag coefficient referred to that area (dimensionless)
 * @param burnoutSpeedMps    speed at the end of the (instantaneous) boost (m/s)
 * @param minElevationRad    lowest launcher elevation used when aiming (rad); bounds the minimum range
 * @param rcsM2              mean radar cross-section (m²)
 * @param costUsd            unit cost (USD), for cost-exchange figures
 * @param dispersionFraction standard deviation of the impact error in range and cross-range, as a fraction of the range flown
 */
public record ThreatType(
        String name,
        double massKg,
        double referenceAreaM2,
        double dragCoefficient,
        double burnoutSpeedMps,
        double minElevationRad,
        double rcsM2,
        double costUsd,
        double dispersionFraction) {

    public ThreatType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("threat type needs a name");
        }
        if (!(massKg > 0) || !(referenceAreaM2 > 0) || !(dragCoefficient >= 0) || !(burnoutSpeedMps > 0)
                || !(minElevationRad >= 0 && minElevationRad < Math.PI / 4) || !(rcsM2 > 0) || !(costUsd >= 0)
                || !(dispersionFraction >= 0)) {
            throw new IllegalArgumentException("invalid parameters for threat type " + name);
        }
    }

    /** Ballistic coefficient β = m / (Cd·A) (kg/m²); infinite without drag. */
    public double ballisticCoefficient() {
        return dragCoefficient == 0 ? Double.POSITIVE_INFINITY : massKg / (dragCoefficient * referenceAreaM2);
    }
}
