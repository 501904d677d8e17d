package org.frischluft.rooms;

import java.util.Locale;
import java.util.Objects;
import org.frischluft.model.RoomId;

/**
 * A classroom screen as a first-class entry of its site.
 *
 * @param room     the room it shows, or null while it is not paired with one
 * @param display  its own display policy, null to follow the room
 * @param language its language, null for the installation's default
 */
public record Kiosk(String id, RoomId room, DisplayPolicy display, Locale language) {
    public Kiosk {
        Objects.requireNonNull(id, "id");
    }

    public boolean paired() {
        return room != null;
    }
}
