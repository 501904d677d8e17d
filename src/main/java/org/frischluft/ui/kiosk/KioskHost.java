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
