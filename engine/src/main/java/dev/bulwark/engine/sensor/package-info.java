/**
 * Sensors: radars that see the truth imperfectly (coverage, Swerling I detection, Gaussian
 * measurement noise, false alarms) and emit plots. A sensor never reads another stage's data.
 */
package dev.bulwark.engine.sensor;
