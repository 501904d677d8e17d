package org.frischluft.alert;

import java.util.Locale;

/** Where an alert is in its life: opened → (escalated) → acknowledged → resolved. */
public enum AlertState {
    OPEN, ESCALATED, ACKNOWLEDGED, RESOLVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Opened or escalated, nobody has taken it on. */
    public boolean unacknowledged() {
        return this == OPEN || this == ESCALATED;
    }
}
