package org.frischluft.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.LinkStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection against a real Mosquitto with TLS and password auth, restarted mid-stream. */
class MqttLinkMosquittoIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void needMosquitto() {
        Assumptions.assumeTrue(MosquittoProcess.available(),
                "skipped: mosquitto, mosquitto_passwd or openssl not installed on this machine");
    }

    @Test
    void reconnectsWithinTenSecondsAfterBrokerRestartAndLosesNoQos1MessagePublishedAfterIt() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startTls(dir)) {
            Inbox inbox = new Inbox(10_000);
            List<LinkStatus> states = new CopyOnWriteArrayList<>();
            BrokerConfig config = new BrokerConfig("test", broker.url(), MosquittoProcess.USER, MosquittoProcess.PASSWORD,
                    List.of("v3/+/devices/+/up"), 1, false, "frischluft-it-" + System.nanoTime(), broker.caCert,
                    null, null, Duration.ofSeconds(2));
            try (MqttLink link = new MqttLink(config, inbox, states::add, Clock.systemUTC())) {
                link.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> lastState(states) == LinkStatus.State.CONNECTED);

                MqttClient pub = publisher(broker);
                for (int i = 0; i < 50; i++) publish(pub, i);
                pub.disconnect();
                pub.close();

                broker.stop();
                await().atMost(Duration.ofSeconds(5)).until(() -> lastState(states) == LinkStatus.State.RECONNECTING);
                broker.start();
                Instant restarted = Instant.now();

                // published after the restart while our link may still be away: the persistent session keeps them
                MqttClient pub2 = publisher(broker);
                Set<Integer> afterRestart = new HashSet<>();
                for (int i = 1000; i < 1200; i++) {
                    publish(pub2, i);
                    afterRestart.add(i);
                }
                // back within 10 s of the broker's restart, however long the publishing above took
                await().atMost(Duration.between(Instant.now(), restarted.plusSeconds(10)))
                        .until(() -> lastState(states) == LinkStatus.State.CONNECTED);
                for (int i = 1200; i < 1300; i++) {
                    publish(pub2, i);
                    afterRestart.add(i);
                }
                pub2.disconnect();
                pub2.close();

                Set<Integer> seen = new HashSet<>();
                List<Inbound> got = new ArrayList<>();
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    got.clear();
                    inbox.drain(got, 10_000, 50);
                    for (Inbound m : got) {
                        seen.add(Integer.parseInt(new String(m.payload(), StandardCharsets.UTF_8)));
                        m.delivery().settled(); // at QoS 1 the broker sends more only once earlier ones are acknowledged
                    }
                    return seen.containsAll(afterRestart);
                });
                assertThat(seen).containsAll(afterRestart);
                assertThat(link.isConnected()).isTrue();
            }
        }
    }

    @Test
    void wrongPasswordKeepsRetryingAndSaysWhyWithoutTheSecret() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startTls(dir)) {
            List<LinkStatus> states = new CopyOnWriteArrayList<>();
            BrokerConfig config = new BrokerConfig("test", broker.url(), MosquittoProcess.USER, "wrong-key-XYZ",
                    List.of("#"), 1, true, null, broker.caCert, null, null, Duration.ofSeconds(1));
            try (MqttLink link = new MqttLink(config, new Inbox(10), states::add, Clock.systemUTC())) {
                link.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> states.stream()
                        .filter(s -> s.state() == LinkStatus.State.RECONNECTING).count() >= 2);
                assertThat(states).noneMatch(s -> s.detail().contains("wrong-key-XYZ"));
                assertThat(link.isConnected()).isFalse();
                assertThat(config.toString()).doesNotContain("wrong-key-XYZ");
            }
        }
    }

    private static LinkStatus.State lastState(List<LinkStatus> states) {
        return states.isEmpty() ? null : states.get(states.size() - 1).state();
    }

    private static MqttClient publisher(MosquittoProcess broker) throws Exception {
        MqttClient c = new MqttClient(broker.url(), "pub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(MosquittoProcess.USER);
        o.setPassword(MosquittoProcess.PASSWORD.toCharArray());
        o.setSocketFactory(Tls.socketFactory(BrokerConfig.simple("p", broker.url(), List.of("#"))
                .withCa(broker.caCert)));
        o.setMaxInflight(1000);
        c.connect(o);
        return c;
    }

    private static void publish(MqttClient c, int i) throws MqttException {
        c.publish("v3/school-co2@ttn/devices/room-" + (i % 7) + "/up", String.valueOf(i).getBytes(StandardCharsets.UTF_8), 1, false);
    }
}
