package org.frischluft.model;

/**
 * The state of the ventilation traffic light. BLUE is the optional "you may close the windows" band near
 * outdoor level; GREY means no current data (never a frozen green).
 */
public enum Light {
    BLUE, GREEN, YELLOW, RED, GREY;

    /** Lower-case name used in CSV, CSS pseudo-classes and resource keys. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
