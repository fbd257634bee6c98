package dev.bulwark.cli;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.EventBus;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.Coalition;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.engine.sim.World;
import dev.bulwark.scenario.LoadedScenario;
import dev.bulwark.scenario.ScenarioException;
import dev.bulwark.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code bulwark} command (main class of {@code bulwark.jar}). Subcommands: {@code run},
 * {@code montecarlo}, {@code compare}, {@code sweep}, {@code wta}, {@code track}, {@code coalition}.
 *
 * <p>{@link #execute} runs a command line in-process and returns its exit status: 0 done,
 * 1 I/O or internal error, 2 bad command line, scenario or output directory. An unexpected
 * exception is reported in one line; the stack trace is printed only when the environment
 * variable {@code BULWARK_DEBUG} is set (to anything but {@code 0} or empty).
 */
@Command(name = "bulwark", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulates integrated air and missile defence: rockets, mortars, drones, cruise and ballistic"
            + " missiles against radars, interceptor batteries and lasers.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'bulwark COMMAND --help' for a command's options. Documentation: docs/ in the repository."})
public final class Bulwark implements Callable<Integer> {

    /** Loads scenarios; a seam for tests. */
    @FunctionalInterface
    interface Scenarios {
        LoadedScenario load(Path file) throws ScenarioException;
    }

    /** Runs a world to the end, publishing every event to {@code recorder} (if not null); a seam for tests. */
    @FunctionalInterface
    interface Engine {
        RunSummary run(World world, EventBus.Listener recorder, ProgressListener progress);

        /**
         * Runs a world defended by a coalition: one command node per nation when it has more than
         * one ({@link Simulation#Simulation(World, Coalition, boolean)}). A test engine that does not
         * override this runs the world as one defence.
         */
        default RunSummary run(World world, Coalition coalition, boolean sharing, EventBus.Listener recorder,
                ProgressListener progress) {
            return run(world, recorder, progress);
        }
    }

    /** The real engine: the simulation. */
    private static final class SimulationEngine implements Engine {
        @Override
        public RunSummary run(World world, EventBus.Listener recorder, ProgressListener progress) {
            return simulate(world, recorder, progress);
        }

        @Override
        public RunSummary run(World world, Coalition coalition, boolean sharing, EventBus.Listener recorder,
                ProgressListener progress) {
            Simulation simulation = new Simulation(world, coalition, sharing);
            if (recorder != null) {
                simulation.bus().subscribe(recorder);
            }
            return simulation.run(progress);
        }
    }

    /**
     * What the command needs from outside the arguments.
     *
     * @param scenarios        how scenario files are read
     * @param engine           how a world is run
     * @param stderrIsTerminal whether a progress bar may be drawn on standard error
     * @param debug            whether internal errors show their stack trace
     * @param nanoTime         the wall clock (ns), for the progress bar and timings
     */
    record Environment(Scenarios scenarios, Engine engine, boolean stderrIsTerminal, boolean debug,
            LongSupplier nanoTime) {

        /** The real thing: the scenario loader and the simulation. */
        static Environment real(boolean stderrIsTerminal) {
            String debug = System.getenv("BULWARK_DEBUG");
            return new Environment(ScenarioLoader::load, new SimulationEngine(), stderrIsTerminal,
                    debug != null && !debug.isEmpty() && !debug.equals("0"), System::nanoTime);
        }
    }

    @Spec
    private CommandSpec spec;

    private Bulwark() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs a command line in-process.
     *
     * @param args the arguments, without the command name
     * @param out  where results go (the summary table, help, version)
     * @param err  where progress, messages and errors go
     * @return the exit status
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, Environment.real(err == System.err && Terminal.stderrIsTerminal()));
    }

    static int execute(String[] args, PrintStream out, PrintStream err, Environment env) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(new Bulwark());
        cli.addSubcommand(new RunCommand(env));
        cli.addSubcommand(new MonteCarloCommand(env));
        cli.addSubcommand(new CompareCommand(env));
        cli.addSubcommand(new SweepCommand(env));
        cli.addSubcommand(new WtaCommand());
        cli.addSubcommand(new TrackCommand());
        cli.addSubcommand(new CoalitionCommand(env));
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler(Bulwark::badCommandLine);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> internalError(e, errWriter, env.debug()));
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** With no command, says that one is needed. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed, such as 'run'");
    }

    private static int badCommandLine(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("bulwark: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    static int internalError(Exception e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        err.println("bulwark: internal error: " + message + " (run with BULWARK_DEBUG=1 for the stack trace)");
        return 1;
    }

    private static RunSummary simulate(World world, EventBus.Listener recorder, ProgressListener progress) {
        Simulation simulation = new Simulation(world);
        if (recorder != null) {
            simulation.bus().subscribe(recorder);
        }
        return simulation.run(progress);
    }
}
