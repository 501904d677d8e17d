package org.frischluft.ingest;

import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes messages on a broker (the alert events on {@code frischluft/<site>/alerts}) with a client of its own,
 * so publishing never shares a connection, a callback or a thread with ingest. Connects on first use and again
 * after a loss; each publish waits at most 10 s and throws when it could not be sent (the caller retries).
 * Called from one thread at a time (the alert feature's {@code alert-out}).
 */
public final class MqttPublisher implements AutoCloseable {
    private static final long WAIT_MS = 10_000;

    private final BrokerConfig config;
    private final MqttAsyncClient client;

    public MqttPublisher(BrokerConfig config) throws MqttException {
        this.config = config;
        String id = (config.clientId() == null ? "frischluft-" + UUID.randomUUID().toString().substring(0, 8) : config.clientId()) + "-alerts";
        this.client = new MqttAsyncClient(config.url(), id, new MemoryPersistence());
    }

    /** Sends {@code payload} on {@code topic} at QoS 1. */
    public synchronized void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        if (!client.isConnected()) {
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            o.setCleanSession(true);
            o.setConnectionTimeout(10);
            o.setKeepAliveInterval(60);
            if (config.username() != null) o.setUserName(config.username());
            if (config.password() != null) o.setPassword(config.password().toCharArray());
            try {
                if (config.tls()) o.setSocketFactory(Tls.socketFactory(config));
            } catch (Exception e) {
                throw new MqttException(e);
            }
            client.connect(o).waitForCompletion(WAIT_MS);
        }
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        client.publish(topic, m).waitForCompletion(WAIT_MS);
    }

    @Override
    public synchronized void close() {
        try {
            if (client.isConnected()) client.disconnect().waitForCompletion(2_000);
        } catch (MqttException ignored) {
            // closing anyway
        }
        try {
            client.close();
        } catch (MqttException ignored) {
            // closing anyway
        }
    }
}
