package dev.bulwark.engine.flight.guided;

import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.flight.ThreatClass;

/**
 * A drone or cruise-missile threat type: the {@link WaypointVehicle} that {@link WaypointFlier}
 * flies, with its airframe (mass, reference area, drag), its radar cross-section, cost and
 * accuracy.
 *
 * <p>The kinematic flight model commands speeds rather than computing them from forces, so the
 * airframe figures do not shape the path: they describe the vehicle (and give its cruise drag
 * ½ρV²C_D·A, see {@link #cruiseDragN}) and are there for the stages that need them. The launch
 * booster of such vehicles is not modelled (the vehicle leaves the launcher at cruise speed).
 * Navigation error is a circular normal miss around the aim point with the given circular
 * error probable (CEP): each axis has standard deviation CEP / √(2 ln 2) ≈ CEP / 1.1774.
 *
 * @param vehicle         kinematic limits and cruise figures; its name is the type's name
 * @param category        {@link ThreatClass.Category#DRONE} or {@link ThreatClass.Category#CRUISE_MISSILE}
 * @param massKg          launch mass, without a booster (kg)
 * @param referenceAreaM2 drag reference area (m²)
 * @param drag            drag coefficient against Mach number, referred to that area
 * @param rcsM2           mean radar cross-section (m²)
 * @param costUsd         unit cost (USD)
 * @param cepM            circular error probable of the impact around the aim point (m)
 */
public record WaypointThreat(
        WaypointVehicle vehicle,
        Category category,
        double massKg,
        double referenceAreaM2,
        DragTable drag,
        double rcsM2,
        double costUsd,
        double cepM) implements ThreatClass {

    public WaypointThreat {
        if (vehicle == null || drag == null
                || (category != Category.DRONE && category != Category.CRUISE_MISSILE)) {
            throw new IllegalArgumentException("a waypoint threat needs a vehicle, a drag table and the category"
                    + " drone or cruise_missile");
        }
        if (!(massKg > 0) || !(referenceAreaM2 > 0) || !(rcsM2 > 0) || !(costUsd >= 0) || !(cepM >= 0)) {
            throw new IllegalArgumentException("invalid parameters for threat type " + vehicle.name());
        }
    }

    @Override
    public String name() {
        return vehicle.name();
    }

    /**
     * Drag in level cruise (N): ½ρV²·C_D(M)·A at the vehicle's cruise speed and a height, in the
     * U.S. Standard Atmosphere 1976; the thrust that steady cruise needs.
     *
     * @param heightM height above mean sea level (m)
     */
    public double cruiseDragN(double heightM) {
        double[] rhoA = new double[2];
        StandardAtmosphere.densityAndSpeedOfSound(heightM, rhoA);
        double v = vehicle.cruiseSpeedMps();
        return 0.5 * rhoA[0] * v * v * drag.cd(v / rhoA[1]) * referenceAreaM2;
    }
}
