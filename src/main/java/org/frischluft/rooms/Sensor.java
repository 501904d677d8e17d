package org.frischluft.rooms;

import java.time.Instant;
import java.util.Objects;
import org.frischluft.model.DeviceId;
import org.frischluft.model.SensorModel;

/**
 * A sensor placed in a room (its parent in the school file) from {@code since} on.
 *
 * @param model  the model whose bytes Frischluft decodes when the network server sends no decoded payload;
 *               null: use the network's decoded payload, or infer the model
 * @param since  when the sensor was placed in this room; null = always (its whole history belongs here)
 * @param broker the broker (settings name, e.g. {@code ttn}) the sensor reports through, null for any
 */
public record Sensor(DeviceId device, SensorModel model, Instant since, String broker) {
    public Sensor {
        Objects.requireNonNull(device, "device");
        broker = broker == null || broker.isBlank() ? null : broker.strip();
    }

    public static Sensor of(DeviceId device, SensorModel model) {
        return new Sensor(device, model, null, null);
    }
}
