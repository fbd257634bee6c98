/**
 * Geodesy: the WGS84 ellipsoid, geodetic and Earth-centred Earth-fixed coordinates, local
 * east-north-up frames and radar coordinates, and surface polygons in a tangent plane. SI
 * units (m, rad) throughout.
 */
package dev.bulwark.engine.geo;
