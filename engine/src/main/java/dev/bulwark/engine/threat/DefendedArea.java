package dev.bulwark.engine.threat;

import dev.bulwark.engine.geo.GeoPolygon;

/**
 * An area the defence protects: a town, a hospital, a power station.
 *
 * @param name     unique name, e.g. "Sderot"
 * @param kind     what it holds
 * @param value    relative value (dimensionless, &gt; 0); higher is defended first
 * @param boundary its outline on the ground
 */
public record DefendedArea(String name, AreaKind kind, double value, GeoPolygon boundary) {
    public DefendedArea {
        if (name == null || name.isBlank() || kind == null || boundary == null || !(value > 0)) {
            throw new IllegalArgumentException("invalid defended area " + name);
        }
    }
}
