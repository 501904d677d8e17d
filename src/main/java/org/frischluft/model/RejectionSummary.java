package org.frischluft.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the screens show of rejected MQTT messages: the total since start, counts by reason code and the
 * newest kept rejections (newest first). An immutable copy, made on the ingest side and handed to the FX
 * pump through {@link LiveState}, so the screen never reads the live rejection log.
 *
 * @param counts by reason code (the text before the first ':' of a reason), sorted by code
 * @param recent newest first
 */
public record RejectionSummary(long total, Map<String, Long> counts, List<Entry> recent) {
    /** No rejection yet. */
    public static final RejectionSummary NONE = new RejectionSummary(0, Map.of(), List.of());

    public RejectionSummary {
        if (total < 0) throw new IllegalArgumentException("total must not be negative");
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
        recent = List.copyOf(recent);
    }

    /**
     * One rejected message.
     *
     * @param excerpt printable start of the message body
     */
    public record Entry(Instant time, String topic, String reason, String excerpt) {
        public Entry {
            Objects.requireNonNull(time, "time");
            topic = topic == null ? "" : topic;
            reason = reason == null ? "" : reason;
            excerpt = excerpt == null ? "" : excerpt;
        }

        /** The reason's code: the text before the first ':' ("implausible-co2"). */
        public String code() {
            int c = reason.indexOf(':');
            return (c < 0 ? reason : reason.substring(0, c)).strip();
        }
    }
}
