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
 * a capped exponential backoff (0.25 s doubling to {@link BrokerConfig#maxBackoff()}, 2 s by default, so a broker
 * that comes back is found within its first seconds) and subscribes again. The Paho callback only copies the
 * message into the {@link Inbox}; nothing a sender does can throw out of it, so no payload can close the connection.
 *
 * <p>At QoS 1 the link acknowledges by hand (Paho's manual acks): a message's PUBACK goes out only once its
 * {@link Delivery} is settled, i.e. the batch holding its readings is committed (or it was counted as rejected or
 * ignored), in arrival order ({@link AckLine}). A message that could not be kept makes the link reconnect, so a
 * persistent session delivers it again; a crash leaves every unstored message unacknowledged at the broker. QoS 0
 * (TTN) is not acknowledged at all, as before.
 * Connection state goes to {@code status} as {@link LinkStatus} records. Credentials are never logged.
 */
public final class MqttLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final BrokerConfig config;
    private final Inbox inbox;
    private final Consumer<LinkStatus> status;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final MqttAsyncClient client;
    private final AtomicInteger attempt = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong lostReconnects = new AtomicLong();
    private final boolean manualAcks;
    private final AckLine acks;
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
        this.manualAcks = config.qos() >= 1;
        this.client.setManualAcks(manualAcks); // before connect: Paho must never ack on its own
        this.acks = new AckLine(scheduler, this::sendAck, () -> runOnLinkThread(this::reconnectForLostMessage));
        this.client.setCallback(new Callback());
    }

    public String id() {
        return config.id();
    }

    /** Messages handed to the inbox so far. */
    public long received() {
        return received.get();
    }

    /** QoS-1 messages acknowledged to the broker so far (after they were stored or counted). */
    public long acknowledged() {
        return acked.get();
    }

    /** Reconnects made because a received message could not be kept (full inbox, dropped by the store). */
    public long lostReconnects() {
        return lostReconnects.get();
    }

    /** On the link thread, in {@link AckLine}'s order: the PUBACK, if the connection it belongs to is still up. */
    private void sendAck(long generation, int messageId, int qos) {
        if (closed || generation != acks.generation() || !client.isConnected()) return; // redelivered after reconnect
        try {
            client.messageArrivedComplete(messageId, qos);
            acked.incrementAndGet();
        } catch (MqttException e) {
            LOG.debug("[{}] could not acknowledge message {}: {}", config.id(), messageId, describe(e));
        }
    }

    /** On the link thread: a message of this connection was lost; reconnecting has the broker deliver it again. */
    private void reconnectForLostMessage() {
        if (closed) return;
        lostReconnects.incrementAndGet();
        LOG.warn("[{}] a received message could not be kept (inbox or store full); reconnecting so the broker sends it again",
                config.id());
        try {
            client.disconnectForcibly(0, 1000);
        } catch (MqttException ignored) {
            // already gone
        }
        scheduleReconnect("reconnect for a message that could not be kept");
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
        acks.reset(); // nothing of an earlier connection is acknowledged on this one
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
            acks.reset(); // at once, on Paho's thread: no old message id may reach the next connection
            LOG.warn("[{}] connection lost: {}", config.id(), cause == null ? "?" : describe(cause));
            runOnLinkThread(() -> scheduleReconnect("connection lost: " + (cause == null ? "?" : describe(cause))));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            AckLine.Pending pending = manualAcks && message.getQos() > 0 ? acks.arrived(message.getId(), message.getQos()) : null;
            try {
                received.incrementAndGet();
                Delivery delivery = pending == null ? Delivery.NONE : pending;
                if (!inbox.offer(new Inbound(config.id(), topic, message.getPayload(), clock.instant(), delivery))) {
                    delivery.lost();
                }
            } catch (Throwable t) { // nothing may escape: Paho would close the connection
                LOG.error("[{}] could not queue a message on {}", config.id(), topic, t);
                if (pending != null) pending.lost();
            } finally {
                if (pending != null) pending.callbackReturned(); // Paho's order: the ack only after this returns
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // we do not publish
        }
    }
}
