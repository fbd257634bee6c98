package dev.bulwark.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers every {@link SimEvent} to the recorders subscribed to it, synchronously and in
 * subscription order. Stages publish; they never know who listens.
 */
public final class EventBus {

    /** A subscriber. */
    @FunctionalInterface
    public interface Listener {
        /** Receives one event. Must not throw. */
        void on(SimEvent event);
    }

    private final List<Listener> listeners = new ArrayList<>();

    /** Adds a listener. */
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Whether anyone listens: a stage may skip building events that only the listeners would read
     * (a Monte Carlo replication runs without any).
     */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Sends an event to every listener. */
    public void publish(SimEvent event) {
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).on(event);
        }
    }
}
