package org.frischluft.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Mosquitto 2 does with a shared subscription ({@code $share/frischluft/...}) when one member is gone without a
 * DISCONNECT (a recorder killed, a machine switched off), on our own broker process: docs/scaling.md builds on it.
 * <ul>
 *   <li>Persistent session (record's default, a stable {@code --client-id}): the gone member stays in the group and
 *   keeps getting its share (round robin); those messages wait in its session, the others get nothing of them.
 *   They are delivered when the member comes back with the same client id, and lost only if it never does (session
 *   expiry, {@code persistent_client_expiration}, or its queue overflowing {@code max_queued_messages}).</li>
 *   <li>Clean session ({@code --clean-session}): the member leaves the group with its connection; every later message
 *   goes to the members still there.</li>
 * </ul>
 */
class SharedSubscriptionMosquittoIT {
    private static final String FILTER = "$share/frischluft/v3/+/devices/+/up";

    @TempDir
    Path dir;

    @BeforeEach
    void needsMosquitto() {
        assumeTrue(MosquittoProcess.available(), "mosquitto not on the PATH: the broker must be started by the test");
    }

    @Test
    void aGonePersistentMemberKeepsItsShareQueuedAndGetsItWhenItComesBackWithItsClientId() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startPlain(dir.resolve("broker"))) {
            Member a = new Member(broker.url(), "recorder-a", false);
            Member b = new Member(broker.url(), "recorder-b", false);
            a.vanish(); // no DISCONNECT: as after SIGKILL
            publish(broker.url(), 200);
            awaitStable(b);
            System.out.println("persistent session: member gone, the other got " + b.got.size() + " of 200");
            assertThat(b.got.size()).as("the other member gets only its own share").isBetween(80, 120);

            Member back = new Member(broker.url(), "recorder-a", false); // same client id, persistent session
            await().atMost(Duration.ofSeconds(20)).until(() -> back.got.size() + b.got.size() >= 200);
            awaitStable(back);
            assertThat(back.got.size() + b.got.size()).isEqualTo(200);
            assertThat(back.got).as("no message to both").doesNotContainAnyElementsOf(b.got);
            back.close();
            b.close();
        }
    }

    @Test
    void aGoneCleanSessionMemberLeavesTheGroupAndTheOthersGetEveryMessage() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startPlain(dir.resolve("broker"))) {
            Member a = new Member(broker.url(), "recorder-a", true);
            Member b = new Member(broker.url(), "recorder-b", true);
            publish(broker.url(), 20);
            await().atMost(Duration.ofSeconds(20)).until(() -> a.got.size() + b.got.size() >= 20);
            assertThat(a.got).as("shared while both are there").isNotEmpty();
            assertThat(b.got).isNotEmpty();
            a.vanish();
            b.got.clear();
            Thread.sleep(300); // the broker has seen the connection close
            publish(broker.url(), 200);
            await().atMost(Duration.ofSeconds(20)).until(() -> b.got.size() >= 200);
            awaitStable(b);
            assertThat(b.got).hasSize(200);
            b.close();
        }
    }

    /** Until no message arrived for 1.5 s. */
    private static void awaitStable(Member m) {
        long[] last = {-1, System.nanoTime()};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int n = m.got.size();
            if (n != last[0]) {
                last[0] = n;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > 1_500_000_000L;
        });
    }

    private static void publish(String url, int n) throws Exception {
        try (MqttClient c = new MqttClient(url, "pub-" + System.nanoTime(), new MemoryPersistence())) {
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMaxInflight(1000); // Paho frees a slot a moment after a synchronous QoS-1 publish returns (default 10)
            c.connect(o);
            for (int i = 0; i < n; i++) {
                c.publish("v3/city@ttn/devices/d" + (i % 7) + "/up", ("m" + System.nanoTime() + "-" + i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            c.disconnect();
        }
    }

    /** A member of the shared group at QoS 1. */
    private static final class Member {
        final Set<String> got = ConcurrentHashMap.newKeySet();
        final MqttAsyncClient client;

        Member(String url, String id, boolean clean) throws Exception {
            client = new MqttAsyncClient(url, id, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    got.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(clean);
            o.setAutomaticReconnect(false);
            client.connect(o).waitForCompletion(10_000);
            client.subscribe(FILTER, 1).waitForCompletion(10_000);
        }

        /** The connection closes without a DISCONNECT packet, as when the process is killed. */
        void vanish() throws Exception {
            client.disconnectForcibly(0, 0, false);
            client.close(true);
        }

        void close() throws Exception {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
    }
}
