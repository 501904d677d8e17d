package org.frischluft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.frischluft.sim.Timetable.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimetableTest {
    private final Timetable timetable = Timetable.german();

    @ParameterizedTest(name = "{0} is {1} (period {2})")
    @CsvSource({
            "2026-11-23T07:59, OFF, 0",
            "2026-11-23T08:00, LESSON, 1",
            "2026-11-23T08:44, LESSON, 1",
            "2026-11-23T08:47, BREAK, 1",
            "2026-11-23T08:50, LESSON, 2",
            "2026-11-23T09:40, BREAK, 2",
            "2026-11-23T09:55, LESSON, 3",
            "2026-11-23T11:35, BREAK, 4",
            "2026-11-23T13:30, LUNCH, 6",
            "2026-11-23T14:10, LESSON, 7",
            "2026-11-23T15:39, LESSON, 8",
            "2026-11-23T15:40, OFF, 0",
            "2026-11-27T10:00, LESSON, 3",
            "2026-11-28T10:00, OFF, 0",
            "2026-11-29T10:00, OFF, 0"})
    void slotAtTimeTellsLessonsFromBreaks(String time, Kind kind, int period) {
        Timetable.Slot slot = timetable.at(LocalDateTime.parse(time));
        assertThat(slot.kind()).isEqualTo(kind);
        assertThat(slot.period()).isEqualTo(period);
    }

    @Test
    void dayHasEightLessonsOfFortyFiveMinutesWithShortAndLongBreaksAndLunch() {
        assertThat(timetable.day()).filteredOn(s -> s.kind() == Kind.LESSON).hasSize(8)
                .allSatisfy(s -> assertThat(s.minutes()).isEqualTo(45));
        assertThat(timetable.day()).filteredOn(s -> s.kind() == Kind.BREAK).extracting(Timetable.Slot::minutes)
                .containsExactly(5L, 20L, 5L, 15L, 5L, 5L);
        assertThat(timetable.day()).filteredOn(s -> s.kind() == Kind.LUNCH).extracting(Timetable.Slot::minutes)
                .containsExactly(45L);
        assertThat(timetable.firstLesson()).isEqualTo(LocalTime.of(8, 0));
        for (int i = 1; i < timetable.day().size(); i++) {
            assertThat(timetable.day().get(i).start()).isEqualTo(timetable.day().get(i - 1).end());
        }
    }

    @Test
    void demoStartsNowDuringSchoolHoursElseOnTheNextSchoolMorning() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant tuesdayMorning = LocalDateTime.parse("2026-11-24T10:00").atZone(berlin).toInstant();
        assertThat(SchoolSimulation.demoStart(tuesdayMorning, berlin)).isEqualTo(tuesdayMorning);
        Instant saturdayEvening = LocalDateTime.parse("2026-11-28T20:00").atZone(berlin).toInstant();
        assertThat(SchoolSimulation.demoStart(saturdayEvening, berlin))
                .isEqualTo(LocalDateTime.parse("2026-11-30T07:40").atZone(berlin).toInstant());
        Instant mondayDawn = LocalDateTime.parse("2026-11-23T05:00").atZone(berlin).toInstant();
        assertThat(SchoolSimulation.demoStart(mondayDawn, berlin))
                .isEqualTo(LocalDateTime.parse("2026-11-23T07:40").atZone(berlin).toInstant());
    }
}
