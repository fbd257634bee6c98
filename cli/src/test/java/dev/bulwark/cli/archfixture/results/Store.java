package dev.bulwark.cli.archfixture.results;

/** Layering fixture: a results class. */
public class Store {
}
