package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.ingest.RejectionJournal;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RejectionSummary;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.TestSchool;
import org.frischluft.sim.EmbeddedBroker;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The path {@code record} runs: garbage published to a real (embedded) broker is rejected by the ingest
 * worker, appears in the live state for the screens and in the rejections file, and
 * {@code frischluft rejections} reads it back.
 */
class RecordRejectionsIT {
    @TempDir
    Path dir;

    @Test
    void garbageFromASensorEndsUpInLiveStateTheFileAndTheRejectionsCommand() throws Exception {
        Path file = dir.resolve("rejections.jsonl");
        Clock clock = Clock.systemUTC();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            Store store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath()), clock);
            try (AppContext ctx = new AppContext(SchoolCatalog.of(TestSchool.empty(), "test", clock), store,
                    List.of(BrokerConfig.simple("it", broker.url(), List.of("sensors/#"))), clock)) {
                ctx.persistRejections(file);
                await().atMost(Duration.ofSeconds(15)).until(() -> ctx.live().links().stream()
                        .anyMatch(l -> l.state() == LinkStatus.State.CONNECTED));
                MqttClient pub = new MqttClient(broker.url(), "rejections-it", new MemoryPersistence());
                pub.connect(new MqttConnectOptions());
                try {
                    pub.publish("sensors/ampel-3", "{\"co2\": ".getBytes(StandardCharsets.UTF_8), 1, false);
                    pub.publish("sensors/ampel-7", "{\"co2\": 65535}".getBytes(StandardCharsets.UTF_8), 1, false);
                    pub.publish("sensors/ampel-1", "{\"co2\": 612}".getBytes(StandardCharsets.UTF_8), 1, false);
                } finally {
                    pub.disconnect();
                    pub.close();
                }
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                        assertThat(ctx.live().rejections().total()).isEqualTo(2));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                        assertThat(RejectionJournal.read(file)).hasSize(2));
                assertThat(ctx.live().rejections().recent()).extracting(RejectionSummary.Entry::topic)
                        .containsExactly("sensors/ampel-7", "sensors/ampel-3");
            }
        }
        assertThat(RejectionJournal.read(file)).extracting(RejectionSummary.Entry::code)
                .containsExactly("malformed-json", "implausible-co2");

        StringWriter out = new StringWriter();
        int code = new CommandLine(new RejectionsCommand()).setOut(new PrintWriter(out))
                .execute("--file", file.toString(), "--json");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"kept\":2", "\"malformed-json\":1", "\"implausible-co2\":1",
                "sensors/ampel-3", "sensors/ampel-7");
    }
}
