package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frischluft.model.SensorModel;
import org.frischluft.ingest.decode.DecodeResult.Decoded;
import org.frischluft.ingest.decode.DecodeResult.Ignored;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.rooms.SourceMapping;

/**
 * Turns one MQTT message into readings. Routing: admin source mappings first (by topic filter), then by topic
 * shape and the body's top-level keys: TTN v3 ({@code end_device_ids}), ChirpStack v4 ({@code deviceInfo}),
 * ChirpStack v3 ({@code applicationID}/{@code devEUI}, json_v3 and protobuf-JSON), Tasmota {@code tele/+/SENSOR},
 * ESPHome and Home Assistant state topics, and plain JSON of DIY CO2 lights. Uplinks without a decoded payload
 * go through the byte decoders of {@link SensorModel} (model from the configuration, else TTN
 * {@code version_ids}, else inferred where unambiguous).
 *
 * <p>Strict JSON (no NaN, no trailing tokens, no duplicate keys), the size limit checked before parsing, the
 * nesting limit while parsing. A TTN v3 message is first read in one streaming pass that keeps only the fields
 * used (same limits, same result); anything unusual goes through the full tree. Thread-safe and stateless apart
 * from its settings; {@link #decode} never throws.
 */
public final class PayloadDecoder {
    private final DecoderSettings settings;
    private final StrictJson json;
    private final InputGuard guard;
    private final boolean streaming;
    private final TtnV3Stream ttnStream;
    private final TtnV3Format ttn;
    private final RawBytes rawBytes;
    private final List<SourceMapping> mappings;
    private final List<String[]> mappingFilters;

    public PayloadDecoder(DecoderSettings settings) {
        this(settings, true);
    }

    /** {@code streaming = false} decodes every message through the full tree (tests and the benchmark compare). */
    PayloadDecoder(DecoderSettings settings, boolean streaming) {
        this.settings = settings;
        this.streaming = streaming;
        this.json = new StrictJson(settings);
        this.guard = new InputGuard(settings.maxBytes());
        this.rawBytes = new RawBytes(settings.models());
        this.ttnStream = new TtnV3Stream(json);
        this.ttn = new TtnV3Format(rawBytes);
        this.mappings = settings.mappings();
        this.mappingFilters = new ArrayList<>();
        for (SourceMapping m : mappings) mappingFilters.add(m.topicFilter().split("/", -1));
    }

    public DecoderSettings settings() {
        return settings;
    }

