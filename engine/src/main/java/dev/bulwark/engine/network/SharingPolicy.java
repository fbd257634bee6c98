package dev.bulwark.engine.network;

import dev.bulwark.engine.geo.Ellipsoid;
import dev.bulwark.engine.geo.GeoPolygon;
import dev.bulwark.engine.geo.GeodeticPoint;
import dev.bulwark.engine.geo.LocalFrame;
import dev.bulwark.engine.geo.PlanarRegions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one nation agrees to give another (one policy per ordered pair of nodes): which kinds of
 * data, at what position precision, after what extra delay, and never about objects over
 * embargo zones.
 *
 * <p><b>Coarsening.</b> Positions (a track's or a plot's) are snapped to the centre of a cubic
 * cell of side g in ECEF: xᵢ ↦ g (⌊xᵢ / g⌋ + ½). A grid rather than added random noise, because
 * noise averages out: a receiver could recover the precise position from N reports to within
 * σ/√N, whereas a grid gives it nothing finer than the cell for an object that stays in it; and
 * a grid needs no random stream. The receiver must still see an honest covariance, so the
 * quantisation error is declared as an added independent uniform error of variance g²/12 per
 * axis (the classical model of quantisation noise, valid when the cell is small against the
 * spread of positions: Widrow &amp; Kollár, <i>Quantization Noise</i>, Cambridge UP 2008, ch. 4–5).
 * The added g²/12 I is isotropic, so it is the same in ECEF as in any local frame. The error is
 * in fact correlated from report to report of a slow object; fusion by covariance intersection
 * does not assume otherwise. Velocities are passed unchanged (they do not reveal where the
 * sender's sensors are), which is a leak of precision over time that this model accepts.
 *
 * <p><b>Embargo.</b> A track or plot whose position (its surface projection) lies in an embargo
 * polygon is not sent at all. Each polygon is tested in the tangent plane at its own centroid
 * ({@link PlanarRegions}), so zones may lie far apart. Engagement status carries no position
 * and is not subject to embargo.
 *
 * <p>Immutable; thread-safe.
 */
public final class SharingPolicy {

    private final Set<DataKind> kinds;
    private final double grid;
    private final double extraDelay;
    private final List<PlanarRegions> embargo;
    private final Ellipsoid ellipsoid;

    /**
     * @param kinds      the kinds of data shared
     * @param grid       coarsening cell side g (m), ≥ 0; 0 shares full precision
     * @param extraDelay delay added before a message enters the link (s), ≥ 0
     * @param embargo    zones over which nothing with a position is shared
     * @param ellipsoid  the Earth model of the ECEF positions
     */
    public SharingPolicy(Set<DataKind> kinds, double grid, double extraDelay, List<GeoPolygon> embargo,
            Ellipsoid ellipsoid) {
        if (!(grid >= 0) || Double.isInfinite(grid)) {
            throw new IllegalArgumentException("coarsening grid must be finite and >= 0 m, got " + grid);
        }
        if (!(extraDelay >= 0) || Double.isInfinite(extraDelay)) {
            throw new IllegalArgumentException("extra delay must be finite and >= 0 s, got " + extraDelay);
        }
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(DataKind.class) : EnumSet.copyOf(kinds);
        this.grid = grid;
        this.extraDelay = extraDelay;
        this.ellipsoid = ellipsoid;
        List<PlanarRegions> zones = new ArrayList<>();
        for (GeoPolygon p : embargo) {
            zones.add(new PlanarRegions(ellipsoid, new LocalFrame(ellipsoid, p.centroid()), List.of(p)));
        }
        this.embargo = List.copyOf(zones);
    }

    /** Everything, at full precision, at once, everywhere. */
    public static SharingPolicy full(Ellipsoid ellipsoid) {
        return new SharingPolicy(EnumSet.allOf(DataKind.class), 0, 0, List.of(), ellipsoid);
    }

    /** Nothing at all. */
    public static SharingPolicy none(Ellipsoid ellipsoid) {
        return new SharingPolicy(EnumSet.noneOf(DataKind.class), 0, 0, List.of(), ellipsoid);
    }

    /** Whether a kind of data is shared. */
    public boolean shares(DataKind kind) {
        return kinds.contains(kind);
    }

    /** Coarsening cell side g (m); 0 for full precision. */
    public double grid() {
        return grid;
    }

    /** Delay added before a message enters the link (s). */
    public double extraDelay() {
        return extraDelay;
    }

    /** Whether an ECEF position (m) lies over an embargo zone. */
    public boolean embargoed(double x, double y, double z) {
        if (embargo.isEmpty()) {
            return false;
        }
        GeodeticPoint p = ellipsoid.toGeodetic(x, y, z);
        double[] en = new double[3];
        for (PlanarRegions zone : embargo) {
            zone.project(p, en);
            if (zone.contains(0, en[0], en[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The message as this policy lets it go, or null if it is withheld (kind not shared, or
     * position over an embargo zone). Time and identity are unchanged; the extra delay is
     * applied by the network, not here.
     */
    public Message apply(Message m) {
        if (!shares(m.kind())) {
            return null;
        }
        if (m instanceof TrackReport t) {
            if (embargoed(t.state(0), t.state(1), t.state(2))) {
                return null;
            }
            if (grid == 0) {
                return t;
            }
            double[] x = t.state();
            double[] p = t.covariance();
            coarsen(x, p, 6);
            return new TrackReport(t.source(), t.localTrack(), t.time(), x, p);
        }
        if (m instanceof PlotReport r) {
            double[] z = r.position();
            if (embargoed(z[0], z[1], z[2])) {
                return null;
            }
            if (grid == 0) {
                return r;
            }
            double[] c = r.covariance();
            coarsen(z, c, 3);
            return new PlotReport(r.source(), r.sensor(), r.time(), z, c);
        }
        return m; // engagement status: no position
    }

    /** Snaps x[0..2] to cell centres and adds g²/12 to the position variances of an n×n covariance. */
    private void coarsen(double[] x, double[] p, int n) {
        double variance = grid * grid / 12;
        for (int i = 0; i < 3; i++) {
            x[i] = grid * (Math.floor(x[i] / grid) + 0.5);
            p[i * n + i] += variance;
        }
    }
}
