package dev.bulwark.cli;

import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sensor.Plot;
import dev.bulwark.engine.flight.StandardAtmosphere;
import dev.bulwark.engine.track.GnnTracker;
import dev.bulwark.engine.track.JpdaTracker;
import dev.bulwark.engine.track.TrackModel;
import dev.bulwark.engine.track.Track;
import dev.bulwark.engine.track.Tracker;
import dev.bulwark.engine.track.TrackerSettings;
import dev.bulwark.scenario.PlotFile;
import dev.bulwark.scenario.Problem;
import dev.bulwark.scenario.ScenarioException;
import dev.bulwark.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark track PLOTS.csv [--config FILE] [--out TRACKS.csv] [--associator gnn|jpda]
 * [--model gravity|cv]}: runs the simulator's tracker on recorded radar plots (format in
 * docs/plots-format.md) and writes the confirmed tracks after every scan.
 *
 * <p>Plots with the same time and sensor form one scan. Every live track counts as covered by
 * every scan (recorded plots carry no search volume): with several radars that cover different
 * places, raise {@code delete_after_misses} accordingly.
 */
@Command(name = "track", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs the tracker on recorded radar plots and writes the confirmed tracks after every scan."},
        footer = {"", "The plot format is described in docs/plots-format.md; the tracker settings in the 'tracker'"
            + " section of docs/scenario-reference.md.",
            "Exit status: 0 done; 1 I/O or internal error; 2 bad command line, plot file or configuration."})
final class TrackCommand implements Callable<Integer> {

    /** Columns of the tracks file. */
    static final String HEADER = "time_s,track_id,lat_deg,lon_deg,alt_m,vx_mps,vy_mps,vz_mps,speed_mps,"
            + "sigma_position_m,plots_used,last_sensor,quality,plot_lines";

    /** Relative σ of ballistic_drag's drag, as in the simulation. */
    private static final double DRAG_UNCERTAINTY = 0.5;

