package dev.bulwark.scenario;

import dev.bulwark.scenario.RadarTypes.RadarType;
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
 * The built-in catalogue of radar types that a scenario's radars refer to with {@code type:}:
 * an EL/M-2084-class multi-mission radar ({@code elm-2084-class}), a short-range gap filler
 * ({@code gap-filler}) and a long-range early-warning radar ({@code early-warning}).
 *
 * <p>The values live in the resource {@value #RESOURCE}, with the source of every number
 * beside it (public figures, or "[notional]" where none is public), in the units of a
 * scenario's radar keys (km, deg, mrad, m, s, m/s).
 */
final class RadarCatalogue {

    /** Class-path location of the catalogue file. */
    static final String RESOURCE = "/dev/bulwark/scenario/catalogue/radar-types.yaml";

    private RadarCatalogue() {
    }

    /**
     * The built-in types by name, in catalogue order.
     *
     * @throws IllegalStateException if the bundled catalogue is broken (a build defect, caught by the tests)
     */
    static Map<String, RadarType> builtIn() {
        return Holder.TYPES;
    }

    private static final class Holder {
        static final Map<String, RadarType> TYPES = load();
    }

    private static Map<String, RadarType> load() {
        String text;
        try (InputStream in = RadarCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in radar catalogue missing: " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in radar catalogue " + RESOURCE, e);
        }
        Problems problems = new Problems();
        Source src = new Source("radar-types.yaml (built-in)", problems);
        Node root = YamlFiles.composeText(text, src);
        Map<String, RadarType> types = Map.of();
        if (root != null) {
            Fields top = new Fields(src, root, "", List.of("radar_types"));
            if (!top.has("radar_types")) {
                top.missing("radar_types");
            }
            types = RadarTypes.catalogue(src, top.get("radar_types"), "radar_types");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("built-in radar catalogue is invalid:\n" + problems.list().stream()
                    .map(Problem::format).collect(Collectors.joining("\n")));
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }
}
