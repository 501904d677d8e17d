package org.frischluft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.Placement;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedSchoolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyRoomOfTheDemoSchoolPublishesTtnUplinksWithinSeconds() throws Exception {
        SchoolModel school = DemoSchool.model();
        Map<String, JsonNode> lastByTopic = new ConcurrentHashMap<>();
        MqttClient subscriber = subscribe("v3/frischluft-demo@ttn/devices/+/up", lastByTopic);
        SimOptions options = new SimOptions(school.rooms().size(), Duration.ofSeconds(60), 600, 7);
        try (SimulatedSchool sim = new SimulatedSchool(school, broker.url(), options, Clock.systemUTC())) {
            sim.start();
            Set<String> expected = school.placements().stream()
                    .map(s -> "v3/frischluft-demo@ttn/devices/" + TtnUplinks.deviceId(s.device()) + "/up")
                    .collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(lastByTopic.keySet()).containsAll(expected));
            assertThat(sim.published()).isGreaterThanOrEqualTo(expected.size());
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }

        for (Placement sensor : school.placements()) {
            JsonNode msg = lastByTopic.get("v3/frischluft-demo@ttn/devices/" + TtnUplinks.deviceId(sensor.device()) + "/up");
            assertThat(msg.path("end_device_ids").path("dev_eui").asText().toLowerCase())
                    .isEqualTo(sensor.device().value());
            assertThat(Instant.parse(msg.path("received_at").asText()))
                    .isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));
            JsonNode decoded = msg.path("uplink_message").path("decoded_payload");
            assertThat(decoded.path("co2").asInt()).isBetween(300, 10_000);
            assertThat(decoded.path("temperature").asDouble()).isBetween(10.0, 30.0);
            String brand = msg.path("uplink_message").path("version_ids").path("brand_id").asText();
            assertThat(brand).isEqualTo(sensor.sensor().model() == SensorModel.MILESIGHT_AM319 ? "milesight-iot" : "elsys");
        }
    }

    @Test
    void moreRoomsThanTheSchoolHasAddsSyntheticRoomsThatPublishToo() throws Exception {
        SchoolModel school = DemoSchool.model();
        List<Room> rooms = SimulatedSchool.rooms(school, 40);
        assertThat(rooms).hasSize(40);
        assertThat(rooms.subList(0, school.rooms().size())).isEqualTo(school.rooms());
        assertThat(rooms.get(39).id().value()).isEqualTo("sim-00040");

        Map<String, JsonNode> lastByTopic = new ConcurrentHashMap<>();
        MqttClient subscriber = subscribe("v3/load-test@ttn/devices/+/up", lastByTopic);
        SimOptions options = new SimOptions(40, Duration.ofSeconds(30), 300, 1, 1, "load-test");
        try (SimulatedSchool sim = new SimulatedSchool(school, broker.url(), options, Clock.systemUTC())) {
            assertThat(sim.sensors()).hasSize(40);
            assertThat(sim.sensors().stream().map(Placement::device).distinct()).hasSize(40);
            sim.start();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(lastByTopic).hasSize(40));
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    @Test
    void fewerRoomsThanTheSchoolHasTakesTheFirstOnes() {
        SchoolModel school = DemoSchool.model();
        assertThat(SimulatedSchool.rooms(school, 5)).isEqualTo(school.rooms().subList(0, 5));
    }

    private static MqttClient subscribe(String filter, Map<String, JsonNode> lastByTopic) throws Exception {
        MqttClient client = new MqttClient(broker.url(), "sim-test-" + System.nanoTime(), new MemoryPersistence());
        client.connect();
        client.subscribe(filter, 1, (topic, msg) -> lastByTopic.put(topic, JSON.readTree(msg.getPayload())));
        return client;
    }
}
