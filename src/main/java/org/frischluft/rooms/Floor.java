package org.frischluft.rooms;

import java.util.List;
import java.util.Objects;

/**
 * One floor of a building, e.g. "EG" or "1. OG".
 *
 * @param order sort key (0 = ground floor, -1 = basement), lower first
 * @param rooms in the order the file lists them
 */
public record Floor(String name, int order, List<Room> rooms) {
    public Floor {
        Objects.requireNonNull(name, "name");
        rooms = List.copyOf(rooms);
    }
}
