package org.frischluft.ingest;

import java.time.Instant;

/** One MQTT message as it arrived: copied bytes, nothing decoded yet. */
public record Inbound(String broker, String topic, byte[] payload, Instant receivedAt) {
}
