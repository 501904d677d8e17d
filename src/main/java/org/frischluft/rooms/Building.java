package org.frischluft.rooms;

import java.util.List;
import java.util.Objects;

/**
 * One building of a site.
 *
 * @param id     unique within its site, e.g. {@code haupthaus}
 * @param name   as people say it ("Haupthaus", "Neubau"); the id when the file gives none
 * @param floors in floor order
 */
public record Building(String id, String name, List<Floor> floors) {
    public Building {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name.strip();
        floors = floors.stream().sorted(java.util.Comparator.comparingInt(Floor::order)).toList();
    }
}
