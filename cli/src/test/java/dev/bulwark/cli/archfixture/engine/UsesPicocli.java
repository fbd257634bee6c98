package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: the engine parsing a command line (forbidden). */
class UsesPicocli {
    picocli.CommandLine commandLine;
}
