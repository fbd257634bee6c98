package dev.bulwark.engine.network;

import java.util.List;

/**
 * The network stage: carries messages between the nodes of a coalition. A node sends what it
 * has; the network decides, per partner, what the sharing policy lets through, authenticates
 * it, and delivers it (or not) after the link's delays.
 *
 * <p>Times must not go backwards, per node.
 */
public interface Network {

    /**
     * A message as a node received it.
     *
     * @param node    the receiving node
     * @param from    the sending node
     * @param arrival arrival time (s)
     * @param message the authenticated message
     */
    record Received(int node, int from, double arrival, Message message) {
    }

    /** Offers a message from node {@code from} at time t (s) to every partner it is linked to. */
    void send(int from, Message m, double t);

    /** The messages that reached {@code node} by time t (s) and passed authentication, in arrival order. */
    List<Received> receive(int node, double t);
}
