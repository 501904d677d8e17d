package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.TopicFilter;
import org.frischluft.rooms.SourceMapping;

/**
 * The admin's source mappings for JSON the product does not know: the first mapping whose topic filter matches
 * decides, before any format detection. Device, time and metrics come from JSON pointers (the device also from a
 * topic level, {@code topic:N}), each metric scaled to its canonical unit.
 */
final class MappedFormat {
    private final StrictJson json;
    private final SourceMapping[] mappings;
    private final TopicFilter[] filters;

    /** @throws IllegalArgumentException when a mapping's topic filter is no valid MQTT filter, naming the mapping */
    MappedFormat(StrictJson json, List<SourceMapping> mappings) {
        this.json = json;
        this.mappings = mappings.toArray(new SourceMapping[0]);
        this.filters = new TopicFilter[this.mappings.length];
        for (int i = 0; i < filters.length; i++) {
            SourceMapping m = this.mappings[i];
            try {
                filters[i] = TopicFilter.parse(m.topicFilter());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Source mapping \"" + m.name() + "\": " + e.getMessage(), e);
            }
        }
    }

    /** The first mapping for {@code topic}, or null; called per message, allocates nothing. */
    SourceMapping find(String topic) {
        for (int i = 0; i < filters.length; i++) {
            if (filters[i].matches(topic)) return mappings[i];
        }
        return null;
    }

    DecodeResult decode(SourceMapping m, String topic, byte[] body, Instant arrival) {
        JsonNode root;
        try {
            root = json.tree(body);
        } catch (IOException e) {
            return StrictJson.error(e);
        }
        if (root == null || root.isMissingNode()) return new Rejected("malformed-json: no JSON value");
        String dev;
        String dp = m.devicePointer();
        if (dp.startsWith("topic:")) {
            String[] levels = topic.split("/", -1);
            int n;
            try {
                n = Integer.parseInt(dp.substring(6).strip());
            } catch (NumberFormatException e) {
                return new Rejected("bad-mapping: " + m.name() + ": device pointer " + dp);
            }
            dev = n >= 0 && n < levels.length ? levels[n] : null;
        } else {
            JsonNode d = StrictJson.at(root, dp);
            dev = d == null || d.isMissingNode() || d.isNull() || d.isContainerNode() ? null : d.asText();
        }
        DeviceId device = DeviceIds.first(dev, null);
        if (device == null) return new Rejected("missing-device: mapping " + m.name() + " found no device at " + dp);
        Instant time = arrival;
        if (m.timePointer() != null && !m.timePointer().isBlank()) {
            JsonNode t = StrictJson.at(root, m.timePointer());
            if (t != null && t.isNumber()) {
                time = Timestamps.epoch(t.asLong(), arrival);
            } else if (t != null && t.isTextual()) {
                time = Timestamps.time(t.textValue(), arrival);
            }
        }
        Collector c = new Collector(device, time);
        for (Map.Entry<Metric, SourceMapping.Field> e : m.metrics().entrySet()) {
            SourceMapping.Field f = e.getValue();
            JsonNode v = StrictJson.at(root, f.pointer());
            if (v != null && !v.isMissingNode()) c.put(e.getKey(), v, f.scale(), f.offset());
        }
        if (!c.touched()) c.note("no-reading: mapping " + m.name() + " found none of its fields");
        return c.result();
    }
}
