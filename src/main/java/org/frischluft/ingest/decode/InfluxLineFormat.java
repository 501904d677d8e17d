package org.frischluft.ingest.decode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;

/**
 * InfluxDB line protocol as DIY CO2 lights send it over MQTT, e.g. {@code co2ampel,name=Ampel_1 co2=967,temp=12.98,hum=73}
 * (one line per reading, an optional nanosecond timestamp at the end). The device is the tag {@code name}
 * ({@code device}, {@code id}, {@code sensor}, {@code host}), else the topic; fields {@code co2}/{@code co2_ppm},
 * {@code temp}/{@code temperature}, {@code hum}/{@code humidity}, {@code pressure} ({@code 967i} integers too);
 * other fields are left alone. Without a timestamp the time is the arrival.
 */
final class InfluxLineFormat {
    /** measurement[,tag=v...] field=v[,field=v...] [timestamp]: what a state value can never look like. */
    private static final Pattern LINE = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_.\\-]*(,[A-Za-z0-9_.\\-]+=[^ ,]+)* [A-Za-z0-9_.\\-]+=[^ ,]+(,[A-Za-z0-9_.\\-]+=[^ ,]+)*( -?\\d{1,19})?");
    private static final String[] DEVICE_TAGS = {"name", "device", "id", "sensor", "host"};

    static boolean looksLike(String text) {
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).strip();
        return first.length() < 4096 && LINE.matcher(first).matches();
    }

    DecodeResult decode(String topic, String text, Instant arrival) {
        List<Reading> readings = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (!LINE.matcher(line).matches()) {
                return new Rejected("malformed-line-protocol: " + StrictJson.firstLine(line.length() > 80 ? line.substring(0, 80) : line));
            }
            String[] parts = line.split(" ");
            Map<String, String> tags = pairs(parts[0].contains(",") ? parts[0].substring(parts[0].indexOf(',') + 1) : "");
            Map<String, String> fields = pairs(parts[1]);
            String deviceName = null;
            for (String t : DEVICE_TAGS) {
                if (tags.containsKey(t)) {
                    deviceName = tags.get(t);
                    break;
                }
            }
            DeviceId device = DeviceIds.first(deviceName, topic);
            if (device == null) return new Rejected("missing-device: line protocol without a name tag on an empty topic");
            Instant time = arrival;
            if (parts.length == 3) {
                long ns = Long.parseLong(parts[2]);
                Instant t = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
                if (t.isAfter(Instant.parse("2000-01-01T00:00:00Z"))) time = t; // a light without a clock sends 0
            }
            Collector c = new Collector(device, time);
            for (Map.Entry<String, String> f : fields.entrySet()) {
                Metric m = metric(f.getKey());
                if (m != null) c.putText(m, number(f.getValue()));
            }
            DecodeResult.Decoded d = c.result();
            readings.addAll(d.readings());
            dropped.addAll(d.dropped());
        }
        if (readings.isEmpty() && dropped.isEmpty()) dropped.add("no-reading: line protocol without co2, temp or hum");
        return new DecodeResult.Decoded(readings, dropped);
    }

    private static Metric metric(String field) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "co2", "co2_ppm", "carbondioxide", "eco2" -> Metric.CO2;
            case "temp", "temperature", "temperature_c", "t" -> Metric.TEMPERATURE;
            case "hum", "humidity", "humidity_pct", "rh" -> Metric.HUMIDITY;
            case "pressure", "pressure_hpa" -> Metric.PRESSURE;
            default -> null;
        };
    }

    /** {@code 967i} and {@code 967u} are integers; a quoted string field is left as it is (and fails as a number). */
    private static String number(String v) {
        return v.endsWith("i") || v.endsWith("u") ? v.substring(0, v.length() - 1) : v;
    }

    private static Map<String, String> pairs(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s.isEmpty()) return out;
        for (String kv : s.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }
}
