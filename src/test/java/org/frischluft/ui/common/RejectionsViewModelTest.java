package org.frischluft.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.frischluft.live.LiveState;
import org.frischluft.model.RejectionSummary;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.TestSchool;
import org.frischluft.ui.UiFixtures;
import org.junit.jupiter.api.Test;

/** Rejected messages as the admin reads them; plain JUnit, no toolkit. */
class RejectionsViewModelTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock(); // 10:42 in Berlin
    private final RejectionsViewModel de = new RejectionsViewModel(Messages.forLocale(Locale.GERMAN), clock);

    static RejectionSummary summary(UiFixtures.MutableClock clock) {
        return new RejectionSummary(1204, Map.of("malformed-json", 231L, "implausible-co2", 842L, "no-decoder", 89L), List.of(
                new RejectionSummary.Entry(clock.instant().minusSeconds(20), "sensors/Ampel_3", "malformed-json: eof", "{\"co2\":"),
                new RejectionSummary.Entry(clock.instant().minus(Duration.ofDays(1)), "v3/s@ttn/devices/eui-1/up", "implausible-co2: 65535 ppm", "{}")));
    }

    @Test
    void nothingRejectedShowsNothingInTheHeader() {
        assertThat(de.getHeaderText()).isEmpty();
        assertThat(de.anyProperty().get()).isFalse();
        assertThat(de.getShownText()).isEqualTo("Keine abgelehnten Nachrichten");
        de.apply(RejectionSummary.NONE);
        assertThat(de.getHeaderText()).isEmpty();
        assertThat(de.getRows()).isEmpty();
    }

    @Test
    void summaryBecomesHeaderCountsByReasonAndRowsNewestFirst() {
        de.apply(summary(clock));
        assertThat(de.getHeaderText()).isEqualTo("1\u202F204 abgelehnt");
        assertThat(de.anyProperty().get()).isTrue();
        assertThat(de.getShownText()).isEqualTo("Die neuesten 2 von 1\u202F204 seit dem Start");
        assertThat(de.getCounts()).extracting(RejectionsViewModel.Count::text)
                .containsExactly("implausible-co2: 842", "malformed-json: 231", "no-decoder: 89");
        assertThat(de.getRows()).extracting(RejectionsViewModel.Row::time).containsExactly("10:41:40", "24.11. 10:42:00");
        assertThat(de.getRows().get(0)).isEqualTo(new RejectionsViewModel.Row("10:41:40", "sensors/Ampel_3", "malformed-json: eof", "{\"co2\":"));
    }

    @Test
    void englishTextsComeFromTheEnglishBundle() {
        RejectionsViewModel en = new RejectionsViewModel(Messages.forLocale(Locale.ENGLISH), clock);
        en.apply(summary(clock));
        assertThat(en.getHeaderText()).isEqualTo("1\u202F204 rejected");
        assertThat(en.getShownText()).isEqualTo("The newest 2 of 1\u202F204 since the start");
        assertThat(en.getRows().get(1).time()).isEqualTo("24 Nov 10:42:00");
    }

    @Test
    void summaryPutIntoLiveStateReachesTheViewModelThroughOnePumpTick() {
        LiveState live = new LiveState();
        AppStatusViewModel status = new AppStatusViewModel(Messages.forLocale(Locale.GERMAN), clock);
        SchoolCatalog empty = SchoolCatalog.of(TestSchool.empty(), "test", clock);
        FxPump pump = new FxPump(live, empty, new RoomViewModels(empty.model(), Messages.forLocale(Locale.GERMAN), clock), status, clock);
        pump.tick();
        assertThat(status.rejections().getHeaderText()).isEmpty();

        live.putRejections(new RejectionSummary(1, Map.of("too-large", 1L), List.of()));
        live.putRejections(summary(clock)); // latest wins
        pump.tick();
        assertThat(status.rejections().getTotal()).isEqualTo(1204);
        assertThat(status.rejections().getRows()).hasSize(2);
        assertThat(status.getConnectionText()).as("rejections are no connection problem").isEmpty();
        assertThat(status.problemProperty().get()).isFalse();
    }
}
