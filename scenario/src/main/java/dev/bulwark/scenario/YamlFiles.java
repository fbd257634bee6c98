package dev.bulwark.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a YAML (or JSON, which is YAML 1.2) file into snakeyaml-engine's node tree, which keeps
 * the line and column of every value, and turns read and syntax errors into {@link Problem}s.
 */
final class YamlFiles {

    /** Largest file accepted, in code points: generous for detailed GeoJSON outlines. */
    private static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;

    private YamlFiles() {
    }

    /** The root node of a file, or null after reporting why there is none. */
    static Node compose(Path path, Source src) {
        String text;
        try {
            if (Files.isDirectory(path)) {
                src.problems().add(new Problem(src.label(), 0, 0, "", "is a directory, not a file"));
                return null;
            }
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            src.problems().add(new Problem(src.label(), 0, 0, "", "no such file"));
            return null;
        } catch (CharacterCodingException e) {
            src.problems().add(new Problem(src.label(), 0, 0, "", "not a text file in UTF-8 encoding"));
            return null;
        } catch (IOException | SecurityException e) {
            src.problems().add(new Problem(src.label(), 0, 0, "", "cannot be read: " + reason(e)));
            return null;
        }
        return composeText(text, src);
    }

    /** The root node of a text, or null after reporting why there is none. */
    static Node composeText(String text, Source src) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(src.label())
                .setCodePointLimit(CODE_POINT_LIMIT)
                .setMaxAliasesForCollections(50)
                .build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                src.problems().add(new Problem(src.label(), 1, 1, "", "the file is empty"));
                return null;
            }
            return root.get();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "" : e.getProblem().strip();
            StringBuilder msg = new StringBuilder("not valid YAML: ");
            if (problem.contains("another document")) {
                msg.append("the file must hold one YAML document, but a second one starts here");
            } else {
                msg.append(problem);
                if (e.getContext() != null && !e.getContext().isBlank()) {
                    msg.append(" (").append(e.getContext());
                    e.getContextMark().ifPresent(m -> msg.append(" on line ").append(m.getLine() + 1));
                    msg.append(')');
                }
                if (problem.contains("<block")) {
                    msg.append("; check the indentation of this line against the lines above");
                }
            }
            src.problems().at(src.label(), mark, "", msg.toString());
            return null;
        } catch (YamlEngineException e) {
            src.problems().add(new Problem(src.label(), 0, 0, "", "not valid YAML: " + e.getMessage()));
            return null;
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
