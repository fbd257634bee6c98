package dev.bulwark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process's standard error is a terminal, so that a progress bar redrawn with
 * {@code \r} is welcome there and not written into a log file.
 *
 * <p>Java 17 cannot ask this of standard error directly ({@link System#console()} speaks of
 * standard input and output), so, in order: the {@code bulwark.stderr.tty} system property,
 * which the {@code bulwark} launcher sets from the shell's {@code [ -t 2 ]}; on Linux, where
 * {@code /proc/self/fd/2} points (a {@code /dev/pts} or {@code /dev/tty} device); otherwise
 * whether there is a console at all. A {@code TERM} of {@code dumb} always means no.
 */
final class Terminal {

    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        String told = System.getProperty("bulwark.stderr.tty");
        if (told != null) {
            return told.trim().equals("1") || told.trim().equalsIgnoreCase("true");
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc: fall through to the console test
        }
        return System.console() != null;
    }
}
