package org.frischluft.ingest.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.frischluft.ingest.codec.FrameException;
import org.frischluft.ingest.codec.Codecs;
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
    private static final String[] TTN_EVENTS = {"join_accept", "downlink_ack", "downlink_nack", "downlink_sent",
        "downlink_failed", "downlink_queued", "downlink_queue_invalidated", "service_data", "location_solved"};

    private final DecoderSettings settings;
    private final ObjectMapper mapper;
    /** Reads one value (a decoded payload) out of a running parser; the rest of the document follows. */
    private final ObjectReader subtrees;
    private final boolean streaming;
    private final List<SourceMapping> mappings;
    private final List<String[]> mappingFilters;

    public PayloadDecoder(DecoderSettings settings) {
        this(settings, true);
    }

    /** {@code streaming = false} decodes every message through the full tree (tests and the benchmark compare). */
    PayloadDecoder(DecoderSettings settings, boolean streaming) {
        this.settings = settings;
        this.streaming = streaming;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(settings.maxDepth())
                        .maxDocumentLength(settings.maxBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.subtrees = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        int start = 0;
        while (start < body.length && isSpace(body[start])) start++;
        if (start == body.length) return new Ignored("empty-payload: zero-length or blank message (clears a retained topic)");
        if (body.length > settings.maxBytes()) {
            return new Rejected("too-large: " + body.length + " bytes, limit " + settings.maxBytes());
        }
        if (isBinary(body)) {
            String hint = topic.contains("/event/up") ? " (ChirpStack with json=false sends protobuf; set json=true)" : "";
            return new Rejected("binary-payload: " + body.length + " bytes that are not UTF-8 text" + hint);
        }
        for (int i = 0; i < mappings.size(); i++) {
            if (matches(mappingFilters.get(i), topic)) return mapped(mappings.get(i), topic, body, arrival);
        }
        byte first = body[start];
        if (first == '{') {
            TtnMessage fast = streaming ? ttnFromStream(body) : null;
            if (fast != null) return ttn(topic, fast, arrival);
            JsonNode root;
            try {
                root = mapper.readTree(body);
            } catch (IOException e) {
                return jsonError(e);
            }
            return object(topic, root, body, arrival);
        }
        if (first == '[') return new Rejected("unsupported-format: a JSON array is no known message format");
        if (first == '"') {
            JsonNode s;
            try {
                s = mapper.readTree(body);
            } catch (IOException e) {
                return jsonError(e);
            }
            return scalar(topic, s.asText(), true, arrival);
        }
        return scalar(topic, new String(body, StandardCharsets.UTF_8).strip(), false, arrival);
    }

    private static DecodeResult jsonError(IOException e) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("depth")) return new Rejected("too-deep: " + firstLine(m));
            if (m.contains("length")) return new Rejected("too-large: " + firstLine(m));
        }
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new Rejected("malformed-json: " + firstLine(String.valueOf(m)));
    }

    private DecodeResult object(String topic, JsonNode root, byte[] body, Instant arrival) {
        if (root.has("end_device_ids")) return ttn(topic, ttnFromTree(root), arrival);
        if (root.has("deviceInfo")) return chirpstack4(topic, root, arrival);
        if (root.has("applicationID") || root.has("devEUI")) return chirpstack3(topic, root, arrival);
        if (root.has("payload_fields") || root.has("app_id") && root.has("dev_id")) {
            return new Rejected("unsupported-format: TTN v2 envelope (payload_fields); TTN v2 was shut down, use TTN v3");
        }
        if (topic.startsWith("tele/") && topic.endsWith("/SENSOR")) return tasmota(topic, root, arrival);
        if (topic.startsWith("tele/") || topic.startsWith("stat/")) return new Ignored("tasmota-status: " + lastLevel(topic));
        return plain(topic, root, arrival);
    }

    // ---------------------------------------------------------------- TTN v3

    /** What {@link #ttn(String, TtnMessage, Instant)} uses of a TTN v3 message, read from the tree or the stream. */
    private static final class TtnMessage {
        String devEui;
        String deviceId;
        String receivedAt;
        boolean simulated;
        /** {@code uplink_message}, else {@code uplink_normalized}; null when neither is there. */
        TtnUp up;
        boolean normalized;
        /** The first of {@link #TTN_EVENTS} present, when there is no uplink. */
        String event;
    }

    /** What is used of {@code uplink_message} / {@code uplink_normalized}. */
    private static final class TtnUp {
        boolean object;
        String receivedAt;
        String brandId;
        String modelId;
        /** As given (object, array or anything else); null when absent. */
        JsonNode normalizedPayload;
        /** Only when it is an object. */
        JsonNode decodedPayload;
        int fPort = -1;
        String frmPayload;
    }

    private static TtnMessage ttnFromTree(JsonNode root) {
        TtnMessage m = new TtnMessage();
        JsonNode ids = root.get("end_device_ids");
        m.devEui = text(ids, "dev_eui");
        m.deviceId = text(ids, "device_id");
        m.receivedAt = text(root, "received_at");
        m.simulated = root.path("simulated").asBoolean(false);
        JsonNode up = root.get("uplink_message");
        if (up == null) {
            up = root.get("uplink_normalized");
            m.normalized = up != null;
        }
        if (up != null) {
            TtnUp u = new TtnUp();
            u.object = up.isObject();
            if (u.object) {
                u.receivedAt = text(up, "received_at");
                JsonNode v = up.path("version_ids");
                u.brandId = text(v, "brand_id");
                u.modelId = text(v, "model_id");
                u.normalizedPayload = up.get("normalized_payload");
                JsonNode decoded = up.get("decoded_payload");
                u.decodedPayload = decoded != null && decoded.isObject() ? decoded : null;
                u.fPort = up.path("f_port").asInt(-1);
                u.frmPayload = text(up, "frm_payload");
            }
            m.up = u;
        } else {
            for (String e : TTN_EVENTS) {
                if (root.has(e)) {
                    m.event = e;
                    break;
                }
            }
        }
        return m;
    }

    private DecodeResult ttn(String topic, TtnMessage m, Instant arrival) {
        TtnUp up = m.up;
        if (up == null) {
            if (m.event != null) return new Ignored("ttn-event: " + m.event);
            if (topic.endsWith("/up") || topic.endsWith("/up/normalized")) {
                return new Rejected("missing-uplink-message: " + lastLevel(topic) + " message without uplink_message");
            }
            return new Ignored("ttn-event: no uplink in this message");
        }
        if (!up.object) return new Rejected("malformed-uplink: uplink_message is not an object");
        DeviceId device = device(m.devEui, m.deviceId);
        if (device == null) return new Rejected("missing-device: end_device_ids without dev_eui or device_id");
        Instant time = time(up.receivedAt, null);
        if (time == null) time = time(m.receivedAt, arrival); // parsed only when needed
        Collector c = new Collector(device, time);
        c.simulated(m.simulated);
        SensorModel announced = SensorModel.byVersionIds(up.brandId, up.modelId).orElse(null);
        String brand = announced != null ? announced.brand() : up.brandId;
        if (m.normalized) {
            PayloadFields.normalized(up.normalizedPayload, c);
            if (!c.touched()) c.note("no-reading: normalized payload without air quality values");
            return c.result();
        }
        if (up.decodedPayload != null) PayloadFields.read(up.decodedPayload, brand, c);
        if (!c.touched()) PayloadFields.normalized(up.normalizedPayload, c);
        if (!c.touched()) bytes(c, m.deviceId, up.frmPayload, up.fPort, announced, "frm_payload");
        return c.result();
    }

    /**
     * The fast path for TTN v3: one streaming pass that keeps only what {@link #ttn(String, TtnMessage, Instant)}
     * uses and skips the rest ({@code rx_metadata}, {@code correlation_ids}, ... about 90 % of a real uplink);
     * only {@code decoded_payload} and {@code normalized_payload} become (small) trees. The parser enforces the
     * same limits as the tree path (nesting depth, length, duplicate keys, strict JSON), also inside what it skips.
     * Returns null for anything it does not recognise as a plain TTN v3 message (another format, a field of an
     * unexpected type, any parse error, trailing tokens): the tree path then decides and words the rejection.
     */
    private TtnMessage ttnFromStream(byte[] body) {
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            TtnMessage m = new TtnMessage();
            boolean ids = false;
            TtnUp message = null;
            TtnUp normalized = null;
            String event = null;
            int eventRank = TTN_EVENTS.length;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "end_device_ids" -> {
                        if (v != JsonToken.START_OBJECT) return null;
                        ids = true;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken fv = p.nextToken();
                            if (f.equals("dev_eui")) m.devEui = string(p, fv);
                            else if (f.equals("device_id")) m.deviceId = string(p, fv);
                            else p.skipChildren();
                        }
                    }
                    case "received_at" -> m.receivedAt = string(p, v);
                    case "simulated" -> {
                        if (v == JsonToken.VALUE_TRUE) m.simulated = true;
                        else if (v == JsonToken.VALUE_FALSE) m.simulated = false;
                        else return null;
                    }
                    case "uplink_message" -> message = up(p, v);
                    case "uplink_normalized" -> normalized = up(p, v);
                    // another format's key: the tree path routes the message
                    case "deviceInfo", "applicationID", "devEUI", "payload_fields", "app_id" -> {
                        return null;
                    }
                    default -> {
                        for (int i = 0; i < eventRank; i++) {
                            if (TTN_EVENTS[i].equals(name)) {
                                event = name;
                                eventRank = i;
                                break;
                            }
                        }
                        p.skipChildren();
                    }
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || !ids) return null;
            if (message != null) {
                m.up = message;
            } else if (normalized != null) {
                m.up = normalized;
                m.normalized = true;
            } else {
                m.event = event;
            }
            return m;
        } catch (IOException | RuntimeException e) {
            return null; // the tree path meets the same problem and says what it is
        }
    }

    /** True when the streaming fast path decodes this body (tests: it must, for ordinary TTN uplinks). */
    boolean takesFastPath(byte[] body) {
        return streaming && ttnFromStream(body) != null;
    }

    /** {@code uplink_message} or {@code uplink_normalized}; null (so the tree path decides) unless an object. */
    private TtnUp up(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) throw Unusual.INSTANCE;
        TtnUp u = new TtnUp();
        u.object = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "received_at" -> u.receivedAt = string(p, v);
                case "frm_payload" -> u.frmPayload = string(p, v);
                case "f_port" -> {
                    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        u.fPort = p.getIntValue();
                    } else {
                        throw Unusual.INSTANCE;
                    }
                }
                case "decoded_payload" -> {
                    if (v == JsonToken.START_OBJECT) {
                        u.decodedPayload = subtrees.readTree(p);
                    } else {
                        u.decodedPayload = null; // not an object: not read, as in the tree path
                        p.skipChildren();
                    }
                }
                case "normalized_payload" -> {
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        u.normalizedPayload = subtrees.readTree(p);
                    } else {
                        u.normalizedPayload = null; // a scalar holds no air values
                    }
                }
                case "version_ids" -> {
                    u.brandId = null;
                    u.modelId = null;
                    if (v == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String g = p.currentName();
                            JsonToken gv = p.nextToken();
                            if (g.equals("brand_id")) u.brandId = string(p, gv);
                            else if (g.equals("model_id")) u.modelId = string(p, gv);
                            else p.skipChildren();
                        }
                    } else if (v != JsonToken.VALUE_NULL) {
                        throw Unusual.INSTANCE;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return u;
    }

    /** A string or null; anything else is unusual (the tree path would turn a number into text). */
    private static String string(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) return p.getText();
        if (t == JsonToken.VALUE_NULL) return null;
        throw Unusual.INSTANCE;
    }

    /** The stream met something the fast path leaves to the tree path. Shared and stackless: no cost. */
    private static final class Unusual extends RuntimeException {
        static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super("unusual TTN message", null, false, false);
        }
    }

    // ---------------------------------------------------------------- ChirpStack

    private DecodeResult chirpstack4(String topic, JsonNode root, Instant arrival) {
        String event = eventOf(topic);
        if (event == null) {
            if (root.has("level") && root.has("code")) event = "log";
            else if (!root.has("data") && !root.has("object") && !root.has("fPort")) event = "status";
            else event = "up";
        }
        if (!event.equals("up")) return new Ignored("chirpstack-event: " + event);
        JsonNode info = root.get("deviceInfo");
        DeviceId device = device(text(info, "devEui"), deviceFromTopic(topic));
        if (device == null) device = device(text(info, "deviceName"), null);
        if (device == null) return new Rejected("missing-device: deviceInfo without devEui");
        Collector c = new Collector(device, time(text(root, "time"), arrival));
        JsonNode object = root.get("object");
        if (object != null && object.isObject()) PayloadFields.read(object, null, c);
        if (!c.touched()) bytes(c, null, text(root, "data"), root.path("fPort").asInt(-1), null, "data");
        return c.result();
    }

    private DecodeResult chirpstack3(String topic, JsonNode root, Instant arrival) {
        String event = eventOf(topic);
        if (event == null) {
            String last = lastLevel(topic);
            event = switch (last) {
                case "status", "join", "ack", "txack", "error", "location" -> last;
                default -> "up";
            };
        }
        if (!event.equals("up") && !event.equals("rx")) return new Ignored("chirpstack-event: " + event);
        DeviceId device = eui(text(root, "devEUI"));
        if (device == null) device = device(deviceFromTopic(topic), text(root, "deviceName"));
        if (device == null) return new Rejected("missing-device: ChirpStack v3 uplink without devEUI");
        JsonNode rx = root.path("rxInfo");
        Instant time = time(text(rx.path(0), "time"), time(text(root, "publishedAt"), arrival));
        Collector c = new Collector(device, time);
        JsonNode object = root.get("object");
        if (object != null && object.isObject()) {
            PayloadFields.read(object, null, c);
        } else if (root.path("objectJSON").isTextual() && !root.get("objectJSON").textValue().isBlank()) {
            try {
                JsonNode o = mapper.readTree(root.get("objectJSON").textValue());
                if (o.isObject()) PayloadFields.read(o, null, c);
            } catch (IOException e) {
                c.note("malformed-object-json: " + firstLine(String.valueOf(e.getMessage())));
            }
        }
        if (!c.touched()) bytes(c, null, text(root, "data"), root.path("fPort").asInt(-1), null, "data");
        return c.result();
    }

    /** The v3 protobuf-JSON marshaler sends the DevEUI as base64 of its 8 bytes. */
    private static DeviceId eui(String s) {
        if (s == null || s.isBlank()) return null;
        if (s.length() == 16) return device(s, null);
        try {
            byte[] b = Base64.getDecoder().decode(s);
            if (b.length == 8) return DeviceId.of(HexFormat.of().formatHex(b));
        } catch (IllegalArgumentException e) {
            // not base64
        }
        return device(s, null);
    }

    // ---------------------------------------------------------------- raw bytes

    /** {@code ttnDeviceId}: TTN's {@code end_device_ids.device_id}, also looked up in the configured models. */
    private void bytes(Collector c, String ttnDeviceId, String base64, int fPort, SensorModel announced, String field) {
        if (base64 == null || base64.isEmpty()) {
            c.note("no-payload: uplink with neither " + field + " nor a decoded payload");
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            c.note("malformed-" + field.replace('_', '-') + ": not base64");
            return;
        }
        SensorModel model;
        String configured = settings.models().get(c.device());
        DeviceId alias = device(ttnDeviceId, null); // null when blank or too long: the DevEUI already named the device
        if (configured == null && alias != null) {
            configured = settings.models().get(alias);
        }
        if (configured != null) {
            Optional<SensorModel> m = SensorModel.byId(configured);
            if (m.isEmpty()) {
                c.note("unknown-model: '" + configured + "' is configured for " + c.device() + " but has no decoder");
                return;
            }
            model = m.get();
        } else if (announced != null) {
            model = announced;
        } else {
            model = Codecs.infer(c.device(), bytes, fPort).orElse(null);
        }
        if (model == null) {
            c.note("no-decoder: no decoded payload and no known sensor model for " + c.device()
                    + " (configure its model)");
            return;
        }
        try {
            c.frame(Codecs.decoder(model).decode(bytes, fPort));
            if (!c.touched()) c.note("no-reading: " + model.id() + " frame without measurements");
        } catch (FrameException e) {
            c.note("undecodable-frame: " + model.id() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            c.note("undecodable-frame: " + model.id() + ": " + e);
        }
    }

    // ---------------------------------------------------------------- DIY

    private DecodeResult tasmota(String topic, JsonNode root, Instant arrival) {
        // "tele/SENSOR" is both prefix and suffix, with no node level in between
        String node = topic.length() < "tele//SENSOR".length() ? ""
                : topic.substring("tele/".length(), topic.length() - "/SENSOR".length());
        DeviceId device = device(node, null);
        if (device == null) return new Rejected("missing-device: empty Tasmota topic");
        boolean fahrenheit = "F".equalsIgnoreCase(text(root, "TempUnit"));
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
            DeviceId device = device(dev, name);
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
        String dev = stripSlashes(topic);
        if (root.path("data").isObject()) values = root.get("data");
        if (root.path("sensordatavalues").isArray()) {
            dev = root.hasNonNull("esp8266id") ? "esp8266-" + root.get("esp8266id").asText() : dev;
            DeviceId device = device(dev, null);
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
        DeviceId device = device(dev, null);
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
            root = mapper.readTree(body);
        } catch (IOException e) {
            return jsonError(e);
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
            JsonNode d = at(root, dp);
            dev = d == null || d.isMissingNode() || d.isNull() || d.isContainerNode() ? null : d.asText();
        }
        DeviceId device = device(dev, null);
        if (device == null) return new Rejected("missing-device: mapping " + m.name() + " found no device at " + dp);
        Instant time = arrival;
        if (m.timePointer() != null && !m.timePointer().isBlank()) {
            JsonNode t = at(root, m.timePointer());
            if (t != null && t.isNumber()) {
                time = epoch(t.asLong(), arrival);
            } else if (t != null && t.isTextual()) {
                time = time(t.textValue(), arrival);
            }
        }
        Collector c = new Collector(device, time);
        for (Map.Entry<Metric, SourceMapping.Field> e : m.metrics().entrySet()) {
            SourceMapping.Field f = e.getValue();
            JsonNode v = at(root, f.pointer());
            if (v != null && !v.isMissingNode()) c.put(e.getKey(), v, f.scale(), f.offset());
        }
        if (!c.touched()) c.note("no-reading: mapping " + m.name() + " found none of its fields");
        return c.result();
    }

    private static JsonNode at(JsonNode root, String pointer) {
        try {
            return root.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    private static String eventOf(String topic) {
        int i = topic.lastIndexOf("/event/");
        return i < 0 ? null : topic.substring(i + 7);
    }

    private static String deviceFromTopic(String topic) {
        String[] l = topic.split("/");
        for (int i = 0; i + 1 < l.length; i++) {
            if (l[i].equals("device")) return l[i + 1];
        }
        return null;
    }

    private static DeviceId device(String preferred, String fallback) {
        for (String s : new String[] {preferred, fallback}) {
            if (s != null && !s.isBlank() && s.strip().length() <= 128) return DeviceId.of(s);
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static Instant time(String iso, Instant fallback) {
        if (iso == null || iso.isBlank()) return fallback;
        Instant fast = utc(iso);
        if (fast != null) return fast;
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e2) {
                return fallback;
            }
        }
    }

    /** Epoch milliseconds above 10^11 (after March 1973 as ms), else epoch seconds; {@code fallback} beyond Instant's range. */
    static Instant epoch(long v, Instant fallback) {
        if (v > 100_000_000_000L) return Instant.ofEpochMilli(v);
        Instant s = epochSecond(v);
        return s != null ? s : fallback;
    }

    /** {@link Instant#ofEpochSecond(long)}, or null where it would throw. */
    static Instant epochSecond(long v) {
        return v < Instant.MIN.getEpochSecond() || v > Instant.MAX.getEpochSecond() ? null : Instant.ofEpochSecond(v);
    }

    /**
     * The one shape network servers send, {@code 2024-10-15T08:15:30.123456789Z} (0 to 9 fraction digits), parsed
     * without java.time's general parser (a third of a TTN uplink's decode time); null for anything else, which
     * then goes through {@link Instant#parse}. Same result as {@code Instant.parse} for what it accepts.
     */
    static Instant utc(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) return null;
            nanos = digits(s, 20, fraction);
            if (nanos < 0) return null;
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static String lastLevel(String topic) {
        int i = topic.lastIndexOf('/');
        return i < 0 ? topic : topic.substring(i + 1);
    }

    private static String stripSlashes(String topic) {
        int a = 0;
        int b = topic.length();
        while (a < b && topic.charAt(a) == '/') a++;
        while (b > a && topic.charAt(b - 1) == '/') b--;
        return topic.substring(a, b);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Control bytes other than whitespace, or bytes that are not UTF-8. */
    static boolean isBinary(byte[] body) {
        boolean ascii = true;
        int i = 0;
        for (; i < body.length; i++) {
            // eight bytes at a time where all are printable ASCII (no high bit, none below 0x20)
            if ((i & 7) == 0 && i + 8 <= body.length) {
                long w = (long) LONGS.get(body, i);
                if (((w | (w - ONES * 0x20) & ~w) & HIGHS) == 0) {
                    i += 7;
                    continue;
                }
            }
            byte b = body[i];
            if (b < 0) {
                ascii = false;
            } else if (b < 0x20 && !isSpace(b)) {
                return true;
            }
        }
        if (ascii) return false;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }
}
