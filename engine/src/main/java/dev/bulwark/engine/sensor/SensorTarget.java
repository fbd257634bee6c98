package dev.bulwark.engine.sensor;

/** Something a radar can see: the truth side of a threat, read through dense output. */
public interface SensorTarget {

    /** A stable identifier, used to split the random draws per target (common random numbers). */
    int id();

    /** Whether the target is in the air at time t (s). */
    boolean airborne(double t);

    /** ECEF position (m) and velocity (m/s) at time t (s), into {@code out[0..5]}. */
    void stateAt(double t, double[] out);

    /** Mean radar cross-section (m²). */
    double rcs();

    /** How the cross-section fluctuates from look to look; Swerling I unless the target says otherwise. */
    default Swerling swerling() {
        return Swerling.SWERLING_1;
    }
}
