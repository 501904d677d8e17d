package org.frischluft.ui.common;

import javafx.scene.paint.Color;
import org.frischluft.model.Light;

/**
 * Java mirror of the semantic colour variables in {@code theme.css}, for code that paints from colour
 * properties (TilesFX skins, snapshots) instead of CSS. {@code PaletteTest} keeps both in step.
 * Every colour reaches at least WCAG AA (4.5:1) as text on {@link #BG}.
 */
public final class Palette {
    /** {@code -fl-bg}: near-black blue, the screen background. */
    public static final Color BG = Color.web("#0d1117");
    /** {@code -fl-surface}: tile and panel background. */
    public static final Color SURFACE = Color.web("#1b2230");
    /** {@code -fl-fg}: main text. */
    public static final Color FG = Color.web("#f2f4f8");
    /** {@code -fl-muted}: secondary text. */
    public static final Color MUTED = Color.web("#aab4c3");
    /** {@code -fl-ok}: green, good air. */
    public static final Color OK = Color.web("#3ddc84");
    /** {@code -fl-warn}: yellow, ventilate soon. */
    public static final Color WARN = Color.web("#ffd23f");
    /** {@code -fl-alarm}: red, ventilate now. */
    public static final Color ALARM = Color.web("#ff5252");
    /** {@code -fl-stale}: grey, no current data. */
    public static final Color STALE = Color.web("#9aa3ad");
    /** {@code -fl-blue}: blue, you may close the windows. */
    public static final Color BLUE = Color.web("#4fc3f7");
    /** {@code -fl-demo}: violet, marks simulated data (the demo); no state uses it. */
    public static final Color DEMO = Color.web("#c3a6ff");

    private Palette() {
    }

    /** The state colour of a light. */
    public static Color of(Light light) {
        return switch (light) {
            case GREEN -> OK;
            case YELLOW -> WARN;
            case RED -> ALARM;
            case BLUE -> BLUE;
            case GREY -> STALE;
        };
    }
}
