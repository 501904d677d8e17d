package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;

/**
 * Tasmota {@code tele/<node>/SENSOR}: CO2 from the first sensor object with {@code CarbonDioxide} (e.g. SCD30,
 * SCD40, MHZ19B), temperature and humidity from a dedicated T/RH sensor beside it (BME280, SHT3X ...) when the CO2
 * sensor has only a coarse internal thermometer (MH-Z19B, SenseAir) or none, else from the CO2 sensor, else from
 * the first with either; {@code TempUnit F} is
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
        String co2Name = null;
        JsonNode climate = null;
        JsonNode dedicated = null; // a T/RH sensor of its own (BME280, SHT3X, AM2301 ...), not the CO2 sensor
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode s = e.getValue();
            if (!s.isObject()) continue;
            if (co2Sensor == null && s.has("CarbonDioxide")) {
                co2Sensor = s;
                co2Name = e.getKey();
                continue;
            }
            boolean th = s.has("Temperature") || s.has("Humidity");
            if (climate == null && th) climate = s;
            if (th && !s.has("CarbonDioxide") && (dedicated == null || !dedicated.has("Humidity") && s.has("Humidity"))) {
                dedicated = s;
            }
        }
        Collector c = new Collector(device, arrival);
        JsonNode temperature = climate;
        JsonNode humidity = climate;
        if (co2Sensor != null) {
            c.put(Metric.CO2, co2Sensor.get("CarbonDioxide"));
            // the SCD30/SCD4x measure T/RH well; the MH-Z19B and SenseAir only have a coarse internal thermometer
            boolean coarse = coarseThermometer(co2Name);
            if (dedicated != null && (coarse || !co2Sensor.has("Temperature"))) {
                temperature = dedicated.has("Temperature") ? dedicated : co2Sensor;
                humidity = dedicated.has("Humidity") ? dedicated : co2Sensor;
            } else if (co2Sensor.has("Temperature") || co2Sensor.has("Humidity")) {
                temperature = co2Sensor;
                humidity = co2Sensor;
            }
        }
        if (temperature != null) c.put(Metric.TEMPERATURE, temperature.get("Temperature"), scale, offset);
        if (humidity != null) c.put(Metric.HUMIDITY, humidity.get("Humidity"));
        if (!c.touched()) c.note("no-reading: Tasmota SENSOR message without CO2, temperature or humidity");
        return c.result();
    }

    /** CO2 sensors whose temperature is a by-product of the NDIR cell (whole degrees, self-heated). */
    static boolean coarseThermometer(String sensorName) {
        String n = sensorName == null ? "" : sensorName.toUpperCase(java.util.Locale.ROOT);
        return n.startsWith("MHZ19") || n.startsWith("MH-Z19") || n.startsWith("SENSEAIR") || n.startsWith("S8");
    }
}
