package dev.bulwark.cli.archfixture.cli;

/** Layering fixture: the command, which may depend on everything (allowed). */
public class Command {
    dev.bulwark.cli.archfixture.scenario.Format format;
    dev.bulwark.cli.archfixture.results.Store store;
}
