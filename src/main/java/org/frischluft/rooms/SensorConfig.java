package org.frischluft.rooms;

import java.time.Instant;
import java.util.Objects;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;

/**
 * A sensor placed in a room from {@code since} on.
 *
 * @param model sensor model for the byte decoders when the network server sent no decoded payload, e.g.
 *              "elsys-ers-co2", "milesight-am319"; null = infer or use the network's decoded payload
 * @param since when the sensor was placed in this room; null = always
 */
public record SensorConfig(DeviceId device, RoomId room, String model, Instant since) {
    public SensorConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(room, "room");
    }
}
