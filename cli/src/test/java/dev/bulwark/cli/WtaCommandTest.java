package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark wta} through the real reader and solvers, in-process. */
class WtaCommandTest {

    @TempDir
    Path dir;

    /** Two targets; the single weapon type's two units both belong on the 40 target (20 left, not 25). */
    private Path instance() throws IOException {
        Path f = dir.resolve("small.json");
        Files.writeString(f, "{\"targets\": [{\"name\": \"depot\", \"value\": 10}, {\"name\": \"town\", \"value\": 40}],\n"
                + " \"weapons\": [{\"name\": \"battery\", \"count\": 2}],\n"
                + " \"kill_probability\": [[0.5, 0.5]]}\n");
        return f;
    }

    @Test
    void everySolverPrintsTheObjectiveAndTheAssignment() throws IOException {
        for (String solver : new String[] {"greedy", "lns", "exact"}) {
            Fakes.Result r = Fakes.run(null, "wta", instance().toString(), "--solver", solver);
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("Solver       " + solver).contains("Objective    20.000000")
                    .contains("town (value 40): battery x2").contains("depot (value 10): -");
        }
        Fakes.Result exact = Fakes.run(null, "wta", instance().toString(), "--solver", "exact");
        assertThat(exact.out()).contains("Optimal      proven").contains("Lower bound  20.000000");
    }

    @Test
    void jsonOutputIsOneObject() throws IOException {
        Fakes.Result r = Fakes.run(null, "wta", instance().toString(), "--json", "--time-limit-s", "0.5");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("{\"instance\": ").contains("\"solver\": \"lns\", \"objective\": 20,")
                .contains("{\"target\": \"town\", \"units\": {\"battery\": 2}}").contains("\"lower_bound\": null")
                .endsWith("]}\n");
    }

    @Test
    void aBadFileExitsTwoWithFileAndLineAndNoStackTrace() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "1 2 1\n5\n6\n0 0 0.5\n0 1 two\n");
        Fakes.Result r = Fakes.run(null, "wta", f.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":5:1: kill probability: expected a number from 0 to 1, got 'two'")
                .contains("1 problem in " + f).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        Fakes.Result missing = Fakes.run(null, "wta", dir.resolve("none.json").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json: no such file");
        Fakes.Result solver = Fakes.run(null, "wta", f.toString(), "--solver", "cplex");
        assertThat(solver.status()).isEqualTo(2);
    }
}