    /** Decodes one message; never throws, whatever the input. */
    public DecodeResult decode(String topic, byte[] payload, Instant receivedAt) {
        try {
            return route(topic == null ? "" : topic, payload == null ? new byte[0] : payload,
                    receivedAt == null ? Instant.now() : receivedAt);
        } catch (RuntimeException | StackOverflowError e) {
            return new Rejected("internal-error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private DecodeResult route(String topic, byte[] body, Instant arrival) {
        int start = InputGuard.firstNonSpace(body);
        DecodeResult refused = guard.check(topic, body, start);
        if (refused != null) return refused;
        for (int i = 0; i < mappings.size(); i++) {
            if (matches(mappingFilters.get(i), topic)) return mapped(mappings.get(i), topic, body, arrival);
        }
        byte first = body[start];
        if (first == '{') {
            TtnMessage fast = streaming ? ttnStream.read(body) : null;
            if (fast != null) return ttn.decode(topic, fast, arrival);
            JsonNode root;
            try {
                root = json.tree(body);
            } catch (IOException e) {
                return StrictJson.error(e);
            }
            return object(topic, root, body, arrival);
        }
        if (first == '[') return new Rejected("unsupported-format: a JSON array is no known message format");
        if (first == '"') {
            JsonNode s;
            try {
                s = json.tree(body);
            } catch (IOException e) {
                return StrictJson.error(e);
            }
            return scalar(topic, s.asText(), true, arrival);
        }
        return scalar(topic, new String(body, StandardCharsets.UTF_8).strip(), false, arrival);
    }

    private DecodeResult object(String topic, JsonNode root, byte[] body, Instant arrival) {
        if (root.has("end_device_ids")) return ttn.decode(topic, TtnV3Format.read(root), arrival);
        if (root.has("deviceInfo")) return chirpstack4(topic, root, arrival);
        if (root.has("applicationID") || root.has("devEUI")) return chirpstack3(topic, root, arrival);
        if (root.has("payload_fields") || root.has("app_id") && root.has("dev_id")) {
            return new Rejected("unsupported-format: TTN v2 envelope (payload_fields); TTN v2 was shut down, use TTN v3");
        }
        if (topic.startsWith("tele/") && topic.endsWith("/SENSOR")) return tasmota(topic, root, arrival);
        if (topic.startsWith("tele/") || topic.startsWith("stat/")) return new Ignored("tasmota-status: " + Topics.lastLevel(topic));
        return plain(topic, root, arrival);
    }

    /** True when the streaming fast path decodes this body (tests: it must, for ordinary TTN uplinks). */
    boolean takesFastPath(byte[] body) {
        return streaming && ttnStream.read(body) != null;
    }

    // ---------------------------------------------------------------- ChirpStack

    private DecodeResult chirpstack4(String topic, JsonNode root, Instant arrival) {
        String event = Topics.eventOf(topic);
        if (event == null) {
            if (root.has("level") && root.has("code")) event = "log";
            else if (!root.has("data") && !root.has("object") && !root.has("fPort")) event = "status";
            else event = "up";
        }
        if (!event.equals("up")) return new Ignored("chirpstack-event: " + event);
        JsonNode info = root.get("deviceInfo");
        DeviceId device = DeviceIds.first(StrictJson.text(info, "devEui"), Topics.deviceFromTopic(topic));
        if (device == null) device = DeviceIds.first(StrictJson.text(info, "deviceName"), null);
        if (device == null) return new Rejected("missing-device: deviceInfo without devEui");
        Collector c = new Collector(device, Timestamps.time(StrictJson.text(root, "time"), arrival));
        JsonNode object = root.get("object");
        if (object != null && object.isObject()) PayloadFields.read(object, null, c);
        if (!c.touched()) rawBytes.decode(c, null, StrictJson.text(root, "data"), root.path("fPort").asInt(-1), null, "data");
        return c.result();
    }

    private DecodeResult chirpstack3(String topic, JsonNode root, Instant arrival) {
        String event = Topics.eventOf(topic);
        if (event == null) {
            String last = Topics.lastLevel(topic);
            event = switch (last) {
                case "status", "join", "ack", "txack", "error", "location" -> last;
                default -> "up";
            };
        }
        if (!event.equals("up") && !event.equals("rx")) return new Ignored("chirpstack-event: " + event);
        DeviceId device = eui(StrictJson.text(root, "devEUI"));
        if (device == null) device = DeviceIds.first(Topics.deviceFromTopic(topic), StrictJson.text(root, "deviceName"));
        if (device == null) return new Rejected("missing-device: ChirpStack v3 uplink without devEUI");
        JsonNode rx = root.path("rxInfo");
        Instant time = Timestamps.time(StrictJson.text(rx.path(0), "time"), Timestamps.time(StrictJson.text(root, "publishedAt"), arrival));
        Collector c = new Collector(device, time);
        JsonNode object = root.get("object");
        if (object != null && object.isObject()) {
            PayloadFields.read(object, null, c);
        } else if (root.path("objectJSON").isTextual() && !root.get("objectJSON").textValue().isBlank()) {
            try {
                JsonNode o = json.tree(root.get("objectJSON").textValue());
                if (o.isObject()) PayloadFields.read(o, null, c);
            } catch (IOException e) {
                c.note("malformed-object-json: " + StrictJson.firstLine(String.valueOf(e.getMessage())));
            }
        }
        if (!c.touched()) rawBytes.decode(c, null, StrictJson.text(root, "data"), root.path("fPort").asInt(-1), null, "data");
        return c.result();
    }

    /** The v3 protobuf-JSON marshaler sends the DevEUI as base64 of its 8 bytes. */
    private static DeviceId eui(String s) {
        if (s == null || s.isBlank()) return null;
        if (s.length() == 16) return DeviceIds.first(s, null);
        try {
            byte[] b = Base64.getDecoder().decode(s);
            if (b.length == 8) return DeviceId.of(HexFormat.of().formatHex(b));
        } catch (IllegalArgumentException e) {
            // not base64
        }
        return DeviceIds.first(s, null);
    }

    // ---------------------------------------------------------------- DIY

    private DecodeResult tasmota(String topic, JsonNode root, Instant arrival) {
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

    private DecodeResult scalar(String topic, String text, boolean quoted, Instant arrival) {
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
                dev = sensor > 0 ? String.join("/", java.util.Arrays.copyOfRange(levels, 0, sensor)) : name;
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

    private DecodeResult plain(String topic, JsonNode root, Instant arrival) {
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

    // ---------------------------------------------------------------- admin mappings

    private DecodeResult mapped(SourceMapping m, String topic, byte[] body, Instant arrival) {
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

    // ---------------------------------------------------------------- helpers

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

    private static final String[] METRIC_WORDS = {"carbon_dioxide", "co2", "temperature", "temp", "humidity", "hum",
        "pressure", "tvoc", "illuminance", "lux"};

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
