package dev.bulwark.cli.archfixture.engine.flight;

/** Layering fixture: the true state of a threat. */
public class Truth {
    public double altitudeM;
}
