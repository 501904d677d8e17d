package org.frischluft.ui.kiosk;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The root of a kiosk that configures itself: the pairing screen until it has a room, then the room's kiosk; a new
 * configuration swaps in the next kiosk view. FX thread only.
 */
public final class KioskHost extends StackPane {
    private Node shown;

    public KioskHost() {
        setId("kiosk-host");
        getStyleClass().add("kiosk-host");
    }

    /** The shown screen gets exactly the host's size, as a scene root would (its own minimum never pushes it out). */
    @Override
    protected void layoutChildren() {
        for (Node n : getManagedChildren()) n.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    public void show(Node next) {
        if (shown == next) return;
        getChildren().setAll(next);
        shown = next;
    }

    /** The pairing screen or the kiosk view now on screen (null before the first). */
    public Node shown() {
        return shown;
    }

    /** The room's kiosk on screen, if it shows one. */
    public KioskView kiosk() {
        return shown instanceof KioskView k ? k : null;
    }

    public PairingView pairing() {
        return shown instanceof PairingView p ? p : null;
    }
}
