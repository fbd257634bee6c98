package dev.bulwark.cli.archfixture.engine.track;

/** Layering fixture: a tracker reading truth (forbidden). */
class ReadsTruth {
    double cheat(dev.bulwark.cli.archfixture.engine.flight.Truth truth) {
        return truth.altitudeM;
    }
}
