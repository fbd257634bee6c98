package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: the engine using java.nio.file (forbidden). */
class UsesNioFiles {
    java.nio.file.Path path(String name) {
        return java.nio.file.Path.of(name);
    }
}
