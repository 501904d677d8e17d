package org.frischluft.rooms;

import java.util.Map;
import java.util.Objects;
import org.frischluft.model.Metric;

/**
 * An admin-defined mapping for a JSON source the product does not know: which topics it applies to, where
 * the device id and the metrics sit (JSON pointers, RFC 6901), and how to convert each metric to its
 * canonical unit ({@code canonical = raw * scale + offset}).
 *
 * @param topicFilter   MQTT topic filter with + and # wildcards
 * @param devicePointer JSON pointer to the device id, or {@code topic:N} for the N-th topic level (0-based)
 * @param timePointer   JSON pointer to an ISO-8601 or epoch-seconds time, or null for the arrival time
 */
public record SourceMapping(String name, String topicFilter, String devicePointer, String timePointer,
                            Map<Metric, Field> metrics) {
    public SourceMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topicFilter, "topicFilter");
        Objects.requireNonNull(devicePointer, "devicePointer");
        metrics = Map.copyOf(metrics);
        if (metrics.isEmpty()) throw new IllegalArgumentException("mapping " + name + " maps no metric");
    }

    /** Where one metric sits and how to convert it. */
    public record Field(String pointer, double scale, double offset) {
        public Field {
            Objects.requireNonNull(pointer, "pointer");
            if (!Double.isFinite(scale) || scale == 0) throw new IllegalArgumentException("scale must be finite and non-zero");
            if (!Double.isFinite(offset)) throw new IllegalArgumentException("offset must be finite");
        }

        public static Field of(String pointer) {
            return new Field(pointer, 1, 0);
        }
    }
}
