package dev.bulwark.cli.archfixture.scenario;

/** Layering fixture: a scenario class. */
public class Format {
}
