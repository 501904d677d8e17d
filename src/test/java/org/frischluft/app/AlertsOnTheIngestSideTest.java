package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.model.DeviceId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.sim.EmbeddedBroker;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code record} runs: the alert rules are a stage of the ingest pipeline, so alerts need no screen. */
class AlertsOnTheIngestSideTest {
    private static final DeviceId SENSOR = DeviceId.of("a81758fffe0312ab");
    private static final Instant LESSON_1 = LocalDateTime.of(2026, 11, 2, 8, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();

    @TempDir
    Path dir;

    @Test
    void thirtyMinutesAbove2000PpmOverMqttOpenAStoredAlertAndPublishIt() throws Exception {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), LESSON_1.plusSeconds(31 * 60)));
        SchoolModel model = TestSchool.site("it", "IT-Schule").room("r-101", "Raum 101", "EG", 0)
                .sensor(SENSOR.value(), SensorModel.ELSYS_ERS_CO2, null).model();
        ObjectMapper json = new ObjectMapper();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock);
            BrokerConfig link = BrokerConfig.simple("mqtt", broker.url(), List.of("v3/+/devices/+/up"));
            List<JsonNode> events = new CopyOnWriteArrayList<>();
            MqttClient client = new MqttClient(broker.url(), "alerts-it", new MemoryPersistence());
            org.eclipse.paho.client.mqttv3.MqttConnectOptions o = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
            o.setMaxInflight(1000); // Paho's default of 10 can refuse a quick loop of synchronous QoS-1 publishes
            client.connect(o);
            client.subscribe("frischluft/it/alerts", 1, (t, m) -> events.add(json.readTree(m.getPayload())));
            try (AppContext ctx = new AppContext(SchoolCatalog.of(model, "test", clock), store, List.of(link), clock)) {
                assertThat(ctx.pipeline()).containsSubsequence("live", "alerts");
                await().atMost(Duration.ofSeconds(10)).until(() -> ctx.links().get(0).isConnected());
                TtnUplinks uplinks = new TtnUplinks("alerts-it");
                for (int m = 0; m <= 30; m++) {
                    TtnUplinks.Uplink up = uplinks.uplink(SENSOR, SensorModel.ELSYS_ERS_CO2.id(),
                            new SensorReading(LESSON_1.plusSeconds(60L * m), 2150, 22.0, 40, 20, 0, 3600, 1013, 0), m + 1);
                    client.publish(up.topic(), up.payload(), 1, false);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> events.stream()
                        .anyMatch(e -> e.path("rule").asText().equals("co2-high") && e.path("event").asText().equals("opened")));
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ctx.store().alerts().unresolved())
                        .anyMatch(r -> r.rule().equals("co2-high") && "r-101".equals(r.room())
                                // the reading's time is the gateway's, a little before the uplink's
                                && Duration.between(r.opened(), LESSON_1.plusSeconds(30 * 60)).abs().compareTo(Duration.ofSeconds(1)) < 0));
                assertThat(ctx.alerts().board().unresolved()).anyMatch(a -> a.rule().id().equals("co2-high"));
            } finally {
                client.disconnect();
                client.close();
            }
        }
    }
}
