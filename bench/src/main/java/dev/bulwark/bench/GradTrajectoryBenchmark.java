package dev.bulwark.bench;

import dev.bulwark.engine.flight.Aiming;
import dev.bulwark.engine.flight.BallisticPropagator;
import dev.bulwark.engine.flight.EarthModel;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.flight.Trajectory;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.sim.Simulation;
import dev.bulwark.scenario.ThreatCatalogue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full trajectories of a Grad-class rocket per second, at the simulator's truth fidelity:
 * the catalogue's {@code grad-122} flown from launch to ground impact by the same code the
 * simulation uses for truth ({@link Aiming#fly}, which keeps every step for dense output) and
 * by the allocation-free path used for impact prediction ({@link BallisticPropagator#impact}).
 * Each invocation flies a different elevation, so no result can be cached.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar GradTrajectory -t 1}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GradTrajectoryBenchmark {


    private ThreatType grad;
    private Aiming aiming;
    private BallisticPropagator propagator;
    private GeodeticPoint launch;
    private double[] state;
    private final double[] out = new double[6];
    private int i;

    /** Builds the type and the flight models once. */
    @Setup
    public void setUp() {
        grad = ThreatCatalogue.unguided().get("grad-122");
        propagator = new BallisticPropagator(EarthModel.WGS84, Simulation.TRUTH_STEP_S);
        aiming = new Aiming(propagator, 900);
        launch = GeodeticPoint.ofDegrees(31.50, 34.46, 0);
        Trajectory t = aiming.fly(grad, 0, launch, Math.toRadians(60), Math.toRadians(40), 0);
        state = new double[6];
        t.stateAt(5.0, state); // five seconds after launch: motor burnt out, climbing
    }

    private double elevation() {
        i = (i + 1) & 63;
        return Math.toRadians(20 + 0.5 * i);
    }

    /** A full truth trajectory with dense output, as the simulation flies each threat. */
    @Benchmark
    public double fullTrajectory() {
        Trajectory t = aiming.fly(grad, 0, launch, Math.toRadians(60), elevation(), 0);
        return t.impactTime();
    }

    /** The rest of a flight from five seconds after launch (coasting), without keeping the path (impact prediction's path). */
    @Benchmark
    public double impactOnly() {
        double el = elevation();
        double[] s = state;
        // vary the start slightly so each call is a new flight
        double scale = 1 + 1e-3 * Math.sin(el);
        double[] start = {s[0], s[1], s[2], s[3] * scale, s[4] * scale, s[5] * scale};
        return propagator.impact(0, start, grad.ballisticCoefficient(), 0, 900, out);
    }
}
