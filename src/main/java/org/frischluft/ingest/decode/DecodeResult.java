package org.frischluft.ingest.decode;

import java.util.List;
import java.util.Objects;
import org.frischluft.model.Reading;

/**
 * The outcome of decoding one MQTT message. Never an exception: a sender cannot stop ingest.
 *
 * <ul>
 * <li>{@link Decoded}: a measurement message. {@code readings} may be empty when the message was well-formed
 * but held no valid metric (the corpus' {@code no_reading}: a battery-only frame still yields a reading, an
 * uplink without decodable bytes yields none); {@code dropped} then says why.</li>
 * <li>{@link Ignored}: not a measurement (join, downlink, status, LWT, empty retained-clear ...).</li>
 * <li>{@link Rejected}: broken or unsupported input, to be counted in the {@link RejectionLog}.</li>
 * </ul>
 */
public sealed interface DecodeResult {
    /**
     * Readings from one message, current first, then older samples the frame carried (history).
     *
     * @param dropped   one reason per metric dropped or per reason no metric could be read, each
     *                  {@code "<code>: <detail>"}, e.g. {@code "implausible-co2: 65535 ppm"}
     * @param simulated true for a TTN Console simulated uplink ({@code "simulated": true})
     * @param model       the sensor model whose byte decoder read the raw frame, or null (the network decoded it)
     * @param modelSource how that model was known: {@code config} (school file or {@code --model}), {@code default}
     *                    (the school file's default for the application, device profile or topic), {@code version_ids}
     *                    (TTN), {@code device_profile} (ChirpStack's deviceProfileName), {@code oui} (the DevEUI's
     *                    vendor) or {@code frame} (the only codec that reads the whole frame plausibly); the last four
     *                    are inferred, for the admin to confirm
     */
    record Decoded(List<Reading> readings, List<String> dropped, boolean simulated, String model, String modelSource)
            implements DecodeResult {
        public Decoded {
            readings = List.copyOf(readings);
            dropped = List.copyOf(dropped);
        }

        public Decoded(List<Reading> readings, List<String> dropped, boolean simulated) {
            this(readings, dropped, simulated, null, null);
        }

        public Decoded(List<Reading> readings, List<String> dropped) {
            this(readings, dropped, false);
        }
    }

    /** A message that is not a measurement; {@code reason} is {@code "<code>: <detail>"}. */
    record Ignored(String reason) implements DecodeResult {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A message that could not be used; {@code reason} is {@code "<code>: <detail>"} with a stable kebab-case
     * code: {@code too-large, too-deep, malformed-json, binary-payload, unsupported-format,
     * missing-uplink-message, missing-device, internal-error}.
     */
    record Rejected(String reason) implements DecodeResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        /** The stable code before the colon. */
        public String code() {
            return RejectionLog.codeOf(reason);
        }
    }
}
