package org.frischluft.ingest.decode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.model.DeviceId;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.SourceMapping;

/**
 * What the decoder needs from the configuration: the sensor model per device (for raw LoRaWAN bytes, ids as
 * in {@link org.frischluft.model.SensorModel}), the admin's source mappings, and the input limits.
 *
 * @param maxBytes largest accepted message body, checked before parsing
 * @param maxDepth deepest accepted JSON nesting
 */
public record DecoderSettings(Map<DeviceId, String> models, List<SourceMapping> mappings, int maxBytes, int maxDepth,
                              List<org.frischluft.rooms.DefaultModel> defaultModels) {
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 32;

    public DecoderSettings {
        models = Map.copyOf(models);
        mappings = List.copyOf(mappings);
        defaultModels = defaultModels == null ? List.of() : List.copyOf(defaultModels);
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive");
        if (maxDepth < 2) throw new IllegalArgumentException("maxDepth must be at least 2");
    }

    public DecoderSettings(Map<DeviceId, String> models, List<SourceMapping> mappings, int maxBytes, int maxDepth) {
        this(models, mappings, maxBytes, maxDepth, List.of());
    }

    /** 64 KiB, depth 32, no models, no mappings. */
    public static DecoderSettings defaults() {
        return new DecoderSettings(Map.of(), List.of(), DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    /** Models from each device's current placement, mappings from the school model; default limits. */
    public static DecoderSettings from(SchoolModel school) {
        Map<DeviceId, String> models = new HashMap<>();
        school.sensorModels().forEach((device, model) -> models.put(device, model.id()));
        return new DecoderSettings(models, school.mappings(), DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, school.defaultModels());
    }

    /** The same settings with other limits. */
    public DecoderSettings withLimits(int maxBytes, int maxDepth) {
        return new DecoderSettings(models, mappings, maxBytes, maxDepth, defaultModels);
    }

    /** The same settings with other models. */
    public DecoderSettings withModels(Map<DeviceId, String> models) {
        return new DecoderSettings(models, mappings, maxBytes, maxDepth, defaultModels);
    }
}
