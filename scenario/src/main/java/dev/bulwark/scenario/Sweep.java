package dev.bulwark.scenario;

import dev.bulwark.engine.effector.BatterySpec;
import dev.bulwark.engine.effector.LaserSpec;
import dev.bulwark.engine.effector.Resupply;
import dev.bulwark.engine.sim.RaidSpec;
import dev.bulwark.engine.sim.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters a scenario's {@code sweep} section varies, and the grid of concrete scenarios
 * they make (docs/scenario-reference.md, "sweep").
 *
 * <p>The grid is the cartesian product of every parameter's values, in the order the
 * parameters are declared, the last one varying fastest (like nested loops, the first
 * parameter outermost). Each grid point's {@link World} is the loaded world with the point's
 * values applied to its records, never a re-read of the text; parameters are applied in
 * declaration order, so a later one acting on the same raid or battery sees the earlier one's
 * change. Everything a parameter does not touch (the seed, the raids' launch areas, the other
 * entities) stays as loaded, so with one seed every grid point faces the same random draws
 * wherever the entities are the same (common random numbers).
 *
 * @param parameters the parameters, in declaration order; empty when the scenario has no sweep
 */
public record Sweep(List<Parameter> parameters) {

    /** No sweep: a grid of one point, the scenario itself. */
    public static final Sweep NONE = new Sweep(List.of());

    /** The largest grid accepted (points), so that a typing slip does not start a week of runs. */
    public static final int MAX_POINTS = 10_000;

    public Sweep {
        parameters = List.copyOf(parameters);
    }

    /** What a parameter changes. */
    public enum Kind {
        /** A battery's {@code rounds_per_launcher} (ready rounds on a full launcher); one battery or all. */
        ROUNDS_PER_LAUNCHER("rounds_per_launcher", "battery"),
        /** A battery's {@code reserve_rounds} (rounds held for reloading); one battery or all. */
        RESERVE_ROUNDS("reserve_rounds", "battery"),
        /** The number of batteries: the first k of the {@code batteries} list are kept, with their resupply. */
        BATTERIES("batteries", null),
        /** Whether a laser is deployed (true) or left out (false); one laser or all. */
        LASER("laser", "laser"),
        /** Each raid's {@code count} multiplied by the value, rounded to the nearest whole round, at least 1. */
        RAID_SCALE("raid_scale", "raid"),
        /** A raid's {@code count} set to the value; one raid or all. */
        RAID_COUNT("raid_count", "raid");

        private final String key;
        private final String targetKey;

        Kind(String key, String targetKey) {
            this.key = key;
            this.targetKey = targetKey;
        }

        /** The name written in the file ({@code parameter: raid_scale}). */
        public String key() {
            return key;
        }

        /** The key that names the one entity it acts on ({@code battery}, {@code laser}, {@code raid}), or null. */
        public String targetKey() {
            return targetKey;
        }
    }

    /**
     * One value of a parameter.
     *
     * @param number the value as a number (a laser's on is 1, off 0)
     * @param text   the value as a person reads it ({@code 20}, {@code 0.5}, {@code on}, {@code off})
     */
    public record Value(double number, String text) {
    }

    /**
     * One swept parameter.
     *
     * @param label  its column name in the results: the kind's key, with the entity it acts on in brackets
     *               ({@code rounds_per_launcher[Battery-Sderot]}); unique within the sweep
     * @param kind   what it changes
     * @param target the battery, laser or raid it acts on, or null for all of them
     * @param values its values, in the order given, at least one
     */
    public record Parameter(String label, Kind kind, String target, List<Value> values) {

        public Parameter {
            values = List.copyOf(values);
            if (label == null || kind == null || values.isEmpty()) {
                throw new IllegalArgumentException("a sweep parameter needs a label, a kind and values");
            }
        }
    }

    /**
     * One point of the grid.
     *
     * @param index  its place in the grid, from 0
     * @param values one value per parameter, in the parameters' order
     * @param world  the concrete scenario at this point
     */
    public record Point(int index, List<Value> values, World world) {

        public Point {
            values = List.copyOf(values);
        }

        /** The values as {@code label=text} pairs joined by ", ", for tables and messages. */
        public String describe(Sweep sweep) {
            List<String> parts = new ArrayList<>();
            for (int p = 0; p < values.size(); p++) {
                parts.add(sweep.parameters().get(p).label() + "=" + values.get(p).text());
            }
            return String.join(", ", parts);
        }
    }

