package org.frischluft.fleet;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Objects;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.SchoolModel;

/**
 * Signs a site's configuration and publishes it retained (QoS 1) on {@code frischluft/<site>/config}, as the admin app
 * and {@code frischluft config publish} do. The version is the issue time in milliseconds, and never below the last
 * one this publisher sent, so versions only grow, also across the CLI and the admin app on the same clock.
 */
public final class ConfigPublisher {
    private final FleetBroker broker;
    private final PrivateKey key;
    private final String keyId;
    private final Clock clock;
    private long last;

    /** A published message: what it was, and its text as sent. */
    public record Published(ConfigMessage message, String signed, String topic) {
    }

    public ConfigPublisher(FleetBroker broker, PrivateKey key, PublicKey publicKey, Clock clock) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.key = Objects.requireNonNull(key, "key");
        this.keyId = publicKey == null ? null : ConfigKeys.fingerprint(publicKey);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public synchronized long nextVersion() {
        last = Math.max(last + 1, clock.millis());
        return last;
    }

    /** Signs {@code site} of {@code school} as the next version (without publishing). */
    public ConfigMessage.Signed sign(SchoolModel school, SiteId site) {
        ConfigMessage m = ConfigMessage.of(school, site, nextVersion(), clock.instant());
        return new ConfigMessage.Signed(m, m.sign(key, keyId));
    }

    public Published publish(SchoolModel school, SiteId site) throws java.io.IOException {
        ConfigMessage.Signed s = sign(school, site);
        return publishSigned(s.message(), s.text());
    }

    /** Publishes an already signed message (retained, QoS 1) and waits for the broker's acknowledgement. */
    public Published publishSigned(ConfigMessage m, String signed) throws java.io.IOException {
        String topic = FleetTopics.config(m.site());
        send(broker, topic, signed.getBytes(StandardCharsets.US_ASCII));
        return new Published(m, signed, topic);
    }

    /** One retained QoS-1 message on {@code topic}, connection opened and closed around it. */
    public static void send(FleetBroker broker, String topic, byte[] payload) throws java.io.IOException {
        try {
            sendOrThrow(broker, topic, payload);
        } catch (MqttException e) {
            throw new java.io.IOException("broker " + broker + ": " + e.getMessage(), e);
        }
    }

    private static void sendOrThrow(FleetBroker broker, String topic, byte[] payload) throws MqttException {
        MqttClient c = new MqttClient(broker.url(), "frischluft-publish-" + Long.toHexString(System.nanoTime()), new MemoryPersistence());
        try {
            var o = broker.options();
            o.setAutomaticReconnect(false);
            c.connect(o);
            MqttMessage msg = new MqttMessage(payload);
            msg.setQos(1);
            msg.setRetained(true);
            c.publish(topic, msg);
            c.disconnect(2_000);
        } finally {
            c.close(true);
        }
    }
}
