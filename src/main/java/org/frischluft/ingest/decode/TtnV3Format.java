package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.frischluft.ingest.decode.DecodeResult.Ignored;
import org.frischluft.ingest.decode.DecodeResult.Rejected;
import org.frischluft.model.DeviceId;
import org.frischluft.model.SensorModel;

/**
 * The Things Stack (TTN v3): {@code uplink_message} and {@code uplink_normalized} give readings, from the decoded
 * payload, else the normalized payload, else the raw {@code frm_payload} through {@link RawBytes} (model announced
 * by {@code version_ids}); the other events ({@link TtnMessage#EVENTS}) are ignored. The device is the DevEUI,
 * else the TTN device id; the time {@code uplink_message.received_at}, else the envelope's, else the arrival.
 */
final class TtnV3Format {
    private final RawBytes rawBytes;

    TtnV3Format(RawBytes rawBytes) {
        this.rawBytes = rawBytes;
    }

    /** The tree path: what {@link #decode} uses of a parsed body that has {@code end_device_ids}. */
    static TtnMessage read(JsonNode root) {
        TtnMessage m = new TtnMessage();
        JsonNode ids = root.get("end_device_ids");
        m.devEui = StrictJson.text(ids, "dev_eui");
        m.deviceId = StrictJson.text(ids, "device_id");
        m.receivedAt = StrictJson.text(root, "received_at");
        m.simulated = root.path("simulated").asBoolean(false);
        JsonNode up = root.get("uplink_message");
        if (up == null) {
            up = root.get("uplink_normalized");
            m.normalized = up != null;
        }
        if (up != null) {
            TtnMessage.Up u = new TtnMessage.Up();
            u.object = up.isObject();
            if (u.object) {
                u.receivedAt = StrictJson.text(up, "received_at");
                JsonNode v = up.path("version_ids");
                u.brandId = StrictJson.text(v, "brand_id");
                u.modelId = StrictJson.text(v, "model_id");
                u.normalizedPayload = up.get("normalized_payload");
                JsonNode decoded = up.get("decoded_payload");
                u.decodedPayload = decoded != null && decoded.isObject() ? decoded : null;
                u.fPort = up.path("f_port").asInt(-1);
                u.frmPayload = StrictJson.text(up, "frm_payload");
            }
            m.up = u;
        } else {
            for (String e : TtnMessage.EVENTS) {
                if (root.has(e)) {
                    m.event = e;
                    break;
                }
            }
        }
        return m;
    }

    DecodeResult decode(String topic, TtnMessage m, Instant arrival) {
        TtnMessage.Up up = m.up;
        if (up == null) {
            if (m.event != null) return new Ignored("ttn-event: " + m.event);
            if (topic.endsWith("/up") || topic.endsWith("/up/normalized")) {
                return new Rejected("missing-uplink-message: " + Topics.lastLevel(topic) + " message without uplink_message");
            }
            return new Ignored("ttn-event: no uplink in this message");
        }
        if (!up.object) return new Rejected("malformed-uplink: uplink_message is not an object");
        DeviceId device = DeviceIds.first(m.devEui, m.deviceId);
        if (device == null) return new Rejected("missing-device: end_device_ids without dev_eui or device_id");
        Instant time = Timestamps.time(up.receivedAt, null);
        if (time == null) time = Timestamps.time(m.receivedAt, arrival); // parsed only when needed
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
        if (!c.touched()) rawBytes.decode(c, m.deviceId, up.frmPayload, up.fPort, announced, null,
                new RawBytes.Origin(topic, Topics.ttnApplication(topic)), "frm_payload");
        return c.result();
    }
}
