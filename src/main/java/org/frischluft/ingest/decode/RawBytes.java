package org.frischluft.ingest.decode;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.frischluft.ingest.codec.Codecs;
import org.frischluft.ingest.codec.FrameException;
import org.frischluft.model.DeviceId;
import org.frischluft.model.SensorModel;

/**
 * An uplink's raw LoRaWAN bytes when the network server sent no decoded payload: the model comes from the
 * configuration, else from what TTN announced ({@code version_ids}), else ChirpStack's {@code deviceProfileName},
 * else {@link Codecs#infer} (the DevEUI's vendor, then the frame itself) where unambiguous; its byte decoder fills
 * the collector, which says which model and how it was known. Every failure becomes a note, never an exception.
 */
final class RawBytes {
    private final Map<DeviceId, String> models;
    private final java.util.List<org.frischluft.rooms.DefaultModel> defaults;

    /**
     * {@code models}: configured sensor model ids per device, as in {@link DecoderSettings#models()};
     * {@code defaults}: the school file's models of whole fleets.
     */
    RawBytes(Map<DeviceId, String> models, java.util.List<org.frischluft.rooms.DefaultModel> defaults) {
        this.models = models;
        this.defaults = defaults;
    }

    /** Where a message came from, for the school file's default models: each may be null. */
    record Origin(String topic, String application) {
        static final Origin NONE = new Origin(null, null);
    }

    /**
     * Decodes {@code base64} into {@code c}.
     *
     * @param ttnDeviceId TTN's {@code end_device_ids.device_id}, also looked up in the configured models; may be null
     * @param announced   the model TTN's {@code version_ids} name, or null
     * @param field       the body's field name, for the notes ({@code frm_payload}, {@code data})
     */
    void decode(Collector c, String ttnDeviceId, String base64, int fPort, SensorModel announced, String profileName,
                String field) {
        decode(c, ttnDeviceId, base64, fPort, announced, profileName, Origin.NONE, field);
    }

    void decode(Collector c, String ttnDeviceId, String base64, int fPort, SensorModel announced, String profileName,
                Origin origin, String field) {
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
        String source;
        String configured = models.get(c.device());
        DeviceId alias = DeviceIds.orNull(ttnDeviceId); // null when blank or too long: the DevEUI already named the device
        if (configured == null && alias != null) {
            configured = models.get(alias);
        }
        if (configured != null) {
            Optional<SensorModel> m = SensorModel.byId(configured);
            if (m.isEmpty()) {
                c.note("unknown-model: '" + configured + "' is configured for " + c.device() + " but has no decoder");
                return;
            }
            model = m.get();
            source = "config";
        } else if (fleetDefault(origin, profileName) != null) {
            model = fleetDefault(origin, profileName);
            source = "default";
        } else if (announced != null) {
            model = announced;
            source = "version_ids";
        } else if (Codecs.byProfileName(profileName).isPresent()) {
            model = Codecs.byProfileName(profileName).get();
            source = "device_profile";
        } else {
            Codecs.Inference inf = Codecs.infer(c.device(), bytes, fPort);
            if (inf.model() == null) {
                if (inf.candidates().size() > 1) {
                    c.note("ambiguous-frame: the frame of " + c.device() + " fits " + String.join(", ", inf.candidates())
                            + " (configure its model)");
                } else {
                    c.note("no-decoder: no decoded payload and no known sensor model for " + c.device()
                            + " (configure its model)");
                }
                return;
            }
            model = inf.model();
            source = inf.source();
        }
        c.model(model.id(), source);
        try {
            c.frame(Codecs.decoder(model).decode(bytes, fPort));
            if (!c.touched()) c.note("no-reading: " + model.id() + " frame without measurements");
        } catch (FrameException e) {
            c.note("undecodable-frame: " + model.id() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            c.note("undecodable-frame: " + model.id() + ": " + e);
        }
    }

    private SensorModel fleetDefault(Origin origin, String profileName) {
        for (org.frischluft.rooms.DefaultModel d : defaults) {
            if (d.matches(origin.application(), profileName, origin.topic())) return d.model();
        }
        return null;
    }
}
