package org.frischluft.ingest;

import java.time.Instant;

/**
 * One MQTT message as it arrived: copied bytes, nothing decoded yet, and the {@link Delivery} to settle once it is
 * stored or counted.
 */
public record Inbound(String broker, String topic, byte[] payload, Instant receivedAt, Delivery delivery) {
    public Inbound {
        delivery = delivery == null ? Delivery.NONE : delivery;
    }

    /** A message nobody acknowledges (QoS 0, tests). */
    public Inbound(String broker, String topic, byte[] payload, Instant receivedAt) {
        this(broker, topic, payload, receivedAt, Delivery.NONE);
    }
}
