package org.frischluft.rooms;

import java.util.List;
import java.util.Objects;
import org.frischluft.model.RoomId;

/**
 * One room. Profile and display policy are the room's own choice, null to follow its site (see
 * {@link SchoolModel#profileOf} and {@link SchoolModel#displayOf} for what applies).
 *
 * @param volumeM3 air volume in m³ (the airing coach and the simulator use it), 0 if unknown
 * @param seats    usual number of pupils (simulator; never a person's identity), 0 if unknown
 * @param sensors  the sensors placed here, each from its {@code since}
 */
public record Room(RoomId id, String name, double volumeM3, int seats, Profile profile, DisplayPolicy display,
                   List<Sensor> sensors) {
    public Room {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name.strip();
        if (!(volumeM3 >= 0)) throw new IllegalArgumentException("room " + id + ": volume must be 0 or more");
        if (seats < 0) throw new IllegalArgumentException("room " + id + ": seats must be 0 or more");
        sensors = List.copyOf(sensors);
    }

    /** A room with its sensors and no own profile or display policy. */
    public static Room of(RoomId id, String name, double volumeM3, int seats, List<Sensor> sensors) {
        return new Room(id, name, volumeM3, seats, null, null, sensors);
    }

    public Room withSensors(List<Sensor> next) {
        return new Room(id, name, volumeM3, seats, profile, display, next);
    }
}
