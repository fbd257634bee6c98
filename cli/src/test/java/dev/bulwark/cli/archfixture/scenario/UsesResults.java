package dev.bulwark.cli.archfixture.scenario;

/** Layering fixture: the scenario module depending on the results module (forbidden). */
class UsesResults {
    dev.bulwark.cli.archfixture.results.Store store;
}
