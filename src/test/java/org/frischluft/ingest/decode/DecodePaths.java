package org.frischluft.ingest.decode;

import java.time.Clock;

/** Lets the decode benchmark compare the streaming TTN fast path with the full-tree path in one JVM. */
public final class DecodePaths {
    private DecodePaths() {
    }

    /** The production decoder (TTN v3 fast path on). */
    public static PayloadDecoder streaming(DecoderSettings settings, Clock clock) {
        return new PayloadDecoder(settings, clock, true);
    }

    /** Every message through the full Jackson tree, as before the fast path. */
    public static PayloadDecoder treeOnly(DecoderSettings settings, Clock clock) {
        return new PayloadDecoder(settings, clock, false);
    }
}
