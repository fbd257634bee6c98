package dev.bulwark.engine.flight;

import java.util.Locale;

/**
 * What a raid fires, whatever flies it: the catalogue entry of a threat type with the few
 * figures every stage needs (its name, its radar cross-section for the sensors, its cost for
 * the cost-exchange measures) and its {@link Category}. The flight model depends on the
 * implementation: {@link ThreatType} for unguided rockets, shells and mortar bombs (flown by
 * {@link BallisticPropagator} after {@link Aiming}), and the guided types of
 * {@code dev.bulwark.engine.flight.guided} (drones, cruise and ballistic missiles).
 * Implementations are immutable.
 */
public interface ThreatClass {

    /**
     * The broad classes of threat that doctrine and reports distinguish (in the terms of air
     * defence: rockets, artillery and mortars, unmanned aircraft, cruise missiles, tactical
     * ballistic missiles).
     */
    enum Category {
        /** Unguided rockets, artillery shells and mortar bombs. */
        ROCKET_ARTILLERY_MORTAR,
        /** One-way attack drones (loitering munitions). */
        DRONE,
        /** Cruise missiles: powered, winged, low-flying. */
        CRUISE_MISSILE,
        /** Ballistic missiles: boost, coast outside the atmosphere, re-entry. */
        BALLISTIC_MISSILE;

        /** The key used in scenario files and outputs, e.g. {@code cruise_missile}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Catalogue name, e.g. {@code grad-122}. */
    String name();

    /** Mean radar cross-section (m²). */
    double rcsM2();

    /** Unit cost (USD), for cost-exchange figures. */
    double costUsd();

    /** The broad class of threat. */
    Category category();
}
