package dev.bulwark.cli.archfixture.results;

/** Layering fixture: the results module depending on the scenario module (forbidden). */
class UsesScenario {
    dev.bulwark.cli.archfixture.scenario.Format format;
}
