package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.rooms.SourceMapping;

/**
 * The admin's source mappings for JSON the product does not know: the first mapping whose topic filter matches
 * decides, before any format detection. Device, time and metrics come from JSON pointers (the device also from a
 * topic level, {@code topic:N}), each metric scaled to its canonical unit.
 */
final class MappedFormat {
    private final StrictJson json;
    private final List<SourceMapping> mappings;
    private final List<String[]> filters;

    MappedFormat(StrictJson json, List<SourceMapping> mappings) {
        this.json = json;
        this.mappings = mappings;
        this.filters = new ArrayList<>();
        for (SourceMapping m : mappings) filters.add(m.topicFilter().split("/", -1));
    }

    /** The first mapping for {@code topic}, or null. */
    SourceMapping find(String topic) {
        for (int i = 0; i < mappings.size(); i++) {
            if (matches(filters.get(i), topic)) return mappings.get(i);
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

    /** MQTT topic filter match with + and # wildcards. */
    static boolean matches(String[] filter, String topic) {
        String[] t = topic.split("/", -1);
        for (int i = 0; i < filter.length; i++) {
            if (filter[i].equals("#")) return true;
            if (i >= t.length) return false;
            if (!filter[i].equals("+") && !filter[i].equals(t[i])) return false;
        }
        return filter.length == t.length;
    }
}
