package dev.bulwark.engine.threat;

import java.util.Locale;

/** What a defended area holds. Reported with every leak; the doctrine may weigh an area's value by its kind. */
public enum AreaKind {
    RESIDENTIAL,
    HOSPITAL,
    SCHOOL,
    INFRASTRUCTURE,
    INDUSTRIAL,
    MILITARY;

    /** The lower-case name used in scenario files and reports. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
