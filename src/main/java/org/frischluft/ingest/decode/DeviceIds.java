package org.frischluft.ingest.decode;

import org.frischluft.model.DeviceId;

/** The one way the decoder turns a sender's string into a {@link DeviceId}: never the exception for bad input. */
final class DeviceIds {
    private DeviceIds() {
    }

    /** {@code preferred} as a device id, else {@code fallback}; null when neither is one (blank, over 128 characters). */
    static DeviceId first(String preferred, String fallback) {
        DeviceId d = orNull(preferred);
        return d != null ? d : orNull(fallback);
    }

    /** {@code s} as a device id, or null when it cannot be one. */
    static DeviceId orNull(String s) {
        return s != null && !s.isBlank() && s.strip().length() <= 128 ? DeviceId.of(s) : null;
    }
}
