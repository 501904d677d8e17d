package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@link TtnV3Format} uses of a TTN v3 message, filled either from the full tree ({@link TtnV3Format#read})
 * or by the streaming fast path ({@link TtnV3Stream}); both must fill it alike. One per message, one thread.
 */
final class TtnMessage {
    /** The events a TTN v3 body may carry instead of an uplink, by their top-level key; the first present wins. */
    static final String[] EVENTS = {"join_accept", "downlink_ack", "downlink_nack", "downlink_sent",
        "downlink_failed", "downlink_queued", "downlink_queue_invalidated", "service_data", "location_solved"};

    String devEui;
    String deviceId;
    String receivedAt;
    boolean simulated;
    /** {@code uplink_message}, else {@code uplink_normalized}; null when neither is there. */
    Up up;
    boolean normalized;
    /** The first of {@link #EVENTS} present, when there is no uplink. */
    String event;

    /** What is used of {@code uplink_message} / {@code uplink_normalized}. */
    static final class Up {
        boolean object;
        String receivedAt;
        String brandId;
        String modelId;
        /** As given (object, array or anything else); null when absent. */
        JsonNode normalizedPayload;
        /** Only when it is an object. */
        JsonNode decodedPayload;
        int fPort = -1;
        String frmPayload;
    }
}
