package dev.bulwark.scenario;

import dev.bulwark.engine.assign.Doctrine;
import dev.bulwark.engine.flight.interceptor.InterceptorType;
import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.GunSpec;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.effector.Resupply;
import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.guided.BallisticMissileFlier;
import dev.bulwark.engine.flight.guided.BallisticMissileThreat;
import dev.bulwark.engine.flight.guided.Route;
import dev.bulwark.engine.flight.guided.WaypointThreat;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.sensor.RadarSpec;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.World;
import dev.bulwark.engine.effector.KillProbabilities;
import dev.bulwark.engine.threat.AreaKind;
import dev.bulwark.engine.threat.DefendedArea;
import dev.bulwark.engine.track.DragCurve;
import dev.bulwark.engine.track.TrackerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one scenario file (format v1) into a {@link World}: every key is checked, every problem
 * is collected, and the world is built only when there are none. Units are converted here,
 * from the file's (degrees, kilometres, milliradians) to the engine's SI.
 */
final class ScenarioReader {

    /** The scenario format version this reader understands. */
    static final int FORMAT_VERSION = 1;

    static final List<String> TOP = List.of("bulwark", "name", "description", "seed", "duration_s", "origin",
            "threat_types", "defended_areas", "radars", "batteries", "lasers", "guns", "doctrine", "tracker", "raids",
            "sweep", "nations", "links", "sharing");
    static final List<String> LASER = List.of("name", "position", "max_range_km", "min_altitude_km",
            "reference_dwell_s", "reference_range_km", "extinction_per_km", "slew_s", "cost_per_shot_usd",
            "probability_of_kill", "planning_hardness", "max_target_speed_mps");
    static final List<String> GUN = List.of("name", "position", "max_range_km", "min_altitude_km",
            "max_target_speed_mps", "reaction_s",
            "burst_s", "rounds_per_minute", "magazine_rounds", "reserve_rounds", "reload_time_s", "muzzle_velocity_mps",
            "deceleration_per_km", "dispersion_mrad", "aim_error_mps", "lethal_radius_m", "kill_given_hit",
            "cost_per_round_usd", "layer");
    static final List<String> POINT = List.of("lat_deg", "lon_deg", "alt_m");
    static final List<String> AREA = List.of("name", "kind", "value", "polygon", "geojson", "feature");
    static final List<String> RADAR = radarKeys();
    static final List<String> BATTERY = List.of("name", "position", "launchers", "rounds_per_launcher",
            "reserve_rounds", "reload_time_s", "min_range_km", "max_range_km", "min_altitude_km", "max_altitude_km",
            "interceptor", "launch_delay_s", "probability_of_kill", "cost_per_interceptor_usd",
            "divert_radius_m", "resupply", "layer");
    static final List<String> RESUPPLY = List.of("first_h", "every_h", "rounds");
    static final List<String> DOCTRINE = List.of("engage_threshold", "engage_confidence", "reassess_s", "salvo_size",
            "max_interceptors_per_threat",
            "shoot_look_shoot", "assumed_ballistic_coefficient_kg_m2", "low_stock_fraction", "low_stock_threshold",
            "kind_weights", "assignment", "cost_weight", "ambiguous_wait");
    static final List<String> TRACKER = List.of("confirm_hits", "confirm_window", "delete_after_misses",
            "process_noise_m2_s3", "initial_speed_sigma_mps", "gate_chi_square", "association", "motion_model", "filter",
            "measurement_model", "drag_curve");
    static final List<String> RAID = List.of("name", "threat_type", "launch_area", "aim_town", "aim_area", "count",
            "start_s", "rate_per_min", "route", "cruise_height_m");

    /** Heights accepted for positions (m): from below the Dead Sea shore to above the highest summit. */
    static final Range ALTITUDE = Range.between(-500, 9000);
    /** Elevation limits accepted for radars (deg). */
    static final Range ELEVATION = RadarTypes.ELEVATION;
    /** Integration step (s) and longest flight (s) used for the reach check. */
    static final double REACH_STEP_S = 0.1;
    static final double REACH_MAX_FLIGHT_S = 600;
    /** Integration step for the reach of ballistic missiles (s): the simulation's own. */
    static final double MISSILE_REACH_STEP_S = 0.1;

    private final Path file;
    private final Problems problems = new Problems();
    private final Source src;
    private double ground;
    private final Map<Path, Node> geojsonFiles = new HashMap<>();
    private final Map<List<Object>, Aiming.Reach> reaches = new HashMap<>();

    ScenarioReader(Path file) {
        this.file = file;
        this.src = new Source(file.toString(), problems);
    }

    /**
     * Reads a tracker configuration file: a mapping whose only key is {@code tracker}, holding the
     * keys of a scenario's {@code tracker} section.
     */
    TrackerSettings readTrackerConfig() throws ScenarioException {
        Node root = YamlFiles.compose(file, src);
        if (root == null) {
            throw failure();
        }
        if (Fields.isNull(root) || !(root instanceof MappingNode)) {
            src.problem(root, "", "a tracker configuration is a mapping with the key 'tracker', got "
                    + Fields.describe(root));
            throw failure();
        }
        Fields top = new Fields(src, root, "", List.of("tracker"));
        TrackerSettings settings = top.ok() ? tracker(top, ThreatCatalogue.builtIn()) : null;
        if (!problems.isEmpty() || settings == null) {
            throw failure();
        }
        return settings;
    }

