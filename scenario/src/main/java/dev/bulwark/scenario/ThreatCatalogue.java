package dev.bulwark.scenario;

import dev.bulwark.engine.flight.ThreatClass;
import dev.bulwark.engine.flight.ThreatType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The built-in catalogue of threat types that scenarios refer to by name: unguided rockets and
 * mortars ({@code qassam}, {@code rocket-107}, {@code grad-122}, {@code grad-122-er},
 * {@code fajr-5}, {@code mortar-120}), a one-way attack drone ({@code shahed-136}), a cruise
 * missile ({@code cruise-missile}) and ballistic missiles ({@code srbm-300}, {@code mrbm-1500}).
 *
 * <p>The values live in the resource {@value #RESOURCE}, written in the same format as a
 * scenario's {@code threat_types} list, with the source of every number beside it (public
 * figures, or "[notional]" where none is public). Units in the resulting {@link ThreatClass}es
 * are SI: kilograms, square metres, metres per second, newtons, seconds, radians, US dollars.
 */
public final class ThreatCatalogue {

    /** Class-path location of the catalogue file. */
    public static final String RESOURCE = "/dev/bulwark/scenario/catalogue/threat-types.yaml";

    private ThreatCatalogue() {
    }

    /**
     * The built-in types by name, in catalogue order.
     *
     * @return an unmodifiable, ordered map
     * @throws IllegalStateException if the bundled catalogue is broken (a build defect, caught by the tests)
     */
    public static Map<String, ThreatClass> builtIn() {
        return Holder.TYPES;
    }

    /**
     * The built-in unguided types (rockets, shells, mortar bombs) by name, in catalogue order.
     *
     * @return an unmodifiable, ordered map
     */
    public static Map<String, ThreatType> unguided() {
        return Holder.UNGUIDED;
    }

    private static final class Holder {
        static final Map<String, ThreatClass> TYPES = load();
        static final Map<String, ThreatType> UNGUIDED = only(TYPES);
    }

    private static Map<String, ThreatType> only(Map<String, ThreatClass> all) {
        Map<String, ThreatType> out = new LinkedHashMap<>();
        all.forEach((name, type) -> {
            if (type instanceof ThreatType t) {
                out.put(name, t);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, ThreatClass> load() {
        String text;
        try (InputStream in = ThreatCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in threat catalogue missing: " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in threat catalogue " + RESOURCE, e);
        }
        Problems problems = new Problems();
        Source src = new Source("threat-types.yaml (built-in)", problems);
        Node root = YamlFiles.composeText(text, src);
        Map<String, ThreatClass> types = Map.of();
        if (root != null) {
            Fields top = new Fields(src, root, "", List.of("threat_types"));
            if (!top.has("threat_types")) {
                top.missing("threat_types");
            }
            types = ThreatTypes.read(src, top.get("threat_types"), "threat_types", Map.of()).types();
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("built-in threat catalogue is invalid:\n" + problems.list().stream()
                    .map(Problem::format).collect(Collectors.joining("\n")));
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }
}
