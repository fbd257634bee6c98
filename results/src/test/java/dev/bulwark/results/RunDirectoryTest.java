package dev.bulwark.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path parent;

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes a whole run (events and summaries) the way the command does. */
    private static void writeRun(RunDirectory run, double jitter) throws IOException {
        try (EventRecorder recorder = EventRecorder.open(run.resolve("events.jsonl"))) {
            Fixtures.events(jitter).forEach(recorder::on);
        }
        SummaryWriter.write(Fixtures.summary(), Fixtures.parameters(), run.path());
    }

    @Test
    void aCommittedRunAppearsWholeWithItsMarkerAndNoLeftovers() throws Exception {
        Path target = parent.resolve("out");
        try (RunDirectory run = RunDirectory.begin(target)) {
            assertThat(run.path().getParent()).isEqualTo(parent);
            assertThat(run.path().getFileName().toString()).startsWith(".out.partial-");
            writeRun(run, 0);
            assertThat(target).doesNotExist();
            run.commit();
            assertThat(run.committed()).isTrue();
        }
        assertThat(names(parent)).containsExactly("out");
        assertThat(names(target)).containsExactly(RunDirectory.MARKER, "events.jsonl", "summary.csv", "summary.json");
        assertThat(Files.readString(target.resolve(RunDirectory.MARKER))).isEqualTo("""
                {
                  "format": "bulwark-run",
                  "format_version": 1,
                  "files": ["events.jsonl", "summary.csv", "summary.json"]
                }
                """);
    }

    @Test
    void twoRunsOfTheSameInputsAreByteIdentical() throws Exception {
        for (String name : List.of("a", "b")) {
            try (RunDirectory run = RunDirectory.begin(parent.resolve(name))) {
                writeRun(run, 0);
                run.commit();
            }
        }
        for (String f : names(parent.resolve("a"))) {
            assertThat(Files.readAllBytes(parent.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(parent.resolve("a").resolve(f)));
        }
    }

    @Test
    void aPreviousRunDirectoryIsReplacedWhole() throws Exception {
        Path target = parent.resolve("out");
        try (RunDirectory run = RunDirectory.begin(target)) {
            writeRun(run, 0);
            Files.writeString(run.resolve("stale.txt"), "from the first run");
            run.commit();
        }
        try (RunDirectory run = RunDirectory.begin(target)) {
            writeRun(run, 1e-5);
            run.commit();
        }
        assertThat(names(parent)).containsExactly("out");
        assertThat(names(target)).doesNotContain("stale.txt");
        assertThat(Files.readString(target.resolve("events.jsonl"))).contains("31.5250223");
    }

    @Test
    void anEmptyDirectoryMayBeUsedAndMissingParentsAreCreated() throws Exception {
        Path empty = Files.createDirectory(parent.resolve("empty"));
        Path nested = parent.resolve("x/y/z");
        for (Path target : List.of(empty, nested)) {
            try (RunDirectory run = RunDirectory.begin(target)) {
                writeRun(run, 0);
                run.commit();
            }
            assertThat(target.resolve(RunDirectory.MARKER)).isRegularFile();
        }
    }

    @Test
    void aDirectoryOfOtherFilesIsRefusedAndLeftAlone() throws IOException {
        Path target = Files.createDirectory(parent.resolve("thesis"));
        Files.writeString(target.resolve("chapter1.tex"), "precious");
        assertThatThrownBy(() -> RunDirectory.begin(target)).isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("thesis").hasMessageContaining("not a Bulwark run directory")
                .hasMessageContaining(RunDirectory.MARKER);
        assertThat(names(parent)).containsExactly("thesis");
        assertThat(Files.readString(target.resolve("chapter1.tex"))).isEqualTo("precious");
    }

    @Test
    void aFileOrALinkIsRefused() throws IOException {
        Path file = Files.writeString(parent.resolve("results.txt"), "data");
        assertThatThrownBy(() -> RunDirectory.begin(file)).isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("is not a directory");
        Path real = Files.createDirectory(parent.resolve("real"));
        Path link = Files.createSymbolicLink(parent.resolve("link"), real);
        assertThatThrownBy(() -> RunDirectory.begin(link)).isInstanceOf(RunDirectoryException.class)
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(file)).isEqualTo("data");
    }

    @Test
    void somethingAppearingAtTheTargetDuringTheRunIsNotReplaced() throws Exception {
        Path target = parent.resolve("out");
        try (RunDirectory run = RunDirectory.begin(target)) {
            writeRun(run, 0);
            Files.createDirectory(target);
            Files.writeString(target.resolve("notes.md"), "mine");
            assertThatThrownBy(run::commit).isInstanceOf(RunDirectoryException.class);
        }
        assertThat(names(parent)).containsExactly("out");
        assertThat(names(target)).containsExactly("notes.md");
    }

    @Test
    void aFailureMidWriteLeavesNoDirectoryAndNoPartial() throws Exception {
        Path target = parent.resolve("out");
        assertThatThrownBy(() -> {
            try (RunDirectory run = RunDirectory.begin(target);
                    Writer w = Files.newBufferedWriter(run.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
                w.write("{\"t\":1,\"kind\":\"threat_launc");
                throw new UncheckedIOException(new IOException("simulated failure mid-write"));
            }
        }).hasMessageContaining("simulated failure");
        assertThat(target).doesNotExist();
        assertThat(names(parent)).isEmpty();
    }

    @Test
    void aFailedRunLeavesThePreviousRunAsItWas() throws Exception {
        Path target = parent.resolve("out");
        try (RunDirectory run = RunDirectory.begin(target)) {
            writeRun(run, 0);
            run.commit();
        }
        byte[] before = Files.readAllBytes(target.resolve("events.jsonl"));
        assertThatThrownBy(() -> {
            try (RunDirectory run = RunDirectory.begin(target)) {
                writeRun(run, 1e-5);
                throw new IllegalStateException("simulation failed");
            }
        }).hasMessage("simulation failed");
        assertThat(names(parent)).containsExactly("out");
        assertThat(Files.readAllBytes(target.resolve("events.jsonl"))).isEqualTo(before);
    }

    @Test
    void aKilledRunLeavesOnlyItsHiddenPartialDirectory() throws Exception {
        Path target = parent.resolve("out");
        // A killed process never reaches commit() or close(): model that by abandoning the object.
        RunDirectory run = RunDirectory.begin(target);
        writeRun(run, 0);
        assertThat(target).doesNotExist();
        assertThat(names(parent)).singleElement().asString().startsWith(".out.partial-");
        assertThat(run.resolve(RunDirectory.MARKER)).doesNotExist();
        run.close();
    }

    @Test
    void commitTwiceIsABug() throws Exception {
        try (RunDirectory run = RunDirectory.begin(parent.resolve("out"))) {
            run.commit();
            assertThatThrownBy(run::commit).isInstanceOf(IllegalStateException.class);
        }
    }
}
