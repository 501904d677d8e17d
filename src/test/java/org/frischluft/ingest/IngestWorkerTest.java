package org.frischluft.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.ingest.decode.RejectionLog;
import org.frischluft.model.Reading;
import org.junit.jupiter.api.Test;

class IngestWorkerTest {
    private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
    private final Clock clock = Clock.fixed(T, ZoneOffset.UTC);
    private final Inbox inbox = new Inbox(1000);
    private final RejectionLog rejections = new RejectionLog(100, clock);

    private static Inbound msg(String topic, String body) {
        return new Inbound("test", topic, body.getBytes(StandardCharsets.UTF_8), T);
    }

    @Test
    void garbageBetweenGoodMessagesIsCountedByReasonAndTheGoodOnesStillArrive() {
        List<Reading> got = new CopyOnWriteArrayList<>();
        try (IngestWorker worker = new IngestWorker(inbox, new PayloadDecoder(DecoderSettings.defaults(), clock),
                got::addAll, rejections, clock).start()) {
            inbox.offer(msg("sensors/Ampel_1", "{\"co2\":\"776\",\"temp\":\" 21.5 \",\"hum\":\"41\"}"));
            inbox.offer(msg("sensors/Ampel_1", "{\"co2\": 7"));
            inbox.offer(msg("sensors/Ampel_1", "x".repeat(70_000)));
            inbox.offer(msg("sensors/Ampel_2", "{\"co2\": 912}"));
            await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
            assertThat(got).extracting(Reading::co2).containsExactly(776.0, 912.0);
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.stats().messages() == 4);
            assertThat(worker.stats().rejected()).isEqualTo(2);
            assertThat(rejections.counts()).containsEntry("malformed-json", 1L).containsEntry("too-large", 1L);
            assertThat(rejections.counts()).doesNotContainKeys("internal-error", "decoder-failure");
        }
    }

    @Test
    void aFailingSinkCostsOnlyItsBatchAndTheWorkerGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        List<Reading> got = new CopyOnWriteArrayList<>();
        ReadingSink flaky = readings -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("disk on fire");
            got.addAll(readings);
        };
        try (IngestWorker worker = new IngestWorker(inbox, new PayloadDecoder(DecoderSettings.defaults(), clock), flaky,
                rejections, clock).start()) {
            inbox.offer(msg("sensors/a", "{\"co2\": 800}"));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
            inbox.offer(msg("sensors/b", "{\"co2\": 900}"));
            await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 1);
            assertThat(got.get(0).co2()).isEqualTo(900.0);
        }
    }

    @Test
    void closeDrainsWhatIsAlreadyInTheInbox() {
        List<Reading> got = new CopyOnWriteArrayList<>();
        IngestWorker worker = new IngestWorker(inbox, new PayloadDecoder(DecoderSettings.defaults(), clock), got::addAll,
                rejections, clock);
        for (int i = 0; i < 500; i++) inbox.offer(msg("sensors/r" + i, "{\"co2\": " + (500 + i) + "}"));
        worker.start();
        worker.close();
        assertThat(got).hasSize(500);
    }

    @Test
    void aFullInboxDropsAndCountsInsteadOfBlockingTheMqttThread() {
        Inbox tiny = new Inbox(2);
        for (int i = 0; i < 5; i++) tiny.offer(msg("sensors/x", "{\"co2\": 600}"));
        assertThat(tiny.dropped()).isEqualTo(3);
        assertThat(tiny.offered()).isEqualTo(5);
    }

    /** A delivery that remembers what became of its message. */
    private static final class Recorded implements Delivery {
        volatile String outcome = "open";

        @Override
        public void settled() {
            outcome = "settled";
        }

        @Override
        public void lost() {
            outcome = "lost";
        }
    }

    @Test
    void aMessageIsSettledOnlyAfterTheSinkSaysItsBatchIsSafeAndARejectedOneOnceCounted() {
        List<java.util.function.Consumer<Boolean>> waiting = new CopyOnWriteArrayList<>();
        ReadingSink store = new ReadingSink() {
            @Override
            public void accept(List<Reading> readings) {
            }

            @Override
            public void whenSafe(boolean soon, java.util.function.Consumer<Boolean> done) {
                waiting.add(done); // the commit has not happened yet
            }
        };
        Recorded good = new Recorded();
        Recorded garbage = new Recorded();
        try (IngestWorker worker = new IngestWorker(inbox, new PayloadDecoder(DecoderSettings.defaults(), clock), store,
                rejections, clock).start()) {
            inbox.offer(new Inbound("test", "sensors/bad", "{\"co2\": 7".getBytes(StandardCharsets.UTF_8), T, garbage));
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.stats().rejected() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> garbage.outcome.equals("settled"));
            inbox.offer(new Inbound("test", "sensors/a", "{\"co2\": 800}".getBytes(StandardCharsets.UTF_8), T, good));
            await().atMost(Duration.ofSeconds(5)).until(() -> waiting.size() == 1);
            assertThat(good.outcome).isEqualTo("open");
            waiting.get(0).accept(true);
            assertThat(good.outcome).isEqualTo("settled");
        }
    }

    @Test
    void aBatchTheSinkCouldNotKeepIsLostSoItComesAgain() {
        ReadingSink dropping = new ReadingSink() {
            @Override
            public void accept(List<Reading> readings) {
            }

            @Override
            public void whenSafe(boolean soon, java.util.function.Consumer<Boolean> done) {
                done.accept(false);
            }
        };
        Recorded m = new Recorded();
        try (IngestWorker worker = new IngestWorker(inbox, new PayloadDecoder(DecoderSettings.defaults(), clock), dropping,
                rejections, clock).start()) {
            inbox.offer(new Inbound("test", "sensors/a", "{\"co2\": 800}".getBytes(StandardCharsets.UTF_8), T, m));
            await().atMost(Duration.ofSeconds(5)).until(() -> m.outcome.equals("lost"));
        }
    }

    @Test
    void aBinaryBodyOnAJsonTopicIsCountedAsARejectionAndSettled() {
        Recorded m = new Recorded();
        try (IngestWorker worker = new IngestWorker(inbox, new PayloadDecoder(DecoderSettings.defaults(), clock),
                readings -> { }, rejections, clock).start()) {
            inbox.offer(new Inbound("test", "application/x/device/0101010101010101/event/up",
                    new byte[] {0x0a, 0x24, (byte) 0xc2, (byte) 0x80, 0x01, (byte) 0xff, 0x00}, T, m));
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.stats().rejected() == 1);
            assertThat(rejections.counts()).containsEntry("binary-payload", 1L);
            await().atMost(Duration.ofSeconds(5)).until(() -> m.outcome.equals("settled"));
        }
    }
}
