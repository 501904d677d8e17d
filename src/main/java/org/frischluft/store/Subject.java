package org.frischluft.store;

import java.util.Objects;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;

/**
 * What a history query is about: a room (through the sensor placements valid at each moment) or one device
 * (wherever it was).
 */
public sealed interface Subject {
    /** The readings of whichever sensors were placed in this room at the time they measured. */
    record Room(RoomId id) implements Subject {
        public Room {
            Objects.requireNonNull(id, "id");
        }
    }

    /** All readings of one device. */
    record Device(DeviceId id) implements Subject {
        public Device {
            Objects.requireNonNull(id, "id");
        }
    }

    static Subject room(RoomId id) {
        return new Room(id);
    }

    static Subject device(DeviceId id) {
        return new Device(id);
    }
}
