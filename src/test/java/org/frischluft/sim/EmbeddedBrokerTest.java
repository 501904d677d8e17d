package org.frischluft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void pahoClientsExchangeAMessageOverTcpThroughTheEmbeddedBroker() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            assertThat(broker.port()).isPositive();
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());

            List<String> received = new CopyOnWriteArrayList<>();
            MqttClient subscriber = connect(broker, "sub");
            subscriber.subscribe("v3/+/devices/+/up", 1,
                    (topic, msg) -> received.add(topic + " " + new String(msg.getPayload(), StandardCharsets.UTF_8)));
            MqttClient publisher = connect(broker, "pub");
            publisher.publish("v3/app@ttn/devices/eui-1/up", "{\"co2\":776}".getBytes(StandardCharsets.UTF_8), 1, false);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(received).containsExactly("v3/app@ttn/devices/eui-1/up {\"co2\":776}"));
            publisher.disconnect();
            subscriber.disconnect();
            publisher.close();
            subscriber.close();
        }
    }

    @Test
    void brokerAcceptsMessagesLargerThanSixtyFourKibibytes() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            List<Integer> sizes = new CopyOnWriteArrayList<>();
            MqttClient subscriber = connect(broker, "big-sub");
            subscriber.subscribe("big", 1, (topic, msg) -> sizes.add(msg.getPayload().length));
            MqttClient publisher = connect(broker, "big-pub");
            publisher.publish("big", new byte[300 * 1024], 1, false);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sizes).containsExactly(300 * 1024));
            publisher.disconnect();
            subscriber.disconnect();
            publisher.close();
            subscriber.close();
        }
    }

    @Test
    void brokerWritesNothingIntoTheWorkingDirectory() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Set<String> before = listing(cwd);
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            MqttClient client = connect(broker, "files");
            client.publish("t", new byte[] {1}, 1, false);
            client.disconnect();
            client.close();
        }
        assertThat(listing(cwd)).isEqualTo(before).doesNotContain(".moquette_uuid", "data");
    }

    @Test
    void twoBrokersRunSideBySideOnDifferentPorts() throws Exception {
        try (EmbeddedBroker a = EmbeddedBroker.start(); EmbeddedBroker b = EmbeddedBroker.start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
        }
    }

    private static MqttClient connect(EmbeddedBroker broker, String id) throws MqttException {
        MqttClient client = new MqttClient(broker.url(), "test-" + id, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        return client;
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
