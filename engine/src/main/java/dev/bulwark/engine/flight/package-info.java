/**
 * Truth: how threats fly. Point-mass ballistic flight in the Earth-fixed frame (gravity with
 * J2, Earth rotation, U.S. Standard Atmosphere 1976 drag), aiming, reach, and trajectories
 * with dense output. See docs/models/pipeline.md for the equations and what they neglect.
 */
package dev.bulwark.engine.flight;
