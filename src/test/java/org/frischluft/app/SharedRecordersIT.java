package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.ingest.MosquittoProcess;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city's recorders (issue 15): two {@code record} processes (separate JVMs), started the usual way with the shared
 * filter {@code $share/frischluft/v3/+/devices/+/up}, share one QoS-1 stream (about 1,000 messages a second, 60
 * devices) from our own Mosquitto into one PostgreSQL (127.0.0.1:5432, a schema of its own, dropped afterwards).
 * One recorder is killed with SIGKILL in the middle and started again as its systemd unit would (same command line,
 * same client id, so its persistent session with the messages queued meanwhile is taken up again). Every message
 * the broker acknowledged is stored once, both recorders stored a share, and every 5-minute and hourly rollup
 * counts exactly the raw rows below it. Skipped, with the reason, without mosquitto or PostgreSQL.
 */
class SharedRecordersIT {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String ADMIN = "postgres";
    private static final Pattern MESSAGES = Pattern.compile("messages (\\d+) \\|");
    private static final Pattern STORED = Pattern.compile("\\| stored (\\d+) \\|");
    private static final int DEVICES = 60;

    @TempDir
    Path dir;

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
    private final TtnUplinks ttn = new TtnUplinks("city");
    private final PayloadDecoder decoder = new PayloadDecoder(DecoderSettings.defaults(), java.time.Clock.systemUTC());
    private String schema;

