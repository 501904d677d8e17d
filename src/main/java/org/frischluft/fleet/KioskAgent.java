package org.frischluft.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.SiteId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's side of the fleet: subscribes {@code frischluft/<site>/config}, verifies every message against the public
 * key it was installed with, applies only valid, newer ones for its site (kept on disk as the last good
 * configuration, which it applies at start before any broker answers), counts the others by reason, and keeps its
 * status retained on {@code frischluft/<site>/kiosk/<id>/status} with the last will {@code offline}.
 * Paho's callback only copies the bytes onto the agent's own thread ({@code fleet-agent}); the listener is called
 * there, never on the FX thread.
 */
public final class KioskAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskAgent.class);
    /** Value age is reported at most this often; a change of light at once. */
    static final Duration STATUS_EVERY = Duration.ofSeconds(60);

    /** What the kiosk screen follows; called on the agent's thread. */
    public interface Listener {
        /** A valid configuration to show; {@code fromDisk} at start, from the last good file. */
        void applied(ConfigVerifier.Accepted config, boolean fromDisk);

        void refused(Refusal refusal, Map<Refusal.Reason, Integer> counts);

        void link(LinkStatus status);
    }

    public record Options(FleetBroker broker, SiteId site, PublicKey key, Path dir, KioskIdentity identity,
                          String appVersion, Clock clock) {
        public Options {
            Objects.requireNonNull(broker, "broker");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final Options o;
    private final Listener listener;
    private final ConfigVerifier verifier;
    private final LastGoodConfig lastGood;
    private final ExecutorService worker;
    private final Instant startedAt;
    private final Map<Refusal.Reason, Integer> refusals = new EnumMap<>(Refusal.Reason.class);
    private MqttAsyncClient client;
    // agent thread only, or under the lock
    private ConfigVerifier.Accepted current;
    private Refusal lastRefusal;
    private String light;
    private Instant valueAt;
    private Instant lastStatus = Instant.EPOCH;
    private String lastStatusLight;
    private volatile boolean closed;

    public KioskAgent(Options options, Listener listener) {
        this.o = options;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.verifier = new ConfigVerifier(options.key(), options.clock());
        this.lastGood = new LastGoodConfig(options.dir());
        this.startedAt = options.clock().instant();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fleet-agent-" + options.identity().id());
            t.setDaemon(true);
            return t;
        });
    }

    /** Applies the last good configuration from disk (if any), then connects in the background; never blocks on the broker. */
    public KioskAgent start() throws IOException {
        Optional<ConfigVerifier.Accepted> kept = lastGood.load(verifier, o.site());
        kept.ifPresent(a -> {
            synchronized (this) {
                current = a;
            }
            LOG.info("kiosk {}: last good configuration version {} from {}", o.identity().id(), a.message().version(), lastGood.file());
            listener.applied(a, true);
        });
        try {
            client = new MqttAsyncClient(o.broker().url(), "frischluft-kiosk-" + o.identity().id(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IOException("broker " + o.broker().url() + ": " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                worker.execute(KioskAgent.this::onConnected);
            }

            @Override
            public void connectionLost(Throwable cause) {
                listener.link(new LinkStatus(o.broker().url(), LinkStatus.State.RECONNECTING, o.clock().instant(),
                        cause == null ? "" : String.valueOf(cause.getMessage())));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    byte[] bytes = message.getPayload().clone();
                    worker.execute(() -> onConfig(bytes));
                } catch (RuntimeException e) {
                    LOG.warn("fleet message dropped: {}", e.toString());
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions opts = o.broker().options();
        opts.setWill(FleetTopics.status(o.site(), o.identity().id()), KioskStatus.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
        listener.link(new LinkStatus(o.broker().url(), LinkStatus.State.CONNECTING, o.clock().instant(), ""));
        connect(opts);
        return this;
    }

    private void connect(MqttConnectOptions opts) {
        try {
            client.connect(opts, null, new org.eclipse.paho.client.mqttv3.IMqttActionListener() {
                @Override
                public void onSuccess(org.eclipse.paho.client.mqttv3.IMqttToken token) {
                }

                @Override
                public void onFailure(org.eclipse.paho.client.mqttv3.IMqttToken token, Throwable e) {
                    if (closed) return;
                    listener.link(new LinkStatus(o.broker().url(), LinkStatus.State.RECONNECTING, o.clock().instant(),
                            e == null ? "" : String.valueOf(e.getMessage())));
                    // automatic reconnect only starts after a first success: retry the first connect ourselves
                    worker.execute(() -> {
                        try {
                            Thread.sleep(2_000);
                        } catch (InterruptedException ie) {
                            return;
                        }
                        if (!closed && !client.isConnected()) connect(opts);
                    });
                }
            });
        } catch (MqttException e) {
            listener.link(new LinkStatus(o.broker().url(), LinkStatus.State.DISCONNECTED, o.clock().instant(), e.getMessage()));
        }
    }

    private void onConnected() {
        listener.link(new LinkStatus(o.broker().url(), LinkStatus.State.CONNECTED, o.clock().instant(), ""));
        try {
            client.subscribe(FleetTopics.config(o.site()), 1);
        } catch (MqttException e) {
            LOG.warn("kiosk {}: cannot subscribe {}: {}", o.identity().id(), FleetTopics.config(o.site()), e.toString());
        }
        publishStatus(true);
    }

    private void onConfig(byte[] bytes) {
        long last;
        String lastRaw;
        synchronized (this) {
            last = current == null ? Long.MIN_VALUE : current.message().version();
            lastRaw = current == null ? null : current.raw();
        }
        // the retained message again (every reconnect): nothing new, nothing refused
        if (lastRaw != null && lastRaw.equals(new String(bytes, StandardCharsets.UTF_8).strip())) return;
        ConfigVerifier.Verdict v = verifier.verify(bytes, o.site(), last);
        if (v instanceof ConfigVerifier.Accepted a) {
            try {
                lastGood.save(a);
            } catch (IOException e) {
                LOG.warn("kiosk {}: cannot keep the configuration in {}: {}", o.identity().id(), lastGood.file(), e.toString());
            }
            synchronized (this) {
                current = a;
            }
            LOG.info("kiosk {}: configuration version {} applied", o.identity().id(), a.message().version());
            listener.applied(a, false);
        } else if (v instanceof ConfigVerifier.Refused r) {
            Map<Refusal.Reason, Integer> counts;
            synchronized (this) {
                refusals.merge(r.refusal().reason(), 1, Integer::sum);
                lastRefusal = r.refusal();
                counts = Map.copyOf(refusals);
            }
            LOG.warn("kiosk {}: configuration refused ({}): {}", o.identity().id(), r.refusal().reason(), r.refusal().detail());
            listener.refused(r.refusal(), counts);
        }
        publishStatus(true);
    }

    /** What the screen shows now; reported in the status (a new light at once, the value age at most once a minute). */
    public void showing(String nextLight, Instant nextValueAt) {
        boolean force;
        synchronized (this) {
            light = nextLight;
            valueAt = nextValueAt;
            force = !Objects.equals(nextLight, lastStatusLight);
        }
        worker.execute(() -> publishStatus(force));
    }

    public synchronized KioskStatus status() {
        String room = current == null ? null : current.school().kiosk(o.identity().id())
                .map(k -> k.room() == null ? null : k.room().value()).orElse(null);
        return new KioskStatus(o.identity().id(), o.site().value(), true, room == null ? o.identity().code() : null, room,
                current == null ? 0 : current.message().version(), light, valueAt, o.appVersion(), startedAt, refusals,
                lastRefusal, o.clock().instant());
    }

    public synchronized Map<Refusal.Reason, Integer> refusals() {
        return Map.copyOf(refusals);
    }

    public KioskIdentity identity() {
        return o.identity();
    }

    private void publishStatus(boolean force) {
        if (client == null || !client.isConnected()) return;
        Instant now = o.clock().instant();
        if (!force && Duration.between(lastStatus, now).compareTo(STATUS_EVERY) < 0) return;
        KioskStatus s = status();
        try {
            MqttMessage m = new MqttMessage(s.toJson());
            m.setQos(1);
            m.setRetained(true);
            client.publish(FleetTopics.status(o.site(), o.identity().id()), m);
            lastStatus = now;
            lastStatusLight = s.light();
        } catch (MqttException e) {
            LOG.debug("kiosk {}: status not sent: {}", o.identity().id(), e.toString());
        }
    }

    /** Says {@code offline} on the status topic (retained) as the last will would, then disconnects. */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client == null) return;
        try {
            if (client.isConnected()) {
                MqttMessage m = new MqttMessage(KioskStatus.OFFLINE.getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                m.setRetained(true);
                client.publish(FleetTopics.status(o.site(), o.identity().id()), m).waitForCompletion(2_000);
                client.disconnect().waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            LOG.debug("kiosk {}: close: {}", o.identity().id(), e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("kiosk {}: close: {}", o.identity().id(), e.toString());
        }
    }

    /** A power cut, as tests need one: the connection drops without a goodbye, so the broker sends the last will. */
    public void crash() {
        closed = true;
        worker.shutdownNow();
        try {
            client.disconnectForcibly(0, 0, false);
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("crash: {}", e.toString());
        }
    }
}
