package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiosk-config/mosquitto-acl.example on a Mosquitto of the test's own: a kiosk account can publish its own status but
 * neither the configuration nor another kiosk's status (Mosquitto drops a denied PUBLISH silently, so a subscriber
 * with the admin account watches what arrives); the admin account can publish the configuration.
 */
class KioskAclIT {
    private static final String PASSWORD = "test-only-password";
    @TempDir
    Path dir;
    private Process mosquitto;
    private String url;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private MqttClient watcher;

    private static String exe(String name) {
        for (String d : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(d, name))) return d + "/" + name;
        }
        return null;
    }

    @BeforeEach
    void startMosquitto() throws Exception {
        String mq = exe("mosquitto");
        String passwd = exe("mosquitto_passwd");
        Assumptions.assumeTrue(mq != null && passwd != null, "mosquitto and mosquitto_passwd are not installed");
        Path pw = dir.resolve("passwd");
        for (String user : List.of("frischluft-admin", "k-r101", "k-r102")) {
            List<String> cmd = new java.util.ArrayList<>(List.of(passwd, "-b"));
            if (!Files.exists(pw)) cmd.add("-c");
            cmd.addAll(List.of(pw.toString(), user, PASSWORD));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }
        Files.copy(Path.of("kiosk-config/mosquitto-acl.example"), dir.resolve("acl"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1", "user " + System.getProperty("user.name"), "allow_anonymous false",
                "password_file " + pw.toAbsolutePath(), "acl_file " + dir.resolve("acl").toAbsolutePath(),
                "log_dest file " + dir.resolve("mosquitto.log").toAbsolutePath(), ""));
        mosquitto = new ProcessBuilder(mq, "-c", dir.resolve("mosquitto.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        url = "tcp://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            }
        });
        watcher = client("frischluft-admin");
        watcher.subscribe("frischluft/#", 1, (topic, m) -> seen.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() throws Exception {
        if (watcher != null) watcher.disconnectForcibly(1000);
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private MqttClient client(String user) throws Exception {
        MqttClient c = new MqttClient(url, user + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(user);
        o.setPassword(PASSWORD.toCharArray());
        o.setCleanSession(true);
        c.connect(o);
        return c;
    }

    private static void publish(MqttClient c, String topic, String text) throws Exception {
        MqttMessage m = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        c.publish(topic, m);
    }

    @Test
    void aKioskWritesOnlyItsOwnStatusAndOnlyTheAdminPublishesConfig() throws Exception {
        MqttClient kiosk = client("k-r101");
        publish(kiosk, "frischluft/gs-a/config", "forged by a kiosk");
        publish(kiosk, "frischluft/gs-a/kiosk/k-r102/status", "offline (forged)");
        publish(kiosk, "frischluft/gs-a/kiosk/k-r101/status", "own status");
        MqttClient admin = client("frischluft-admin");
        publish(admin, "frischluft/gs-a/config", "signed by the admin");
        // the admin's message was published last: once it is here, anything allowed before it is here too
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("frischluft/gs-a/config signed by the admin"));
        assertThat(seen).containsExactly("frischluft/gs-a/kiosk/k-r101/status own status", "frischluft/gs-a/config signed by the admin");

        // and a kiosk reads the configuration
        List<String> kioskSeen = new CopyOnWriteArrayList<>();
        kiosk.subscribe("frischluft/gs-a/config", 1, (t, m) -> kioskSeen.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        publish(admin, "frischluft/gs-a/config", "version 2");
        await().atMost(Duration.ofSeconds(5)).until(() -> kioskSeen.contains("version 2"));
        kiosk.disconnect();
        admin.disconnect();
    }

    @Test
    void aKioskCannotReadAnotherKiosksStatusNorSubscribeToTheWholeFleet() throws Exception {
        MqttClient other = client("k-r102");
        publish(other, "frischluft/gs-a/kiosk/k-r102/status", "k-r102 online");
        MqttClient kiosk = client("k-r101");
        List<String> kioskSeen = new CopyOnWriteArrayList<>();
        kiosk.subscribe("frischluft/#", 1, (t, m) -> kioskSeen.add(t));
        publish(other, "frischluft/gs-a/kiosk/k-r102/status", "k-r102 again");
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().filter(s -> s.contains("k-r102 again")).count() == 1);
        Thread.sleep(300); // delivery to the kiosk would have come with the watcher's; nothing may come at all
        assertThat(kioskSeen).isEmpty();
        other.disconnect();
        kiosk.disconnect();
    }
}
