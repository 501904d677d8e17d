package org.frischluft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.sim.Timetable.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        SchoolCalendar calendar = DemoSchool.calendar();
        Instant tuesdayMorning = LocalDateTime.parse("2026-11-24T10:00").atZone(berlin).toInstant();
        assertThat(SchoolSimulation.demoStart(tuesdayMorning, calendar)).isEqualTo(tuesdayMorning);
        Instant saturdayEvening = LocalDateTime.parse("2026-11-28T20:00").atZone(berlin).toInstant();
        assertThat(SchoolSimulation.demoStart(saturdayEvening, calendar))
                .isEqualTo(LocalDateTime.parse("2026-11-30T07:40").atZone(berlin).toInstant());
        Instant mondayDawn = LocalDateTime.parse("2026-11-23T05:00").atZone(berlin).toInstant();
        assertThat(SchoolSimulation.demoStart(mondayDawn, calendar))
                .isEqualTo(LocalDateTime.parse("2026-11-23T07:40").atZone(berlin).toInstant());
        Instant christmas = LocalDateTime.parse("2026-12-22T10:00").atZone(berlin).toInstant();
        assertThat(SchoolSimulation.demoStart(christmas, calendar)).as("after the Christmas holidays and Epiphany")
                .isEqualTo(LocalDateTime.parse("2027-01-07T07:40").atZone(berlin).toInstant());
    }

    @Test
    void theDayComesFromTheCalendarLessonsWithItsGapsAsBreaksAndNoSchoolOnHolidays() {
        SchoolCalendar calendar = new SchoolCalendar(ZoneId.of("Europe/Berlin"), "SH", SchoolCalendar.WEEKDAYS,
                List.of(new Lesson("1", LocalTime.of(7, 45), LocalTime.of(9, 15)),
                        new Lesson("2", LocalTime.of(9, 35), LocalTime.of(11, 5)),
                        new Lesson("3", LocalTime.of(11, 50), LocalTime.of(13, 20))),
                null, null, List.of(), null, List.of());
        Timetable t = Timetable.of(calendar);
        assertThat(t.day()).extracting(Timetable.Slot::kind)
                .containsExactly(Kind.LESSON, Kind.BREAK, Kind.LESSON, Kind.LUNCH, Kind.LESSON);
        assertThat(t.at(LocalDateTime.parse("2026-12-01T09:20")).kind()).isEqualTo(Kind.BREAK);
        assertThat(t.at(LocalDateTime.parse("2026-12-01T12:00")).period()).isEqualTo(3);
        assertThat(t.at(LocalDateTime.parse("2026-12-25T10:00")).kind()).as("Christmas Day").isEqualTo(Kind.OFF);
    }
}
