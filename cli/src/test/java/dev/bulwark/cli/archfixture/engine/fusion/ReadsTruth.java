package dev.bulwark.cli.archfixture.engine.fusion;

/** Layering fixture: fusion reading truth (forbidden). */
class ReadsTruth {
    double cheat(dev.bulwark.cli.archfixture.engine.flight.Truth truth) {
        return truth.altitudeM;
    }
}
