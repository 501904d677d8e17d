package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.frischluft.ingest.decode.DecodeResult.Ignored;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.SourceMapping;

/**
 * Turns one MQTT message into readings. Routing: the {@link InputGuard} first (blank, size, binary), then admin
 * source mappings (by topic filter, {@link MappedFormat}), then by topic shape and the body's top-level keys: TTN v3
 * ({@code end_device_ids}), ChirpStack v4 ({@code deviceInfo}), ChirpStack v3 ({@code applicationID}/{@code devEUI},
 * json_v3 and protobuf-JSON), Tasmota {@code tele/+/SENSOR}, ESPHome and Home Assistant state topics, and plain JSON
 * of DIY CO2 lights. Uplinks without a decoded payload go through the byte decoders of {@link SensorModel}
 * ({@link RawBytes}: model from the configuration, else TTN {@code version_ids}, else inferred where unambiguous).
 *
 * <p>Strict JSON (no NaN, no trailing tokens, no duplicate keys), the size limit checked before parsing, the
 * nesting limit while parsing ({@link StrictJson}). A TTN v3 message is first read in one streaming pass that keeps
 * only the fields used ({@link TtnV3Stream}, same limits, same result); anything unusual goes through the full tree.
 * Thread-safe and stateless apart from its settings; {@link #decode} never throws.
 */
public final class PayloadDecoder {
    private final DecoderSettings settings;
    /** "Now" for a message that comes without its arrival time. */
    private final Clock clock;
    private final boolean streaming;
    private final InputGuard guard;
    private final StrictJson json;
    private final MappedFormat mapped;
    private final TtnV3Stream ttnStream;
    private final TtnV3Format ttn;
    private final ChirpStackV4Format chirpstack4;
    private final ChirpStackV3Format chirpstack3;
    private final TasmotaFormat tasmota = new TasmotaFormat();
    private final StateTopicFormat stateTopic = new StateTopicFormat();
    private final PlainJsonFormat plain = new PlainJsonFormat();
    private final InfluxLineFormat influx = new InfluxLineFormat();

    /**
     * A decoder for {@code settings}; build a new one when the configuration changes.
     *
     * @param clock gives the arrival time of a message decoded without one
     * @throws IllegalArgumentException when a source mapping's topic filter is invalid (see {@code TopicFilter})
     */
    public PayloadDecoder(DecoderSettings settings, Clock clock) {
        this(settings, clock, true);
    }

    /** {@code streaming = false} decodes every message through the full tree (tests and the benchmark compare). */
    PayloadDecoder(DecoderSettings settings, Clock clock, boolean streaming) {
        this.settings = settings;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.streaming = streaming;
        this.guard = new InputGuard(settings.maxBytes());
        this.json = new StrictJson(settings);
        this.mapped = new MappedFormat(json, settings.mappings());
        RawBytes rawBytes = new RawBytes(settings.models(), settings.defaultModels());
        this.ttnStream = new TtnV3Stream(json);
        this.ttn = new TtnV3Format(rawBytes);
        this.chirpstack4 = new ChirpStackV4Format(rawBytes);
        this.chirpstack3 = new ChirpStackV3Format(json, rawBytes);
    }

    public DecoderSettings settings() {
        return settings;
    }

    /** Decodes one message; never throws, whatever the input. {@code receivedAt} null: now, by the clock. */
    public DecodeResult decode(String topic, byte[] payload, Instant receivedAt) {
        try {
            return route(topic == null ? "" : topic, payload == null ? new byte[0] : payload,
                    receivedAt == null ? clock.instant() : receivedAt);
        } catch (RuntimeException | StackOverflowError e) {
            return new Rejected("internal-error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** True when the streaming fast path decodes this body (tests: it must, for ordinary TTN uplinks). */
    boolean takesFastPath(byte[] body) {
        return streaming && ttnStream.read(body) != null;
    }

    private DecodeResult route(String topic, byte[] body, Instant arrival) {
        int start = InputGuard.firstNonSpace(body);
        DecodeResult refused = guard.check(topic, body, start);
        if (refused != null) return refused;
        SourceMapping mapping = mapped.find(topic);
        if (mapping != null) return mapped.decode(mapping, topic, body, arrival);
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
            return object(topic, root, arrival);
        }
        if (first == '[') return new Rejected("unsupported-format: a JSON array is no known message format");
        if (first == '"') {
            JsonNode s;
            try {
                s = json.tree(body);
            } catch (IOException e) {
                return StrictJson.error(e);
            }
            return stateTopic.decode(topic, s.asText(), true, arrival);
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (InfluxLineFormat.looksLike(text)) return influx.decode(topic, text, arrival);
        return stateTopic.decode(topic, text, false, arrival);
    }

    private DecodeResult object(String topic, JsonNode root, Instant arrival) {
        if (root.has("end_device_ids")) return ttn.decode(topic, TtnV3Format.read(root), arrival);
        if (root.has("deviceInfo")) return chirpstack4.decode(topic, root, arrival);
        if (root.has("applicationID") || root.has("devEUI")) return chirpstack3.decode(topic, root, arrival);
        if (root.has("payload_fields") || root.has("app_id") && root.has("dev_id")) {
            return new Rejected("unsupported-format: TTN v2 envelope (payload_fields); TTN v2 was shut down, use TTN v3");
        }
        if (topic.startsWith("tele/") && topic.endsWith("/SENSOR")) return tasmota.decode(topic, root, arrival);
        if (topic.startsWith("tele/") || topic.startsWith("stat/")) return new Ignored("tasmota-status: " + Topics.lastLevel(topic));
        return plain.decode(topic, root, arrival);
    }
}
