package org.frischluft.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModels;
import org.junit.jupiter.api.Test;

class OverviewViewModelTest {
    private final UiFixtures.MutableClock clock = UiFixtures.clock();
    private final Messages messages = Messages.forLocale(Locale.GERMAN);
    private final SchoolModel school = UiFixtures.school();
    private final RoomViewModels rooms = UiFixtures.viewModels(school, messages, clock);
    private final OverviewViewModel vm = new OverviewViewModel(rooms, new AppStatusViewModel(messages, clock), messages);

    /** Colours the rooms in configuration order: 3 red, 5 yellow, 14 green, 2 left without data. */
    private void mixedSchool() {
        List<Room> all = school.rooms();
        for (int i = 0; i < all.size(); i++) {
            Light light = i < 3 ? Light.RED : i < 8 ? Light.YELLOW : i < 22 ? Light.GREEN : null;
            if (light != null) {
                double co2 = light == Light.RED ? 2200 : light == Light.YELLOW ? 1300 : 700;
                rooms.get(all.get(i).id()).apply(UiFixtures.snapshot(all.get(i).id(), co2, light, clock.instant()));
            }
        }
    }

    @Test
    void countsEveryStateOfAMixedSchool() {
        mixedSchool();
        assertThat(vm.count(Light.RED)).isEqualTo(3);
        assertThat(vm.count(Light.YELLOW)).isEqualTo(5);
        assertThat(vm.count(Light.GREEN)).isEqualTo(14);
        assertThat(vm.count(Light.GREY)).isEqualTo(2);
        assertThat(vm.count(Light.BLUE)).isZero();
        assertThat(vm.getCountsText()).isEqualTo("3 rot · 5 gelb · 14 grün · 2 ohne Daten");
    }

    @Test
    void beforeAnyDataEveryRoomCountsAsWithoutData() {
        assertThat(vm.count(Light.GREY)).isEqualTo(24);
        assertThat(vm.getCountsText()).isEqualTo("0 rot · 0 gelb · 0 grün · 24 ohne Daten");
    }

    @Test
    void countsFollowARoomThatChangesItsLight() {
        mixedSchool();
        RoomId first = school.rooms().get(0).id();
        rooms.get(first).apply(UiFixtures.snapshot(first, 450, Light.BLUE, clock.instant()));
        assertThat(vm.count(Light.RED)).isEqualTo(2);
        assertThat(vm.count(Light.BLUE)).isEqualTo(1);
        assertThat(vm.getCountsText()).isEqualTo("2 rot · 5 gelb · 14 grün · 1 blau · 2 ohne Daten");
    }

    @Test
    void groupsRoomsByFloorInFloorOrderAndKeepsTheRoomOrder() {
        assertThat(vm.floors()).extracting(OverviewViewModel.Floor::name)
                .containsExactly("Erdgeschoss", "1. Obergeschoss", "2. Obergeschoss");
        assertThat(vm.floors()).allSatisfy(f -> assertThat(f.rooms()).hasSize(8));
        assertThat(vm.floors().get(0).rooms()).extracting(r -> r.roomNameProperty().get())
                .startsWith("Raum 001", "Raum 002").endsWith("Lehrerzimmer");
    }
}
