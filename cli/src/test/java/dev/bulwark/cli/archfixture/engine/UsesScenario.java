package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: the engine depending on the scenario module above it (forbidden). */
class UsesScenario {
    dev.bulwark.cli.archfixture.scenario.Format format;
}
