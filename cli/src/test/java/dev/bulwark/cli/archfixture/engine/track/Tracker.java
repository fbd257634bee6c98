package dev.bulwark.cli.archfixture.engine.track;

/** Layering fixture: a tracker, which the network must not reach into. */
public class Tracker {
}
