/**
 * The simulation kernel: the event queue keyed by (time, ordering), random streams split from
 * the scenario seed per entity and purpose, the event bus and its events, the world
 * description and the simulation loop that runs the pipeline.
 */
package dev.bulwark.engine.sim;
