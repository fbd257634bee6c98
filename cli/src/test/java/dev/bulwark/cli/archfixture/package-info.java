/**
 * Deliberately wrong classes, laid out like Bulwark's modules under this package, on which
 * {@link dev.bulwark.cli.LayeringTest} shows that each layering rule catches a violation.
 * Test code only: never part of the product.
 */
package dev.bulwark.cli.archfixture;
