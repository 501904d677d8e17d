package org.frischluft.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sensor's identity as the network names it. A LoRaWAN DevEUI is normalised to 16 lower-case hex
 * digits (TTN sends upper case, ChirpStack lower case); any other identifier (a TTN device id, a Tasmota
 * topic, an ESPHome node name) is kept as given, trimmed.
 */
public record DeviceId(String value) implements Comparable<DeviceId> {
    private static final Pattern EUI = Pattern.compile("(?i)[0-9a-f]{16}");

    public DeviceId {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty device id");
        }
        if (value.length() > 128) {
            throw new IllegalArgumentException("device id longer than 128 characters");
        }
        if (EUI.matcher(value).matches()) {
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    public boolean isEui() {
        return EUI.matcher(value).matches();
    }

    @Override
    public int compareTo(DeviceId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
