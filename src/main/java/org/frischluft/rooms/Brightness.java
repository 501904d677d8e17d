package org.frischluft.rooms;

/** How bright the kiosk screen is: fully on, dimmed, or blank. */
public enum Brightness {
    FULL, DIM, BLANK;

    /** Lower-case name used as the kiosk's CSS pseudo-class ({@code :dim}, {@code :blank}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
