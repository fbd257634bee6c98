package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: the engine writing JSON (forbidden). */
class UsesJackson {
    com.fasterxml.jackson.core.JsonFactory json;
}
