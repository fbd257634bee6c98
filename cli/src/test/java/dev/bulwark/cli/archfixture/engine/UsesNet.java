package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: the engine using java.net (forbidden). */
class UsesNet {
    java.net.URI uri(String s) {
        return java.net.URI.create(s);
    }
}
