package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;

/**
 * Tasmota {@code tele/<node>/SENSOR}: CO2 from the first sensor object with {@code CarbonDioxide} (e.g. SCD30,
 * SCD40), temperature and humidity from that sensor, else from the first with either; {@code TempUnit F} is
 * converted. The device is the node level; the time the arrival (Tasmota's {@code Time} has no zone and reads
 * 1970-01-01 until the device has synchronised its clock).
 */
final class TasmotaFormat {
    DecodeResult decode(String topic, JsonNode root, Instant arrival) {
        // "tele/SENSOR" is both prefix and suffix, with no node level in between
        String node = topic.length() < "tele//SENSOR".length() ? ""
                : topic.substring("tele/".length(), topic.length() - "/SENSOR".length());
        DeviceId device = DeviceIds.first(node, null);
        if (device == null) return new Rejected("missing-device: empty Tasmota topic");
        boolean fahrenheit = "F".equalsIgnoreCase(StrictJson.text(root, "TempUnit"));
        double scale = fahrenheit ? 5.0 / 9.0 : 1;
        double offset = fahrenheit ? -32 * 5.0 / 9.0 : 0;
        JsonNode co2Sensor = null;
        JsonNode climate = null;
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode s = e.getValue();
            if (!s.isObject()) continue;
            if (co2Sensor == null && s.has("CarbonDioxide")) co2Sensor = s;
            if (climate == null && (s.has("Temperature") || s.has("Humidity"))) climate = s;
        }
        Collector c = new Collector(device, arrival);
        if (co2Sensor != null) {
            c.put(Metric.CO2, co2Sensor.get("CarbonDioxide"));
            if (co2Sensor.has("Temperature") || co2Sensor.has("Humidity")) climate = co2Sensor;
        }
        if (climate != null) {
            c.put(Metric.TEMPERATURE, climate.get("Temperature"), scale, offset);
            c.put(Metric.HUMIDITY, climate.get("Humidity"));
        }
        if (!c.touched()) c.note("no-reading: Tasmota SENSOR message without CO2, temperature or humidity");
        return c.result();
    }
}
