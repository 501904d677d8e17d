package org.frischluft.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** Something that happened to an alert, with the alert as it is after it. */
public record AlertEvent(Instant time, Kind kind, Alert alert) {
    /** {@code opened}, {@code escalated}, {@code resolved} are what {@code alerts --replay} prints. */
    public enum Kind {
        OPENED, ESCALATED, REMINDED, ACKNOWLEDGED, RESOLVED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AlertEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alert, "alert");
    }
}