    @Parameters(index = "0", paramLabel = "PLOTS.csv", description = "The recorded plots (CSV).")
    private Path plotsFile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Tracker settings: a YAML file with a 'tracker' mapping (the scenario's keys).")
    private Path config;

    @Option(names = "--out", paramLabel = "TRACKS.csv",
            description = "Write the tracks here (atomically), instead of to standard output.")
    private Path out;

    @Option(names = "--associator", paramLabel = "gnn|jpda",
            description = "Association: gnn (optimal 2-D assignment) or jpda; overrides the configuration's"
                + " tracker.association (default gnn).")
    private String associator;

    @Option(names = "--model", paramLabel = "gravity|cv",
            description = "Motion model: gravity (constant velocity with gravity as a known input, for ballistic"
                + " targets) or cv (nearly constant velocity, for aircraft and drones); overrides the"
                + " configuration's tracker.motion_model (default gravity), whose other models (ballistic_drag,"
                + " ballistic_estimated_drag, coordinated_turn, imm) and tracker.filter and"
                + " tracker.measurement_model apply as in a scenario.")
    private String model;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (associator != null && !associator.equals("gnn") && !associator.equals("jpda")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--associator must be gnn or jpda, got '" + associator + "'");
        }
        if (model != null && !model.equals("gravity") && !model.equals("cv")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--model must be gravity or cv, got '" + model + "'");
        }
        TrackerSettings settings = TrackerSettings.DEFAULT;
        List<Plot> plots;
        List<Integer> lines;
        try {
            if (config != null) {
                settings = ScenarioLoader.loadTrackerConfig(config);
            }
            PlotFile.Rows rows = PlotFile.readRows(plotsFile);
            plots = rows.plots();
            lines = rows.lines();
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                stderr.println(p.format());
            }
            int n = e.problems().size();
            stderr.println("bulwark: " + n + (n == 1 ? " problem" : " problems") + ", nothing was tracked; the plot"
                    + " format is described in docs/plots-format.md");
            return 2;
        }
        TrackerSettings.Association association = associator == null ? settings.association()
                : associator.equals("jpda") ? TrackerSettings.Association.JPDA : TrackerSettings.Association.GNN;
        TrackerSettings.Motion motionModel = model == null ? settings.motion()
                : model.equals("cv") ? TrackerSettings.Motion.CONSTANT_VELOCITY : TrackerSettings.Motion.GRAVITY;
        if (association == TrackerSettings.Association.JPDA && motionModel == TrackerSettings.Motion.IMM) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    TrackerSettings.IMM_WITH_JPDA + " (or --model gravity|cv)");
        }
        settings = new TrackerSettings(settings.confirmHits(), settings.confirmWindow(), settings.deleteAfterMisses(),
                settings.processNoise(), settings.initialSpeedSigmaMps(), settings.gateChiSquare(), association,
                motionModel, settings.filter(), settings.measurement());
        EarthModel earth = EarthModel.WGS84;
        // no doctrine here: ballistic_drag assumes, and ballistic_estimated_drag starts from, the default β
        TrackModel motion = TrackModel.of(settings, earth.mu(), earth.j2(), earth.ellipsoid(), earth.rotationRate(),
                TrackModel.DEFAULT_BETA_KG_M2, DRAG_UNCERTAINTY, StandardAtmosphere::density);
        Tracker.Listener quiet = new Tracker.Listener() {
        };
        // recorded plots may come from anywhere: no below-ground test
        Tracker tracker = association == TrackerSettings.Association.JPDA
                ? new JpdaTracker(settings, motion, Ellipsoid.WGS84, Double.NEGATIVE_INFINITY, quiet)
                : new GnnTracker(settings, motion, Ellipsoid.WGS84, Double.NEGATIVE_INFINITY, quiet);
        Path temporary = null;
        try {
            Writer w;
            if (out != null) {
                Path dir = out.toAbsolutePath().getParent();
                temporary = Files.createTempFile(dir, "." + out.getFileName() + ".", ".partial");
                w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            } else {
                w = stdout;
            }
            int rows = run(plots, lines, tracker, w);
            w.flush();
            if (out != null) {
                w.close();
                Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                temporary = null;
                stderr.println(String.format(Locale.ROOT, "bulwark: %d plots, %d track rows written to %s",
                        plots.size(), rows, out));
            }
        } catch (IOException e) {
            stderr.println("bulwark: cannot write the tracks to " + out + ": " + RunCommand.describe(e));
            return 1;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    stderr.println("bulwark: could not remove " + temporary + ": " + e.getMessage());
                }
            }
        }
        return 0;
    }

    /**
     * Feeds the plots scan by scan and writes the confirmed tracks after each; returns the rows written.
     *
     * @param lines the input line of each plot, for the {@code plot_lines} column
     */
    static int run(List<Plot> plots, List<Integer> lines, Tracker tracker, Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        // per live track id: its provenance entries already turned into line numbers, and those not yet written
        Map<Integer, Lines> pending = new HashMap<>();
        Map<Integer, Lines> live = new HashMap<>();
        int rows = 0;
        int i = 0;
        while (i < plots.size()) {
            Plot first = plots.get(i);
            int j = i;
            while (j < plots.size() && plots.get(j).time() == first.time() && plots.get(j).sensor() == first.sensor()) {
                j++;
            }
            update(tracker, first.time(), plots.subList(i, j));
            // every provenance entry added by this update comes from this scan, whose plots start at row i
            live.clear();
            for (Track t : tracker.tracks()) {
                Lines l = pending.getOrDefault(t.id(), new Lines());
                List<Track.PlotUse> uses = t.provenance();
                for (int k = l.seen; k < uses.size(); k++) {
                    Track.PlotUse u = uses.get(k);
                    if (l.text.length() > 0) {
                        l.text.append(' ');
                    }
                    l.text.append(lines.get(i + u.plot()));
                    String weight = String.format(Locale.ROOT, "%.3f", u.weight());
                    if (!weight.equals("1.000")) {
                        l.text.append(':').append(weight);
                    }
                }
                l.seen = uses.size();
                live.put(t.id(), l);
                if (t.confirmed()) {
                    w.write(row(first.time(), t));
                    w.write(l.text.toString());
                    w.write('\n');
                    l.text.setLength(0);
                    rows++;
                }
            }
            Map<Integer, Lines> swap = pending;
            pending = live;
            live = swap;
            i = j;
        }
        return rows;
    }

    /** A track's provenance entries turned into input lines so far, and the lines not yet written. */
    private static final class Lines {
        int seen;
        final StringBuilder text = new StringBuilder();
    }

    private static void update(Tracker tracker, double t, List<Plot> scan) {
        if (tracker instanceof GnnTracker g) {
            g.update(t, scan);
        } else {
            ((JpdaTracker) tracker).update(t, scan);
        }
    }

    private static String row(double time, Track t) {
        double[] x = t.state();
        double[] p = t.covariance();
        GeodeticPoint g = Ellipsoid.WGS84.toGeodetic(x[0], x[1], x[2]);
        double sigma = Math.sqrt((p[0] + p[7] + p[14]) / 3);
        return String.format(Locale.ROOT, "%s,%d,%.7f,%.7f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%d,%.3f,",
                trim(time), t.id(), g.latitudeDegrees(), g.longitudeDegrees(), g.altitude(), x[3], x[4], x[5],
                Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]), sigma, t.plotsUsed(), t.lastSensor(),
                t.quality());
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("\\.?0+$", "");
    }
}
