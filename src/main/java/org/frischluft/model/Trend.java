package org.frischluft.model;

/**
 * The direction of a colour change the light is holding back: readings already lie past a threshold, and the
 * light follows once they have agreed for the profile's hold time. Screens show it beside the light's words
 * ("Gute Luft · steigt"), so a value and a colour that disagree for a moment say why.
 */
public enum Trend {
    /** Towards a worse band: green to yellow, yellow to red, blue to green. */
    RISING,
    /** Towards a better band: red to yellow, yellow to green, green to blue. */
    FALLING;

    /** Lower-case name used in CSS pseudo-classes and resource keys. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
