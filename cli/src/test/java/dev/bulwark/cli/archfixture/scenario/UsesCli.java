package dev.bulwark.cli.archfixture.scenario;

/** Layering fixture: the scenario module depending on the command (forbidden). */
class UsesCli {
    dev.bulwark.cli.archfixture.cli.Command command;
}
