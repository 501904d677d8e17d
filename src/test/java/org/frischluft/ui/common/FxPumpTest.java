package org.frischluft.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.frischluft.live.LiveState;
import org.frischluft.live.StoreHealth;
import org.frischluft.model.Light;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.UiFixtures;
import org.junit.jupiter.api.Test;

/** The pump's tick on the test thread with a fixed clock (no toolkit needed). */
class FxPumpTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final SchoolModel school = UiFixtures.school();
    private final RoomViewModels rooms = UiFixtures.viewModels(school, messages, clock);
    private final AppStatusViewModel status = new AppStatusViewModel(messages, clock);
    private final LiveState live = new LiveState();
    private final FxPump pump = new FxPump(live, SchoolCatalog.of(school, "test", clock), rooms, status, clock);

    @Test
    void tickAppliesTheLatestSnapshotPerRoomAndLinkAndStoreChanges() {
        RoomId a = school.rooms().get(0).id();
        live.put(UiFixtures.snapshot(a, 900, Light.GREEN, clock.instant()));
        live.put(UiFixtures.snapshot(a, 2100, Light.RED, clock.instant()));
        live.putLink(new LinkStatus("tcp://b", LinkStatus.State.DISCONNECTED, clock.instant(), ""));
        live.putStoreHealth(new StoreHealth(StoreHealth.State.FAILING, "x"));

        pump.tick();

        assertThat(rooms.get(a).getLight()).isEqualTo(Light.RED);
        assertThat(rooms.get(a).getHeadline()).isEqualTo("Jetzt lüften!");
        assertThat(status.isConnected()).isFalse();
        assertThat(status.getStoreText()).contains("Speicherfehler");
        assertThat(live.subscribe().drain().rooms()).as("the live state still holds the latest").isNotEmpty();
    }

    @Test
    void agesMoveOnWithTheClockEvenWithoutNewData() {
        RoomId a = school.rooms().get(0).id();
        live.put(UiFixtures.snapshot(a, 900, Light.GREEN, clock.instant()));
        pump.tick();
        assertThat(rooms.get(a).getAgeText()).isEqualTo("vor 1 min");
        clock.advance(Duration.ofMinutes(4));
        pump.tick();
        assertThat(rooms.get(a).getAgeText()).isEqualTo("vor 5 min");
        assertThat(status.getNow()).isEqualTo(clock.instant());
    }

    @Test
    void snapshotForARoomWithoutAViewModelIsCountedNotThrown() {
        live.put(UiFixtures.snapshot(RoomId.of("nowhere"), 900, Light.GREEN, clock.instant()));
        pump.tick();
        assertThat(pump.unknownRooms()).isEqualTo(1);
    }
}
