package org.frischluft.rooms;

import java.util.Objects;
import org.frischluft.model.RoomId;

/**
 * One room of a school.
 *
 * @param floor       floor label used to group the overview, e.g. "EG", "1. OG"
 * @param floorOrder  sort key of the floor (0 = ground floor), lower first
 * @param volumeM3    air volume in m³ (for the airing coach and the simulator)
 * @param seats       usual number of pupils (simulator; never a person's identity)
 * @param profile     threshold profile id for this room, or null for the school's default
 * @param display     display policy id for a kiosk in this room ("always", "quiet", "schedule"), or null
 */
public record RoomConfig(RoomId id, String name, String floor, int floorOrder, double volumeM3, int seats,
                         String profile, String display) {
    public RoomConfig {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name.strip();
        floor = floor == null || floor.isBlank() ? "?" : floor.strip();
        if (volumeM3 < 0) throw new IllegalArgumentException("room " + id + ": negative volume");
        if (seats < 0) throw new IllegalArgumentException("room " + id + ": negative seats");
    }
}
