package dev.bulwark.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory that receives a run's files, made so that it is either complete or absent.
 *
 * <p>{@link #begin} checks the target {@code DIR} and creates a hidden sibling
 * {@code .DIR.partial-<random>} in which the run writes ({@link #path()}). {@link #commit()}
 * adds the marker file {@value #MARKER}, flushes everything to disk and renames the sibling
 * to {@code DIR} with an atomic move. Until then {@code DIR} is untouched: a run that fails
 * leaves the previous {@code DIR} (if any) as it was, and {@link #close()} without a commit
 * deletes the partial directory; a run that is killed leaves only the hidden
 * {@code .partial} directory, never a complete-looking {@code DIR}.
 *
 * <p>An existing {@code DIR} is replaced only if it is a previous Bulwark run directory
 * (it holds {@value #MARKER}) or an empty directory; anything else (a file, a symbolic
 * link, a directory of other files) is refused with a {@link RunDirectoryException},
 * both before the run and again at commit. Replacing first renames the old directory aside
 * ({@code .DIR.old-<random>}), renames the new one into place and then deletes the old, so
 * {@code DIR} is never a mixture of two runs. Renames need the sibling on the same file
 * system, which a sibling is.
 */
public final class RunDirectory implements AutoCloseable {

    /** The marker file that makes a directory a Bulwark run directory. */
    public static final String MARKER = "bulwark-run.json";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path partial;
    private boolean committed;
    private boolean closed;

    private RunDirectory(Path target, Path partial) {
        this.target = target;
        this.partial = partial;
    }

    /**
     * Prepares to write a run into {@code target}, creating its parent directories if needed.
     *
     * @throws RunDirectoryException if {@code target} exists and may not be replaced
     * @throws IOException           if the partial directory cannot be created
     */
    public static RunDirectory begin(Path target) throws RunDirectoryException, IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            throw new RunDirectoryException("cannot write a run into " + target + ": give a directory below the root");
        }
        checkReplaceable(absolute);
        Files.createDirectories(parent);
        String prefix = "." + absolute.getFileName() + ".partial-";
        while (true) {
            // Not Files.createTempDirectory: that makes the directory private (0700), and it
            // becomes the user's output directory, which should get the usual permissions.
            Path candidate = parent.resolve(prefix + randomSuffix());
            try {
                Files.createDirectory(candidate);
                return new RunDirectory(absolute, candidate);
            } catch (FileAlreadyExistsException e) {
                // a name clash with another run: draw again
            }
        }
    }

    /** The directory to write into until {@link #commit()}: the hidden partial sibling. */
    public Path path() {
        return partial;
    }

    /** A file in the directory being written. */
    public Path resolve(String fileName) {
        return partial.resolve(fileName);
    }

    /** Where the run will be once committed (absolute). */
    public Path target() {
        return target;
    }

    /**
     * Finishes the run: writes the marker, forces the files to disk and moves the directory
     * into place, replacing a previous run directory there.
     *
     * @throws RunDirectoryException if something that may not be replaced appeared at the target meanwhile
     * @throws IOException           if writing or renaming fails; the target is then as it was
     */
    public void commit() throws RunDirectoryException, IOException {
        if (committed || closed) {
            throw new IllegalStateException("run directory already " + (committed ? "committed" : "closed"));
        }
        writeMarker();
        forceAll();
        checkReplaceable(target);
        Path parent = target.getParent();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path old = parent.resolve("." + target.getFileName() + ".old-" + randomSuffix());
            atomicMove(target, old);
            try {
                atomicMove(partial, target);
            } catch (IOException e) {
                try {
                    atomicMove(old, target);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
                throw e;
            }
            committed = true;
            deleteTree(old);
        } else {
            atomicMove(partial, target);
            committed = true;
        }
        force(parent, true);
    }

    /** Whether {@link #commit()} succeeded. */
    public boolean committed() {
        return committed;
    }

    /** Deletes the partial directory if the run was not committed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            deleteTree(partial);
        }
    }

    private void writeMarker() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(partial)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MARKER)).sorted().forEach(files::add);
        }
        try (Writer w = Files.newBufferedWriter(partial.resolve(MARKER), StandardCharsets.UTF_8)) {
            w.write("{\n  \"format\": \"bulwark-run\",\n  \"format_version\": 1,\n  \"files\": [");
            for (int i = 0; i < files.size(); i++) {
                w.write(i == 0 ? "\"" : ", \"");
                w.write(files.get(i).replace("\\", "\\\\").replace("\"", "\\\""));
                w.write('"');
            }
            w.write("]\n}\n");
        }
    }

    /** Flushes every file and the directory itself, so a crash after the rename cannot leave empty files. */
    private void forceAll() throws IOException {
        try (Stream<Path> s = Files.walk(partial)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                force(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
            }
        }
    }

    private static void force(Path p, boolean directory) throws IOException {
        if (directory) {
            // Opening a directory for reading to sync it works on Linux and macOS, not everywhere.
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException e) {
                // best effort: the rename itself is still atomic
            }
        } else {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }

    /** Refuses a target that is not absent, empty, or a previous run directory. */
    private static void checkReplaceable(Path target) throws RunDirectoryException, IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(target)) {
            throw new RunDirectoryException(target + " is a symbolic link: give a new directory or a previous"
                    + " Bulwark run directory itself");
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RunDirectoryException(target + " exists and is not a directory: refusing to replace it;"
                    + " choose another output directory");
        }
        if (Files.isRegularFile(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS) || isEmpty(target)) {
            return;
        }
        throw new RunDirectoryException(target + " exists and is not a Bulwark run directory (it has no " + MARKER
                + "): refusing to replace it; choose another output directory or remove it");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot move " + from + " to " + to + " atomically: " + e.getReason(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> paths = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
