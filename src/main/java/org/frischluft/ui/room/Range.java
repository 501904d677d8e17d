package org.frischluft.ui.room;

/** The span of history the room detail shows: today's school day, the last 7 days or the last 30 days. */
public enum Range {
    TODAY, WEEK, MONTH;

    /** Lower-case name used in resource keys and node ids. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