    LoadedScenario read() throws ScenarioException {
        Node root = YamlFiles.compose(file, src);
        if (root == null) {
            throw failure();
        }
        if (Fields.isNull(root) || !(root instanceof MappingNode)) {
            src.problem(root, "", "a scenario is a mapping of keys starting with 'bulwark: " + FORMAT_VERSION
                    + "', got " + Fields.describe(root));
            throw failure();
        }
        // The version comes first: another version's keys would only add noise.
        Node versionNode = GeoJson.member(root, "bulwark");
        if (versionNode != null) {
            Long version = Fields.whole(src, versionNode, "bulwark", Range.ANY);
            if (version == null) {
                throw failure();
            }
            if (version != FORMAT_VERSION) {
                src.problem(versionNode, "bulwark", "unsupported format version " + version
                        + "; this version of Bulwark reads format " + FORMAT_VERSION);
                throw failure();
            }
        }
        Fields top = new Fields(src, root, "", TOP);
        if (!top.has("bulwark")) {
            top.missing("bulwark", " (the format version: put 'bulwark: " + FORMAT_VERSION
                    + "' at the top of the file)");
        }
        String name = top.text("name");
        String description = top.text("description", "");
        Long seed = top.longInteger("seed", 1L);
        Double duration = top.number("duration_s", Range.POSITIVE);
        GeodeticPoint origin = point(top, "origin", true, 0.0);
        ground = origin == null ? 0.0 : origin.altitude();

        ThreatTypes.Result types = ThreatTypes.read(src, top.get("threat_types"), "threat_types",
                ThreatCatalogue.builtIn());
        Areas areas = areas(top);
        List<RadarSpec> radars = radars(top);
        List<Resupply> resupplies = new ArrayList<>();
        List<BatterySpec> batteries = batteries(top, resupplies, types.types().keySet());
        List<LaserSpec> lasers = lasers(top);
        List<GunSpec> guns = guns(top, batteries);
        Doctrine doctrine = doctrine(top);
        TrackerSettings tracker = tracker(top, types.types());
        List<RaidSpec> raids = raids(top, types, areas, duration);
        SweepReader sweepReader = new SweepReader(src);
        Sweep sweep = sweepReader.read(top, batteries, lasers, raids);
        dev.bulwark.engine.sim.Coalition coalition = new CoalitionReader(src, ground).read(top);

        if (!problems.isEmpty()) {
            throw failure();
        }
        World world = new World(name, origin, seed, duration, EarthModel.WGS84,
                new ArrayList<>(areas.built.values()), radars, batteries, raids, doctrine, tracker, resupplies, lasers,
                guns);
        sweepReader.checkGrid(sweep, world);
        if (!problems.isEmpty()) {
            throw failure();
        }
        return new LoadedScenario(file, world, description, sweep,
                coalition == null ? dev.bulwark.engine.sim.Coalition.single(world) : coalition);
    }

    /** All problems, ordered by file (the scenario first) and position. */
    private ScenarioException failure() {
        List<Problem> list = problems.list();
        List<String> files = new ArrayList<>();
        files.add(src.label());
        for (Problem p : list) {
            if (!files.contains(p.file())) {
                files.add(p.file());
            }
        }
        List<Problem> sorted = list.stream()
                .distinct()
                .sorted(Comparator.comparingInt((Problem p) -> files.indexOf(p.file()))
                        .thenComparingInt(Problem::line).thenComparingInt(Problem::column))
                .collect(Collectors.toList());
        return new ScenarioException(sorted);
    }

    // ------------------------------------------------------------------------------ positions

    /** A {lat_deg, lon_deg, alt_m} mapping, or null after reporting. */
    private GeodeticPoint point(Fields parent, String key, boolean required, double defaultAltitude) {
        if (!parent.has(key)) {
            if (required) {
                parent.missing(key, " ({lat_deg: .., lon_deg: .., alt_m: ..})");
            }
            return null;
        }
        Fields p = new Fields(src, parent.get(key), parent.join(key), POINT);
        if (!p.ok()) {
            return null;
        }
        Double lat = p.number("lat_deg", Range.between(-90, 90));
        Double lon = p.number("lon_deg", Range.between(-180, 180));
        Double alt = p.number("alt_m", ALTITUDE, defaultAltitude);
        return lat == null || lon == null || alt == null ? null : GeodeticPoint.ofDegrees(lat, lon, alt);
    }

    /** A required list that must not be empty. */
    private List<Node> requiredList(Fields top, String key, String what) {
        if (!top.has(key)) {
            top.missing(key, " (at least one " + what + ")");
            return List.of();
        }
        List<Node> items = Lists.items(src, top.get(key), key, what);
        if (items.isEmpty() && (Fields.isNull(top.get(key))
                || top.get(key) instanceof SequenceNode)) {
            src.problem(top.get(key), key, "at least one " + what + " is needed, got none");
        }
        return items;
    }

    // ------------------------------------------------------------------------------ areas

    /** Defended areas: those built, and every name declared (to not report a broken area again where it is used). */
    private static final class Areas {
        final Map<String, DefendedArea> built = new LinkedHashMap<>();
        final Set<String> declared = new LinkedHashSet<>();
    }

    private Areas areas(Fields top) {
        Areas out = new Areas();
        Names names = new Names(src, "defended area");
        List<Node> items = requiredList(top, "defended_areas", "defended area");
        for (int i = 0; i < items.size(); i++) {
            Fields f = new Fields(src, items.get(i), "defended_areas[" + i + "]", AREA);
            if (!f.ok()) {
                continue;
            }
            String name = f.text("name");
            if (name != null) {
                out.declared.add(name);
                if (!names.add(name, f.get("name"), f.join("name"))) {
                    name = null;
                }
            }
            AreaKind kind = kind(f);
            Double value = f.number("value", Range.POSITIVE);
            GeoPolygon boundary = null;
            boolean hasPolygon = f.has("polygon");
            boolean hasGeoJson = f.has("geojson");
            if (f.has("feature") && !hasGeoJson) {
                src.problem(f.get("feature"), f.join("feature"), "'feature' chooses a feature of a GeoJSON file;"
                        + " it needs 'geojson' beside it");
            }
            if (hasPolygon && hasGeoJson) {
                src.problem(f.get("geojson"), f.join("geojson"), "give either 'polygon' or 'geojson', not both");
            } else if (!hasPolygon && !hasGeoJson) {
                f.missing("polygon", " (or 'geojson': a GeoJSON file holding the outline)");
            } else if (hasPolygon) {
                boundary = Rings.read(src, f.get("polygon"), f.join("polygon"), Rings.Order.LAT_LON, ground);
            } else {
                String feature = f.has("feature") ? Fields.text(src, f.get("feature"), f.join("feature")) : name;
                if (feature != null) {
                    boundary = GeoJson.read(file, f, feature, ground, geojsonFiles);
                }
            }
            if (name != null && kind != null && value != null && boundary != null) {
                out.built.put(name, new DefendedArea(name, kind, value, boundary));
            }
        }
        return out;
    }

