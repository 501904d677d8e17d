package org.frischluft.admin.broker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.admin.broker.StepResult.Outcome;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.ingest.Tls;

/**
 * "Test connection" for one broker entry: name lookup, TCP connect, TLS (the server's certificate, its issuer and the
 * trust it was checked against), MQTT authentication (the CONNACK code in words), the subscription of every topic
 * filter (what the SUBACK granted or refused), then the messages that arrive on the filters while it listens. Each
 * step is timed and reported as it ends; after a failure the rest is not tried. The test connects as a client id of
 * its own with a clean session, so a running recorder with the entry's client id is not thrown off. Blocking: run it
 * off the FX thread.
 */
public final class ConnectionTest {
    /** How long the last step listens unless told otherwise: the "messages in 10 s". */
    public static final Duration DEFAULT_LISTEN = Duration.ofSeconds(10);
    private static final int DEFAULT_PORT = 1883;
    private static final int DEFAULT_TLS_PORT = 8883;

    private final Duration listen;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param listen  how long to count messages after subscribing
     * @param timeout for each network step (TCP connect, TLS handshake, CONNACK, SUBACK)
     * @param clock   "now" for a certificate's validity
     */
    public ConnectionTest(Duration listen, Duration timeout, Clock clock) {
        this.listen = Objects.requireNonNull(listen, "listen");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ConnectionTest() {
        this(DEFAULT_LISTEN, Duration.ofSeconds(10), Clock.systemUTC());
    }

    /** Runs every step against {@code entry}; {@code onStep} hears each result as it is known (on this thread). */
    public TestReport run(BrokerEntry entry, Consumer<StepResult> onStep) {
        BrokerConfig config;
        try {
            config = entry.toConfig();
        } catch (IllegalArgumentException e) {
            List<StepResult> steps = new ArrayList<>();
            steps.add(StepResult.of(Step.LOOKUP, Outcome.FAILED, 0, "entry.invalid", e.getMessage()));
            onStep.accept(steps.get(0));
            skipAfter(steps, onStep);
            return new TestReport(entry.id(), entry.url(), steps);
        }
        return run(config, onStep);
    }

    /** Runs every step against {@code config}; {@code onStep} hears each result as it is known (on this thread). */
    public TestReport run(BrokerConfig config, Consumer<StepResult> onStep) {
        Run r = new Run(config, onStep);
        r.all();
        return new TestReport(config.id(), config.url(), r.steps);
    }

    private static void skipAfter(List<StepResult> steps, Consumer<StepResult> onStep) {
        for (Step s : Step.values()) {
            if (steps.stream().anyMatch(x -> x.step() == s)) continue;
            StepResult skipped = StepResult.of(s, Outcome.SKIPPED, 0, "skipped.after-failure");
            steps.add(skipped);
            onStep.accept(skipped);
        }
    }

    /** One test: the steps so far and what the later ones need of the earlier. */
    private final class Run {
        final BrokerConfig config;
        final Consumer<StepResult> onStep;
        final List<StepResult> steps = new ArrayList<>();
        String host;
        int port;
        SSLContext tls;

        Run(BrokerConfig config, Consumer<StepResult> onStep) {
            this.config = config;
            this.onStep = onStep;
        }

        void all() {
            if (lookup() && tcp() && tls() && authenticateSubscribeListen()) return;
            skipAfter(steps, onStep);
        }

        private boolean report(Step step, Outcome outcome, long start, String code, Object... args) {
            StepResult r = StepResult.of(step, outcome, start, code, args);
            steps.add(r);
            onStep.accept(r);
            return outcome != Outcome.FAILED;
        }

        private boolean lookup() {
            long start = System.nanoTime();
            URI uri;
            try {
                uri = new URI(config.url());
            } catch (java.net.URISyntaxException e) {
                return report(Step.LOOKUP, Outcome.FAILED, start, "lookup.bad-url", config.url());
            }
            host = uri.getHost();
            if (host == null || host.isBlank()) return report(Step.LOOKUP, Outcome.FAILED, start, "lookup.bad-url", config.url());
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            port = uri.getPort() > 0 ? uri.getPort() : config.tls() ? DEFAULT_TLS_PORT : DEFAULT_PORT;
            boolean literal = host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
            try {
                InetAddress[] all = InetAddress.getAllByName(IDN.toASCII(host));
                String addresses = String.join(", ", Arrays.stream(all).map(InetAddress::getHostAddress).toList());
                return literal ? report(Step.LOOKUP, Outcome.OK, start, "lookup.literal", host)
                        : report(Step.LOOKUP, Outcome.OK, start, "lookup.ok", host, addresses);
            } catch (UnknownHostException | IllegalArgumentException e) {
                return report(Step.LOOKUP, Outcome.FAILED, start, "lookup.unknown", host);
            }
        }

        private boolean tcp() {
            long start = System.nanoTime();
            IOException last = null;
            InetAddress[] all;
            try {
                all = InetAddress.getAllByName(IDN.toASCII(host));
            } catch (UnknownHostException e) {
                return report(Step.TCP, Outcome.FAILED, start, "lookup.unknown", host);
            }
            for (InetAddress a : all) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, port), millis(timeout));
                    return report(Step.TCP, Outcome.OK, start, "tcp.ok", a.getHostAddress(), port);
                } catch (IOException e) {
                    last = e;
                }
            }
            if (last instanceof SocketTimeoutException) return report(Step.TCP, Outcome.FAILED, start, "tcp.timeout", host, port, timeout.toSeconds());
            if (last instanceof NoRouteToHostException) return report(Step.TCP, Outcome.FAILED, start, "tcp.no-route", host);
            if (last instanceof ConnectException) return report(Step.TCP, Outcome.FAILED, start, "tcp.refused", host, port);
            return report(Step.TCP, Outcome.FAILED, start, "tcp.failed", host, port, last == null ? "?" : last.getMessage());
        }

        private boolean tls() {
            long start = System.nanoTime();
            if (!config.tls()) return report(Step.TLS, Outcome.SKIPPED, 0, "tls.plain");
            String trust = config.caFile() == null ? Texts.WORD + "trust.system" : config.caFile().toString();
            Recording recording;
            KeyManagerFactory keys;
            try {
                TrustManagerFactory tmf = Tls.trustManagers(config);
                X509TrustManager delegate = Arrays.stream(tmf.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                        .map(X509TrustManager.class::cast).findFirst().orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
                recording = new Recording(delegate);
            } catch (IOException | GeneralSecurityException e) {
                return report(Step.TLS, Outcome.FAILED, start, "tls.ca-unreadable", trust, e.getMessage());
            }
            try {
                keys = Tls.keyManagers(config);
            } catch (IOException | GeneralSecurityException e) {
                return report(Step.TLS, Outcome.FAILED, start, "tls.client-cert-unreadable", config.clientCert(), e.getMessage());
            }
            try {
                tls = SSLContext.getInstance("TLS");
                tls.init(keys == null ? null : keys.getKeyManagers(), new TrustManager[] {recording}, null);
            } catch (GeneralSecurityException e) {
                return report(Step.TLS, Outcome.FAILED, start, "tls.failed", e.getMessage());
            }
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket()) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.connect(new InetSocketAddress(host, port), millis(timeout));
                s.setSoTimeout(millis(timeout));
                s.startHandshake();
                X509Certificate leaf = recording.leaf();
                Instant now = clock.instant();
                // a certificate trusted as itself (a pinned self-signed one) is a trust anchor, which Java does not date-check
                if (leaf != null && leaf.getNotAfter().toInstant().isBefore(now)) {
                    return report(Step.TLS, Outcome.FAILED, start, "tls.expired", subject(leaf), date(leaf.getNotAfter().toInstant()));
                }
                if (leaf != null && leaf.getNotBefore().toInstant().isAfter(now)) {
                    return report(Step.TLS, Outcome.FAILED, start, "tls.not-yet-valid", subject(leaf), date(leaf.getNotBefore().toInstant()));
                }
                return report(Step.TLS, Outcome.OK, start, "tls.ok", leaf == null ? "?" : subject(leaf),
                        leaf == null ? "?" : issuer(recording.chain.get()), leaf == null ? "?" : date(leaf.getNotAfter().toInstant()),
                        trust, s.getSession().getProtocol());
            } catch (SocketTimeoutException e) {
                return report(Step.TLS, Outcome.FAILED, start, "tls.timeout", timeout.toSeconds());
            } catch (IOException e) {
                return tlsFailure(start, e, recording, trust);
            }
        }

        private boolean tlsFailure(long start, IOException e, Recording recording, String trust) {
            X509Certificate leaf = recording.leaf();
            String text = causes(e);
            Instant now = clock.instant();
            if (leaf != null) {
                if (leaf.getNotAfter().toInstant().isBefore(now) || has(e, CertificateExpiredException.class)) {
                    return report(Step.TLS, Outcome.FAILED, start, "tls.expired", subject(leaf), date(leaf.getNotAfter().toInstant()));
                }
                if (leaf.getNotBefore().toInstant().isAfter(now) || has(e, CertificateNotYetValidException.class)) {
                    return report(Step.TLS, Outcome.FAILED, start, "tls.not-yet-valid", subject(leaf), date(leaf.getNotBefore().toInstant()));
                }
                if (text.contains("subject alternative") || text.contains("No name matching")) {
                    return report(Step.TLS, Outcome.FAILED, start, "tls.wrong-host", subject(leaf), names(leaf), host);
                }
                if (text.contains("certification path") || text.contains("PKIX") || text.contains("trust anchor")) {
                    X509Certificate top = recording.chain.get().get(recording.chain.get().size() - 1);
                    boolean selfSigned = top.getSubjectX500Principal().equals(top.getIssuerX500Principal());
                    return report(Step.TLS, Outcome.FAILED, start, selfSigned ? "tls.self-signed" : "tls.untrusted",
                            subject(leaf), issuer(recording.chain.get()), trust);
                }
                return report(Step.TLS, Outcome.FAILED, start, "tls.rejected", subject(leaf), text);
            }
            if (text.contains("Unsupported or unrecognized SSL message") || text.contains("plaintext")) {
                return report(Step.TLS, Outcome.FAILED, start, "tls.not-tls", port);
            }
            if (e instanceof java.io.EOFException || e instanceof java.net.SocketException || text.contains("terminated the handshake")) {
                return report(Step.TLS, Outcome.FAILED, start, "tls.closed", port);
            }
            if (e instanceof SSLException && text.contains("alert")) {
                return report(Step.TLS, Outcome.FAILED, start, "tls.alert", text);
            }
            return report(Step.TLS, Outcome.FAILED, start, "tls.failed", text);
        }

        private boolean authenticateSubscribeListen() {
            long start = System.nanoTime();
            String clientId = "frischluft-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            AtomicInteger count = new AtomicInteger();
            Map<String, AtomicInteger> perFilter = new LinkedHashMap<>();
            for (String f : config.topics()) perFilter.put(f, new AtomicInteger());
            AtomicReference<String> lastTopic = new AtomicReference<>();
            MqttAsyncClient client;
            try {
                client = new MqttAsyncClient(config.url(), clientId, new MemoryPersistence());
            } catch (MqttException | IllegalArgumentException e) {
                return report(Step.AUTH, Outcome.FAILED, start, "auth.failed", e.getMessage());
            }
            try {
                client.setCallback(new MqttCallback() {
                    @Override
                    public void connectionLost(Throwable cause) {
                        // said by the step that was waiting
                    }

                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        try {
                            count.incrementAndGet();
                            lastTopic.set(topic);
                            perFilter.forEach((f, n) -> {
                                if (MqttTopic.isMatched(f, topic)) n.incrementAndGet();
                            });
                        } catch (RuntimeException ignored) {
                            // never let Paho close the client over a count
                        }
                    }

                    @Override
                    public void deliveryComplete(IMqttDeliveryToken token) {
                        // the test publishes nothing
                    }
                });
                MqttConnectOptions options = new MqttConnectOptions();
                options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
                options.setCleanSession(true);
                options.setAutomaticReconnect(false);
                options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
                options.setKeepAliveInterval(30);
                if (config.username() != null) options.setUserName(config.username());
                if (config.password() != null) options.setPassword(config.password().toCharArray());
                if (tls != null) options.setSocketFactory(tls.getSocketFactory());
                try {
                    client.connect(options).waitForCompletion(millis(timeout) + 5000);
                } catch (MqttException e) {
                    return report(Step.AUTH, Outcome.FAILED, start, authCode(e), config.username() == null ? "-" : config.username(),
                            e.getReasonCode(), causes(e));
                }
                report(Step.AUTH, Outcome.OK, start, config.username() == null ? "auth.ok-anonymous" : "auth.ok",
                        config.username() == null ? "" : config.username(), clientId);
                if (!subscribe(client)) return false;
                long listening = System.nanoTime();
                try {
                    Thread.sleep(listen.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                List<String> counts = new ArrayList<>();
                perFilter.forEach((f, n) -> counts.add(f + ": " + n.get()));
                int n = count.get();
                String seconds = Long.toString(Math.max(1, Math.round(listen.toMillis() / 1000.0)));
                if (!client.isConnected()) {
                    return report(Step.MESSAGES, Outcome.FAILED, listening, "msg.lost", n, seconds);
                }
                return report(Step.MESSAGES, Outcome.OK, listening, n == 0 ? "msg.none" : n == 1 ? "msg.one" : "msg.count",
                        n, seconds, String.join(", ", counts), lastTopic.get() == null ? "" : lastTopic.get());
            } finally {
                try {
                    if (client.isConnected()) client.disconnect(1000).waitForCompletion(2000);
                } catch (MqttException ignored) {
                    // the test is over either way
                }
                try {
                    client.close(true);
                } catch (MqttException ignored) {
                    // nothing left to free
                }
            }
        }

        private boolean subscribe(MqttAsyncClient client) {
            long start = System.nanoTime();
            String[] filters = config.topics().toArray(new String[0]);
            int[] qos = new int[filters.length];
            Arrays.fill(qos, config.qos());
            int[] granted;
            try {
                IMqttToken token = client.subscribe(filters, qos);
                token.waitForCompletion(millis(timeout));
                granted = token.getGrantedQos();
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttException.REASON_CODE_SUBSCRIBE_FAILED) granted = refusedAll(filters.length);
                else return report(Step.SUBSCRIBE, Outcome.FAILED, start, "sub.failed", causes(e));
            }
            List<String> ok = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < filters.length; i++) {
                int g = i < granted.length ? granted[i] : 0x80;
                if (g == 0x80 || g < 0) refused.add(filters[i]);
                else ok.add(filters[i] + " (QoS " + g + ")");
            }
            if (!refused.isEmpty()) {
                return report(Step.SUBSCRIBE, Outcome.FAILED, start, "sub.refused", String.join(", ", refused),
                        ok.isEmpty() ? "-" : String.join(", ", ok));
            }
            return report(Step.SUBSCRIBE, Outcome.OK, start, "sub.ok", String.join(", ", ok));
        }
    }

    private static int[] refusedAll(int n) {
        int[] out = new int[n];
        Arrays.fill(out, 0x80);
        return out;
    }

    private static String authCode(MqttException e) {
        int code = e.getReasonCode();
        if (code >= 1 && code <= 5) return "auth.connack-" + code;
        if (code == MqttException.REASON_CODE_CLIENT_TIMEOUT) return "auth.timeout";
        if (code == MqttException.REASON_CODE_CONNECTION_LOST) return "auth.lost";
        return "auth.failed";
    }

    /** The messages of {@code e} and its causes, joined: TLS says the reason only deep down. */
    static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !b.toString().contains(m)) b.append(b.isEmpty() ? "" : ": ").append(m);
            if (t.getCause() == null) break;
        }
        return b.isEmpty() ? e.getClass().getSimpleName() : b.toString();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    /** The CA that signed the chain's top: its name as the last certificate says it. */
    private static String issuer(List<X509Certificate> chain) {
        return chain.get(chain.size() - 1).getIssuerX500Principal().getName();
    }

    private static String date(Instant i) {
        return LocalDate.ofInstant(i, ZoneOffset.UTC).toString();
    }

    private static String names(X509Certificate c) {
        try {
            var sans = c.getSubjectAlternativeNames();
            if (sans == null) return "-";
            return String.join(", ", sans.stream().map(l -> String.valueOf(l.get(1))).toList());
        } catch (java.security.cert.CertificateParsingException e) {
            return "?";
        }
    }

    /** Checks the server as the link's trust does, and keeps the chain it was shown (also when it is refused). */
    private static final class Recording extends javax.net.ssl.X509ExtendedTrustManager {
        final X509TrustManager delegate;
        final AtomicReference<List<X509Certificate>> chain = new AtomicReference<>(List.of());

        Recording(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        X509Certificate leaf() {
            List<X509Certificate> c = chain.get();
            return c.isEmpty() ? null : c.get(0);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) throws java.security.cert.CertificateException {
            chain.set(List.of(certs));
            if (delegate instanceof javax.net.ssl.X509ExtendedTrustManager x) x.checkServerTrusted(certs, authType, socket);
            else delegate.checkServerTrusted(certs, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, javax.net.ssl.SSLEngine engine)
                throws java.security.cert.CertificateException {
            chain.set(List.of(certs));
            if (delegate instanceof javax.net.ssl.X509ExtendedTrustManager x) x.checkServerTrusted(certs, authType, engine);
            else delegate.checkServerTrusted(certs, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType) throws java.security.cert.CertificateException {
            chain.set(List.of(certs));
            delegate.checkServerTrusted(certs, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket) throws java.security.cert.CertificateException {
            delegate.checkClientTrusted(certs, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, javax.net.ssl.SSLEngine engine)
                throws java.security.cert.CertificateException {
            delegate.checkClientTrusted(certs, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType) throws java.security.cert.CertificateException {
            delegate.checkClientTrusted(certs, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