    @BeforeEach
    void needsMosquittoAndPostgres() throws SQLException {
        assumeTrue(MosquittoProcess.available(), "mosquitto not on the PATH: the broker must be started by the test");
        String unreachable = null;
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(SERVER + "?connectTimeout=3", ADMIN, null)) {
            if (!c.isValid(3)) unreachable = "connection not valid";
        } catch (SQLException e) {
            unreachable = e.getMessage();
        }
        String why = unreachable;
        assumeTrue(why == null, () -> "PostgreSQL at " + SERVER + " (user " + ADMIN + ") not reachable: " + why);
        schema = "fl_city_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        sql("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void twoRecordersShareTheStreamOneIsKilledAndRestartedAndEveryMessageIsStoredOnceWithExactRollups() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startPlain(dir.resolve("broker"))) {
            // the first start migrates the schema; the second starts while the first may still be at it
            Recorder a = new Recorder("recorder-a", broker.url()).start();
            Recorder b = new Recorder("recorder-b", broker.url()).start();
            Publisher pub = new Publisher(broker.url()).start();
            long killedAt;
            long restartedAt;
            try {
                awaitPublished(pub, 3_000);
                killedAt = pub.published.get();
                a.kill(); // SIGKILL in the middle of the stream
                awaitPublished(pub, killedAt + 2_000); // meanwhile the broker queues a's share in a's session
                restartedAt = pub.published.get();
                a.start(); // as systemd's Restart= would: the same command line, the same client id
                awaitPublished(pub, restartedAt + 3_000);
            } finally {
                pub.stop();
            }
            long published = pub.published.get();
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> count("SELECT COUNT(*) FROM reading") >= published);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                System.out.println("recorder-a:\n" + a.log() + "\nrecorder-b:\n" + b.log());
            }
            a.stop();
            b.stop();

            Set<Long> keys = storedKeys();
            long lost = 0;
            for (long i = 0; i < published; i++) if (!keys.contains(key(i))) lost++;
            long rows = count("SELECT COUNT(*) FROM reading");
            System.out.printf("two recorders, one SIGKILLed at %d and restarted at %d: published %d, stored %d, lost %d;"
                    + " stored by recorder-a %d (over both runs), recorder-b %d; messages delivered a %d, b %d%n",
                    killedAt, restartedAt, published, rows, lost, a.storedAll(), b.storedAll(), a.messagesAll(),
                    b.messagesAll());
            assertThat(lost).as("lost").isZero();
            assertThat(rows).as("stored once: no row beyond the published ones").isEqualTo(published);
            assertThat(a.storedAll()).as("recorder-a stored a share").isPositive();
            assertThat(b.storedAll()).as("recorder-b stored a share").isPositive();
            // (a killed run's last counters are up to 200 ms old, so the sum may fall short, never exceed)
            assertThat(a.storedAll() + b.storedAll()).as("each row stored by one recorder").isLessThanOrEqualTo(rows);
            assertThat(count("SELECT COUNT(*) FROM device")).isEqualTo(DEVICES);
            // rollup counts equal raw counts, bucket by bucket, and nothing else is in them
            assertThat(count("SELECT SUM(co2_ppm_n) FROM rollup_5m")).isEqualTo(rows);
            assertThat(count("SELECT SUM(co2_ppm_n) FROM rollup_1h")).isEqualTo(rows);
            for (String[] t : List.of(new String[] {"rollup_5m", "300000"}, new String[] {"rollup_1h", "3600000"})) {
                assertThat(count("SELECT COUNT(*) FROM " + t[0] + " f WHERE f.co2_ppm_n <> (SELECT COUNT(r.co2_ppm) "
                        + "FROM reading r WHERE r.k >= f.k AND r.k < f.k + " + t[1] + ")")).as(t[0] + " rows off").isZero();
                assertThat(count("SELECT COUNT(*) FROM " + t[0] + " f WHERE CAST(f.co2_ppm_max AS INTEGER) <> (SELECT "
                        + "CAST(MAX(r.co2_ppm) AS INTEGER) FROM reading r WHERE r.k >= f.k AND r.k < f.k + " + t[1] + ")"))
                        .as(t[0] + " maxima off").isZero();
            }
        }
    }

    private static void awaitPublished(Publisher pub, long n) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            pub.check();
            return pub.published.get() >= n;
        });
    }

    /** One recorder: a {@code record} JVM on the shared filter, started again with the same command line. */
    private final class Recorder {
        final String clientId;
        final String brokerUrl;
        final List<String> lines = new ArrayList<>();
        /** Over every run of this recorder: the last counters of the runs that ended. */
        long storedBefore;
        long messagesBefore;
        volatile AtomicLong storedNow = new AtomicLong();
        volatile AtomicLong messagesNow = new AtomicLong();
        Process process;
        Thread output;

        Recorder(String clientId, String brokerUrl) {
            this.clientId = clientId;
            this.brokerUrl = brokerUrl;
        }

        Recorder start() throws Exception {
            synchronized (lines) {
                lines.clear();
            }
            AtomicLong stored = new AtomicLong();
            AtomicLong messages = new AtomicLong();
            storedNow = stored;
            messagesNow = messages;
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "record",
                    "--broker", brokerUrl, "--topic", "$share/frischluft/v3/+/devices/+/up", "--qos", "1",
                    "--db", SERVER + "?currentSchema=" + schema, "--db-user", ADMIN, "--client-id", clientId,
                    "--stats-every", "200ms", "--rejections-file", dir.resolve(clientId + "-rejections.jsonl").toString())
                    .redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        Matcher m = MESSAGES.matcher(line);
                        if (m.find()) messages.set(Long.parseLong(m.group(1)));
                        Matcher s = STORED.matcher(line);
                        if (s.find()) stored.set(Long.parseLong(s.group(1)));
                        synchronized (lines) {
                            lines.add(line);
                            if (lines.size() > 300) lines.remove(0);
                        }
                    }
                } catch (Exception ignored) {
                    // process gone
                }
            }, clientId + "-output");
            reader.setDaemon(true);
            reader.start();
            output = reader;
            process = p;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    synchronized (lines) {
                        return lines.stream().anyMatch(l -> l.contains("connected, subscribed"));
                    }
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(clientId + " did not subscribe; its output:\n" + log(), e);
            }
            return this;
        }

        void kill() throws Exception {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            ended();
        }

        /** SIGTERM: record commits what it took and exits. */
        void stop() throws Exception {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            ended();
        }

        private void ended() throws InterruptedException {
            output.join(5_000);
            storedBefore += storedNow.get();
            messagesBefore += messagesNow.get();
            storedNow = new AtomicLong();
            messagesNow = new AtomicLong();
        }

        long storedAll() {
            return storedBefore + storedNow.get();
        }

        long messagesAll() {
            return messagesBefore + messagesNow.get();
        }

        String log() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    private DeviceId device(long i) {
        return DeviceId.of(String.format("a81758fffe%06x", i % DEVICES));
    }

    private Instant time(long i) {
        return t0.plusSeconds(60L * (i / DEVICES)).plusMillis(i % DEVICES);
    }

    private TtnUplinks.Uplink uplink(long i) {
        return ttn.uplink(device(i), DemoSchool.ELSYS_ERS_CO2,
                new SensorReading(time(i), 500 + (int) (i * 37 % 1500), 21.5, 40, 50, 0, 3600, 1013, 0), (int) i);
    }

    /** The key record stores for uplink i (same decoder), with the device ids as the database gave them. */
    private final Map<String, Long> deviceIds = new HashMap<>();

    private long key(long i) {
        TtnUplinks.Uplink u = uplink(i);
        Reading r = ((DecodeResult.Decoded) decoder.decode(u.topic(), u.payload(), Instant.now())).readings().get(0);
        Long id = deviceIds.get(r.device().value());
        return id == null ? -1 : id << 42 | r.time().toEpochMilli();
    }

    private Set<Long> storedKeys() throws SQLException {
        Set<Long> keys = new HashSet<>();
        try (Connection c = DriverManager.getConnection(SERVER + "?currentSchema=" + schema, ADMIN, null);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, name FROM device")) {
                while (rs.next()) deviceIds.put(rs.getString(2), rs.getLong(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT k FROM reading")) {
                while (rs.next()) keys.add(rs.getLong(1));
            }
        }
        return keys;
    }

    /** Publishes uplink 0, 1, 2 … at QoS 1, about 1,000 a second; {@code published} counts PUBACKed messages. */
    private final class Publisher {
        final AtomicLong published = new AtomicLong();
        private final String url;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "publisher");
        private volatile Throwable failure;

        Publisher(String url) {
            this.url = url;
        }

        Publisher start() {
            thread.setDaemon(true);
            thread.start();
            return this;
        }

        private void run() {
            long startedAt = System.nanoTime();
            try (MqttClient c = new MqttClient(url, "city-pub-" + System.nanoTime(), new MemoryPersistence())) {
                MqttConnectOptions o = new MqttConnectOptions();
                o.setMaxInflight(1000);
                c.connect(o);
                long i = 0;
                while (running.get()) {
                    TtnUplinks.Uplink u = uplink(i);
                    c.publish(u.topic(), u.payload(), 1, false); // returns after the PUBACK
                    published.set(++i);
                    long ahead = i * 1_000_000L - (System.nanoTime() - startedAt); // 1 ms a message
                    if (ahead > 2_000_000L) Thread.sleep(ahead / 1_000_000L);
                }
                c.disconnect();
            } catch (Throwable t) {
                failure = t;
            }
        }

        void check() {
            if (failure != null) throw new AssertionError("publisher failed", failure);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
            check();
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "?currentSchema=" + schema, ADMIN, null);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, ADMIN, null); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
