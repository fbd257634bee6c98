package dev.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version of Bulwark, as Maven built it: read from {@code version.properties}, a resource
 * filled in by the build, so that it is right in the jar and in tests alike.
 */
public final class Version implements IVersionProvider {

    private static final String NUMBER = load();

    /** The version number, such as {@code 0.1.0-SNAPSHOT}. */
    public static String number() {
        return NUMBER;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bulwark " + NUMBER,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            // An unfiltered resource (run from an IDE without Maven) still says something true.
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
