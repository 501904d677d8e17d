package org.frischluft.fleet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.SiteId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's view of the fleet: every kiosk that said something on {@code frischluft/<site>/kiosk/+/status}, by id,
 * online or offline (its last will), with what it last reported. {@link #accept} is pure (tests feed it directly);
 * {@link #connect} follows a broker. Listeners get an immutable list sorted by id, on the MQTT thread.
 */
public final class FleetRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRegistry.class);
    private final Clock clock;
    private final Map<String, KioskStatus> kiosks = new LinkedHashMap<>();
    private final List<Consumer<List<KioskStatus>>> listeners = new CopyOnWriteArrayList<>();
    private MqttAsyncClient client;

    public FleetRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void subscribe(Consumer<List<KioskStatus>> listener) {
        listeners.add(listener);
        listener.accept(kiosks());
    }

    public synchronized List<KioskStatus> kiosks() {
        List<KioskStatus> out = new ArrayList<>(kiosks.values());
        out.sort(Comparator.comparing(KioskStatus::kiosk));
        return List.copyOf(out);
    }

    /** One status message; false (and nothing changed) when it is neither a status nor {@code offline}. */
    public boolean accept(String topic, byte[] payload) {
        String id = FleetTopics.kioskOf(topic);
        if (id == null) return false;
        List<KioskStatus> snapshot;
        synchronized (this) {
            KioskStatus next;
            try {
                next = KioskStatus.parse(id, payload);
            } catch (IllegalArgumentException e) {
                LOG.debug("not a kiosk status on {}: {}", topic, e.getMessage());
                return false;
            }
            if (next == null) {
                KioskStatus known = kiosks.get(id);
                String site = topic.split("/")[1];
                next = known != null ? known.offline(clock.instant())
                        : new KioskStatus(id, site, false, null, null, 0, null, null, null, null, Map.of(), null, clock.instant());
            }
            kiosks.put(id, next);
            snapshot = kiosks();
        }
        listeners.forEach(l -> l.accept(snapshot));
        return true;
    }

    /** Follows the status topics of {@code site} on {@code broker} (retained statuses arrive at once). */
    public FleetRegistry connect(FleetBroker broker, SiteId site) throws java.io.IOException {
        try {
            return connectOrThrow(broker, site);
        } catch (MqttException e) {
            throw new java.io.IOException("broker " + broker + ": " + e.getMessage(), e);
        }
    }

    private FleetRegistry connectOrThrow(FleetBroker broker, SiteId site) throws MqttException {
        client = new MqttAsyncClient(broker.url(), "frischluft-fleet-" + site.value() + "-" + Long.toHexString(System.nanoTime()),
                new MemoryPersistence());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                try {
                    client.subscribe(FleetTopics.allStatus(site), 1);
                } catch (MqttException e) {
                    LOG.warn("fleet: cannot subscribe {}: {}", FleetTopics.allStatus(site), e.toString());
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    accept(topic, message.getPayload());
                } catch (RuntimeException e) {
                    LOG.warn("fleet status dropped: {}", e.toString());
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(broker.options()).waitForCompletion(10_000);
        return this;
    }

    @Override
    public void close() {
        if (client == null) return;
        try {
            if (client.isConnected()) client.disconnect().waitForCompletion(2_000);
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("fleet close: {}", e.toString());
        }
    }
}
