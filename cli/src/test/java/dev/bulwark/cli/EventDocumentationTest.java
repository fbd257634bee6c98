package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.sim.SimEvent;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every kind of event the engine publishes is documented in both output pages. */
class EventDocumentationTest {

    @Test
    void everyEventKindIsDocumented() throws Exception {
        Path root = EndToEndTest.tinyScenario().getParent().getParent();
        String outputs = Files.readString(root.resolve("docs/output-files.md"));
        String schema = Files.readString(root.resolve("docs/results-schema.md"));
        for (Class<?> kind : SimEvent.class.getPermittedSubclasses()) {
            Constructor<?> c = kind.getDeclaredConstructors()[0];
            Object[] args = new Object[c.getParameterCount()];
            Class<?>[] types = c.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = types[i] == double.class ? 0.0 : types[i] == int.class ? 0 : types[i] == boolean.class
                        ? false : null;
            }
            String name = ((SimEvent) c.newInstance(args)).kind();
            assertThat(outputs).as("docs/output-files.md").contains("| `" + name + "` |");
            assertThat(schema).as("docs/results-schema.md").contains("| `" + name + "` |");
        }
    }
}
