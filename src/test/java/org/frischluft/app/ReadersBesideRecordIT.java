package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.DeviceId;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code record} as a separate process writing an H2 file, and beside it in this JVM: {@code export},
 * {@code replay --db} and a store opened as the desktop opens it. All of them see what record committed, while it
 * runs; the history files are readable by their owner only.
 */
class ReadersBesideRecordIT {
    @TempDir
    Path dir;

    @Test
    void exportReplayAndTheDesktopReadTheFileRecordIsWriting() throws Exception {
        Path base = dir.resolve("data").resolve("history").toAbsolutePath();
        String jdbc = "jdbc:h2:file:" + base;
        String app = "readers-" + Long.toHexString(System.nanoTime());
        TtnUplinks ttn = new TtnUplinks(app);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
        try (LocalBroker broker = LocalBroker.start()) {
            Process record = startRecord(broker.url(), app, jdbc);
            try {
                publish(broker.url(), ttn, t0, 0, 120);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> exportRows(jdbc) == 120);

                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                        .execute("replay", "--db", jdbc);
                assertThat(code).as(err.toString()).isZero();
                assertThat(out.toString().lines()).first().isEqualTo("time,room,co2_ppm,light,advice");
                // these sensors are in no room: the rules have nothing to replay, and replay says so on stderr
                assertThat(err.toString()).contains("120 bad line(s)").doesNotContain("no history").doesNotContain("Exception");

                // the desktop opens the same file with its own writer: it goes through record's process
                try (Store desktop = Store.open(StoreOptions.of(jdbc), Clock.systemUTC())) {
                    StringBuilder csv = new StringBuilder();
                    desktop.history().exportCsv(new org.frischluft.store.ExportQuery(null, null, null, null), csv);
                    assertThat(csv.toString().lines().count()).isEqualTo(121);
                }
                publish(broker.url(), ttn, t0, 120, 30); // record goes on after the readers left
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> exportRows(jdbc) == 150);

                assertThat(Files.getPosixFilePermissions(base.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
                assertThat(Files.getPosixFilePermissions(dir.resolve("data/history.mv.db")))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                assertThat(Files.getPosixFilePermissions(dir.resolve("data/history.server")))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            } finally {
                record.destroy();
                record.waitFor(60, TimeUnit.SECONDS);
                record.destroyForcibly();
            }
        }
        assertThat(exportRows(jdbc)).as("the file opens on its own again after record stopped").isEqualTo(150);
    }

    private static DeviceId device(int i) {
        return DeviceId.of(String.format("a81758fffe%06x", 0x300 + i % 10));
    }

    private static void publish(String url, TtnUplinks ttn, Instant t0, int from, int n) throws Exception {
        MqttClient pub = new MqttClient(url, "readers-pub-" + System.nanoTime(), new MemoryPersistence());
        org.eclipse.paho.client.mqttv3.MqttConnectOptions o = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
        // Paho frees an in-flight slot only after the publish returns: at its default of 10 a quick loop of
        // synchronous QoS-1 publishes can still hit "Too many publishes in progress" (seen once in CI)
        o.setMaxInflight(1000);
        pub.connect(o);
        for (int i = from; i < from + n; i++) {
            TtnUplinks.Uplink u = ttn.uplink(device(i), DemoSchool.ELSYS_ERS_CO2,
                    new SensorReading(t0.plusSeconds(60L * i), 600 + i, 21.5, 40, 50, 0, 3600, 1013, 0), i);
            pub.publish(u.topic(), u.payload(), 1, false);
        }
        pub.disconnect();
        pub.close();
    }

    private static long exportRows(String jdbc) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("export", "--db", jdbc);
        if (code != 0) throw new AssertionError("export failed: " + err);
        assertThat(err.toString()).isEmpty();
        return out.toString().lines().count() - 1;
    }

    private Process startRecord(String url, String app, String jdbc) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> lines = new ArrayList<>();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "record", "--broker", url, "--topic", "v3/" + app + "@ttn/devices/+/up", "--db", jdbc,
                "--client-id", "readers-it-" + System.nanoTime(), "--rejections-file", dir.resolve("rej.jsonl").toString())
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (Exception ignored) {
                // gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.contains("connected, subscribed"));
            }
        });
        return p;
    }
}
