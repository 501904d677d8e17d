package org.frischluft.sim;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MQTT 3.1.1 broker (Moquette) on a free port of 127.0.0.1, for the demo school and for tests on a
 * machine without Mosquitto. It writes nothing to disk (no persistence, no telemetry, so no {@code ./data} and no
 * {@code .moquette_uuid}), allows anonymous clients and zero-length client ids, and accepts messages up to
 * {@link #MAX_MESSAGE_BYTES}. Moquette drops QoS 0 messages when a subscriber cannot keep up; use Mosquitto for
 * benchmarks.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /** Largest MQTT message the broker accepts (the ingest applies its own, smaller limit). */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    /** Per-session command queue; Moquette's default of 1024 drops QoS 0 bursts early. */
    public static final int SESSION_QUEUE_SIZE = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int BIND_ATTEMPTS = 5;

    private final Server server;
    private final int port;
    private boolean closed;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker on a free local port; fails with an IOException when none could be bound. */
    public static EmbeddedBroker start() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = freePort();
            Server server = new Server();
            try {
                server.startServer(config(port));
                LOG.info("embedded MQTT broker listening on tcp://{}:{}", HOST, port);
                return new EmbeddedBroker(server, port);
            } catch (BindException e) {
                last = e; // another process took the port between probe and bind: try a new one
                stopQuietly(server);
            } catch (IOException | RuntimeException e) {
                stopQuietly(server);
                if (isBindProblem(e)) {
                    last = e instanceof IOException io ? io : new IOException(e);
                } else {
                    throw e instanceof IOException io ? io : new IOException("embedded broker did not start: " + e, e);
                }
            }
        }
        throw new IOException("no free local port for the embedded broker after " + BIND_ATTEMPTS + " attempts", last);
    }

    static IConfig config(int port) {
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, HOST);
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty("allow_zero_byte_client_id", "true");
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
        p.setProperty(IConfig.SESSION_QUEUE_SIZE, Integer.toString(SESSION_QUEUE_SIZE));
        return new MemoryConfig(p);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        }
    }

    private static boolean isBindProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
        }
        return false;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stopServer();
        } catch (RuntimeException ignored) {
            // a half-started server may fail to stop; nothing is left to release
        }
    }

    /** The TCP port, chosen before start (Moquette's own {@code getPort()} may report 0). */
    public int port() {
        return port;
    }

    /** The Paho server URI, e.g. {@code tcp://127.0.0.1:38211}. */
    public String url() {
        return "tcp://" + HOST + ":" + port;
    }

    /** Stops the broker and disconnects its clients; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        server.stopServer();
        LOG.info("embedded MQTT broker on port {} stopped", port);
    }
}
