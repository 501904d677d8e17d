package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.EmbeddedBroker;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A school file edited while Frischluft runs takes effect without a restart: a new room with its sensor and a
 * changed profile reach the running {@code record} process (its history is placed in the new room) and the live
 * rooms of a running app (the new room's light, the changed profile's colour).
 */
class RecordFollowsTheSchoolFileIT {
    private static final DeviceId OLD = DeviceId.of("a81758fffe0312ab");
    private static final DeviceId NEW = DeviceId.of("a81758fffe0312ac");

    @TempDir
    Path dir;

    private static SchoolModel v1() {
        return TestSchool.site("it", "IT-Schule").room("r-101", "R 101", "1. OG", 1).sensor(OLD.value(), null, null).model();
    }

    /** A new room r-102 with the sensor that so far sent into no room, and r-101 under Infektionsschutz (800/1000). */
    private static SchoolModel v2() {
        return TestSchool.site("it", "IT-Schule").profile(Profiles.INFEKTIONSSCHUTZ)
                .room("r-101", "R 101", "1. OG", 1).sensor(OLD.value(), null, null)
                .room("r-102", "R 102", "1. OG", 1).sensor(NEW.value(), null, null).model();
    }

    @Test
    void theRecordProcessPlacesTheNewRoomsSensorWithoutARestart() throws Exception {
        Path school = dir.resolve("school.json");
        SchoolFile.write(v1(), school);
        String jdbc = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        String app = "follow-" + Long.toHexString(System.nanoTime());
        TtnUplinks uplinks = new TtnUplinks(app);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        try (LocalBroker broker = LocalBroker.start()) {
            List<String> log = new CopyOnWriteArrayList<>();
            Process record = start(broker.url(), app, jdbc, school, log);
            try {
                MqttClient pub = new MqttClient(broker.url(), "follow-pub-" + System.nanoTime(), new MemoryPersistence());
                pub.connect(new MqttConnectOptions());
                publish(pub, uplinks, OLD, t0, 700);
                publish(pub, uplinks, NEW, t0, 850); // a sensor the school file does not know yet
                await().atMost(Duration.ofSeconds(20)).until(() -> log.stream().anyMatch(l -> l.contains("| stored 2 |")));

                SchoolFile.write(v2(), school);
                await().atMost(Duration.ofSeconds(20)).until(() -> log.stream().anyMatch(l -> l.contains("version 2 applied")));
                publish(pub, uplinks, NEW, t0.plusSeconds(60), 900);
                await().atMost(Duration.ofSeconds(20)).until(() -> log.stream().anyMatch(l -> l.contains("| stored 3 |")));
                pub.disconnect();
                pub.close();
            } finally {
                record.destroy(); // SIGTERM: flush and close, as systemd would stop it
                assertThat(record.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(log).anyMatch(l -> l.contains("1 sensor placement(s) changed"));
        }
        StringWriter csv = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(csv)).execute("export", "--db", jdbc, "--room", "r-102");
        assertThat(exit).isZero();
        assertThat(csv.toString().lines().skip(1).toList()).as("the new room has its sensor's whole history, the reading "
                + "sent before the room existed too").hasSize(2).allMatch(l -> l.contains(",a81758fffe0312ac,r-102,"));
    }

    @Test
    void aRunningAppFollowsANewRoomAndAChangedProfile() throws Exception {
        Path school = dir.resolve("school.json");
        SchoolFile.write(v1(), school);
        java.time.Clock clock = java.time.Clock.systemUTC();
        String app = "follow-app-" + Long.toHexString(System.nanoTime());
        TtnUplinks uplinks = new TtnUplinks(app);
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("app").toAbsolutePath()), clock);
            try (AppContext ctx = new AppContext(SchoolCatalog.open(school, clock), store,
                    List.of(BrokerConfig.simple("it", broker.url(), List.of("v3/" + app + "@ttn/devices/+/up"))), clock)) {
                await().atMost(Duration.ofSeconds(15)).until(() -> ctx.links().get(0).isConnected());
                MqttClient pub = new MqttClient(broker.url(), "follow-app-pub", new MemoryPersistence());
                pub.connect(new MqttConnectOptions());
                Instant now = Instant.now();
                for (int m = 4; m >= 0; m--) publish(pub, uplinks, OLD, now.minusSeconds(60L * m), 900);
                await().atMost(Duration.ofSeconds(10)).until(() -> ctx.live().room(RoomId.of("r-101"))
                        .map(s -> s.co2() != null).orElse(false));
                assertThat(ctx.live().room(RoomId.of("r-101")).orElseThrow().light()).as("900 ppm under UBA").isEqualTo(Light.GREEN);
                assertThat(ctx.live().room(RoomId.of("r-102"))).isEmpty();

                SchoolFile.write(v2(), school);
                await().atMost(Duration.ofSeconds(15)).until(() -> ctx.catalog().current().number() == 2);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(ctx.live().room(RoomId.of("r-102"))).as("the new room is live").isPresent();
                    assertThat(ctx.live().room(RoomId.of("r-101")).orElseThrow().light())
                            .as("900 ppm under Infektionsschutz, at once, from the readings it had").isEqualTo(Light.YELLOW);
                });
                publish(pub, uplinks, NEW, Instant.now(), 1500);
                await().atMost(Duration.ofSeconds(10)).until(() -> ctx.live().room(RoomId.of("r-102"))
                        .map(s -> Double.valueOf(1500).equals(s.co2())).orElse(false));
                pub.disconnect();
                pub.close();
            }
        }
    }

    private static void publish(MqttClient pub, TtnUplinks uplinks, DeviceId device, Instant t, int co2) throws Exception {
        TtnUplinks.Uplink up = uplinks.uplink(device, DemoSchool.ELSYS_ERS_CO2,
                new SensorReading(t, co2, 21.5, 40, 50, 0, 3600, 1013, 0), t.getEpochSecond() % 60_000);
        pub.publish(up.topic(), up.payload(), 1, false);
    }

    private static Process start(String url, String app, String jdbc, Path school, List<String> log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "record", "--broker", url, "--topic", "v3/" + app + "@ttn/devices/+/up",
                "--db", jdbc, "--school", school.toString(), "--client-id", "follow-it-" + System.nanoTime(),
                "--stats-every", "200ms", "--rejections-file", school.resolveSibling("rejections.jsonl").toString())
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) log.add(line);
            } catch (Exception gone) {
                // the process ended
            }
        }, "record-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> log.stream().anyMatch(l -> l.contains("connected, subscribed")));
        return p;
    }

}