    private AreaKind kind(Fields f) {
        String text = f.text("kind");
        if (text == null) {
            return null;
        }
        List<String> valid = Arrays.stream(AreaKind.values()).map(AreaKind::key).collect(Collectors.toList());
        for (AreaKind k : AreaKind.values()) {
            if (k.key().equals(text.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        String guess = Suggestions.closest(text, valid);
        src.problem(f.get("kind"), f.join("kind"), "unknown area kind '" + text + "'"
                + (guess != null ? "; did you mean '" + guess + "'? " : "; ") + "valid: " + String.join(", ", valid));
        return null;
    }

    // ------------------------------------------------------------------------------ radars

    private static List<String> radarKeys() {
        List<String> keys = new ArrayList<>(List.of("name", "type", "position", "boresight_azimuth_deg"));
        keys.addAll(RadarTypes.NAMES);
        return List.copyOf(keys);
    }

    /** Boresight azimuths accepted (deg, clockwise from north). */
    static final Range AZIMUTH = new Range(0, true, 360, false);

    private List<RadarSpec> radars(Fields top) {
        Map<String, RadarTypes.RadarType> catalogue = RadarCatalogue.builtIn();
        return namedList(top, "radars", "radar", RADAR, (f, name) -> {
            RadarTypes.RadarType type = null;
            boolean typeOk = true;
            if (f.has("type")) {
                String typeName = Fields.text(src, f.get("type"), f.join("type"));
                type = typeName == null ? null : catalogue.get(typeName);
                if (type == null) {
                    typeOk = false;
                    if (typeName != null) {
                        String guess = Suggestions.closest(typeName, catalogue.keySet());
                        src.problem(f.get("type"), f.join("type"), "unknown radar type '" + typeName + "'"
                                + (guess != null ? "; did you mean '" + guess + "'? " : "; ") + "valid: "
                                + String.join(", ", catalogue.keySet()));
                    }
                }
            }
            GeodeticPoint site = point(f, "position", true, ground);
            if (site != null && site.altitude() < ground) {
                Node alt = GeoJson.member(f.get("position"), "alt_m");
                src.problem(alt != null ? alt : f.get("position"), f.join("position") + ".alt_m", "the antenna must stand at or above the ground ("
                        + Numbers.format(ground) + " m, origin.alt_m), got " + Numbers.format(site.altitude()));
                site = null;
            }
            Double boresight = f.number("boresight_azimuth_deg", AZIMUTH, 0.0);
            Map<String, Double> v = typeOk ? RadarTypes.values(f, type) : null;
            if (v == null) {
                return null;
            }
            String from = type == null ? "its default is " : "radar type '" + type.name() + "' gives ";
            Double maxRange = above(f, "max_range_km", v, "min_range_km", from);
            Double maxEl = above(f, "max_elevation_deg", v, "min_elevation_deg", from);
            if (name == null || site == null || boresight == null || maxRange == null || maxEl == null
                    || v.containsValue(null)) {
                return null;
            }
            return new RadarSpec(name, site, ground, v.get("min_range_km") * 1000, maxRange * 1000,
                    Math.toRadians(v.get("min_elevation_deg")), Math.toRadians(maxEl), Math.toRadians(boresight),
                    Math.toRadians(v.get("azimuth_half_width_deg")), v.get("revisit_s"),
                    v.get("reference_range_km") * 1000, v.get("false_alarms_per_scan"), v.get("sigma_range_m"),
                    v.get("sigma_azimuth_mrad") * 1e-3, v.get("sigma_elevation_mrad") * 1e-3,
                    v.get("sigma_radial_speed_mps"), v.get("range_resolution_m"),
                    v.get("azimuth_resolution_mrad") * 1e-3, v.get("elevation_resolution_mrad") * 1e-3);
        });
    }

    /**
     * A radar's maximum that must exceed its minimum; reported where the maximum is written, or
     * at the entry when it comes from the type or the default.
     */
    private Double above(Fields f, String key, Map<String, Double> v, String lowerKey, String from) {
        Double hi = v.get(key);
        Double lo = v.get(lowerKey);
        if (hi != null && lo != null && !(hi > lo)) {
            String given = f.has(key) ? "got " + Numbers.format(hi) : from + Numbers.format(hi);
            src.problem(f.has(key) ? f.get(key) : f.node(), f.join(key), "must be greater than " + lowerKey + " ("
                    + Numbers.format(lo) + "), " + given);
            return null;
        }
        return hi;
    }

    /**
     * A number that must exceed another key's value (a maximum above its minimum).
     *
     * @param dflt default, or null if the key is required
     */
    private Double greater(Fields f, String key, Range range, Double dflt, String lowerKey, Double lower) {
        Double v = dflt == null ? f.number(key, range) : f.number(key, range, dflt);
        if (v != null && lower != null && !(v > lower)) {
            String given = f.has(key) ? "got " + Numbers.format(v) : "its default is " + Numbers.format(v);
            src.problem(f.has(key) ? f.get(key) : f.node(), f.join(key), "must be greater than " + lowerKey + " ("
                    + Numbers.format(lower) + "), " + given);
            return null;
        }
        return v;
    }

    // ------------------------------------------------------------------------------ batteries

    /** The interceptor types a battery may fire, by scenario name. */
    static final Map<String, InterceptorType> INTERCEPTORS = Map.of("tamir-class", InterceptorType.TAMIR_CLASS);
    static final String DEFAULT_INTERCEPTOR = "tamir-class";

    private InterceptorType interceptor(Fields f) {
        String text = f.text("interceptor", DEFAULT_INTERCEPTOR);
        if (text == null) {
            return null;
        }
        InterceptorType type = INTERCEPTORS.get(text);
        if (type == null) {
            List<String> valid = INTERCEPTORS.keySet().stream().sorted().collect(Collectors.toList());
            String guess = Suggestions.closest(text, valid);
            src.problem(f.get("interceptor"), f.join("interceptor"), "unknown interceptor '" + text + "'"
                    + (guess != null ? "; did you mean '" + guess + "'? " : "; ") + "valid: " + String.join(", ", valid));
        }
        return type;
    }

    /** Reads one entry of a list of named items, given its fields and its name (null if missing or taken). */
    @FunctionalInterface
    private interface Entry<T> {
        /** The item, or null after reporting its problems. */
        T read(Fields f, String name);
    }

    /**
     * A list of named items under a key: each entry checked against its keys, its name against
     * the others', then read; the entries that could be read, in file order.
     */
    private <T> List<T> namedList(Fields top, String key, String what, List<String> keys, Entry<T> entry) {
        List<T> out = new ArrayList<>();
        Names names = new Names(src, what);
        List<Node> items = Lists.items(src, top.get(key), key, what);
        for (int i = 0; i < items.size(); i++) {
            Fields f = new Fields(src, items.get(i), key + "[" + i + "]", keys);
            if (!f.ok()) {
                continue;
            }
            String name = f.text("name");
            if (name != null && !names.add(name, f.get("name"), f.join("name"))) {
                name = null;
            }
            T item = entry.read(f, name);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    private List<BatterySpec> batteries(Fields top, List<Resupply> resupplies, Set<String> typeNames) {
        return namedList(top, "batteries", "battery", BATTERY, (f, name) -> {
            GeodeticPoint site = point(f, "position", true, ground);
            Integer launchers = f.integer("launchers", Range.atLeast(1));
            Integer rounds = f.integer("rounds_per_launcher", Range.atLeast(1));
            Integer reserve = f.integer("reserve_rounds", Range.NON_NEGATIVE, 0);
            Double reload = f.number("reload_time_s", Range.NON_NEGATIVE, 600.0);
            Double minRange = f.number("min_range_km", Range.NON_NEGATIVE, 0.0);
            Double maxRange = greater(f, "max_range_km", Range.POSITIVE, Double.POSITIVE_INFINITY, "min_range_km",
                    minRange);
            Double minAlt = f.number("min_altitude_km", Range.NON_NEGATIVE, 0.3);
            Double maxAlt = greater(f, "max_altitude_km", Range.POSITIVE, Double.POSITIVE_INFINITY, "min_altitude_km",
                    minAlt);
            InterceptorType speed = interceptor(f);
            Double delay = f.number("launch_delay_s", Range.NON_NEGATIVE, 2.0);
            KillProbabilities pk = killProbabilities(f, typeNames);
            Double cost = f.number("cost_per_interceptor_usd", Range.NON_NEGATIVE);
            Double divert = f.number("divert_radius_m", Range.POSITIVE, 150.0);
            Integer layer = f.integer("layer", Range.atLeast(1), BatterySpec.DEFAULT_LAYER);
            Resupply resupply = resupply(f, name);
            if (!allPresent(name, site, launchers, rounds, reserve, reload, minRange, maxRange, minAlt, maxAlt, speed,
                    delay, pk, cost, divert, layer)) {
                return null;
            }
            if (resupply != null) {
                resupplies.add(resupply);
            }
            return new BatterySpec(name, site, launchers, rounds, reserve, reload, minRange * 1000, maxRange * 1000,
                    minAlt * 1000, maxAlt * 1000, speed, delay, pk.byDefault(), cost, divert, pk, layer);
        });
    }

    /**
     * A battery's {@code probability_of_kill}: one number, or a mapping with a {@code default} and
     * entries per threat category or threat type name; null after reporting its problems.
     */
    private KillProbabilities killProbabilities(Fields battery, Set<String> typeNames) {
        String key = "probability_of_kill";
        if (!battery.has(key) || !(battery.get(key) instanceof MappingNode)) {
            Double pk = battery.number(key, Range.PROBABILITY);
            return pk == null ? null : KillProbabilities.uniform(pk);
        }
        List<String> allowed = new ArrayList<>(List.of("default"));
        for (ThreatClass.Category c : ThreatClass.Category.values()) {
            allowed.add(c.key());
        }
        allowed.addAll(typeNames);
        Fields f = new Fields(src, battery.get(key), battery.join(key), allowed);
        if (!f.ok()) {
            return null;
        }
        boolean ok = true;
        Double dflt = f.number("default", Range.PROBABILITY);
        ok &= dflt != null;
        Map<ThreatClass.Category, Double> byCategory = new java.util.EnumMap<>(ThreatClass.Category.class);
        for (ThreatClass.Category c : ThreatClass.Category.values()) {
            if (f.has(c.key())) {
                Double v = f.number(c.key(), Range.PROBABILITY);
                ok &= v != null;
                if (v != null) {
                    byCategory.put(c, v);
                }
            }
        }
        Map<String, Double> byType = new java.util.TreeMap<>();
        for (String t : typeNames) {
            if (f.has(t)) {
                Double v = f.number(t, Range.PROBABILITY);
                ok &= v != null;
                if (v != null) {
                    byType.put(t, v);
                }
            }
        }
        return ok ? new KillProbabilities(dflt, byCategory, byType) : null;
    }

    /** The {@code lasers} list (optional); defaults after Iron Beam-class public figures, see the reference. */
    private List<LaserSpec> lasers(Fields top) {
        if (!top.has("lasers") || Fields.isNull(top.get("lasers"))) {
            return new ArrayList<>();
        }
        return namedList(top, "lasers", "laser", LASER, (f, name) -> {
            GeodeticPoint site = point(f, "position", true, ground);
            Double maxRange = f.number("max_range_km", Range.POSITIVE, 8.0);
            Double minAlt = f.number("min_altitude_km", Range.NON_NEGATIVE, 0.1);
            Double dwell = f.number("reference_dwell_s", Range.POSITIVE, 4.0);
            Double refRange = f.number("reference_range_km", Range.POSITIVE, 5.0);
            Double extinction = f.number("extinction_per_km", Range.NON_NEGATIVE, LaserSpec.CLEAR_AIR_EXTINCTION_PER_KM);
            Double slew = f.number("slew_s", Range.NON_NEGATIVE, 1.0);
            Double cost = f.number("cost_per_shot_usd", Range.NON_NEGATIVE, 3.0);
            Double pk = f.number("probability_of_kill", Range.PROBABILITY, 0.9);
            Double hardness = f.number("planning_hardness", Range.POSITIVE, 1.0);
            Double speed = f.number("max_target_speed_mps", Range.POSITIVE, 600.0);
            return allPresent(name, site, maxRange, minAlt, dwell, refRange, extinction, slew, cost, pk, hardness,
                    speed) ? new LaserSpec(name, site, maxRange * 1000, minAlt * 1000, dwell, refRange * 1000,
                            extinction, slew, cost, pk, hardness, speed) : null;
        });
    }

    /**
     * The {@code guns} list (optional); defaults after C-RAM (Phalanx-derived) public figures where
     * they exist, notional elsewhere, see the reference. A gun's layer defaults to the one after the
     * highest battery layer.
     */
    private List<GunSpec> guns(Fields top, List<BatterySpec> batteries) {
        if (!top.has("guns") || Fields.isNull(top.get("guns"))) {
            return new ArrayList<>();
        }
        int after = batteries.stream().mapToInt(BatterySpec::layer).max().orElse(BatterySpec.DEFAULT_LAYER - 1) + 1;
        return namedList(top, "guns", "gun", GUN, (f, name) -> {
            GeodeticPoint site = point(f, "position", true, ground);
            Double maxRange = f.number("max_range_km", Range.POSITIVE, 2.0);
            Double minAlt = f.number("min_altitude_km", Range.NON_NEGATIVE, 0.05);
            Double speed = f.number("max_target_speed_mps", Range.POSITIVE, 800.0);
            Double reaction = f.number("reaction_s", Range.NON_NEGATIVE, 2.0);
            Double burst = f.number("burst_s", Range.POSITIVE, 1.0);
            Double rate = f.number("rounds_per_minute", Range.POSITIVE, 4_500.0);
            Integer magazine = f.integer("magazine_rounds", Range.atLeast(1), 1_550);
            Integer reserve = f.integer("reserve_rounds", Range.NON_NEGATIVE, 3_100);
            Double reload = f.number("reload_time_s", Range.NON_NEGATIVE, 600.0);
            Double muzzle = f.number("muzzle_velocity_mps", Range.POSITIVE, 1_100.0);
            Double deceleration = f.number("deceleration_per_km", Range.between(0, 100), 0.4);
            Double dispersion = f.number("dispersion_mrad", Range.NON_NEGATIVE, 1.5);
            Double aimError = f.number("aim_error_mps", Range.NON_NEGATIVE, 3.0);
            Double lethal = f.number("lethal_radius_m", Range.POSITIVE, 1.0);
            Double killGivenHit = f.number("kill_given_hit", Range.PROBABILITY, 0.5);
            Double cost = f.number("cost_per_round_usd", Range.NON_NEGATIVE, 30.0);
            Integer layer = f.integer("layer", Range.atLeast(1), after);
            if (name != null && batteries.stream().anyMatch(b -> b.name().equals(name))) {
                src.problem(f.get("name"), f.join("name"), "a battery is already called '" + name
                        + "': give the gun a name of its own (events name the battery or gun that engages)");
                return null;
            }
            return allPresent(name, site, maxRange, minAlt, speed, reaction, burst, rate, magazine, reserve, reload, muzzle,
                    deceleration, dispersion, aimError, lethal, killGivenHit, cost, layer)
                            ? new GunSpec(name, site, maxRange * 1000, minAlt * 1000, speed, reaction, burst, rate, magazine,
                                    reserve, reload, muzzle, deceleration / 1000, dispersion / 1000, aimError, lethal,
                                    killGivenHit, cost, layer)
                            : null;
        });
    }

    /** A battery's {@code resupply} mapping, or null if absent or after reporting its problems. */
    private Resupply resupply(Fields battery, String name) {
        if (!battery.has("resupply") || name == null) {
            return null;
        }
        Fields f = new Fields(src, battery.get("resupply"), battery.join("resupply"), RESUPPLY);
        if (!f.ok()) {
            return null;
        }
        Integer rounds = f.integer("rounds", Range.atLeast(1));
        Double every = f.number("every_h", Range.POSITIVE, Double.POSITIVE_INFINITY);
        Double first = f.number("first_h", Range.NON_NEGATIVE, every == null ? 0.0 : every);
        if (first != null && Double.isInfinite(first)) {
            f.missing("first_h", " (a single delivery needs its time; a repeated one starts after every_h)");
            return null;
        }
        return allPresent(rounds, every, first) ? new Resupply(name, first * 3600, every * 3600, rounds) : null;
    }

    // ------------------------------------------------------------------------------ doctrine, tracker

    private Doctrine doctrine(Fields top) {
        Doctrine d = Doctrine.DEFAULT;
        if (!top.has("doctrine") || Fields.isNull(top.get("doctrine"))) {
            return d;
        }
        Fields f = new Fields(src, top.get("doctrine"), "doctrine", DOCTRINE);
        if (!f.ok()) {
            return null;
        }
        Double threshold = f.number("engage_threshold", Range.PROBABILITY, d.engageThreshold());
        Double confidence = f.number("engage_confidence", Range.PROBABILITY, d.engageConfidence());
        if (confidence != null && threshold != null && confidence < threshold) {
            src.problem(f.has("engage_confidence") ? f.get("engage_confidence") : f.node(), f.join("engage_confidence"),
                    "must be at least engage_threshold (" + threshold + "), "
                            + (f.has("engage_confidence") ? "got " : "its default is ") + confidence);
            confidence = null;
        }
        Double reassess = f.number("reassess_s", Range.NON_NEGATIVE, d.reassessS());
        Integer salvo = f.integer("salvo_size", Range.atLeast(1), d.salvoSize());
        Integer max = f.integer("max_interceptors_per_threat", Range.atLeast(1), d.maxInterceptorsPerThreat());
        if (max != null && salvo != null && max < salvo) {
            src.problem(f.has("max_interceptors_per_threat") ? f.get("max_interceptors_per_threat") : f.node(),
                    f.join("max_interceptors_per_threat"), "must be at least salvo_size (" + salvo + "), "
                            + (f.has("max_interceptors_per_threat") ? "got " : "its default is ") + max);
            max = null;
        }
        Boolean sls = f.bool("shoot_look_shoot", d.shootLookShoot());
        Double beta = f.number("assumed_ballistic_coefficient_kg_m2", Range.POSITIVE,
                d.assumedBallisticCoefficientKgM2());
        Double lowFraction = f.number("low_stock_fraction", Range.PROBABILITY, 0.0);
        Double lowThreshold = f.number("low_stock_threshold", Range.PROBABILITY, threshold == null ? 0.0 : threshold);
        if (lowThreshold != null && threshold != null && lowThreshold < threshold) {
            src.problem(f.get("low_stock_threshold"), f.join("low_stock_threshold"), "must be at least"
                    + " engage_threshold (" + threshold + "), got " + lowThreshold);
            lowThreshold = null;
        }
        Map<AreaKind, Double> weights = kindWeights(f);
        Doctrine.Assignment assignment = choice(f, "assignment", Doctrine.Assignment.values(),
                Doctrine.DEFAULT_ASSIGNMENT);
        Double costWeight = f.number("cost_weight", Range.NON_NEGATIVE, 0.0);
        Doctrine.AmbiguousWait wait = choice(f, "ambiguous_wait", Doctrine.AmbiguousWait.values(),
                Doctrine.DEFAULT_AMBIGUOUS_WAIT);
        return allPresent(threshold, confidence, reassess, salvo, max, sls, beta, lowFraction, lowThreshold, weights,
                assignment, costWeight, wait)
                ? new Doctrine(threshold, confidence, reassess, salvo, max, sls, beta, lowFraction, lowThreshold,
                        weights, assignment, costWeight, wait) : null;
    }

    /** The doctrine's {@code kind_weights}: a weight above 0 per area kind, 1 for a kind left out; null after problems. */
    private Map<AreaKind, Double> kindWeights(Fields doctrine) {
        Map<AreaKind, Double> out = new java.util.EnumMap<>(AreaKind.class);
        if (!doctrine.has("kind_weights")) {
            return out;
        }
        List<String> kinds = Arrays.stream(AreaKind.values()).map(AreaKind::key).collect(Collectors.toList());
        Fields f = new Fields(src, doctrine.get("kind_weights"), doctrine.join("kind_weights"), kinds);
        if (!f.ok()) {
            return null;
        }
        boolean ok = true;
        for (AreaKind k : AreaKind.values()) {
            if (f.has(k.key())) {
                Double w = f.number(k.key(), Range.POSITIVE);
                ok &= w != null;
                if (w != null) {
                    out.put(k, w);
                }
            }
        }
        return ok ? out : null;
    }

    private TrackerSettings tracker(Fields top, Map<String, ThreatClass> types) {
        TrackerSettings d = TrackerSettings.DEFAULT;
        if (!top.has("tracker") || Fields.isNull(top.get("tracker"))) {
            return d;
        }
        Fields f = new Fields(src, top.get("tracker"), "tracker", TRACKER);
        if (!f.ok()) {
            return null;
        }
        Integer hits = f.integer("confirm_hits", Range.atLeast(1), d.confirmHits());
        Integer window = f.integer("confirm_window", Range.atLeast(1), d.confirmWindow());
        if (window != null && hits != null && window < hits) {
            src.problem(f.has("confirm_window") ? f.get("confirm_window") : f.node(), f.join("confirm_window"),
                    "must be at least confirm_hits (" + hits + "), "
                            + (f.has("confirm_window") ? "got " : "its default is ") + window);
            window = null;
        }
        Integer misses = f.integer("delete_after_misses", Range.atLeast(1), d.deleteAfterMisses());
        Double q = f.number("process_noise_m2_s3", Range.POSITIVE, d.processNoise());
        Double speed = f.number("initial_speed_sigma_mps", Range.POSITIVE, d.initialSpeedSigmaMps());
        Double gate = f.number("gate_chi_square", Range.POSITIVE, d.gateChiSquare());
        TrackerSettings.Association association = choice(f, "association", TrackerSettings.Association.values(),
                d.association());
        TrackerSettings.Motion motion = choice(f, "motion_model", TrackerSettings.Motion.values(), d.motion());
        TrackerSettings.Filter filter = choice(f, "filter", TrackerSettings.Filter.values(), d.filter());
        TrackerSettings.Measurement measurement = choice(f, "measurement_model", TrackerSettings.Measurement.values(),
                d.measurement());
        if (association == TrackerSettings.Association.JPDA && motion == TrackerSettings.Motion.IMM) {
            src.problem(f.get("motion_model"), f.join("motion_model"), "imm does not go with association jpda (the"
                    + " IMM's mode probabilities have no probabilistic-association update here); valid with jpda: "
                    + "gravity, ballistic_drag, constant_velocity, ballistic_estimated_drag, coordinated_turn");
            motion = null;
        }
        DragCurve curve = null;
        boolean curveOk = true;
        if (f.has("drag_curve") && !Fields.isNull(f.get("drag_curve"))) {
            curve = dragCurve(f, types);
            curveOk = curve != null;
        }
        return curveOk && allPresent(hits, window, misses, q, speed, gate, association, motion, filter, measurement)
                ? new TrackerSettings(hits, window, misses, q, speed, gate, association, motion, filter, measurement,
                        curve)
                : null;
    }

    /** The shape of the drag table of the unguided threat type that {@code drag_curve} names; null after a problem. */
    private DragCurve dragCurve(Fields f, Map<String, ThreatClass> types) {
        String name = Fields.text(src, f.get("drag_curve"), f.join("drag_curve"));
        if (name == null) {
            return null;
        }
        ThreatClass type = types.get(name);
        Set<String> unguided = new LinkedHashSet<>();
        for (Map.Entry<String, ThreatClass> e : types.entrySet()) {
            if (e.getValue() instanceof ThreatType t && t.drag().cdAt(0) > 0) {
                unguided.add(e.getKey());
            }
        }
        if (!(type instanceof ThreatType t) || !(t.drag().cdAt(0) > 0)) {
            String guess = Suggestions.closest(name, unguided);
            src.problem(f.get("drag_curve"), f.join("drag_curve"), (type == null ? "unknown threat type '" + name
                    + "'" : "'" + name + "' is not an unguided type with a drag table") + (guess != null
                            ? "; did you mean '" + guess + "'? " : "; ") + "valid: " + String.join(", ", unguided));
            return null;
        }
        DragTable d = t.drag();
        double[] mach = new double[d.size()];
        double[] cd = new double[d.size()];
        for (int i = 0; i < mach.length; i++) {
            mach[i] = d.mach(i);
            cd[i] = d.cdAt(i);
        }
        return DragCurve.of(mach, cd);
    }

    /** A key whose value names a constant of an enum, in lower case; the default when absent, null after a problem. */
    private <E extends Enum<E>> E choice(Fields f, String key, E[] values, E dflt) {
        if (!f.has(key)) {
            return dflt;
        }
        String text = Fields.text(src, f.get(key), f.join(key));
        if (text == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (E v : values) {
            String name = v.name().toLowerCase(Locale.ROOT);
            if (name.equals(text)) {
                return v;
            }
            names.add(name);
        }
        String guess = Suggestions.closest(text, names);
        src.problem(f.get(key), f.join(key), "unknown " + key.replace('_', ' ') + " '" + text + "'"
                + (guess != null ? "; did you mean '" + guess + "'? " : "; ") + "valid: " + String.join(", ", names));
        return null;
    }

    // ------------------------------------------------------------------------------ raids

    private List<RaidSpec> raids(Fields top, ThreatTypes.Result types, Areas areas, Double duration) {
        List<RaidSpec> out = new ArrayList<>();
        Names names = new Names(src, "raid");
        Aiming aiming = new Aiming(new BallisticPropagator(EarthModel.WGS84, REACH_STEP_S), REACH_MAX_FLIGHT_S);
        List<Node> items = requiredList(top, "raids", "raid");
        for (int i = 0; i < items.size(); i++) {
            Fields f = new Fields(src, items.get(i), "raids[" + i + "]", RAID);
            if (!f.ok()) {
                continue;
            }
            String name = f.text("name");
            if (name != null && !names.add(name, f.get("name"), f.join("name"))) {
                name = null;
            }
            ThreatClass type = threatType(f, types);
            GeoPolygon launch = f.has("launch_area")
                    ? Rings.read(src, f.get("launch_area"), f.join("launch_area"), Rings.Order.LAT_LON, ground)
                    : missingNull(f, "launch_area", " (a closed ring of [lat_deg, lon_deg] pairs)");
            GeoPolygon aim = null;
            String aimLabel = null;
            String aimKey = f.has("aim_area") ? "aim_area" : "aim_town";
            if (f.has("aim_town") && f.has("aim_area")) {
                src.problem(f.get("aim_area"), f.join("aim_area"),
                        "give either aim_town or aim_area, not both");
            } else if (!f.has("aim_town") && !f.has("aim_area")) {
                f.missing("aim_town", " (or 'aim_area': a closed ring of [lat_deg, lon_deg] pairs)");
            } else if (f.has("aim_town")) {
                String town = Fields.text(src, f.get("aim_town"), f.join("aim_town"));
                if (town != null) {
                    DefendedArea area = areas.built.get(town);
                    if (area != null) {
                        aim = area.boundary();
                        aimLabel = town;
                    } else if (!areas.declared.contains(town)) {
                        String guess = Suggestions.closest(town, areas.declared);
                        src.problem(f.get("aim_town"), f.join("aim_town"), "unknown aim_town '" + town + "'"
                                + (guess != null ? "; did you mean '" + guess + "'? " : "; ")
                                + "defended areas: " + (areas.declared.isEmpty() ? "none"
                                        : String.join(", ", areas.declared)));
                    }
                }
            } else {
                aim = Rings.read(src, f.get("aim_area"), f.join("aim_area"), Rings.Order.LAT_LON, ground);
                aimLabel = name;
            }
            Integer count = f.integer("count", Range.atLeast(1));
            Double start = f.number("start_s", Range.NON_NEGATIVE, 0.0);
            Double rate = f.number("rate_per_min", Range.POSITIVE);
            if (count != null && start != null && rate != null && duration != null) {
                double last = start + (count - 1) * 60.0 / rate;
                if (last > duration) {
                    src.problem(f.get("count"), f.join("count"), String.format(Locale.ROOT,
                            "the last of %d launches comes at %s s (start_s %s + %d intervals of %s s at %s per"
                                    + " minute), after the scenario ends (duration_s %s); lower count, raise"
                                    + " rate_per_min, start earlier or lengthen duration_s",
                            count, Numbers.format(last), Numbers.format(start), count - 1,
                            Numbers.format(60.0 / rate), Numbers.format(rate), Numbers.format(duration)));
                    count = null;
                }
            }
            List<GeodeticPoint> route = List.of();
            Double cruiseHeight = Double.NaN;
            String raidName = name == null ? "raids[" + i + "]" : name;
            if (type != null && !(type instanceof WaypointThreat)) {
                for (String key : List.of("route", "cruise_height_m")) {
                    if (f.has(key)) {
                        src.problem(f.get(key), f.join(key), "raid '" + raidName + "': " + key + " is for drones and"
                                + " cruise missiles; " + type.name() + " is " + article(ThreatTypes.kindOf(type)) + " "
                                + ThreatTypes.kindOf(type).replace('_', ' ') + " threat type and flies straight to its"
                                + " aim point");
                        type = null;
                    }
                }
            } else {
                route = f.has("route") ? Rings.points(src, f.get("route"), f.join("route"), ground) : List.of();
                cruiseHeight = f.number("cruise_height_m", Range.NON_NEGATIVE, Double.NaN);
            }
            if (type != null && launch != null && aim != null && route != null && cruiseHeight != null
                    && !inReach(f, aimKey, raidName, type, launch, aim, route, aiming)) {
                aim = null;
            }
            if (allPresent(name, type, launch, aim, count, start, rate, route, cruiseHeight)) {
                out.add(new RaidSpec(name, type, launch, aim, aimLabel, count, start, rate, route, cruiseHeight));
            }
        }
        return out;
    }

    private GeoPolygon missingNull(Fields f, String key, String hint) {
        f.missing(key, hint);
        return null;
    }

    private ThreatClass threatType(Fields f, ThreatTypes.Result types) {
        String typeName = f.text("threat_type");
        if (typeName == null) {
            return null;
        }
        ThreatClass type = types.types().get(typeName);
        if (type == null && !types.declared().contains(typeName)) {
            Set<String> valid = new LinkedHashSet<>(types.types().keySet());
            valid.addAll(types.declared());
            String guess = Suggestions.closest(typeName, valid);
            src.problem(f.get("threat_type"), f.join("threat_type"), "unknown threat type '" + typeName + "'"
                    + (guess != null ? "; did you mean '" + guess + "'? " : "; ") + "valid: "
                    + String.join(", ", valid));
        }
        return type;
    }

    /**
     * Whether every aim vertex is within the type's reach from every launch vertex; reports if not.
     * The reach is computed once, from the launch area's centroid towards the aim area's centroid,
     * on ground at the scenario's ground height.
     */
    private boolean inReach(Fields f, String aimKey, String raid, ThreatClass type, GeoPolygon launch,
            GeoPolygon aim, List<GeodeticPoint> route, Aiming aiming) {
        if (type instanceof ThreatType unguided) {
            return inReach(f, aimKey, raid, unguided, launch, aim, aiming);
        }
        if (type instanceof WaypointThreat vehicle) {
            return routeInRange(f, aimKey, raid, vehicle, launch, aim, route);
        }
        return missileInReach(f, aimKey, raid, (BallisticMissileThreat) type, launch, aim);
    }

    /**
     * Whether the longest route (from any launch-area vertex through the waypoints to any aim-area
     * vertex, along the ellipsoid) is within a drone's or cruise missile's range; reports if not.
     */
    private boolean routeInRange(Fields f, String aimKey, String raid, WaypointThreat vehicle, GeoPolygon launch,
            GeoPolygon aim, List<GeodeticPoint> route) {
        double longest = 0;
        for (GeodeticPoint l : launch.vertices()) {
            for (GeodeticPoint a : aim.vertices()) {
                longest = Math.max(longest, Route.via(l, route, a, 0).lengthM(Ellipsoid.WGS84));
            }
        }
        double range = vehicle.vehicle().maxRangeM();
        if (longest > range) {
            String key = f.has("route") ? "route" : aimKey;
            src.problem(f.get(key), f.join(key), "raid '" + raid + "': the route is too long: from the launch area"
                    + (route.isEmpty() ? "" : " through its " + route.size() + " waypoint" + (route.size() == 1 ? ""
                            : "s")) + " to the far side of the aim area it is " + Numbers.km(longest) + " km, but "
                    + vehicle.name() + " flies at most " + Numbers.km(range) + " km; shorten the route or move the"
                    + " launch area closer");
            return false;
        }
        return true;
    }

    /**
     * Whether every aim vertex is within a ballistic missile's reach from every launch vertex
     * (geocentric angle times the launch point's distance from the Earth's centre, the measure of
     * the flight model's reach), the reach computed once from the launch area's centroid towards
     * the aim area's centroid; reports if not.
     */
    private boolean missileInReach(Fields f, String aimKey, String raid, BallisticMissileThreat missile,
            GeoPolygon launch, GeoPolygon aim) {
        Ellipsoid wgs84 = Ellipsoid.WGS84;
        GeodeticPoint from = launch.centroid().withAltitude(ground);
        GeodeticPoint to = aim.centroid().withAltitude(ground);
        double[] enu = new double[3];
        double[] toEcef = wgs84.toEcef(to);
        new LocalFrame(wgs84, from).ecefToEnu(toEcef[0], toEcef[1], toEcef[2], enu);
        BallisticMissileFlier.Reach reach;
        try {
            reach = new BallisticMissileFlier(EarthModel.WGS84, MISSILE_REACH_STEP_S).reach(missile.type(), from,
                    Math.atan2(enu[0], enu[1]));
        } catch (RuntimeException e) {
            src.problem(f.get("threat_type"), f.join("threat_type"), "raid '" + raid + "': cannot compute the reach"
                    + " of " + missile.name() + ": " + e.getMessage() + "; check its boost and masses");
            return false;
        }
        double nearest = Double.POSITIVE_INFINITY;
        double farthest = 0;
        for (GeodeticPoint l : launch.vertices()) {
            double[] p = wgs84.toEcef(l.withAltitude(ground));
            double radius = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            for (GeodeticPoint a : aim.vertices()) {
                double[] q = wgs84.toEcef(a.withAltitude(ground));
                double cx = p[1] * q[2] - p[2] * q[1];
                double cy = p[2] * q[0] - p[0] * q[2];
                double cz = p[0] * q[1] - p[1] * q[0];
                double d = radius * Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz),
                        p[0] * q[0] + p[1] * q[1] + p[2] * q[2]);
                nearest = Math.min(nearest, d);
                farthest = Math.max(farthest, d);
            }
        }
        return withinReach(f, aimKey, raid, missile.name(), reach.minRangeM(), reach.maxRangeM(), nearest, farthest,
                " (its shortest range cuts the engine off just after the pitch-over)");
    }

    private boolean inReach(Fields f, String aimKey, String raid, ThreatType type, GeoPolygon launch,
            GeoPolygon aim, Aiming aiming) {
        Ellipsoid wgs84 = Ellipsoid.WGS84;
        GeodeticPoint from = launch.centroid().withAltitude(ground);
        GeodeticPoint to = aim.centroid().withAltitude(ground);
        double[] enu = new double[3];
        new LocalFrame(wgs84, from).ecefToEnu(wgs84.toEcef(to)[0], wgs84.toEcef(to)[1], wgs84.toEcef(to)[2], enu);
        double azimuth = Math.atan2(enu[0], enu[1]);
        Aiming.Reach reach;
        try {
            // Raids sharing a type and launch area share their reach: the bearing changes it by Earth
            // rotation only (well under 1% at these ranges), so it is keyed to the nearest 10 degrees.
            List<Object> key = List.of(type, launch, Math.round(Math.toDegrees(azimuth) / 10.0));
            reach = reaches.get(key);
            if (reach == null) {
                reach = aiming.reach(type, from, azimuth);
                reaches.put(key, reach);
            }
        } catch (IllegalArgumentException e) {
            // a motor too weak to move the rocket off its rail
            src.problem(f.get("threat_type"), f.join("threat_type"), "raid '" + raid + "': cannot compute the reach"
                    + " of " + type.name() + ": " + e.getMessage() + "; check its thrust_n, propellant_mass_kg,"
                    + " burn_time_s and rail_length_m");
            return false;
        } catch (RuntimeException e) {
            src.problem(f.get("threat_type"), f.join("threat_type"), "raid '" + raid + "': cannot compute the reach"
                    + " of " + type.name() + " (its flight does not end within " + Numbers.format(REACH_MAX_FLIGHT_S)
                    + " s); check its burnout_speed_mps or its motor");
            return false;
        }
        double nearest = Double.POSITIVE_INFINITY;
        double farthest = 0;
        double[] ecef = new double[3];
        for (GeodeticPoint l : launch.vertices()) {
            LocalFrame frame = new LocalFrame(wgs84, l.withAltitude(ground));
            for (GeodeticPoint a : aim.vertices()) {
                wgs84.toEcef(a.latitude(), a.longitude(), ground, ecef);
                frame.ecefToEnu(ecef[0], ecef[1], ecef[2], enu);
                double d = Math.hypot(enu[0], enu[1]);
                nearest = Math.min(nearest, d);
                farthest = Math.max(farthest, d);
            }
        }
        return withinReach(f, aimKey, raid, type.name(), reach.minRangeM(), reach.maxRangeM(), nearest, farthest,
                type.angleOfFire() == ThreatType.AngleOfFire.HIGH
                        ? " (its shortest range is at the maximum elevation of "
                                + Numbers.format(Math.toDegrees(type.maxElevationRad())) + "°, high-angle fire)"
                        : " (its shortest range is at the minimum elevation of "
                                + Numbers.format(Math.toDegrees(type.minElevationRad())) + "°)");
    }

    /**
     * Whether the distances from the launch area to the aim area (nearest, farthest; m) lie within
     * a type's reach (m); reports the aim area as out of reach or too close if not.
     *
     * @param why why the shortest range is what it is, for the message
     */
    private boolean withinReach(Fields f, String aimKey, String raid, String type, double minRange, double maxRange,
            double nearest, double farthest, String why) {
        String reachText = type + " reaches " + Numbers.km(minRange) + "–" + Numbers.km(maxRange) + " km";
        if (farthest > maxRange) {
            src.problem(f.get(aimKey), f.join(aimKey), "raid '" + raid + "': the aim area is out of reach: its"
                    + " farthest point is " + Numbers.km(farthest) + " km from the launch area, but " + reachText
                    + "; move the launch area closer or use a longer-range threat type");
            return false;
        }
        if (nearest < minRange) {
            src.problem(f.get(aimKey), f.join(aimKey), "raid '" + raid + "': the aim area is too close to reach:"
                    + " its nearest point is " + Numbers.km(nearest) + " km from the launch area, but " + reachText
                    + why + "; move the launch area farther away");
            return false;
        }
        return true;
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static boolean allPresent(Object... values) {
        for (Object v : values) {
            if (v == null) {
                return false;
            }
        }
        return true;
    }
}
