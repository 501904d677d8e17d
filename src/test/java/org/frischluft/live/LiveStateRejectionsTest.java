package org.frischluft.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.model.RejectionSummary;
import org.junit.jupiter.api.Test;

/** The rejection summary travels like store health: latest value wins, drained once. */
class LiveStateRejectionsTest {
    static final Instant T = Instant.parse("2025-11-25T09:42:00Z");

    @Test
    void summaryIsDrainedOnceAndStaysReadable() {
        LiveState live = new LiveState();
        LiveState.Feed feed = live.subscribe();
        assertThat(live.rejections()).isSameAs(RejectionSummary.NONE);
        assertThat(feed.drain().rejections()).as("a new feed starts with what is known").isSameAs(RejectionSummary.NONE);
        assertThat(feed.drain().rejections()).isNull();

        RejectionSummary first = new RejectionSummary(1, Map.of("too-large", 1L), List.of());
        RejectionSummary second = new RejectionSummary(2, Map.of("too-large", 2L), List.of());
        live.putRejections(first);
        live.putRejections(second);
        LiveState.Changes c = feed.drain();
        assertThat(c.rejections()).isSameAs(second);
        assertThat(c.isEmpty()).isFalse();
        assertThat(feed.drain().rejections()).isNull();
        assertThat(feed.drain().isEmpty()).isTrue();
        assertThat(live.rejections()).isSameAs(second);
    }

    @Test
    void summaryIsAnImmutableCopy() {
        Map<String, Long> counts = new HashMap<>(Map.of("b", 1L, "a", 2L));
        List<RejectionSummary.Entry> recent = new ArrayList<>(List.of(new RejectionSummary.Entry(T, null, "a: x", null)));
        RejectionSummary s = new RejectionSummary(3, counts, recent);
        counts.put("c", 9L);
        recent.clear();
        assertThat(s.counts()).containsOnlyKeys("a", "b");
        assertThat(s.counts().keySet()).containsExactly("a", "b");
        assertThat(s.recent()).hasSize(1);
        assertThat(s.recent().get(0).topic()).isEmpty();
        assertThat(s.recent().get(0).code()).isEqualTo("a");
        assertThatThrownBy(() -> s.counts().put("d", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
