package dev.bulwark.engine.network;

/**
 * A message between coalition nodes. Immutable; every message names the node that produced it
 * and the time its content refers to.
 */
public sealed interface Message permits TrackReport, PlotReport, EngagementStatus {

    /** The node (nation or command) that produced the content, 0 ≤ source. */
    int source();

    /** The time the content refers to (s, simulation time). */
    double time();

    /** The kind of data, as a sharing policy names it. */
    DataKind kind();
}
