package dev.bulwark.scenario;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.network.DataKind;
import dev.bulwark.engine.network.LinkSpec;
import dev.bulwark.engine.network.SharingPolicy;
import dev.bulwark.engine.sim.Coalition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a scenario's coalition sections, {@code nations}, {@code links} and {@code sharing}
 * (docs/scenario-reference.md, "Coalition"), against the names of the radars, batteries, lasers and guns
 * the scenario declares. Units are converted here: milliseconds to seconds, kbit/s to bit/s.
 * Without a {@code nations} section the scenario is one nation ({@link Coalition#single}); links
 * and sharing then make no sense and are reported.
 */
final class CoalitionReader {

    static final List<String> TOP_KEYS = List.of("nations", "links", "sharing");
    static final List<String> NATION = List.of("name", "lead", "radars", "batteries", "lasers", "guns",
            "compromised");
    static final List<String> COMPROMISED = List.of("false_tracks", "from_s");
    static final List<String> LINK = List.of("from", "to", "both_ways", "latency_ms", "bandwidth_kbps",
            "loss_probability", "max_queue_s", "outages");
    static final List<String> SHARING = List.of("from", "to", "data", "coarsening_m", "delay_s", "embargo");
    /** Data kinds as written in a file. */
    static final Map<String, DataKind> KINDS = kinds();

    private final Source src;
    private final double ground;
    /** Whether some link entry could not be read: its pairs are then not reported again as missing. */
    private boolean brokenLink;

    CoalitionReader(Source src, double ground) {
        this.src = src;
        this.ground = ground;
    }

    private static Map<String, DataKind> kinds() {
        Map<String, DataKind> m = new LinkedHashMap<>();
        m.put("tracks", DataKind.TRACKS);
        m.put("plots", DataKind.PLOTS);
        m.put("engagement_status", DataKind.ENGAGEMENT_STATUS);
        return m;
    }

    /**
     * The coalition, or null when the file has no {@code nations} section (one nation) or after
     * reporting problems.
     */
    Coalition read(Fields top) {
        if (!top.has("nations")) {
            for (String key : List.of("links", "sharing")) {
                if (top.has(key)) {
                    src.problem(top.get(key), key, "'" + key + "' needs a 'nations' section naming the nations it joins");
                }
            }
            return null;
        }
        int before = src.problems().size();
        Set<String> radars = declared(top.get("radars"));
        Set<String> batteries = declared(top.get("batteries"));
        Set<String> lasers = declared(top.get("lasers"));
        Set<String> guns = declared(top.get("guns"));
        List<Coalition.Nation> nations = nations(top, radars, batteries, lasers, guns);
        Set<String> names = new LinkedHashSet<>();
        nations.forEach(n -> names.add(n.name()));
        List<Coalition.Link> links = links(top, names);
        List<Coalition.Sharing> sharing = sharing(top, names, links);
        if (src.problems().size() > before || nations.isEmpty()) {
            return null;
        }
        return new Coalition(nations, links, sharing);
    }

    /** The names given in a list of named entries (even entries with other problems). */
    private static Set<String> declared(Node list) {
        Set<String> out = new LinkedHashSet<>();
        if (list instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                Node name = item instanceof MappingNode ? GeoJson.member(item, "name") : null;
                if (name instanceof ScalarNode sc) {
                    out.add(sc.getValue());
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ nations

    private List<Coalition.Nation> nations(Fields top, Set<String> radars, Set<String> batteries,
            Set<String> lasers, Set<String> guns) {
        List<Coalition.Nation> out = new ArrayList<>();
        Names names = new Names(src, "nation");
        Map<String, String> owner = new LinkedHashMap<>();
        String lead = null;
        List<Node> items = Lists.items(src, top.get("nations"), "nations", "nation");
        if (items.isEmpty() && !(top.get("nations") instanceof SequenceNode) && !Fields.isNull(top.get("nations"))) {
            return out;
        }
        if (items.isEmpty()) {
            src.problem(top.get("nations"), "nations", "at least one nation is needed, got none"
                    + " (leave the section out for a single nation)");
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "nations[" + i + "]";
            Fields f = new Fields(src, items.get(i), path, NATION);
            if (!f.ok()) {
                continue;
            }
            String name = f.text("name");
            if (name != null && !names.add(name, f.get("name"), f.join("name"))) {
                name = null;
            }
            Boolean isLead = f.bool("lead", false);
            if (Boolean.TRUE.equals(isLead)) {
                if (lead != null) {
                    src.problem(f.get("lead"), f.join("lead"), "only one nation can lead; " + lead
                            + " already does (leave 'lead' out everywhere for each nation to defend itself)");
                } else {
                    lead = name == null ? "?" : name;
                }
            }
            List<String> r = members(f, "radars", radars, "radar", owner, name);
            List<String> b = members(f, "batteries", batteries, "battery", owner, name);
            List<String> l = members(f, "lasers", lasers, "laser", owner, name);
            List<String> g = members(f, "guns", guns, "gun", owner, name);
            Coalition.Compromise c = compromised(f);
            if (name != null && isLead != null) {
                out.add(new Coalition.Nation(name, r, b, l, g, isLead, c));
            }
        }
        return out;
    }

    /** The radars (batteries, lasers, guns) a nation names, each known and owned by no other nation. */
    private List<String> members(Fields f, String key, Set<String> valid, String what, Map<String, String> owner,
            String nation) {
        List<String> out = new ArrayList<>();
        if (!f.has(key)) {
            return out;
        }
        List<Node> items = Lists.items(src, f.get(key), f.join(key), what + " name");
        for (int i = 0; i < items.size(); i++) {
            String field = f.join(key) + "[" + i + "]";
            String name = Fields.text(src, items.get(i), field);
            if (name == null) {
                continue;
            }
            if (!valid.contains(name)) {
                src.problem(items.get(i), field, unknown(what, name, valid, what.equals("battery") ? "batteries"
                        : what + "s"));
                continue;
            }
            String first = owner.putIfAbsent(name, nation == null ? "another nation" : nation);
            if (first != null) {
                src.problem(items.get(i), field, what + " '" + name + "' already belongs to " + first
                        + "; a " + what + " belongs to at most one nation");
                continue;
            }
            out.add(name);
        }
        return out;
    }

    private Coalition.Compromise compromised(Fields nation) {
        if (!nation.has("compromised")) {
            return null;
        }
        Fields f = new Fields(src, nation.get("compromised"), nation.join("compromised"), COMPROMISED);
        if (!f.ok()) {
            return null;
        }
        Integer n = f.integer("false_tracks", Range.between(1, 1_000));
        Double from = f.number("from_s", Range.NON_NEGATIVE, 0.0);
        return n == null || from == null ? null : new Coalition.Compromise(n, from);
    }

    // ------------------------------------------------------------------ links

    private List<Coalition.Link> links(Fields top, Set<String> nations) {
        List<Coalition.Link> out = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        List<Node> items = Lists.items(src, top.get("links"), "links", "link");
        for (int i = 0; i < items.size(); i++) {
            String path = "links[" + i + "]";
            Fields f = new Fields(src, items.get(i), path, LINK);
            if (!f.ok()) {
                brokenLink = true;
                continue;
            }
            String from = nation(f, "from", nations);
            String to = nation(f, "to", nations);
            Boolean both = f.bool("both_ways", true);
            Double latencyMs = f.number("latency_ms", Range.NON_NEGATIVE, 0.0);
            Double kbps = f.has("bandwidth_kbps") ? f.number("bandwidth_kbps", Range.POSITIVE) : null;
            Double loss = f.number("loss_probability", Range.PROBABILITY, 0.0);
            Double queue = f.has("max_queue_s") ? f.number("max_queue_s", Range.NON_NEGATIVE) : null;
            List<LinkSpec.Outage> outages = outages(f);
            if (from != null && to != null && from.equals(to)) {
                src.problem(f.get("to"), f.join("to"), "a link joins two different nations; '" + from
                        + "' links to itself");
                brokenLink = true;
                continue;
            }
            if (from == null || to == null || both == null || latencyMs == null || loss == null || outages == null
                    || (f.has("bandwidth_kbps") && kbps == null) || (f.has("max_queue_s") && queue == null)) {
                brokenLink = true;
                continue;
            }
            LinkSpec spec = new LinkSpec(latencyMs / 1000.0, kbps == null ? Double.POSITIVE_INFINITY : kbps * 1000.0,
                    loss, queue == null ? Double.POSITIVE_INFINITY : queue, outages);
            List<String[]> directions = new ArrayList<>();
            directions.add(new String[] {from, to});
            if (both) {
                directions.add(new String[] {to, from});
            }
            for (String[] d : directions) {
                String first = seen.putIfAbsent(d[0] + " -> " + d[1], path);
                if (first != null) {
                    src.problem(items.get(i), path, "a link from " + d[0] + " to " + d[1] + " is already given by "
                            + first + "; one link per direction");
                    continue;
                }
                out.add(new Coalition.Link(d[0], d[1], spec));
            }
        }
        return out;
    }

    private List<LinkSpec.Outage> outages(Fields link) {
        List<LinkSpec.Outage> out = new ArrayList<>();
        if (!link.has("outages")) {
            return out;
        }
        boolean ok = true;
        List<Node> items = Lists.items(src, link.get("outages"), link.join("outages"), "[start_s, end_s] pair");
        for (int i = 0; i < items.size(); i++) {
            String field = link.join("outages") + "[" + i + "]";
            Node item = items.get(i);
            if (!(item instanceof SequenceNode s) || s.getValue().size() != 2) {
                src.problem(item, field, "expected [start_s, end_s], got " + Fields.describe(item));
                ok = false;
                continue;
            }
            Double start = Fields.number(src, s.getValue().get(0), field, Range.NON_NEGATIVE);
            Double end = Fields.number(src, s.getValue().get(1), field, Range.NON_NEGATIVE);
            if (start == null || end == null) {
                ok = false;
            } else if (!(end > start)) {
                src.problem(item, field, "an outage must end after it starts, got [" + Numbers.format(start) + ", "
                        + Numbers.format(end) + "]");
                ok = false;
            } else {
                out.add(new LinkSpec.Outage(start, end));
            }
        }
        return ok ? out : null;
    }

    private String nation(Fields f, String key, Set<String> nations) {
        String name = f.text(key);
        if (name != null && !nations.contains(name)) {
            src.problem(f.get(key), f.join(key), unknown("nation", name, nations, "nations"));
            return null;
        }
        return name;
    }

    // ------------------------------------------------------------------ sharing

    private List<Coalition.Sharing> sharing(Fields top, Set<String> nations, List<Coalition.Link> links) {
        List<Coalition.Sharing> out = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        List<Node> items = Lists.items(src, top.get("sharing"), "sharing", "sharing policy");
        for (int i = 0; i < items.size(); i++) {
            String path = "sharing[" + i + "]";
            Fields f = new Fields(src, items.get(i), path, SHARING);
            if (!f.ok()) {
                continue;
            }
            List<String> from = nationList(f, "from", nations);
            List<String> to = nationList(f, "to", nations);
            Set<DataKind> kinds = kinds(f);
            Double grid = f.number("coarsening_m", Range.NON_NEGATIVE, 0.0);
            Double delay = f.number("delay_s", Range.NON_NEGATIVE, 0.0);
            List<GeoPolygon> embargo = new ArrayList<>();
            boolean zonesOk = true;
            if (f.has("embargo")) {
                List<Node> zones = Lists.items(src, f.get("embargo"), f.join("embargo"), "polygon");
                for (int k = 0; k < zones.size(); k++) {
                    GeoPolygon p = Rings.read(src, zones.get(k), f.join("embargo") + "[" + k + "]",
                            Rings.Order.LAT_LON, ground);
                    if (p == null) {
                        zonesOk = false;
                    } else {
                        embargo.add(p);
                    }
                }
            }
            if (from == null || to == null || kinds == null || grid == null || delay == null || !zonesOk) {
                continue;
            }
            SharingPolicy policy = new SharingPolicy(kinds, grid, delay, embargo, Ellipsoid.WGS84);
            for (String a : from) {
                for (String b : to) {
                    if (a.equals(b)) {
                        if (from.size() == 1 && to.size() == 1) {
                            src.problem(f.get("to"), f.join("to"), "a nation does not share with itself ('" + a + "')");
                        }
                        continue; // in lists, a nation's pair with itself is skipped
                    }
                    if (links.stream().noneMatch(l -> l.from().equals(a) && l.to().equals(b))) {
                        if (brokenLink) {
                            continue; // the link's own entry is already reported
                        }
                        src.problem(items.get(i), path, "no link from " + a + " to " + b
                                + " to share over; add one under 'links'");
                        continue;
                    }
                    String first = seen.putIfAbsent(a + " -> " + b, path);
                    if (first != null) {
                        src.problem(items.get(i), path, "what " + a + " shares with " + b + " is already given by "
                                + first + "; one policy per ordered pair");
                        continue;
                    }
                    out.add(new Coalition.Sharing(a, b, policy));
                }
            }
        }
        return out;
    }

    /** A nation's name or a list of names, or null after reporting. */
    private List<String> nationList(Fields f, String key, Set<String> nations) {
        if (!f.has(key)) {
            f.missing(key, " (a nation, or a list of nations)");
            return null;
        }
        Node node = f.get(key);
        List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
        List<String> out = new ArrayList<>();
        boolean ok = !items.isEmpty();
        if (!ok) {
            src.problem(node, f.join(key), "at least one nation is needed, got none");
        }
        for (int i = 0; i < items.size(); i++) {
            String field = node instanceof SequenceNode ? f.join(key) + "[" + i + "]" : f.join(key);
            String name = Fields.text(src, items.get(i), field);
            if (name == null) {
                ok = false;
            } else if (!nations.contains(name)) {
                src.problem(items.get(i), field, unknown("nation", name, nations, "nations"));
                ok = false;
            } else {
                out.add(name);
            }
        }
        return ok ? out : null;
    }

    private Set<DataKind> kinds(Fields f) {
        if (!f.has("data")) {
            f.missing("data", " (a list of: " + String.join(", ", KINDS.keySet()) + ")");
            return null;
        }
        Set<DataKind> out = EnumSet.noneOf(DataKind.class);
        boolean ok = true;
        List<Node> items = Lists.items(src, f.get("data"), f.join("data"), "data kind");
        for (int i = 0; i < items.size(); i++) {
            String field = f.join("data") + "[" + i + "]";
            String word = Fields.text(src, items.get(i), field);
            if (word == null) {
                ok = false;
                continue;
            }
            DataKind kind = KINDS.get(word.toLowerCase(Locale.ROOT));
            if (kind == null) {
                src.problem(items.get(i), field, unknown("data kind", word, KINDS.keySet(), "data kinds"));
                ok = false;
            } else {
                out.add(kind);
            }
        }
        return ok ? out : null;
    }

    private static String unknown(String what, String name, Set<String> valid, String plural) {
        String close = Suggestions.closest(name, valid);
        return "unknown " + what + " '" + name + "'" + (close == null ? "" : "; did you mean '" + close + "'?")
                + (valid.isEmpty() ? "; the scenario declares no " + plural : "; valid: " + String.join(", ", valid));
    }
}
