package org.frischluft.rooms;

import java.util.Objects;
import org.frischluft.model.SensorModel;

/**
 * The sensor model of a whole fleet, for raw bytes of devices whose sensor names no model of its own: every device
 * of a network-server application ({@code application}: TTN's application id, ChirpStack's application name or
 * id), of a ChirpStack device profile ({@code deviceProfile}, its name) or on topics starting with a prefix
 * ({@code topicPrefix}).
 */
public record DefaultModel(Kind kind, String value, SensorModel model) {
    public enum Kind {
        APPLICATION("application"), DEVICE_PROFILE("deviceProfile"), TOPIC_PREFIX("topicPrefix");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key in the school file. */
        public String key() {
            return key;
        }
    }

    public DefaultModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(model, "model");
        if (value.isBlank()) throw new IllegalArgumentException("empty " + kind.key());
    }

    /** Whether a message from {@code application}, {@code deviceProfile} on {@code topic} (each may be null) is one of the fleet. */
    public boolean matches(String application, String deviceProfile, String topic) {
        return switch (kind) {
            case APPLICATION -> value.equals(application);
            case DEVICE_PROFILE -> value.equals(deviceProfile);
            case TOPIC_PREFIX -> topic != null && topic.startsWith(value);
        };
    }
}
