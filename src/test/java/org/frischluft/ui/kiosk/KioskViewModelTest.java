package org.frischluft.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.frischluft.model.Light;
import org.frischluft.rooms.Brightness;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.junit.jupiter.api.Test;

class KioskViewModelTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final Room room = UiFixtures.room("r-1", "Raum 1");
    private final RoomViewModel roomVm = new RoomViewModel(room, messages, clock);
    private final AppStatusViewModel status = new AppStatusViewModel(messages, clock);

    @Test
    void clockShowsLocalTimeAndFollowsTheStatusTick() {
        KioskViewModel vm = new KioskViewModel(roomVm, status, DisplayPolicy.always(), SchoolCalendar.germanDefault(), clock);
        assertThat(vm.getClockText()).isEqualTo("10:42");
        clock.advance(Duration.ofMinutes(5));
        status.tick(clock.instant());
        assertThat(vm.getClockText()).isEqualTo("10:47");
    }

    @Test
    void quietKioskBrightensAsSoonAsTheRoomTurnsYellow() {
        KioskViewModel vm = new KioskViewModel(roomVm, status, DisplayPolicy.quiet(), SchoolCalendar.germanDefault(), clock);
        roomVm.apply(UiFixtures.snapshot(room.id(), 800, Light.GREEN, clock.instant()));
        assertThat(vm.getBrightness()).isEqualTo(Brightness.DIM);
        roomVm.apply(UiFixtures.snapshot(room.id(), 1200, Light.YELLOW, clock.instant()));
        assertThat(vm.getBrightness()).isEqualTo(Brightness.FULL);
    }

    @Test
    void scheduledKioskBlanksWhenSchoolEnds() {
        KioskViewModel vm = new KioskViewModel(roomVm, status, DisplayPolicy.parse("schedule"), SchoolCalendar.germanDefault(), clock);
        roomVm.apply(UiFixtures.snapshot(room.id(), 600, Light.GREEN, clock.instant()));
        assertThat(vm.getBrightness()).isEqualTo(Brightness.FULL);
        clock.set(java.time.Instant.parse("2025-11-25T16:30:00Z")); // 17:30 in Berlin
        status.tick(clock.instant());
        assertThat(vm.getBrightness()).isEqualTo(Brightness.BLANK);
    }
}