    /** Whether the scenario declares no parameter. */
    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** Number of grid points: the product of the numbers of values (1 without parameters). */
    public long size() {
        long n = 1;
        for (Parameter p : parameters) {
            n *= p.values().size();
            if (n > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /**
     * Which value of each parameter grid point {@code index} takes: the last parameter varies
     * fastest.
     */
    public int[] choice(int index) {
        int[] out = new int[parameters.size()];
        int rest = index;
        for (int p = parameters.size() - 1; p >= 0; p--) {
            int n = parameters.get(p).values().size();
            out[p] = rest % n;
            rest /= n;
        }
        return out;
    }

    /** Every grid point, in grid order, applied to a base world. */
    public List<Point> points(World base) {
        long size = size();
        if (size > MAX_POINTS) {
            throw new IllegalStateException("a sweep of " + size + " points is over the limit of " + MAX_POINTS);
        }
        List<Point> out = new ArrayList<>((int) size);
        for (int i = 0; i < size; i++) {
            int[] c = choice(i);
            List<Value> values = new ArrayList<>();
            for (int p = 0; p < c.length; p++) {
                values.add(parameters.get(p).values().get(c[p]));
            }
            out.add(new Point(i, values, apply(base, c)));
        }
        return out;
    }

    /** The base world with value {@code choice[p]} of every parameter p applied, in declaration order. */
    public World apply(World base, int[] choice) {
        World w = base;
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            w = apply(w, parameter, parameter.values().get(choice[p]).number());
        }
        return w;
    }

    private static World apply(World w, Parameter p, double v) {
        List<BatterySpec> batteries = w.batteries();
        List<Resupply> resupplies = w.resupplies();
        List<LaserSpec> lasers = w.lasers();
        List<RaidSpec> raids = w.raids();
        switch (p.kind()) {
            case ROUNDS_PER_LAUNCHER, RESERVE_ROUNDS -> {
                List<BatterySpec> changed = new ArrayList<>();
                for (BatterySpec b : batteries) {
                    boolean hit = p.target() == null || p.target().equals(b.name());
                    int rounds = p.kind() == Kind.ROUNDS_PER_LAUNCHER && hit ? (int) v : b.roundsPerLauncher();
                    int reserve = p.kind() == Kind.RESERVE_ROUNDS && hit ? (int) v : b.reserveRounds();
                    changed.add(new BatterySpec(b.name(), b.site(), b.launchers(), rounds, reserve, b.reloadTimeS(),
                            b.minRangeM(), b.maxRangeM(), b.minAltitudeM(), b.maxAltitudeM(), b.interceptor(),
                            b.launchDelayS(), b.probabilityOfKill(), b.costPerInterceptorUsd(), b.divertRadiusM()));
                }
                batteries = changed;
            }
            case BATTERIES -> {
                batteries = batteries.subList(0, Math.min(batteries.size(), (int) v));
                Set<String> kept = batteries.stream().map(BatterySpec::name).collect(Collectors.toSet());
                resupplies = resupplies.stream().filter(r -> kept.contains(r.battery())).toList();
            }
            case LASER -> {
                if (v == 0) {
                    lasers = lasers.stream().filter(l -> p.target() != null && !p.target().equals(l.name())).toList();
                }
            }
            case RAID_SCALE, RAID_COUNT -> {
                List<RaidSpec> changed = new ArrayList<>();
                for (RaidSpec r : raids) {
                    int count = r.count();
                    if (p.target() == null || p.target().equals(r.name())) {
                        count = p.kind() == Kind.RAID_COUNT ? (int) v : scaled(count, v);
                    }
                    changed.add(new RaidSpec(r.name(), r.threatType(), r.launchArea(), r.aimArea(), r.aimLabel(),
                            count, r.startS(), r.ratePerMinute(), r.route(), r.cruiseHeightM()));
                }
                raids = changed;
            }
            default -> throw new IllegalStateException(p.kind().toString());
        }
        return new World(w.name(), w.origin(), w.seed(), w.durationS(), w.earth(), w.areas(), w.radars(), batteries,
                raids, w.doctrine(), w.tracker(), resupplies, lasers, w.guns());
    }

    /** A raid's count scaled: rounded half up to a whole round, at least one. */
    static int scaled(int count, double scale) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(count * scale + 0.5)));
    }
}
