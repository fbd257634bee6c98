package dev.bulwark.engine.flight;

/**
 * Air density and speed of sound from the U.S. Standard Atmosphere, 1976 (NOAA-S/T 76-1562),
 * for geometric heights up to 86 km: the seven layers of its Table 4 with their base
 * temperatures, lapse rates and base pressures, integrated in geopotential height.
 *
 * <p>Two ways in: the exact formulas ({@link #density}, {@link #temperature}, {@link #pressure},
 * {@link #speedOfSound}), and {@link #densityAndSpeedOfSound}, for the flight models' inner
 * loop, which reads both from one table of the exact values every {@value #TABLE_STEP_M} m,
 * linearly interpolated: one multiplication and two interpolations instead of a layer search,
 * a geopotential conversion, a power and a square root. Interpolating a quantity with a scale
 * height H over a cell Δ errs by at most Δ²/(8H²) relative: 3e-6 for the density (H ≥ 5.5 km
 * below 86 km) and far less for the speed of sound; in the one cell around each layer base,
 * where the lapse rate changes, up to 1.1e-4 (density) and 5e-5 (speed of sound), which only
 * smooths the standard's corners over 25 m.
 *
 * <p>Neglected: above 86 km the density is continued exponentially with a 6 km scale height
 * (the standard's upper layers matter only for the re-entry of long-range missiles, which
 * arrive with the flight-model work); weather, humidity and winds.
 */
public final class StandardAtmosphere {

    /** Sea-level density (kg/m³). */
    public static final double SEA_LEVEL_DENSITY = 1.2250;

    private static final double G0 = 9.80665;
    private static final double R_AIR = 287.0531;        // J/(kg·K), R*/M0 of the standard
    private static final double GAMMA = 1.4;
    private static final double EARTH_RADIUS = 6_356_766.0; // r0 of the standard (m)

    // base geopotential height (m), base temperature (K), lapse rate (K/m), base pressure (Pa)
    private static final double[] H_BASE = {0, 11_000, 20_000, 32_000, 47_000, 51_000, 71_000};
    private static final double[] T_BASE = {288.15, 216.65, 216.65, 228.65, 270.65, 270.65, 214.65};
    private static final double[] LAPSE = {-0.0065, 0.0, 0.0010, 0.0028, 0.0, -0.0028, -0.0020};
    private static final double[] P_BASE = {101_325.0, 22_632.06, 5_474.889, 868.0187, 110.9063, 66.93887, 3.956420};
    private static final double TOP_GEOMETRIC = 86_000.0;
    /** Scale height of the exponential density above 86 km (m). */
    private static final double TOP_SCALE_HEIGHT_M = 6_000.0;
    private static final double TOP_DENSITY = density0(TOP_GEOMETRIC);

    /** Spacing (m) of the table behind {@link #densityAndSpeedOfSound}. */
    public static final double TABLE_STEP_M = 25.0;
    static final double INV_STEP = 1.0 / TABLE_STEP_M;
    private static final int TABLE_CELLS = (int) Math.round(TOP_GEOMETRIC / TABLE_STEP_M);
    /**
     * Per node i (height i·Δ, Δ = {@link #TABLE_STEP_M}): density, its increment to node i + 1,
     * inverse of the speed of sound (the flight loop wants the Mach number v/a), its increment.
     */
    static final double[] TABLE = table();
    /** Top of the table (m): geometric height 86 km. */
    static final double TABLE_TOP_M = TOP_GEOMETRIC;
    private static final double TOP_SPEED_OF_SOUND = speedOfSound(TOP_GEOMETRIC);

    private StandardAtmosphere() {
    }

    /** Density (kg/m³) at a geometric height (m); sea-level density below 0 m. */
    public static double density(double altitude) {
        if (altitude > TOP_GEOMETRIC) {
            return TOP_DENSITY * Math.exp(-(altitude - TOP_GEOMETRIC) / TOP_SCALE_HEIGHT_M);
        }
        return density0(Math.max(altitude, 0.0));
    }

    /**
     * {@link #density} into {@code out[0]} and {@link #speedOfSound} into {@code out[1]}, the
     * same to the bit, with the geopotential height and the layer found once for both (the exact
     * formulas, for checks of the table; every flight loop reads the table, {@link
     * #densityAndSpeedOfSound}).
     *
     * @param altitude geometric height (m)
     * @param out      receives density (kg/m³) and speed of sound (m/s)
     */
    public static void densityAndSpeedOfSoundExact(double altitude, double[] out) {
        if (altitude > TOP_GEOMETRIC) {
            out[0] = TOP_DENSITY * Math.exp(-(altitude - TOP_GEOMETRIC) / TOP_SCALE_HEIGHT_M);
            out[1] = TOP_SPEED_OF_SOUND;
            return;
        }
        // as density0 and temperature: below 86 km both clamp the height to 0 and no further
        double h = geopotential(Math.max(altitude, 0.0));
        int i = layer(h);
        double t = T_BASE[i] + LAPSE[i] * (h - H_BASE[i]);
        double p = LAPSE[i] == 0.0
                ? P_BASE[i] * Math.exp(-G0 * (h - H_BASE[i]) / (R_AIR * T_BASE[i]))
                : P_BASE[i] * Math.pow(T_BASE[i] / t, G0 / (R_AIR * LAPSE[i]));
        out[0] = p / (R_AIR * t);
        out[1] = Math.sqrt(GAMMA * R_AIR * t);
    }

