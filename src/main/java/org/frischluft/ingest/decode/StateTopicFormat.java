package org.frischluft.ingest.decode;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.frischluft.ingest.decode.DecodeResult.Ignored;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;

/**
 * One value per message on a state topic: ESPHome {@code <node>/sensor/<name>/state} with a bare number, Home
 * Assistant {@code homeassistant/sensor/<entity>/state} with a quoted one. The metric comes from the sensor or entity
 * name; the device is the ESPHome node, or the Home Assistant entity without its metric word (so the entities of one
 * room share a device). Availability messages ({@code online}, {@code /LWT}, {@code /status}) are ignored.
 */
final class StateTopicFormat {
    private static final String[] METRIC_WORDS = {"carbon_dioxide", "co2", "temperature", "temp", "humidity", "hum",
        "pressure", "tvoc", "illuminance", "lux"};

    /** {@code quoted}: the body was a JSON string (Home Assistant), {@code text} its content. */
    DecodeResult decode(String topic, String text, boolean quoted, Instant arrival) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean availability = lower.equals("online") || lower.equals("offline") || lower.equals("connected")
                || lower.equals("disconnected");
        if (topic.endsWith("/LWT") || topic.endsWith("/status") || topic.endsWith("/availability")) {
            return new Ignored("availability: " + Collector.shorten(text));
        }
        String[] levels = topic.split("/", -1);
        if (levels.length >= 3 && levels[levels.length - 1].equals("state")) {
            String name = levels[levels.length - 2];
            Metric m = metricOfName(name);
            if (m == null) return new Ignored("unknown-metric: '" + name + "' is not a CO2, temperature or humidity sensor");
            String dev;
            if (quoted) {
                dev = stripMetricWord(name);
            } else {
                int sensor = levels.length - 3;
                dev = sensor > 0 ? String.join("/", Arrays.copyOfRange(levels, 0, sensor)) : name;
            }
            DeviceId device = DeviceIds.first(dev, name);
            if (device == null) return new Rejected("missing-device: no node name in topic");
            Collector c = new Collector(device, arrival);
            c.putText(m, text);
            return c.result();
        }
        if (availability) return new Ignored("availability: " + text);
        return new Rejected("unsupported-format: text \"" + Collector.shorten(text) + "\" on a topic that is no /state topic");
    }

    private static Metric metricOfName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("temperature") || hasToken(n, "temp")) return Metric.TEMPERATURE;
        if (n.contains("humidity") || hasToken(n, "hum") || hasToken(n, "rh")) return Metric.HUMIDITY;
        if (n.contains("pressure")) return Metric.PRESSURE;
        if (n.contains("tvoc")) return Metric.TVOC;
        if (n.contains("illuminance") || hasToken(n, "lux")) return Metric.LIGHT_LUX;
        if (n.contains("co2") || n.contains("carbon_dioxide")) return Metric.CO2;
        return null;
    }

    private static boolean hasToken(String name, String token) {
        for (String t : name.split("[_\\-]")) {
            if (t.equals(token)) return true;
        }
        return false;
    }

    /** Home Assistant entity {@code klassenraum_101_co2} -> device {@code klassenraum_101}. */
    private static String stripMetricWord(String entity) {
        String e = entity.toLowerCase(Locale.ROOT);
        for (String w : METRIC_WORDS) {
            if (e.endsWith("_" + w)) return entity.substring(0, entity.length() - w.length() - 1);
            if (e.startsWith(w + "_")) return entity.substring(w.length() + 1);
        }
        return entity;
    }
}
