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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.ingest.MosquittoProcess;
import org.frischluft.model.DeviceId;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At-least-once end to end, exactly once in the store: a QoS-1 stream (about 1,000 messages a second) from a
 * persistent session into {@code record} (a separate JVM) on an H2 file, through our own Mosquitto with
 * persistence on a free port. {@code record} killed with SIGKILL five times, then the broker killed with SIGKILL
 * ten times: every message the publisher got a PUBACK for is stored exactly once. Each test prints
 * {@code lost / duplicated / published} (and how many messages the broker delivered again).
 */
class RecordExactlyOnceIT {
    private static final Pattern MESSAGES = Pattern.compile("messages (\\d+) \\|");
    private static final int DEVICES = 40;
    private static final String CLIENT_ID = "exactly-once-it";

    @TempDir
    Path dir;

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(2));
    private final TtnUplinks ttn = new TtnUplinks("once");
    private final List<String> lastLines = new ArrayList<>();
    /** Messages seen by every record process so far (each process counts from zero). */
    private final AtomicLong seenBefore = new AtomicLong();
    private volatile AtomicLong seenNow = new AtomicLong();
    private volatile Thread output;
    private final List<Long> kills = new ArrayList<>();
    private final List<Long> lostOnes = new ArrayList<>();
    private long lostAll;
    private int records;

    @BeforeEach
    void needsMosquitto() {
        assumeTrue(MosquittoProcess.available(), "mosquitto not on the PATH: the broker must be started and killed");
    }

    @Test
    void recordKilledFiveTimesDuringAQos1StreamStoresEveryPublishedMessageExactlyOnce() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startPlain(dir.resolve("broker"))) {
            String jdbc = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
            Process record = startRecord(broker.url(), jdbc); // makes the persistent session and its subscription
            Publisher pub = new Publisher(broker.url()).start();
            try {
                for (int kill = 0; kill < 5; kill++) {
                    long at = pub.published.get();
                    await().atMost(Duration.ofSeconds(30)).until(() -> pub.published.get() >= at + 700);
                    kills.add(pub.published.get());
                    record.destroyForcibly(); // SIGKILL while the stream goes on
                    assertThat(record.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    ended();
                    long down = pub.published.get();
                    await().atMost(Duration.ofSeconds(30)).until(() -> pub.published.get() >= down + 300); // queued meanwhile
                    record = startRecord(broker.url(), jdbc);
                }
                long after = pub.published.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> pub.published.get() >= after + 500);
            } finally {
                pub.stop();
            }
            Figures f = finish(record, jdbc, pub.published.get(), false);
            System.out.println("record SIGKILL x5: " + f);
            System.out.println("published when record was killed: " + kills + "; lost: " + ranges(lostOnes));
            if (f.lost > 0) printRecordLog();
            keep(); // with -Donce.keep only
            assertThat(f.lost).as("lost").isZero();
            assertThat(f.duplicated).as("duplicated").isZero();
        }
    }

    @Test
    void brokerKilledTenTimesAndRestartedWithItsPersistenceLosesNothingRecordWasSent() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startPlain(dir.resolve("broker"))) {
            String jdbc = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
            Process record = startRecord(broker.url(), jdbc);
            Thread.sleep(1_200); // one autosave: the session and its subscription are on disk
            Publisher pub = new Publisher(broker.url()).start();
            try {
                for (int kill = 0; kill < 10; kill++) {
                    long at = pub.published.get();
                    // a lifetime of about three seconds: Mosquitto saves at most once a second (autosave_interval 1,
                    // checked in whole seconds), so a younger broker has nothing on disk yet
                    await().atMost(Duration.ofSeconds(30)).until(() -> pub.published.get() >= at + 3_000);
                    kills.add(pub.published.get());
                    broker.kill(); // SIGKILL: Mosquitto keeps only what it saved (autosave_interval 1)
                    Thread.sleep(300);
                    broker.start();
                }
                long after = pub.published.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> pub.published.get() >= after + 500);
            } finally {
                pub.stop();
            }
            Figures f = finish(record, jdbc, pub.published.get(), true);
            System.out.println("broker SIGKILL x10: " + f + ", publisher retries " + pub.retries.get());
            System.out.println("published when the broker was killed: " + kills + "; lost: " + ranges(lostOnes));
            if (System.getProperty("once.keep") != null && f.lost > 0) {
                try (var files = java.nio.file.Files.walk(dir.resolve("broker"))) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Path to = Path.of(System.getProperty("once.keep")).resolve(dir.resolve("broker").relativize(p).toString());
                        if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(to);
                        else java.nio.file.Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            // Mosquitto acknowledges a publish before it is on disk: what it took in since its last autosave before a
            // SIGKILL (autosave_interval 1, checked in whole seconds: up to 2 s) and had not yet sent on is gone — on a
            // loaded machine record lags and that can be a few hundred messages (142 once in CI). Nothing else may be:
            // record stores everything it is sent. The publisher sends at most one message a millisecond, so the last
            // 2 s before a kill are at most 2,000 messages; the kill's count is read just before the kill (+50).
            assertThat(lostOnes).as("lost, other than in the broker's last 2 s before a kill").allSatisfy(i ->
                    assertThat(kills).anySatisfy(k -> assertThat(i).isBetween(k - 2_000, k + 50)));
            assertThat(f.lost).as("lost").isLessThanOrEqualTo(f.published / 10);
            assertThat(f.duplicated).as("duplicated").isZero();
        }
    }

    /** 1250-3249, 4100 … */
    private static String ranges(List<Long> xs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < xs.size(); i++) {
            int j = i;
            while (j + 1 < xs.size() && xs.get(j + 1) == xs.get(j) + 1) j++;
            if (sb.length() > 0) sb.append(", ");
            sb.append(xs.get(i));
            if (j > i) sb.append('-').append(xs.get(j));
            i = j;
        }
        return "[" + sb + "]";
    }

    private record Figures(long published, long stored, long lost, long duplicated, long delivered) {
        @Override
        public String toString() {
            return "lost " + lost + " / duplicated " + duplicated + " / published " + published + " (stored " + stored
                    + ", delivered to record " + delivered + ", i.e. " + (delivered - published)
                    + " delivered again and stored once)";
        }
    }

    /**
     * Lets record take what the broker still holds, stops it cleanly (it flushes) and counts the store. Record has
     * taken everything once the store holds every published message, asked of the running record through the H2
     * server it runs for readers beside it. (Its own counters cannot say so: each killed process's last counter line
     * is up to 100 ms old, and a message delivered again counts again, so under load their sum passes the published
     * count while thousands of messages still wait at the broker; the wait then ended at the first 2-s pause of the
     * counter (a starved broker or JVM), and SIGTERM took record away from the rest: the likely cause of "lost 10" once
     * in CI.) When the
     * broker itself may have lost messages (killed), a store whose count stood still for 5 s ends the wait too.
     */
    private Figures finish(Process record, String jdbc, long published, boolean brokerMayLose) throws Exception {
        AtomicLong last = new AtomicLong(-1);
        AtomicLong stableSince = new AtomicLong(System.nanoTime());
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                long rows = storedBesideRecord();
                if (rows < 0 || rows != last.getAndSet(rows)) stableSince.set(System.nanoTime());
                return rows >= published || brokerMayLose && System.nanoTime() - stableSince.get() > 5_000_000_000L;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            synchronized (lastLines) {
                System.out.println("the store holds " + last.get() + " of " + published + " after 120 s; record's last lines:\n"
                        + String.join("\n", lastLines));
            }
        }
        record.destroy(); // SIGTERM: record flushes before it exits
        assertThat(record.waitFor(60, TimeUnit.SECONDS)).isTrue();
        ended();
        long[] counted = count(jdbc, published);
        long stored = counted[0];
        long distinctPublished = counted[1];
        return new Figures(published, stored, published - distinctPublished, stored - distinctPublished, seenBefore.get());
    }

    /** Rows in the store, asked of the running record through the server it runs for readers (history.server); -1 if none answers. */
    private long storedBesideRecord() {
        try {
            String address = java.nio.file.Files.readString(dir.resolve("history.server")).trim();
            try (Connection c = DriverManager.getConnection("jdbc:h2:" + address);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM reading")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception notYet) {
            return -1;
        }
    }

    /** @return rows stored, and how many of the published messages' keys are among them */
    private long[] count(String jdbc, long published) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc);
             Statement s = c.createStatement()) {
            long rows;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM reading")) {
                rs.next();
                rows = rs.getLong(1);
            }
            // each published message i has its own device and time, i.e. its own key: there, or lost
            java.util.Map<String, Long> ids = new java.util.HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT id, name FROM device")) {
                while (rs.next()) ids.put(rs.getString(2), rs.getLong(1));
            }
            java.util.Set<Long> keys = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT k FROM reading")) {
                while (rs.next()) keys.add(rs.getLong(1));
            }
            long found = 0;
            for (long i = 0; i < published; i++) {
                org.frischluft.model.Reading r = stored(i);
                Long id = ids.get(r.device().value());
                if (id != null && keys.contains(id << 42 | r.time().toEpochMilli())) found++;
                else {
                    lostAll++;
                    if (lostOnes.size() < 2_000) lostOnes.add(i);
                }
            }
            return new long[] {rows, found};
        }
    }

    private static DeviceId device(long i) {
        return DeviceId.of(String.format("a81758fffe%06x", i % DEVICES));
    }

    private Instant time(long i) {
        return t0.plusSeconds(60L * (i / DEVICES)).plusMillis(i % DEVICES);
    }

    private final org.frischluft.ingest.decode.PayloadDecoder decoder = new org.frischluft.ingest.decode.PayloadDecoder(
            org.frischluft.ingest.decode.DecoderSettings.defaults(), java.time.Clock.systemUTC());

    /** The reading record stores for uplink i, from the same decoder. */
    private org.frischluft.model.Reading stored(long i) {
        TtnUplinks.Uplink u = uplink(i);
        var r = (org.frischluft.ingest.decode.DecodeResult.Decoded) decoder.decode(u.topic(), u.payload(), Instant.now());
        return r.readings().get(0);
    }

    private TtnUplinks.Uplink uplink(long i) {
        return ttn.uplink(device(i), DemoSchool.ELSYS_ERS_CO2,
                new SensorReading(time(i), 600 + (int) (i % 900), 21.5, 40, 50, 0, 3600, 1013, 0), (int) i);
    }

    /**
     * Publishes uplink 0, 1, 2 … at QoS 1, about 1,000 a second; each one again after a failure until the broker
     * has acknowledged it (a PUBACK), so {@code published} counts messages the broker took on.
     */
    private final class Publisher {
        final AtomicLong published = new AtomicLong();
        final AtomicInteger retries = new AtomicInteger();
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
            MqttClient c = null;
            long startedAt = System.nanoTime();
            try {
                c = new MqttClient(url, "once-pub-" + System.nanoTime(), new MemoryPersistence());
                long i = 0;
                while (running.get()) {
                    if (!c.isConnected()) {
                        try {
                            MqttConnectOptions o = new MqttConnectOptions();
                            o.setMaxInflight(1000);
                            o.setConnectionTimeout(2);
                            c.connect(o);
                        } catch (Exception notYet) {
                            Thread.sleep(50);
                            continue;
                        }
                    }
                    TtnUplinks.Uplink u = uplink(i);
                    try {
                        c.publish(u.topic(), u.payload(), 1, false); // returns after the PUBACK
                        published.set(++i);
                    } catch (Exception e) {
                        retries.incrementAndGet();
                        continue;
                    }
                    long ahead = i * 1_000_000L - (System.nanoTime() - startedAt); // 1 ms a message
                    if (ahead > 2_000_000L) Thread.sleep(ahead / 1_000_000L);
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                try {
                    if (c != null) {
                        if (c.isConnected()) c.disconnect();
                        c.close();
                    }
                } catch (Exception ignored) {
                    // broker gone
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
            if (failure != null) throw new AssertionError("publisher failed", failure);
        }
    }

    /** With -Donce.keep=DIR: the broker's folder (its log), every record process's whole output and the H2 file. */
    private void keep() throws java.io.IOException {
        if (System.getProperty("once.keep") == null) return;
        Path into = Path.of(System.getProperty("once.keep"));
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = into.resolve(dir.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(to);
                else java.nio.file.Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("kept in " + into);
    }

    private void printRecordLog() {
        synchronized (lastLines) {
            System.out.println("record's connection log:\n" + String.join("\n", lastLines));
        }
    }

    /** The record process has ended: its own count of messages joins the others'. */
    private void ended() throws InterruptedException {
        output.join(5_000);
        seenBefore.addAndGet(seenNow.get());
    }

    private Process startRecord(String url, String jdbc) throws Exception {
        synchronized (lastLines) {
            lastLines.clear();
        }
        AtomicLong seen = new AtomicLong();
        seenNow = seen;
        java.io.PrintWriter whole = System.getProperty("once.keep") == null ? null
                : new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(dir.resolve("record-" + (++records) + ".log")), true);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "record", "--broker", url, "--topic", "v3/once@ttn/devices/+/up", "--qos", "1",
                "--db", jdbc, "--client-id", CLIENT_ID, "--stats-every", "100ms",
                "--rejections-file", dir.resolve("rejections.jsonl").toString())
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (whole != null) whole.println(line);
                    Matcher mm = MESSAGES.matcher(line);
                    if (mm.find()) seen.set(Long.parseLong(mm.group(1)));
                    if (mm.find(0) && !lastLines.isEmpty()) continue; // counters: only the first, for the subscription wait
                    synchronized (lastLines) {
                        lastLines.add(line);
                        if (lastLines.size() > 200) lastLines.remove(0);
                    }
                }
            } catch (Exception ignored) {
                // process gone
            } finally {
                if (whole != null) whole.close();
            }
        }, "record-output");
        reader.setDaemon(true);
        reader.start();
        output = reader;
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                synchronized (lastLines) {
                    return lastLines.stream().anyMatch(l -> l.contains("connected, subscribed"));
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            synchronized (lastLines) {
                throw new AssertionError("record did not subscribe; its output:\n" + String.join("\n", lastLines), e);
            }
        }
        return p;
    }
}
