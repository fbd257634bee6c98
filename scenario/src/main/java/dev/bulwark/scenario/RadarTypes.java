package dev.bulwark.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads radar types: the built-in catalogue's {@code radar_types} entries, and the
 * type-level values of a scenario's {@code radars} entries (where {@code type:} names a
 * catalogue type whose values the entry may override key by key). Values stay in the file's
 * units (km, deg, mrad, m, s, m/s) until {@link ScenarioReader} builds the engine's radar.
 */
final class RadarTypes {

    /** One type-level key: its name, the values it accepts and its default (null if required without a type). */
    record Key(String name, Range range, Double dflt) {
    }

    /** Elevation limits accepted (deg). */
    static final Range ELEVATION = Range.between(-10, 90);

    /** Azimuth half-widths accepted (deg): a sliver to all round. */
    static final Range HALF_WIDTH = new Range(0, false, 180, true);

    /** The keys a radar type gives, in the order of the catalogue and the reference table. */
    static final List<Key> KEYS = List.of(
            new Key("min_range_km", Range.NON_NEGATIVE, 0.5),
            new Key("max_range_km", Range.POSITIVE, null),
            new Key("min_elevation_deg", ELEVATION, 0.5),
            new Key("max_elevation_deg", ELEVATION, 80.0),
            new Key("azimuth_half_width_deg", HALF_WIDTH, 180.0),
            new Key("revisit_s", Range.POSITIVE, 1.0),
            new Key("reference_range_km", Range.POSITIVE, null),
            new Key("false_alarms_per_scan", Range.NON_NEGATIVE, 0.0),
            new Key("sigma_range_m", Range.POSITIVE, 15.0),
            new Key("sigma_azimuth_mrad", Range.POSITIVE, 2.0),
            new Key("sigma_elevation_mrad", Range.POSITIVE, 2.0),
            new Key("sigma_radial_speed_mps", Range.NON_NEGATIVE, 0.0),
            new Key("range_resolution_m", Range.NON_NEGATIVE, 0.0),
            new Key("azimuth_resolution_mrad", Range.NON_NEGATIVE, 0.0),
            new Key("elevation_resolution_mrad", Range.NON_NEGATIVE, 0.0));

    /** The names of {@link #KEYS}. */
    static final List<String> NAMES = KEYS.stream().map(Key::name).toList();

    /**
     * A catalogue radar type.
     *
     * @param name   catalogue name
     * @param values every key of {@link #KEYS} with its value, in the file's units
     */
    record RadarType(String name, Map<String, Double> values) {
        RadarType {
            values = Map.copyOf(values);
        }
    }

    private RadarTypes() {
    }

    /**
     * The type-level values of one mapping: each key as given, else from the base type, else its
     * default; a required key missing without a base is reported.
     *
     * @param f    the mapping
     * @param base the catalogue type it names, or null
     * @return values by key; a key whose value is invalid or missing maps to null
     */
    static Map<String, Double> values(Fields f, RadarType base) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Key k : KEYS) {
            Double v;
            if (f.has(k.name())) {
                v = f.number(k.name(), k.range());
            } else if (base != null) {
                v = base.values().get(k.name());
            } else if (k.dflt() != null) {
                v = k.dflt();
            } else {
                f.missing(k.name());
                v = null;
            }
            out.put(k.name(), v);
        }
        return out;
    }

    /** Reads the catalogue's {@code radar_types} list, where every key is required (each needs its source). */
    static Map<String, RadarType> catalogue(Source src, Node list, String path) {
        Map<String, RadarType> types = new LinkedHashMap<>();
        Names names = new Names(src, "radar type");
        List<String> allowed = new ArrayList<>();
        allowed.add("name");
        allowed.addAll(NAMES);
        List<Node> items = Lists.items(src, list, path, "radar type");
        for (int i = 0; i < items.size(); i++) {
            Fields f = new Fields(src, items.get(i), path + "[" + i + "]", allowed);
            if (!f.ok()) {
                continue;
            }
            String name = f.text("name");
            if (name != null && !names.add(name, f.get("name"), f.join("name"))) {
                name = null;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            boolean complete = true;
            for (Key k : KEYS) {
                Double v = f.number(k.name(), k.range());
                complete &= v != null;
                values.put(k.name(), v);
            }
            if (name != null && complete) {
                types.put(name, new RadarType(name, values));
            }
        }
        return types;
    }
}
