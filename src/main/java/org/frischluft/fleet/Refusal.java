package org.frischluft.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a configuration message was not applied, and when. {@code detail} says it in words for logs and the CLI;
 * screens say the reason from their bundles ({@code fleet.refusal.<reason>}).
 */
public record Refusal(Reason reason, String detail, Instant at) {
    public enum Reason {
        /** Not a signed message at all (plain JSON, no signature, {@code alg} other than EdDSA). */
        UNSIGNED,
        /** Signed, but the signature does not match the content (changed on the way) or another key signed it. */
        TAMPERED,
        /** Signed for another site. */
        OTHER_SITE,
        /** A version not above the one already applied (an old message sent again). */
        REPLAYED,
        /** Signed and current, but its school is not a valid school file. */
        INVALID;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(at, "at");
    }
}
