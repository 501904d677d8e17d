package org.frischluft.ui.common;

import java.net.URL;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.frischluft.model.Light;
import org.frischluft.model.Trend;

/**
 * The one stylesheet ({@code theme.css}), the state pseudo-classes {@code :ok :warn :alarm :stale :blue} and
 * the direction of a pending change, {@code :rising :falling}.
 * Views never set colours inline: they toggle a pseudo-class with {@link #showLight(Node, Light)}.
 */
public final class Theme {
    /** URL of the stylesheet, for scenes and for sub-scenes or dialogs. */
    public static final String STYLESHEET = Objects.requireNonNull(stylesheet(), "theme.css missing").toExternalForm();

    public static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    public static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    public static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");
    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    public static final PseudoClass BLUE = PseudoClass.getPseudoClass("blue");
    public static final PseudoClass RISING = PseudoClass.getPseudoClass("rising");
    public static final PseudoClass FALLING = PseudoClass.getPseudoClass("falling");

    private Theme() {
    }

    private static URL stylesheet() {
        return Theme.class.getResource("/org/frischluft/ui/theme.css");
    }

    /** Adds the theme to {@code scene} once. */
    public static void apply(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }

    /** The pseudo-class for a light. */
    public static PseudoClass pseudoClass(Light light) {
        return switch (light) {
            case GREEN -> OK;
            case YELLOW -> WARN;
            case RED -> ALARM;
            case BLUE -> BLUE;
            case GREY -> STALE;
        };
    }

    /** Switches {@code node}'s state pseudo-class to {@code light} (exactly one of them is active). */
    public static void showLight(Node node, Light light) {
        for (Light l : Light.values()) {
            node.pseudoClassStateChanged(pseudoClass(l), l == light);
        }
    }

    /** Switches {@code node}'s direction pseudo-class {@code :rising} or {@code :falling}; neither for null. */
    public static void showTrend(Node node, Trend trend) {
        node.pseudoClassStateChanged(RISING, trend == Trend.RISING);
        node.pseudoClassStateChanged(FALLING, trend == Trend.FALLING);
    }
}
