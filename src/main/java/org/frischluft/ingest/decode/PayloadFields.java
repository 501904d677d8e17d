package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import org.frischluft.model.Metric;

/**
 * Reads metrics from a decoded payload object by the field names the common codecs use (TTN device
 * repository, ChirpStack codecs, CayenneLPP, DIY firmwares). Field names differ between codec revisions of
 * the same device, so several aliases are tried per metric, first match wins. Ambiguous names are only used
 * when the brand is known: {@code battery} is % for Milesight and V for Browan, {@code tvoc} is ppb only for
 * Elsys (Milesight's is an IAQ index or µg/m³).
 */
final class PayloadFields {
    private static final String[] CO2 = {"co2", "CO2", "co2_ppm", "CO2_ppm", "co2_concentration", "carbon_dioxide",
        "carbonDioxide", "CarbonDioxide", "ppmCO2", "co2ppm", "Co2"};
    private static final String[] ECO2 = {"eco2", "eCO2", "ECO2"};
    private static final String[] TEMPERATURE = {"temperature", "Temperature", "TempC_SHT", "sensorTemperature",
        "air_temperature", "temperature_c", "temp", "Temp", "temperatur", "TempC"};
    private static final String[] HUMIDITY = {"humidity", "Humidity", "Hum_SHT", "relativeHumidity", "air_humidity",
        "humidity_pct", "hum", "Hum", "rh"};
    private static final String[] PRESSURE_HPA = {"pressure", "Pressure", "pressure_hpa"};
    private static final String[] TVOC = {"total_voc", "TVOC_ppb", "tvoc_ppb"};
    private static final String[] BATTERY_V = {"battery_voltage", "batteryVoltage", "Bat_V", "BatV", "battery_v"};
    private static final String[] LIGHT = {"light", "lux", "illuminance", "light_lux"};

    private PayloadFields() {
    }

    /** Reads what it knows from {@code o} into {@code c}; {@code brand} may be null. */
    static void read(JsonNode o, String brand, Collector c) {
        put(c, Metric.CO2, o, CO2);
        if (!c.has(Metric.CO2)) put(c, Metric.CO2, o, ECO2);
        put(c, Metric.TEMPERATURE, o, TEMPERATURE);
        put(c, Metric.HUMIDITY, o, HUMIDITY);
        put(c, Metric.PRESSURE, o, PRESSURE_HPA);
        JsonNode pa = o.get("barometric_pressure");
        if (pa != null) c.put(Metric.PRESSURE, pa, 0.01, 0);
        put(c, Metric.TVOC, o, TVOC);
        put(c, Metric.BATTERY_V, o, BATTERY_V);
        JsonNode vdd = o.get("vdd");
        if (vdd != null) c.put(Metric.BATTERY_V, vdd, 0.001, 0);
        put(c, Metric.LIGHT_LUX, o, LIGHT);
        if (brand != null) {
            JsonNode battery = o.get("battery");
            if ("milesight-iot".equals(brand)) c.put(Metric.BATTERY_PCT, battery);
            if ("browan".equals(brand)) c.put(Metric.BATTERY_V, battery);
            if ("elsys".equals(brand)) c.put(Metric.TVOC, o.get("tvoc"));
        }
        cayenne(o, c);
        history(o, c);
        adeunis(o, c);
    }

    /** TTN normalized payload: {@code {"air":{"co2","temperature","relativeHumidity","pressure","lightIntensity"}}}. */
    static void normalized(JsonNode n, Collector c) {
        if (n != null && n.isArray()) n = n.size() > 0 ? n.get(0) : null;
        if (n == null || !n.isObject()) return;
        JsonNode air = n.path("air");
        if (!air.isObject()) return;
        c.put(Metric.CO2, air.get("co2"));
        c.put(Metric.TEMPERATURE, air.get("temperature"));
        c.put(Metric.HUMIDITY, air.get("relativeHumidity"));
        c.put(Metric.PRESSURE, air.get("pressure"));
        c.put(Metric.LIGHT_LUX, air.get("lightIntensity"));
    }

    private static void put(Collector c, Metric m, JsonNode o, String[] keys) {
        if (c.has(m)) return;
        for (String k : keys) {
            JsonNode v = o.get(k);
            if (v != null && !v.isNull()) {
                c.put(m, v);
                return;
            }
        }
    }

    /** ChirpStack's CayenneLPP codec: {@code {"temperatureSensor":{"1":25}}} or {@code {"temperatureSensor":25}}. */
    private static void cayenne(JsonNode o, Collector c) {
        c.put(Metric.TEMPERATURE, firstChannel(o.get("temperatureSensor")));
        c.put(Metric.HUMIDITY, firstChannel(o.get("humiditySensor")));
        c.put(Metric.PRESSURE, firstChannel(o.get("barometerSensor")));
        c.put(Metric.LIGHT_LUX, firstChannel(o.get("illuminanceSensor")));
    }

    private static JsonNode firstChannel(JsonNode n) {
        if (n == null) return null;
        if (n.isObject() && !n.has("value")) {
            Iterator<JsonNode> it = n.elements();
            return it.hasNext() ? it.next() : null;
        }
        return n;
    }

    /** Milesight decoders' {@code history: [{timestamp, co2, temperature, humidity, pressure}]}. */
    private static void history(JsonNode o, Collector c) {
        JsonNode h = o.get("history");
        if (h == null || !h.isArray()) return;
        for (JsonNode e : h) {
            Double ts = Collector.number(e.get("timestamp"));
            Instant at = ts == null || ts <= 0 ? null : Timestamps.epochSecond(ts.longValue());
            if (at == null) continue; // no time, or none an Instant can hold
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            add(v, Metric.CO2, e.get("co2"));
            add(v, Metric.TEMPERATURE, e.get("temperature"));
            add(v, Metric.HUMIDITY, e.get("humidity"));
            add(v, Metric.PRESSURE, e.get("pressure"));
            c.older(at, v);
        }
    }

    /** Adeunis: {@code {"bytes":{"co2":{"values":[t, t-1, ...]}, "temperature":..., "humidity":...}}}. */
    private static void adeunis(JsonNode o, Collector c) {
        JsonNode b = o.get("bytes");
        if (b == null || !b.isObject() || !b.path("co2").path("values").isArray()) return;
        JsonNode co2 = b.path("co2").path("values");
        JsonNode t = b.path("temperature").path("values");
        JsonNode h = b.path("humidity").path("values");
        for (int i = 0; i < co2.size(); i++) {
            if (i == 0) {
                c.put(Metric.CO2, co2.get(0));
                c.put(Metric.TEMPERATURE, t.get(0));
                c.put(Metric.HUMIDITY, h.get(0));
            } else {
                Map<Metric, Double> v = new EnumMap<>(Metric.class);
                add(v, Metric.CO2, co2.get(i));
                add(v, Metric.TEMPERATURE, t.get(i));
                add(v, Metric.HUMIDITY, h.get(i));
                c.older(null, v, i * ADEUNIS_PERIOD_S);
            }
        }
    }

    /** Seconds between Adeunis samples with the factory settings (see the byte decoder). */
    static final long ADEUNIS_PERIOD_S = 600;

    private static void add(Map<Metric, Double> v, Metric m, JsonNode n) {
        Double d = Collector.number(n);
        if (d != null) v.put(m, d);
    }
}
