package org.frischluft.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.RoomId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Kiosk;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.admin.SchoolDiff.Change;
import org.junit.jupiter.api.Test;

/** The audit's view of a change: one entry per changed field, with a path people can read. */
class SchoolDiffTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static SchoolModel school() {
        return TestSchool.site("gym", "Gymnasium Nord")
                .room("r-112", "1.12", "EG", 0).sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null)
                .room("r-113", "1.13", "EG", 0)
                .kiosk(new Kiosk("k-1", RoomId.of("r-112"), null, null))
                .model();
    }

    @Test
    void theSameModelHasNoChanges() {
        assertThat(SchoolDiff.between(school(), school())).isEmpty();
    }

    @Test
    void aRoomsVolumeSeatsProfileAndDisplayAreOneEntryEach() {
        SchoolModel after = SchoolEdits.updateRoom(school(), RoomId.of("r-112"), r -> new Room(r.id(), r.name(), 200.5, 30,
                Profiles.KOMFORT, DisplayPolicy.quiet(), r.sensors()));
        assertThat(SchoolDiff.between(school(), after)).containsExactly(
                new Change("site Gymnasium Nord / room 1.12 / volume", "180", "200.5"),
                new Change("site Gymnasium Nord / room 1.12 / seats", "28", "30"),
                new Change("site Gymnasium Nord / room 1.12 / profile", "", "komfort"),
                new Change("site Gymnasium Nord / room 1.12 / display", "", DisplayPolicy.quiet().setting()));
    }

    @Test
    void addedAndRemovedRoomsSensorsAndKiosksHaveAnEmptySide() {
        SchoolModel before = school();
        SchoolModel after = SchoolEdits.removeRoom(before, RoomId.of("r-113"));
        after = SchoolEdits.addRoom(after, before.sites().get(0).id(), "main", "EG", Room.of(RoomId.of("r-114"), "1.14", 150, 25, List.of()));
        after = SchoolEdits.place(after, DeviceId.of("24e124707c481005"), RoomId.of("r-114"), null, NOW);
        assertThat(SchoolDiff.between(before, after)).containsExactly(
                new Change("site Gymnasium Nord / room 1.14", "", "Gymnasium Nord / EG"),
                new Change("site Gymnasium Nord / room 1.13", "Gymnasium Nord / EG", ""),
                new Change("sensor 24e124707c481005", "", "1.14"));
        assertThat(SchoolDiff.between(after, before)).contains(new Change("sensor 24e124707c481005", "1.14", ""));
    }

    @Test
    void aMovedSensorChangesRoomAndSince() {
        SchoolModel after = SchoolEdits.place(school(), DeviceId.of("a81758fffe05a3c1"), RoomId.of("r-113"), null, NOW);
        assertThat(SchoolDiff.between(school(), after)).containsExactly(
                new Change("sensor a81758fffe05a3c1 / room", "1.12", "1.13"),
                new Change("sensor a81758fffe05a3c1 / since", "always", "2026-03-02T09:00:00Z"));
    }

    @Test
    void profilesKiosksAndTheCalendarByName() {
        SchoolCalendar c = SchoolCalendar.germanDefault();
        List<Lesson> lessons = new ArrayList<>(c.lessons());
        lessons.add(new Lesson("9. Stunde", LocalTime.of(15, 0), LocalTime.of(15, 45)));
        SchoolCalendar withLesson = new SchoolCalendar(c.zone(), "SH", c.schoolDays(), lessons, c.hoursFrom(), c.hoursTo(),
                c.holidays(), c.holidaysIcs(), c.icsHolidays());
        SchoolModel before = school();
        SchoolModel after = TestSchool.site("gym", "Gymnasium Nord")
                .room("r-112", "1.12", "EG", 0).sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null)
                .room("r-113", "1.13", "EG", 0)
                .kiosk(new Kiosk("k-1", RoomId.of("r-113"), null, null))
                .calendar(withLesson)
                .model();
        after = new SchoolModel(after.operator(), after.defaultProfile(), List.of(new org.frischluft.rooms.Profile("streng", 1000, 1400, null)),
                after.mappings(), after.defaultModels(), after.sites());
        List<Change> changes = SchoolDiff.between(before, after);
        assertThat(changes).contains(
                new Change("profile streng", "", "yellow 1000, red 1400"),
                new Change("site Gymnasium Nord / calendar / state", c.state() == null ? "" : c.state(), "SH"),
                new Change("site Gymnasium Nord / calendar / lesson 9. Stunde", "", "15:00–15:45"),
                new Change("site Gymnasium Nord / kiosk k-1 / room", "r-112", "r-113"));
    }
}
