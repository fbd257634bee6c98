package dev.bulwark.cli.archfixture.results;

/** Layering fixture: the results module depending on the command (forbidden). */
class UsesCli {
    dev.bulwark.cli.archfixture.cli.Command command;
}
