package dev.bulwark.scenario;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates test resources and the repository's example scenarios. */
final class TestFiles {

    private TestFiles() {
    }

    /** A test resource as a file path. */
    static Path resource(String name) {
        URL url = TestFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository's {@code scenarios/} directory (the module runs with its own directory as working dir). */
    static Path scenarios() {
        return repositoryRoot().resolve("scenarios");
    }

    /** The repository's root: the nearest directory above the working directory holding {@code mvnw}. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (p.resolve("mvnw").toFile().isFile() && p.resolve("scenario").toFile().isDirectory()) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + here);
    }
}
