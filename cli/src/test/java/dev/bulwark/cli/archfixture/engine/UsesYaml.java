package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: the engine reading YAML (forbidden). */
class UsesYaml {
    org.snakeyaml.engine.v2.api.LoadSettings settings;
}
