package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.frischluft.ingest.decode.DecodeResult.Ignored;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;

/**
 * ChirpStack v3 Application Server ({@code applicationID} / {@code devEUI}), both the {@code json_v3} and the
 * protobuf-JSON marshaler: readings from {@code object} or the {@code objectJSON} string, else from {@code data}
 * through {@link RawBytes}. Topics with and without the {@code /event/} level (before v3.11).
 */
final class ChirpStackV3Format {
    private final StrictJson json;
    private final RawBytes rawBytes;

    ChirpStackV3Format(StrictJson json, RawBytes rawBytes) {
        this.json = json;
        this.rawBytes = rawBytes;
    }

    DecodeResult decode(String topic, JsonNode root, Instant arrival) {
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
        Instant time = Timestamps.time(StrictJson.text(rx.path(0), "time"),
                Timestamps.time(StrictJson.text(root, "publishedAt"), arrival));
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
        if (!c.touched()) rawBytes.decode(c, null, StrictJson.text(root, "data"), root.path("fPort").asInt(-1), null,
                StrictJson.text(root, "deviceProfileName"), new RawBytes.Origin(topic, StrictJson.text(root, "applicationName")),
                "data");
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
}
