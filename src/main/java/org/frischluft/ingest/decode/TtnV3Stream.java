package org.frischluft.ingest.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The fast path for TTN v3: one streaming pass that keeps only what {@link TtnV3Format#decode} uses and skips the
 * rest ({@code rx_metadata}, {@code correlation_ids}, ... about 90 % of a real uplink); only {@code decoded_payload}
 * and {@code normalized_payload} become (small) trees. The parser enforces the same limits as the tree path (nesting
 * depth, length, duplicate keys, strict JSON), also inside what it skips. {@link #read} returns null for anything it
 * does not recognise as a plain TTN v3 message (another format, a field of an unexpected type, any parse error,
 * trailing tokens): the tree path then decides and words the rejection. Thread-safe.
 */
final class TtnV3Stream {
    private final StrictJson json;

    TtnV3Stream(StrictJson json) {
        this.json = json;
    }

    /** The message as {@link TtnV3Format#read} would see it, or null to leave it to the tree path. */
    TtnMessage read(byte[] body) {
        try (JsonParser p = json.parser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            TtnMessage m = new TtnMessage();
            boolean ids = false;
            TtnMessage.Up message = null;
            TtnMessage.Up normalized = null;
            String event = null;
            int eventRank = TtnMessage.EVENTS.length;
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
                            if (TtnMessage.EVENTS[i].equals(name)) {
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

    /** {@code uplink_message} or {@code uplink_normalized}; null (so the tree path decides) unless an object. */
    private TtnMessage.Up up(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) throw Unusual.INSTANCE;
        TtnMessage.Up u = new TtnMessage.Up();
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
                        u.decodedPayload = json.subtree(p);
                    } else {
                        u.decodedPayload = null; // not an object: not read, as in the tree path
                        p.skipChildren();
                    }
                }
                case "normalized_payload" -> {
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        u.normalizedPayload = json.subtree(p);
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
}
