package org.frischluft.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.frischluft.ingest.decode.RejectionLog;
import org.frischluft.live.LiveState;
import org.frischluft.model.RejectionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest side's rejection log reaches LiveState (for the screens) and the journal file (for the CLI). */
class RejectionFeedTest {
    final Clock clock = Clock.fixed(Instant.parse("2025-11-25T09:42:00Z"), ZoneOffset.UTC);
    final RejectionLog log = new RejectionLog(4, clock);
    final LiveState live = new LiveState();
    final LiveState.Feed changes = live.subscribe();
    final RejectionFeed feed = new RejectionFeed(log, live::putRejections);

    @TempDir
    Path dir;

    void reject(String topic, String reason) {
        log.record(topic, ("{" + topic).getBytes(StandardCharsets.UTF_8), reason);
    }

    @Test
    void summaryIsPublishedOnlyWhenSomethingWasRejected() {
        changes.drain(); // what a new feed starts with
        feed.publish();
        assertThat(changes.drain().rejections()).isNull();

        reject("sensors/a", "malformed-json: eof");
        reject("sensors/b", "implausible-co2: 65535 ppm");
        feed.publish();
        RejectionSummary s = changes.drain().rejections();
        assertThat(s.total()).isEqualTo(2);
        assertThat(s.counts()).containsOnlyKeys("implausible-co2", "malformed-json");
        assertThat(s.recent()).extracting(RejectionSummary.Entry::topic).containsExactly("sensors/b", "sensors/a");
        assertThat(s.recent().get(0).excerpt()).isEqualTo("{sensors/b");

        feed.publish();
        assertThat(changes.drain().rejections()).as("nothing new").isNull();
        assertThat(live.rejections()).isSameAs(s);
    }

    @Test
    void everyNewRejectionIsWrittenOnceOldestFirst() throws IOException {
        Path file = dir.resolve("rejections.jsonl");
        feed.persistTo(new RejectionJournal(file));
        reject("sensors/a", "malformed-json: eof");
        reject("sensors/a", "malformed-json: eof"); // same content, a second rejection
        feed.publish();
        reject("sensors/c", "too-large: 300000 bytes");
        feed.publish();
        feed.publish();
        feed.close();
        assertThat(RejectionJournal.read(file)).extracting(e -> e.topic() + " " + e.code())
                .containsExactly("sensors/a malformed-json", "sensors/a malformed-json", "sensors/c too-large");
        assertThat(feed.notWritten()).isZero();
    }

    @Test
    void moreRejectionsBetweenTwoPublishesThanTheLogKeepsAreCountedAsNotWritten() throws IOException {
        Path file = dir.resolve("rejections.jsonl");
        feed.persistTo(new RejectionJournal(file));
        for (int i = 0; i < 7; i++) reject("sensors/" + i, "empty-payload: 0 bytes");
        feed.publish();
        feed.close();
        assertThat(RejectionJournal.read(file)).extracting(RejectionSummary.Entry::topic)
                .containsExactly("sensors/3", "sensors/4", "sensors/5", "sensors/6");
        assertThat(feed.notWritten()).isEqualTo(3);
        assertThat(live.rejections().total()).isEqualTo(7);
    }
}
