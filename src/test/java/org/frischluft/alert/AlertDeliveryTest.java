package org.frischluft.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.frischluft.ingest.BrokerConfig;
import org.frischluft.ingest.MqttPublisher;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.sim.EmbeddedBroker;
import org.junit.jupiter.api.Test;

/** Alerts leave by e-mail (a real SMTP server in-process), webhook (a JDK HTTP server) and MQTT (a real broker). */
class AlertDeliveryTest {
    private static final DeviceId SENSOR = DeviceId.of("d-r-101");
    private static final Instant LESSON_1 = Trace.at(Trace.MONDAY_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchoolModel school = Trace.school("r-101");
    private final Clock clock = Clock.fixed(LESSON_1.plusSeconds(3600), ZoneOffset.UTC);

    /** 31 minutes above 2000 ppm in lesson 1: one co2-high (and one red-in-lesson) opens. */
    private static List<Reading> co2High() {
        return java.util.stream.IntStream.range(0, 31)
                .mapToObj(m -> Reading.of(SENSOR, LESSON_1.plusSeconds(60L * m), 2150.0, 21.0, 40.0)).toList();
    }

    @Test
    void theCaretakerGetsAGermanMailNamingRoomSiteValueDurationAndWhatToDo() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            AlertConfig.Smtp server = new AlertConfig.Smtp("127.0.0.1", smtp.getSmtp().getPort(), "frischluft@schule.example", null, null, false);
            AlertConfig.Recipient caretaker = new AlertConfig.Recipient("hausmeister@schule.example", "de", Set.of(), false);
            AlertConfig.Recipient council = new AlertConfig.Recipient("schultraeger@stadt.example", "en", Set.of(), true);
            try (AlertService alerts = new AlertService(AlertConfig.standard(), school, AlertStore.NONE,
                    List.of(new MailChannel(server, caretaker), new MailChannel(server, council)), clock)) {
                alerts.onReadings(co2High());
                await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= 2);
            }
            MimeMessage[] got = smtp.getReceivedMessages();
            assertThat(got).allMatch(m -> address(m).equals("hausmeister@schule.example"), "the escalation recipient waits for an escalation");
            MimeMessage mail = java.util.Arrays.stream(got).filter(m -> subject(m).contains("CO2")).findFirst().orElseThrow();
            assertThat(subject(mail)).isEqualTo("Alarm: CO2 seit 30 min über 2000 ppm — Raum r-101 (Schule am Park, Schule am Park)");
            String body = ((String) mail.getContent()).replace("\r\n", "\n");
            assertThat(body).contains("CO2 liegt bei 2150 ppm in Raum r-101 (Schule am Park, Schule am Park), seit 30 Minuten über 2000 ppm")
                    .contains("Bitte jetzt lüften").contains("ASR A3.6").contains("Lüftungsplan")
                    .contains("02.11.2026 08:30");
        } finally {
            smtp.stop();
        }
    }

    private static String address(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWebhookGetsEachEventAsJsonAndAFailedPostIsRetried() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<JsonNode> posts = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        http.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status = calls.incrementAndGet() == 1 ? 503 : 204; // the first post fails
            if (status == 204) posts.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        http.start();
        try (AlertService alerts = new AlertService(AlertConfig.standard(), school, AlertStore.NONE,
                List.of(new WebhookChannel(new AlertConfig.Webhook("http://127.0.0.1:" + http.getAddress().getPort() + "/hook", "en"))), clock)
                .retryAfter(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100))) {
            alerts.onReadings(co2High());
            await().atMost(Duration.ofSeconds(20)).until(() -> posts.stream().anyMatch(p -> p.path("rule").asText().equals("co2-high")));
            assertThat(alerts.stats().retried()).isEqualTo(1);
        } finally {
            http.stop(0);
        }
        JsonNode p = posts.stream().filter(n -> n.path("rule").asText().equals("co2-high")).findFirst().orElseThrow();
        assertThat(p.path("event").asText()).isEqualTo("opened");
        assertThat(p.path("room").asText()).isEqualTo("r-101");
        assertThat(p.path("site").asText()).isEqualTo("s");
        assertThat(p.path("value").asDouble()).isEqualTo(2150);
        assertThat(p.path("unit").asText()).isEqualTo("ppm");
        assertThat(p.path("durationMinutes").asInt()).isEqualTo(30);
        assertThat(p.path("text").path("en").path("body").asText()).contains("Air the room now").contains("ventilation plan");
        assertThat(p.toString()).doesNotContain("acknowledgedBy");
    }

    @Test
    void eventsGoToTheSiteAlertTopicAndTheOpenOnesStayRetained() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             MqttPublisher publisher = new MqttPublisher(BrokerConfig.simple("alerts", broker.url(), List.of("unused/#")))) {
            MqttClient sub = new MqttClient(broker.url(), "alert-test-sub", new MemoryPersistence());
            sub.connect();
            List<JsonNode> events = new CopyOnWriteArrayList<>();
            sub.subscribe("frischluft/s/alerts", 1, (t, m) -> events.add(JSON.readTree(m.getPayload())));
            try (AlertService alerts = new AlertService(AlertConfig.standard(), school, AlertStore.NONE,
                    List.of(new MqttChannel(publisher::publish, List.of())), clock)) {
                alerts.onReadings(co2High());
                await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().anyMatch(e -> e.path("rule").asText().equals("co2-high")));
            }
            assertThat(events).allMatch(e -> e.path("event").asText().equals("opened"));
            assertThat(events.get(0).path("text").has("de")).isTrue();
            assertThat(events.get(0).path("text").has("en")).isTrue();
            // a dashboard that subscribes later sees what is open now
            MqttClient late = new MqttClient(broker.url(), "alert-test-late", new MemoryPersistence());
            late.connect();
            List<JsonNode> open = new CopyOnWriteArrayList<>();
            late.subscribe("frischluft/s/alerts/open", 1, (t, m) -> {
                open.add(JSON.readTree(m.getPayload()));
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> !open.isEmpty());
            // it arrived after the last publish, so the broker kept it (Moquette does not set the flag on delivery)
            assertThat(open.get(0).size()).as("co2-high and red-in-lesson open").isEqualTo(2);
            sub.disconnect();
            late.disconnect();
            sub.close();
            late.close();
        }
    }
}