    /**
     * Density and speed of sound at a geometric height, from the table (see the class comment):
     * {@code out[0]} the density (kg/m³), {@code out[1]} the speed of sound (m/s). Below 0 m the
     * sea-level values; above 86 km the exponential density of {@link #density} and the speed of
     * sound at 86 km. Allocation-free; exact at the table's nodes (every {@value #TABLE_STEP_M} m) to
     * rounding.
     *
     * @param altitude geometric height (m)
     * @param out      receives density and speed of sound
     */
    public static void densityAndSpeedOfSound(double altitude, double[] out) {
        if (altitude < TOP_GEOMETRIC) {
            double x = altitude > 0 ? altitude * INV_STEP : 0.0;
            int i = (int) x;
            double frac = x - i;
            int k = 4 * i;
            out[0] = TABLE[k] + frac * TABLE[k + 1];
            out[1] = 1.0 / (TABLE[k + 2] + frac * TABLE[k + 3]);
        } else {
            out[0] = density(altitude);
            out[1] = TOP_SPEED_OF_SOUND;
        }
    }

    private static double[] table() {
        double[] t = new double[4 * (TABLE_CELLS + 1)];
        for (int i = 0; i <= TABLE_CELLS; i++) {
            double z = i * TABLE_STEP_M;
            t[4 * i] = density0(z);
            t[4 * i + 2] = 1.0 / speedOfSound(z);
        }
        for (int i = 0; i < TABLE_CELLS; i++) {
            t[4 * i + 1] = t[4 * i + 4] - t[4 * i];
            t[4 * i + 3] = t[4 * i + 6] - t[4 * i + 2];
        }
        return t;
    }

    /**
     * The table's density at a geometric height (m) into {@code out[0]}, as
     * {@link #densityAndSpeedOfSound} has it, and its slope dρ/dh (kg/m⁴) into {@code out[1]}: the
     * slope of the table's cell (0 below the ground, where the density is held at its sea-level
     * value; −ρ/H with the 6 km scale height above 86 km). For linearised flight dynamics.
     *
     * @param altitude geometric height (m)
     * @param out      receives density and its height derivative
     */
    public static void densityAndSlope(double altitude, double[] out) {
        if (altitude < TOP_GEOMETRIC) {
            double x = altitude > 0 ? altitude * INV_STEP : 0.0;
            int i = (int) x;
            int k = 4 * i;
            out[0] = TABLE[k] + (x - i) * TABLE[k + 1];
            out[1] = altitude > 0 ? TABLE[k + 1] * INV_STEP : 0.0;
        } else {
            out[0] = density(altitude);
            out[1] = -out[0] / TOP_SCALE_HEIGHT_M;
        }
    }

    /** Temperature (K) at a geometric height (m), clamped to the 0–86 km range of the table. */
    public static double temperature(double altitude) {
        double h = geopotential(Math.min(Math.max(altitude, 0.0), TOP_GEOMETRIC));
        int i = layer(h);
        return T_BASE[i] + LAPSE[i] * (h - H_BASE[i]);
    }

    /** Speed of sound (m/s) at a geometric height (m). */
    public static double speedOfSound(double altitude) {
        return Math.sqrt(GAMMA * R_AIR * temperature(altitude));
    }

    /** Pressure (Pa) at a geometric height (m), 0–86 km. */
    public static double pressure(double altitude) {
        double h = geopotential(Math.min(Math.max(altitude, 0.0), TOP_GEOMETRIC));
        int i = layer(h);
        double t = T_BASE[i] + LAPSE[i] * (h - H_BASE[i]);
        if (LAPSE[i] == 0.0) {
            return P_BASE[i] * Math.exp(-G0 * (h - H_BASE[i]) / (R_AIR * T_BASE[i]));
        }
        return P_BASE[i] * Math.pow(T_BASE[i] / t, G0 / (R_AIR * LAPSE[i]));
    }

    private static double density0(double altitude) {
        double h = geopotential(altitude);
        int i = layer(h);
        double t = T_BASE[i] + LAPSE[i] * (h - H_BASE[i]);
        double p = LAPSE[i] == 0.0
                ? P_BASE[i] * Math.exp(-G0 * (h - H_BASE[i]) / (R_AIR * T_BASE[i]))
                : P_BASE[i] * Math.pow(T_BASE[i] / t, G0 / (R_AIR * LAPSE[i]));
        return p / (R_AIR * t);
    }

    private static double geopotential(double z) {
        return EARTH_RADIUS * z / (EARTH_RADIUS + z);
    }

    private static int layer(double h) {
        int i = H_BASE.length - 1;
        while (i > 0 && h < H_BASE[i]) {
            i--;
        }
        return i;
    }
}
