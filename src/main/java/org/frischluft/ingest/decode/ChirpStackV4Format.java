package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.frischluft.ingest.decode.DecodeResult.Ignored;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;

/**
 * ChirpStack v4 ({@code deviceInfo}): the {@code up} event gives readings from {@code object} (set when the device
 * profile has a codec), else from the base64 {@code data} through {@link RawBytes}; the other events are ignored.
 * The event comes from the topic ({@code .../event/up}), else from the body's shape.
 */
final class ChirpStackV4Format {
    private final RawBytes rawBytes;

    ChirpStackV4Format(RawBytes rawBytes) {
        this.rawBytes = rawBytes;
    }

    DecodeResult decode(String topic, JsonNode root, Instant arrival) {
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
        if (!c.touched()) rawBytes.decode(c, null, StrictJson.text(root, "data"), root.path("fPort").asInt(-1), null,
                StrictJson.text(info, "deviceProfileName"), new RawBytes.Origin(topic, StrictJson.text(info, "applicationName")),
                "data");
        return c.result();
    }
}
