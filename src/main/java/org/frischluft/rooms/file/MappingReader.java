package org.frischluft.rooms.file;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frischluft.model.Metric;
import org.frischluft.model.TopicFilter;
import org.frischluft.rooms.SourceMapping;

/**
 * Reads the admin's source mappings for JSON the product does not know:
 * {@code {"name": "hausmeister-co2", "topicFilter": "haus/+/luft", "devicePointer": "topic:1",
 * "timePointer": "/ts", "metrics": {"co2_ppm": {"pointer": "/co2"}, "temperature_c": {"pointer": "/t", "scale": 0.1}}}}.
 */
final class MappingReader {
    static final Set<String> KEYS = Set.of("name", "topicFilter", "devicePointer", "timePointer", "metrics");

    private MappingReader() {
    }

    static List<SourceMapping> read(Node root) {
        List<SourceMapping> out = new ArrayList<>();
        for (Node m : root.list("mappings", false)) {
            if (!m.object("mapping")) continue;
            m.only(KEYS);
            Optional<String> name = m.text("name", true);
            Optional<String> filter = m.text("topicFilter", true).filter(f -> validFilter(m, f));
            Optional<String> device = m.text("devicePointer", true).filter(d -> validDevicePointer(m, d));
            Optional<String> time = m.text("timePointer", false).filter(t -> validPointer(m, "timePointer", t));
            Map<Metric, SourceMapping.Field> metrics = metrics(m);
            if (name.isPresent() && filter.isPresent() && device.isPresent() && !metrics.isEmpty()) {
                out.add(new SourceMapping(name.get(), filter.get(), device.get(), time.orElse(null), metrics));
            }
        }
        return out;
    }

    private static Map<Metric, SourceMapping.Field> metrics(Node m) {
        Map<Metric, SourceMapping.Field> out = new EnumMap<>(Metric.class);
        Node metrics = m.get("metrics");
        if (metrics.json.isMissingNode() || metrics.json.isNull()) {
            m.problems.error(metrics.path, "value.missing", "metrics");
            return out;
        }
        if (!metrics.object("metrics")) return out;
        for (Iterator<String> it = metrics.json.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Node f = metrics.get(key);
            Optional<Metric> metric = Metric.byKey(key);
            if (metric.isEmpty()) {
                m.problems.error(f.path, "metric.unknown", key,
                        String.join(", ", java.util.Arrays.stream(Metric.values()).map(Metric::key).toList()));
                continue;
            }
            if (!f.object("metric")) continue;
            f.only(Set.of("pointer", "scale", "offset"));
            Optional<String> pointer = f.text("pointer", true).filter(p -> validPointer(f, "pointer", p));
            double scale = f.number("scale", -1e9, 1e9, false).orElse(1);
            double offset = f.number("offset", -1e9, 1e9, false).orElse(0);
            if (scale == 0) {
                f.problems.error(f.at("scale"), "scale.zero");
                continue;
            }
            pointer.ifPresent(p -> out.put(metric.get(), new SourceMapping.Field(p, scale, offset)));
        }
        if (out.isEmpty() && metrics.json.isObject() && metrics.json.isEmpty()) m.problems.error(metrics.path, "metrics.none");
        return out;
    }

    private static boolean validPointer(Node n, String key, String p) {
        try {
            JsonPointer.compile(p);
            return true;
        } catch (IllegalArgumentException e) {
            n.problems.error(n.at(key), "pointer.invalid", p);
            return false;
        }
    }

    private static boolean validDevicePointer(Node n, String p) {
        if (p.startsWith("topic:")) {
            try {
                if (Integer.parseInt(p.substring(6).strip()) >= 0) return true;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            n.problems.error(n.at("devicePointer"), "device-pointer.invalid", p);
            return false;
        }
        return validPointer(n, "devicePointer", p);
    }

    /** MQTT 3.1.1 §4.7, as the decoder will match it ({@link TopicFilter}). */
    private static boolean validFilter(Node n, String f) {
        try {
            TopicFilter.parse(f);
            return true;
        } catch (IllegalArgumentException e) {
            n.problems.error(n.at("topicFilter"), "topic-filter.invalid", f);
            return false;
        }
    }
}
