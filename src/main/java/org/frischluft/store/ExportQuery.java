package org.frischluft.store;

import java.time.Instant;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;

/**
 * What to export; every field is optional (null = no restriction). {@code from} is inclusive, {@code to}
 * exclusive. With a room, only readings taken while a sensor was placed in that room are exported.
 */
public record ExportQuery(Instant from, Instant to, DeviceId device, RoomId room) {
    public ExportQuery {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }

    public static ExportQuery all() {
        return new ExportQuery(null, null, null, null);
    }
}
