/**
 * Battle management: weapon-target assignment under a doctrine, and the recorded reason for
 * every decision to engage or hold fire.
 */
package dev.bulwark.engine.assign;
