package org.frischluft.rooms;

import java.time.Instant;
import java.util.Objects;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;

/**
 * A sensor in a room from {@code since} on (null: always), as the school file says; the store keeps the same
 * validity so a sensor moved to another room keeps its history honest.
 */
public record Placement(DeviceId device, RoomId room, Instant since, Sensor sensor) {
    public Placement {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sensor, "sensor");
    }

    /** {@code since} as epoch millis, {@link Long#MIN_VALUE} for "always". */
    long sinceMillis() {
        return since == null ? Long.MIN_VALUE : since.toEpochMilli();
    }
}
