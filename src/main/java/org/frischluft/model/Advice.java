package org.frischluft.model;

/**
 * The airing coach's line: a forecast or an instruction, with minutes where they apply. Never overrides the
 * measured colour; shown only when the fit behind it is good.
 */
public record Advice(Kind kind, int minutes) {
    public enum Kind {
        /** CO2 rising: "yellow in about N minutes". */
        YELLOW_SOON,
        /** CO2 rising: "red in about N minutes". */
        RED_SOON,
        /** Room is being aired: "about N more minutes, then close the windows". */
        CLOSE_IN,
        /** Aired enough (or too cold): "close the windows now". */
        CLOSE_NOW,
        /** Open the windows now. */
        OPEN_NOW
    }

    public Advice {
        if (kind == null) throw new IllegalArgumentException("kind");
        if (minutes < 0) throw new IllegalArgumentException("minutes < 0");
    }
}
