package org.frischluft.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.LinkStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker connection that stays up: connects, subscribes, and after any loss reconnects by itself with
 * a capped exponential backoff and subscribes again. The Paho callback only copies the message into the
 * {@link Inbox}; nothing a sender does can throw out of it, so no payload can close the connection.
 * Connection state goes to {@code status} as {@link LinkStatus} records. Credentials are never logged.
 */
public final class MqttLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final BrokerConfig config;
    private final Inbox inbox;
    private final Consumer<LinkStatus> status;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final MqttAsyncClient client;
    private final AtomicInteger attempt = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean closed;

    public MqttLink(BrokerConfig config, Inbox inbox, Consumer<LinkStatus> status, Clock clock) throws MqttException {
        this.config = config.clientId() == null
                ? config.withClientId("frischluft-" + UUID.randomUUID().toString().substring(0, 8))
                : config;
        this.inbox = inbox;
        this.status = status;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-" + config.id());
            t.setDaemon(true);
            return t;
        });
        this.client = new MqttAsyncClient(config.url(), this.config.clientId(), new MemoryPersistence());
        this.client.setCallback(new Callback());
    }

    public String id() {
        return config.id();
    }

    /** Messages handed to the inbox so far. */
    public long received() {
        return received.get();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        publish(LinkStatus.State.CONNECTING, "");
        scheduler.execute(this::connect);
    }

    private void connect() {
        if (closed) return;
        // a connect that outlived our wait below may have completed since this retry was scheduled
        if (client.isConnected()) return;
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(config.cleanSession());
            options.setAutomaticReconnect(false); // our own loop: it also covers a failed first connect
            options.setConnectionTimeout(10);
            options.setKeepAliveInterval(30);
            options.setMaxInflight(1000);
            if (config.username() != null) options.setUserName(config.username());
            if (config.password() != null) options.setPassword(config.password().toCharArray());
            if (config.tls()) options.setSocketFactory(Tls.socketFactory(config));
            LOG.info("[{}] connecting to {} as {}", config.id(), config.url(),
                    config.username() == null ? "anonymous" : config.username());
            client.connect(options).waitForCompletion(15_000);
            // subscriptions are (re)made in connectComplete
        } catch (Exception e) {
            if (closed) return;
            scheduleReconnect(describe(e));
        }
    }

    private void subscribe() {
        try {
            String[] filters = config.topics().toArray(new String[0]);
            int[] qos = new int[filters.length];
            java.util.Arrays.fill(qos, config.qos());
            IMqttToken token = client.subscribe(filters, qos);
            token.waitForCompletion(10_000);
            int[] granted = token.getGrantedQos();
            for (int i = 0; i < granted.length; i++) {
                if (granted[i] == 0x80) {
                    LOG.warn("[{}] broker refused subscription to {}", config.id(), filters[i]);
                }
            }
            attempt.set(0);
            LOG.info("[{}] connected, subscribed to {} (granted QoS {})", config.id(), config.topics(),
                    java.util.Arrays.toString(granted));
            publish(LinkStatus.State.CONNECTED, "");
        } catch (MqttException e) {
            LOG.warn("[{}] subscribe failed: {}", config.id(), describe(e));
            try {
                client.disconnectForcibly(0, 1000);
            } catch (MqttException ignored) {
                // already gone
            }
            scheduleReconnect("subscribe failed: " + describe(e));
        }
    }

    private void scheduleReconnect(String why) {
        if (closed) return;
        int n = attempt.getAndIncrement();
        long base = Math.min(config.maxBackoff().toMillis(), FIRST_BACKOFF.toMillis() << Math.min(n, 20));
        long delay = base / 2 + (long) (Math.random() * base / 2);
        LOG.warn("[{}] not connected ({}); retry in {} ms", config.id(), why, delay);
        publish(LinkStatus.State.RECONNECTING, why);
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void publish(LinkStatus.State state, String detail) {
        try {
            status.accept(new LinkStatus(config.id(), state, clock.instant(), detail));
        } catch (RuntimeException e) {
            LOG.error("[{}] status listener failed", config.id(), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = e.getMessage();
        if (root != e && root.getMessage() != null) msg = msg + ": " + root.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            if (client.isConnected()) client.disconnect(2000).waitForCompletion(3000);
        } catch (MqttException e) {
            LOG.debug("[{}] disconnect: {}", config.id(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("[{}] close: {}", config.id(), e.getMessage());
        }
        publish(LinkStatus.State.DISCONNECTED, "");
    }

    /** Hands work to the link's own thread; after close() there is none, and nothing is left to do. */
    private void runOnLinkThread(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            LOG.debug("[{}] link closed; dropped a reconnect step", config.id());
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // Runs on Paho's callback thread: subscribe from our own thread, never block here.
            if (closed) return;
            runOnLinkThread(MqttLink.this::subscribe);
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (closed) return;
            LOG.warn("[{}] connection lost: {}", config.id(), cause == null ? "?" : describe(cause));
            runOnLinkThread(() -> scheduleReconnect("connection lost: " + (cause == null ? "?" : describe(cause))));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                received.incrementAndGet();
                inbox.offer(new Inbound(config.id(), topic, message.getPayload(), clock.instant()));
            } catch (Throwable t) { // nothing may escape: Paho would close the connection
                LOG.error("[{}] could not queue a message on {}", config.id(), topic, t);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // we do not publish
        }
    }
}
