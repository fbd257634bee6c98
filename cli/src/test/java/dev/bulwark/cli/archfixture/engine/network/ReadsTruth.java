package dev.bulwark.cli.archfixture.engine.network;

/** Layering fixture: the network reading truth (forbidden). */
class ReadsTruth {
    double cheat(dev.bulwark.cli.archfixture.engine.flight.Truth truth) {
        return truth.altitudeM;
    }
}
