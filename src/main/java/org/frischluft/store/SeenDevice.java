package org.frischluft.store;

import java.time.Instant;
import org.frischluft.model.DeviceId;

/**
 * A device the store has readings of, with its latest one: for the admin's list of devices seen but not placed.
 *
 * @param lastSeen    time of its latest stored reading, null if none is kept (retention)
 * @param lastCo2     CO2 of that reading, null if it had none
 * @param model       the sensor model whose decoder read its raw frames, null when the network decoded them
 * @param modelSource how that model was known ({@code config}, {@code version_ids}, {@code device_profile},
 *                    {@code oui}, {@code frame}), or null
 */
public record SeenDevice(DeviceId device, Instant lastSeen, Double lastCo2, String model, String modelSource) {
}
