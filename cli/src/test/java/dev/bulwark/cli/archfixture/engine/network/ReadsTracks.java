package dev.bulwark.cli.archfixture.engine.network;

/** Layering fixture: the network reaching up into the tracker (forbidden). */
class ReadsTracks {
    Object peek(dev.bulwark.cli.archfixture.engine.track.Tracker tracker) {
        return tracker;
    }
}
