package org.frischluft.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The devices that sent readings but are in no room of the school file, newest first: what the admin must place.
 * An immutable copy, made on the ingest side and handed to the screens through the live state.
 *
 * @param total   how many such devices are known (the list may hold fewer)
 * @param devices newest first, at most a screen's worth
 */
public record UnplacedDevices(int total, List<Device> devices) {
    public static final UnplacedDevices NONE = new UnplacedDevices(0, List.of());

    public UnplacedDevices {
        if (total < 0) throw new IllegalArgumentException("total must not be negative");
        devices = devices.stream().sorted(Device.NEWEST_FIRST).toList();
        if (total < devices.size()) throw new IllegalArgumentException("total below the listed devices");
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /**
     * One device seen but not placed.
     *
     * @param lastCo2     CO2 of its latest reading, null if that had none
     * @param model       the model whose decoder read its bytes, null when the sender or network decoded them
     * @param modelSource how that model was known ({@code config}, {@code version_ids}, {@code device_profile},
     *                    {@code oui}, {@code frame}), or null
     */
    public record Device(DeviceId device, Instant lastSeen, Double lastCo2, String model, String modelSource) {
        static final Comparator<Device> NEWEST_FIRST = Comparator.comparing(Device::lastSeen,
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(d -> d.device().value());

        public Device {
            Objects.requireNonNull(device, "device");
        }
    }
}
