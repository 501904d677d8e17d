package org.frischluft.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.frischluft.model.TopicFilter;

/**
 * One broker connection: where, who, what to subscribe to. Several may run at once (TTN for the LoRaWAN
 * rooms plus the school's Mosquitto for DIY lights). {@link #toString()} never shows the password.
 *
 * @param id           short name shown on screens and in logs, e.g. "ttn" or "schule"
 * @param url          {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param username     null for anonymous; TTN: {@code app@tenant}
 * @param password     null for none; TTN: an API key
 * @param topics       topic filters, e.g. {@code v3/+/devices/+/up}
 * @param qos          requested QoS (TTN grants 0 only; Mosquitto 1)
 * @param cleanSession false keeps a persistent session, so QoS-1 messages wait while disconnected
 * @param clientId     stable client id (needed for a persistent session); null = generated
 * @param caFile       PEM file with the CA(s) to trust; null = the system trust store
 * @param clientCert   PEM certificate for client authentication, or null
 * @param clientKey    PEM PKCS#8 private key for the client certificate, or null
 * @param maxBackoff   cap of the reconnect backoff (default 2 s: a restarted broker is found within its first seconds)
 */
public record BrokerConfig(String id, String url, String username, String password, List<String> topics, int qos,
                           boolean cleanSession, String clientId, Path caFile, Path clientCert, Path clientKey,
                           Duration maxBackoff) {
    /** Low enough that a broker which comes back for a few seconds is found while it is up. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

    public BrokerConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
            throw new IllegalArgumentException("broker " + id + ": url must start with tcp:// or ssl://, got " + url);
        }
        topics = List.copyOf(topics);
        if (topics.isEmpty()) throw new IllegalArgumentException("broker " + id + ": no topic to subscribe to");
        for (String t : topics) {
            try {
                TopicFilter.parse(t); // a broker would refuse it, and the link would never subscribe
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("broker " + id + ": topic filter '" + t + "': " + e.getMessage(), e);
            }
        }
        if (qos < 0 || qos > 1) throw new IllegalArgumentException("broker " + id + ": qos must be 0 or 1");
        if ((clientCert == null) != (clientKey == null)) {
            throw new IllegalArgumentException("broker " + id + ": a client certificate needs its key and vice versa");
        }
        maxBackoff = maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff;
    }

    /** Anonymous, plain TCP, persistent session at QoS 1. */
    public static BrokerConfig simple(String id, String url, List<String> topics) {
        return new BrokerConfig(id, url, null, null, topics, 1, false, null, null, null, null, null);
    }

    public BrokerConfig withClientId(String newClientId) {
        return new BrokerConfig(id, url, username, password, topics, qos, cleanSession, newClientId, caFile, clientCert,
                clientKey, maxBackoff);
    }

    /** The same connection trusting the CA(s) in {@code ca} instead of the system trust store. */
    public BrokerConfig withCa(Path ca) {
        return new BrokerConfig(id, url, username, password, topics, qos, cleanSession, clientId, ca, clientCert,
                clientKey, maxBackoff);
    }

    public boolean tls() {
        return url.startsWith("ssl://");
    }

    @Override
    public String toString() {
        return "BrokerConfig[id=" + id + ", url=" + url + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", topics=" + topics + ", qos=" + qos
                + ", cleanSession=" + cleanSession + ", tls=" + tls() + "]";
    }
}
