package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.ThreatClass;

/**
 * A ballistic-missile threat type: the {@link BallisticMissileType} that
 * {@link BallisticMissileFlier} flies (its masses, boost, reference areas and drag curves), with
 * its radar cross-section, cost and accuracy.
 *
 * <p>Accuracy is a circular normal miss of the aim point with the given circular error probable
 * (CEP): each axis has standard deviation CEP / √(2 ln 2) ≈ CEP / 1.1774. The missile then flies
 * the programme solved for the displaced aim point exactly (guidance and thrust errors are not
 * modelled separately).
 *
 * @param type    the missile as the flight model sees it; its name is the threat type's name
 * @param rcsM2   mean radar cross-section of what is tracked in the terminal phase (m²)
 * @param costUsd unit cost (USD)
 * @param cepM    circular error probable of the impact around the aim point (m)
 */
public record BallisticMissileThreat(BallisticMissileType type, double rcsM2, double costUsd, double cepM)
        implements ThreatClass {

    public BallisticMissileThreat {
        if (type == null) {
            throw new IllegalArgumentException("a ballistic-missile threat needs a missile type");
        }
        if (!(rcsM2 > 0) || !(costUsd >= 0) || !(cepM >= 0)) {
            throw new IllegalArgumentException("invalid parameters for threat type " + type.name());
        }
    }

    @Override
    public String name() {
        return type.name();
    }

    @Override
    public Category category() {
        return Category.BALLISTIC_MISSILE;
    }
}
