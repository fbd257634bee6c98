package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: the engine reading a java.io.File (forbidden). */
class UsesJavaIoFile {
    boolean exists(String name) {
        return new java.io.File(name).exists();
    }
}
