package org.frischluft.alert;

import java.util.Locale;
import java.util.Optional;

/**
 * The alert rules, with the id used in files, CSV and topics, a severity for sorting (3 = act now) and whether they
 * may fire only during school time (everything except {@code sensor-silent}, {@code drift} and {@code window-open}).
 */
public enum Rule {
    CO2_HIGH("co2-high", 3, true),
    RED_IN_LESSON("red-in-lesson", 3, true),
    SENSOR_SILENT("sensor-silent", 2, false),
    WINDOW_OPEN("window-open", 2, false),
    BATTERY_LOW("battery-low", 1, true),
    DRIFT("drift", 1, false);

    private final String id;
    private final int severity;
    private final boolean schoolTimeOnly;

    Rule(String id, int severity, boolean schoolTimeOnly) {
        this.id = id;
        this.severity = severity;
        this.schoolTimeOnly = schoolTimeOnly;
    }

    /** e.g. {@code co2-high}. */
    public String id() {
        return id;
    }

    /** 3 = act now (air), 2 = something is off (no data, energy), 1 = maintenance (battery, calibration). */
    public int severity() {
        return severity;
    }

    public boolean schoolTimeOnly() {
        return schoolTimeOnly;
    }

    /** Resource key stem, e.g. {@code co2_high}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Rule> byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) return Optional.of(r);
        }
        return Optional.empty();
    }
}
