package org.frischluft.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionLogTest {
    final Clock clock = Clock.fixed(Instant.parse("2024-10-15T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void countsByCodeAndKeepsOnlyTheNewest() {
        RejectionLog log = new RejectionLog(3, clock);
        for (int i = 0; i < 5; i++) {
            log.record("t/" + i, ("{" + i).getBytes(StandardCharsets.UTF_8), "malformed-json: eof " + i);
        }
        log.record("t/x", new byte[0], "too-large: 300000 bytes");
        assertThat(log.total()).isEqualTo(6);
        assertThat(log.counts()).isEqualTo(Map.of("malformed-json", 5L, "too-large", 1L));
        assertThat(log.recent()).extracting(RejectionLog.Rejection::topic).containsExactly("t/x", "t/4", "t/3");
        assertThat(log.recent().get(1).excerpt()).isEqualTo("{4");
        assertThat(log.recent().get(0).time()).isEqualTo(clock.instant());
    }

    @Test
    void excerptIsShortAndPrintable() {
        RejectionLog log = new RejectionLog(1, clock);
        byte[] body = new byte[1000];
        body[0] = 0x01;
        java.util.Arrays.fill(body, 1, body.length, (byte) 'a');
        log.record("t", body, "binary-payload: x");
        String e = log.recent().get(0).excerpt();
        assertThat(e).hasSizeLessThanOrEqualTo(RejectionLog.EXCERPT_CHARS).startsWith(".aaa").endsWith("...");
        assertThat(e.chars()).allMatch(ch -> ch >= 0x20 && ch < 0x7f);
    }
}
