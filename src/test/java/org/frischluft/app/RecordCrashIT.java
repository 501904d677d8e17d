package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.DeviceId;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frischluft record} as a separate process, killed with SIGKILL in the middle of ingest: the H2 file
 * opens again, every batch it reported as stored is there, and a restart that receives the same uplinks
 * again (redelivery, a replay) stores each one exactly once.
 */
class RecordCrashIT {
    private static final Pattern STORED = Pattern.compile("\\| stored (\\d+) \\|");
    private static final Pattern MESSAGES = Pattern.compile("messages (\\d+) \\|");
    private static final int DEVICES = 40;

    @TempDir
    Path dir;

    @Test
    void killedRecordKeepsEveryStoredBatchAndStoresRedeliveredUplinksOnce() throws Exception {
        Path db = dir.resolve("history").toAbsolutePath();
        String jdbc = "jdbc:h2:file:" + db;
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(2));
        String app = "crash-" + Long.toHexString(System.nanoTime()); // private topics on a shared broker
        topicApp = app;
        List<TtnUplinks.Uplink> stream = uplinks(app, t0, 6_000);
        try (LocalBroker broker = LocalBroker.own(dir.resolve("broker"))) { // a private broker: the shared one drops QoS 1 past 1,000 queued
            AtomicLong reported = new AtomicLong();
            AtomicLong seen = new AtomicLong();
            Process record = startRecord(broker.url(), jdbc, reported, seen);
            try {
                MqttClient pub = publisher(broker.url());
                int sent = 0;
                // publish until record has stored a good part, then kill it in the middle of the stream
                while (reported.get() < 1_500 && sent < stream.size()) {
                    TtnUplinks.Uplink u = stream.get(sent++);
                    pub.publish(u.topic(), u.payload(), 1, false);
                    if (sent % 200 == 0) keepPace(seen, sent);
                }
                for (int i = 0; i < 300 && sent < stream.size(); i++) {
                    TtnUplinks.Uplink u = stream.get(sent++);
                    pub.publish(u.topic(), u.payload(), 1, false);
                }
                record.destroyForcibly(); // SIGKILL while uplinks are still arriving
                assertThat(record.waitFor(30, TimeUnit.SECONDS)).isTrue();
                pub.disconnect();
                pub.close();
            } finally {
                record.destroyForcibly();
            }
            long storedBeforeKill = reported.get();
            assertThat(storedBeforeKill).isGreaterThanOrEqualTo(1_500);
            assertThat(rows(jdbc)).as("every batch reported as stored survives SIGKILL")
                    .isGreaterThanOrEqualTo(storedBeforeKill);

            // restart: the whole stream arrives again; each uplink ends up stored exactly once
            AtomicLong reported2 = new AtomicLong();
            AtomicLong seen2 = new AtomicLong();
            Process again = startRecord(broker.url(), jdbc, reported2, seen2);
            try {
                MqttClient pub = publisher(broker.url());
                int n = 0;
                for (TtnUplinks.Uplink u : stream) {
                    pub.publish(u.topic(), u.payload(), 1, false);
                    if (++n % 200 == 0) keepPace(seen2, n);
                }
                pub.disconnect();
                pub.close();
                try {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                            .until(() -> seen2.get() >= stream.size());
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    synchronized (lastLines) {
                        throw new AssertionError("record did not see the whole stream; its last lines:\n"
                                + String.join("\n", lastLines), e);
                    }
                }
                // stop cleanly (SIGTERM): record flushes before it exits
                again.destroy();
                assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                again.destroyForcibly();
            }
            assertThat(rows(jdbc)).isEqualTo(stream.size());
        }
    }

    private final List<String> lastLines = new ArrayList<>();

    private String topicApp;

    /**
     * Brokers drop QoS-1 messages for a client whose queue overflows (Mosquitto's max_queued_messages,
     * 1000 by default): publish no further than a few hundred ahead of what record has received.
     */
    private static void keepPace(AtomicLong seen, int sent) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> seen.get() >= sent - 400);
    }

    private Process startRecord(String url, String jdbc, AtomicLong reported, AtomicLong seen) throws Exception {
        synchronized (lastLines) {
            lastLines.clear(); // wait for this process's own subscription below
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "record", "--broker", url, "--topic", "v3/" + topicApp + "@ttn/devices/+/up",
                "--db", jdbc, "--client-id", "crash-it-" + System.nanoTime(), "--stats-every", "100ms")
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = STORED.matcher(line);
                    if (m.find()) reported.set(Long.parseLong(m.group(1)));
                    Matcher mm = MESSAGES.matcher(line);
                    if (mm.find()) seen.set(Long.parseLong(mm.group(1)));
                    synchronized (lastLines) {
                        lastLines.add(line);
                        if (lastLines.size() > 50) lastLines.remove(0);
                    }
                }
            } catch (Exception ignored) {
                // process gone
            }
        }, "record-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (lastLines) {
                return lastLines.stream().anyMatch(l -> l.contains("connected, subscribed"));
            }
        });
        return p;
    }

    private static MqttClient publisher(String url) throws Exception {
        MqttClient c = new MqttClient(url, "crash-pub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(1000);
        c.connect(o);
        return c;
    }

    private static List<TtnUplinks.Uplink> uplinks(String app, Instant t0, int n) {
        TtnUplinks ttn = new TtnUplinks(app);
        List<TtnUplinks.Uplink> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DeviceId d = DeviceId.of(String.format("a81758fffe%06x", i % DEVICES));
            Instant t = t0.plusSeconds(60L * (i / DEVICES)).plusMillis(i % DEVICES);
            out.add(ttn.uplink(d, DemoSchool.ELSYS_ERS_CO2,
                    new SensorReading(t, 600 + i % 900, 21.5, 40, 50, 0, 3600, 1013, 0), i));
        }
        return out;
    }

    private static long rows(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM reading")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
