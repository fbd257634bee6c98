package dev.bulwark.engine.flight.interceptor;

/**
 * Receives the state of an interceptor fly-out after every integration step, for recording
 * a trajectory or checking the guidance. The arrays are the flight's scratch space: read
 * them during the call, copy what must be kept, never modify them.
 */
@FunctionalInterface
public interface FlightObserver {

    /**
     * @param time                simulation time (s)
     * @param interceptor         the interceptor's ECEF position (m) in {@code [0..2]} and velocity (m/s) in {@code [3..5]}
     * @param lateralAcceleration the lateral acceleration the airframe is pulling (ECEF, m/s²), normal to the velocity
     * @param target              the target's ECEF position (m) and velocity (m/s)
     */
    void onStep(double time, double[] interceptor, double[] lateralAcceleration, double[] target);
}
