package dev.bulwark.scenario;

import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.guided.BallisticMissileThreat;
import dev.bulwark.engine.flight.guided.BallisticMissileType;
import dev.bulwark.engine.flight.guided.WaypointThreat;
import dev.bulwark.engine.flight.guided.WaypointVehicle;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code threat_types} entries of guided kinds: drones and cruise missiles
 * ({@code kind: drone} or {@code cruise_missile}, flown by the engine's waypoint model) and
 * ballistic missiles ({@code kind: ballistic_missile}). As for unguided types, an entry that
 * names a catalogue type changes only the keys it gives; a new type needs every required key.
 */
final class GuidedThreatTypes {

    /** Keys of a drone or cruise missile. */
    static final List<String> WAYPOINT_KEYS = List.of("name", "kind", "mass_kg", "reference_area_m2",
            "drag_coefficient", "drag_table", "cruise_speed_mps", "cruise_height_m", "max_range_km", "max_bank_deg",
            "max_roll_rate_deg_per_s", "max_climb_rate_mps", "max_descent_rate_mps", "max_normal_acceleration_mps2",
            "max_acceleration_mps2", "max_deceleration_mps2", "dive_speed_mps", "dive_angle_deg", "pop_up_height_m",
            "rcs_m2", "cost_usd", "cep_m");

    /** Keys of a ballistic missile. */
    static final List<String> MISSILE_KEYS = List.of("name", "kind", "liftoff_mass_kg", "propellant_mass_kg",
            "burn_time_s", "specific_impulse_s", "reference_area_m2", "drag_coefficient", "drag_table",
            "vertical_rise_s", "pitch_over_s", "reentry_mass_kg", "reentry_reference_area_m2",
            "reentry_drag_coefficient", "reentry_drag_table", "rcs_m2", "cost_usd", "cep_m");

    private static final Range BANK = new Range(0, false, 90, false);
    private static final Range DIVE = new Range(0, false, 90, false);

    private GuidedThreatTypes() {
    }

    /** A drone or cruise-missile entry, or null after reporting its problems. */
    static WaypointThreat waypoint(Source src, Fields f, Node item, String itemPath, String name,
            ThreatClass.Category category, WaypointThreat from, List<String> catalogue) {
        int before = src.problems().size();
        List<String> missing = new ArrayList<>();
        WaypointVehicle v = from == null ? null : from.vehicle();
        Double mass = value(f, "mass_kg", Range.POSITIVE, from == null ? null : from.massKg(), missing);
        Double area = value(f, "reference_area_m2", Range.POSITIVE, from == null ? null : from.referenceAreaM2(),
                missing);
        DragTable drag = drag(src, f, "drag_coefficient", "drag_table", from == null ? null : from.drag(), missing);
        Double speed = value(f, "cruise_speed_mps", Range.POSITIVE, v == null ? null : v.cruiseSpeedMps(), missing);
        Double height = value(f, "cruise_height_m", Range.NON_NEGATIVE, v == null ? null : v.cruiseHeightM(),
                missing);
        Double rangeKm = value(f, "max_range_km", Range.POSITIVE, v == null ? null : v.maxRangeM() / 1000,
                missing);
        Double bank = value(f, "max_bank_deg", BANK, v == null ? null : Math.toDegrees(v.maxBankRad()), missing);
        Double roll = value(f, "max_roll_rate_deg_per_s", Range.POSITIVE,
                v == null ? null : Math.toDegrees(v.maxRollRateRadPerS()), missing);
        Double climb = value(f, "max_climb_rate_mps", Range.POSITIVE, v == null ? null : v.maxClimbRateMps(),
                missing);
        Double descent = value(f, "max_descent_rate_mps", Range.POSITIVE, v == null ? null : v.maxDescentRateMps(),
                missing);
        Double normal = value(f, "max_normal_acceleration_mps2", Range.POSITIVE,
                v == null ? null : v.maxNormalAccelerationMps2(), missing);
        Double accel = value(f, "max_acceleration_mps2", Range.POSITIVE, v == null ? null : v.maxAccelerationMps2(),
                missing);
        Double decel = value(f, "max_deceleration_mps2", Range.POSITIVE, v == null ? null : v.maxDecelerationMps2(),
                missing);
        Double diveSpeed = value(f, "dive_speed_mps", Range.POSITIVE, v == null ? null : v.diveSpeedMps(), missing);
        Double diveAngle = value(f, "dive_angle_deg", DIVE, v == null ? null : Math.toDegrees(v.diveAngleRad()),
                missing);
        Double popUp = f.has("pop_up_height_m") ? Fields.number(src, f.get("pop_up_height_m"),
                f.join("pop_up_height_m"), Range.NON_NEGATIVE) : Double.valueOf(v == null ? 0.0 : v.popUpHeightM());
        Double rcs = value(f, "rcs_m2", Range.POSITIVE, from == null ? null : from.rcsM2(), missing);
        Double cost = value(f, "cost_usd", Range.NON_NEGATIVE, from == null ? null : from.costUsd(), missing);
        Double cep = value(f, "cep_m", Range.NON_NEGATIVE, from == null ? null : from.cepM(), missing);
        reportMissing(src, f, item, itemPath, name, from == null, missing, catalogue);
        if (src.problems().size() > before || !missing.isEmpty() || name == null) {
            return null;
        }
        if (!slower(src, f, item, "max_climb_rate_mps", climb, speed)
                || !slower(src, f, item, "max_descent_rate_mps", descent, speed)) {
            return null;
        }
        WaypointVehicle vehicle = new WaypointVehicle(name, speed, height, rangeKm * 1000, Math.toRadians(bank),
                Math.toRadians(roll), climb, descent, normal, accel, decel, diveSpeed, Math.toRadians(diveAngle),
                popUp);
        return new WaypointThreat(vehicle, category, mass, area, drag, rcs, cost, cep);
    }

    /** A ballistic-missile entry, or null after reporting its problems. */
    static BallisticMissileThreat missile(Source src, Fields f, Node item, String itemPath, String name,
            BallisticMissileThreat from, List<String> catalogue) {
        int before = src.problems().size();
        List<String> missing = new ArrayList<>();
        BallisticMissileType t = from == null ? null : from.type();
        Double liftoff = value(f, "liftoff_mass_kg", Range.POSITIVE, t == null ? null : t.liftoffMassKg(), missing);
        Double propellant = value(f, "propellant_mass_kg", Range.POSITIVE, t == null ? null : t.propellantMassKg(),
                missing);
        Double burn = value(f, "burn_time_s", Range.POSITIVE, t == null ? null : t.burnTimeS(), missing);
        Double isp = value(f, "specific_impulse_s", Range.POSITIVE, t == null ? null : t.specificImpulseS(), missing);
        Double area = value(f, "reference_area_m2", Range.POSITIVE, t == null ? null : t.bodyReferenceAreaM2(),
                missing);
        DragTable drag = drag(src, f, "drag_coefficient", "drag_table", t == null ? null : t.bodyDrag(), missing);
        Double rise = value(f, "vertical_rise_s", Range.POSITIVE, t == null ? null : t.verticalRiseS(), missing);
        Double pitch = value(f, "pitch_over_s", Range.POSITIVE, t == null ? null : t.pitchOverS(), missing);
        Double reentryMass = value(f, "reentry_mass_kg", Range.POSITIVE, t == null ? null : t.reentryMassKg(),
                missing);
        Double reentryArea = value(f, "reentry_reference_area_m2", Range.POSITIVE,
                t == null ? null : t.reentryReferenceAreaM2(), missing);
        DragTable reentryDrag = drag(src, f, "reentry_drag_coefficient", "reentry_drag_table",
                t == null ? null : t.reentryDrag(), missing);
        Double rcs = value(f, "rcs_m2", Range.POSITIVE, from == null ? null : from.rcsM2(), missing);
        Double cost = value(f, "cost_usd", Range.NON_NEGATIVE, from == null ? null : from.costUsd(), missing);
        Double cep = value(f, "cep_m", Range.NON_NEGATIVE, from == null ? null : from.cepM(), missing);
        reportMissing(src, f, item, itemPath, name, from == null, missing, catalogue);
        if (src.problems().size() > before || !missing.isEmpty() || name == null) {
            return null;
        }
        if (!(propellant < liftoff)) {
            src.problem(at(f, item, "propellant_mass_kg"), f.join("propellant_mass_kg"), "propellant_mass_kg ("
                    + Numbers.format(propellant) + ") must be less than liftoff_mass_kg (" + Numbers.format(liftoff)
                    + ")");
            return null;
        }
        if (!(reentryMass <= liftoff - propellant)) {
            src.problem(at(f, item, "reentry_mass_kg"), f.join("reentry_mass_kg"), "reentry_mass_kg ("
                    + Numbers.format(reentryMass) + ") must be at most the burn-out mass, liftoff_mass_kg less"
                    + " propellant_mass_kg (" + Numbers.format(liftoff - propellant) + ")");
            return null;
        }
        if (!(rise + pitch < burn)) {
            src.problem(at(f, item, "pitch_over_s"), f.join("pitch_over_s"), "vertical_rise_s + pitch_over_s ("
                    + Numbers.format(rise + pitch) + " s) must end before the burn does (burn_time_s "
                    + Numbers.format(burn) + " s)");
            return null;
        }
        BallisticMissileType type = new BallisticMissileType(name, liftoff, propellant, burn, isp, area, drag, rise,
                pitch, reentryMass, reentryArea, reentryDrag);
        return new BallisticMissileThreat(type, rcs, cost, cep);
    }

    /** Whether a vertical rate is below the cruise speed; reports if not. */
    private static boolean slower(Source src, Fields f, Node item, String key, double rate, double speed) {
        if (rate < speed) {
            return true;
        }
        String blame = f.has(key) ? key : "cruise_speed_mps";
        src.problem(at(f, item, blame), f.join(blame), key + " (" + Numbers.format(rate) + " m/s) must be below"
                + " cruise_speed_mps (" + Numbers.format(speed) + " m/s)");
        return false;
    }

    private static Node at(Fields f, Node item, String key) {
        return f.has(key) ? f.get(key) : item;
    }

    private static void reportMissing(Source src, Fields f, Node item, String itemPath, String name, boolean isNew,
            List<String> missing, List<String> catalogue) {
        if (name != null && isNew && !missing.isEmpty()) {
            String field = missing.size() == 1 ? f.join(missing.get(0).split(" ")[0]) : itemPath;
            src.problem(item, field, "threat type '" + name + "' is not in the built-in catalogue ("
                    + String.join(", ", catalogue) + "), so it needs all its required keys; missing: "
                    + String.join("; ", missing));
        }
    }

    private static DragTable drag(Source src, Fields f, String constantKey, String tableKey, DragTable dflt,
            List<String> missing) {
        return ThreatTypes.drag(src, f, constantKey, tableKey, dflt, missing);
    }

    private static Double value(Fields f, String key, Range range, Double dflt, List<String> missing) {
        return ThreatTypes.value(f, key, range, dflt, missing);
    }
}
