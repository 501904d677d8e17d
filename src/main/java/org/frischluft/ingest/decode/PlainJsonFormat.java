package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;

/**
 * The JSON of DIY CO2 lights (CO2-Ampel firmwares, FabLab builds): the common field names at the top level or
 * under {@code data}, the topic as the device; and sensor.community ({@code sensordatavalues}, device
 * {@code esp8266-<id>}). What matches no known field is rejected with a hint to add a source mapping.
 */
final class PlainJsonFormat {
    DecodeResult decode(String topic, JsonNode root, Instant arrival) {
        JsonNode values = root;
        String dev = Topics.stripSlashes(topic);
        if (root.path("data").isObject()) values = root.get("data");
        if (root.path("sensordatavalues").isArray()) {
            dev = root.hasNonNull("esp8266id") ? "esp8266-" + root.get("esp8266id").asText() : dev;
            DeviceId device = DeviceIds.first(dev, null);
            if (device == null) return new Rejected("missing-device: no topic and no esp8266id");
            Collector c = new Collector(device, arrival);
            for (JsonNode v : root.get("sensordatavalues")) {
                String type = v.path("value_type").asText("");
                if (type.endsWith("_co2_ppm")) c.put(Metric.CO2, v.get("value"));
                else if (type.endsWith("_temperature")) c.put(Metric.TEMPERATURE, v.get("value"));
                else if (type.endsWith("_humidity")) c.put(Metric.HUMIDITY, v.get("value"));
                else if (type.endsWith("_pressure")) c.put(Metric.PRESSURE, v.get("value"), 0.01, 0);
            }
            if (!c.touched()) return new Rejected("unsupported-format: sensor.community JSON without CO2, temperature or humidity");
            return c.result();
        }
        DeviceId device = DeviceIds.first(dev, null);
        if (device == null) return new Rejected("missing-device: empty topic");
        Collector c = new Collector(device, arrival);
        PayloadFields.read(values, null, c);
        if (!c.touched()) {
            return new Rejected("unsupported-format: JSON without a known CO2, temperature or humidity field (add a source mapping)");
        }
        return c.result();
    }
}
