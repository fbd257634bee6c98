package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: a pure engine class (allowed). */
class Pure {
    double square(double x) {
        return x * x;
    }
}
