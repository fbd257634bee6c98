package dev.bulwark.cli.archfixture.engine;

/** Layering fixture: the engine holding a database connection (forbidden). */
class UsesSql {
    java.sql.Connection connection;
}
