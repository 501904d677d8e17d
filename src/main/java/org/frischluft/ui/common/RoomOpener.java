package org.frischluft.ui.common;

import javafx.scene.Node;

/**
 * Something that opens over a screen to show one room in depth (the room detail), so the overview can host it
 * without knowing it: the overview adds {@link #node()} over its rooms and calls {@link #open} from a tile.
 */
public interface RoomOpener {
    /** Shows {@code room}; {@code from} is the tile it was opened from (focus returns there on close). */
    void open(RoomViewModel room, Node from);

    /** The node to lay over the screen; hidden while closed. */
    Node node();
}
