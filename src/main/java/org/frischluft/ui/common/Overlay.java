package org.frischluft.ui.common;

import javafx.scene.Node;

/**
 * A screen that opens over another one (the reports over the overview), so the host can offer it without knowing
 * it: the host lays {@link #node()} over its content and calls {@link #open} from a button named {@link #title()}.
 */
public interface Overlay {
    /** Shows it; the focus returns to {@code from} (may be null) on close. */
    void open(Node from);

    /** The node to lay over the screen; hidden while closed. */
    Node node();

    /** What the host's button says, in the user's language. */
    String title();
}
