package org.frischluft.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchoolCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final SchoolCalendar SH = SchoolCalendar.germanDefault().withState("SH").withHolidays(List.of(
            new Holiday("Weihnachtsferien", LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 6))));

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        // public holidays of the state, from jollyday
        "SH, 2026-10-03, Tag der Deutschen Einheit",
        "SH, 2026-10-31, Reformationstag",
        "SH, 2027-03-26, Karfreitag",
        "SH, 2027-05-06, Christi Himmelfahrt",
        "BY, 2026-06-04, Fronleichnam",
        "SN, 2026-11-18, Buß- und Bettag",
        "BE, 2027-03-08, Internationaler Frauentag",
    })
    void publicHolidaysOfTheStateAreNoSchoolDays(String state, String day, String name) {
        SchoolCalendar c = SchoolCalendar.germanDefault().withState(state);
        assertThat(c.holiday(LocalDate.parse(day))).hasValueSatisfying(n -> assertThat(n).contains(name.split(" ")[0]));
        assertThat(c.isSchoolDay(LocalDate.parse(day))).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} is a school day")
    @CsvSource({"SH, 2026-06-04", "SH, 2026-11-18", "BY, 2026-10-30", "SH, 2027-03-08"})
    void anotherStatesHolidayIsAnOrdinarySchoolDay(String state, String day) {
        assertThat(SchoolCalendar.germanDefault().withState(state).isSchoolDay(LocalDate.parse(day))).isTrue();
    }

    @Test
    void weekendsAndSchoolHolidaysHaveNoLessonsAndNoSchoolTime() {
        assertThat(SH.lessonsOn(LocalDate.of(2026, 12, 1))).hasSize(8);
        assertThat(SH.lessonsOn(LocalDate.of(2026, 12, 5))).as("Saturday").isEmpty();
        assertThat(SH.lessonsOn(LocalDate.of(2026, 12, 22))).as("Christmas holidays").isEmpty();
        assertThat(SH.holiday(LocalDate.of(2027, 1, 6))).contains("Weihnachtsferien");
        assertThat(SH.isSchoolDay(LocalDate.of(2027, 1, 7))).isTrue();
        assertThat(SH.isSchoolTime(berlin("2026-12-01T07:00"))).isTrue();
        assertThat(SH.isSchoolTime(berlin("2026-12-01T06:59"))).isFalse();
        assertThat(SH.isSchoolTime(berlin("2026-12-01T17:00"))).isFalse();
        assertThat(SH.isSchoolTime(berlin("2026-12-22T10:00"))).isFalse();
    }

    @Test
    void theLessonAtAMomentAndTheSchoolDayBeforeAHoliday() {
        assertThat(SH.lessonAt(berlin("2026-12-01T09:00"))).hasValueSatisfying(l -> {
            assertThat(l.lesson().name()).isEqualTo("2");
            assertThat(l.start()).isEqualTo(berlin("2026-12-01T08:50"));
            assertThat(l.end()).isEqualTo(berlin("2026-12-01T09:35"));
        });
        assertThat(SH.lessonAt(berlin("2026-12-01T09:40"))).as("the big break").isEmpty();
        assertThat(SH.schoolDayOnOrBefore(LocalDate.of(2026, 12, 27))).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(SH.schoolDayOnOrAfter(LocalDate.of(2026, 12, 19))).isEqualTo(LocalDate.of(2027, 1, 7));
    }

    @Test
    void lessonsOnTheDaysClocksChangeKeepTheirLocalTimesAndLengths() {
        SchoolCalendar everyDay = new SchoolCalendar(BERLIN, null, java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                List.of(new Lesson("nacht", LocalTime.of(1, 30), LocalTime.of(3, 30)), new Lesson("1", LocalTime.of(8, 0), LocalTime.of(8, 45))),
                LocalTime.of(0, 0), LocalTime.of(23, 0), List.of(), null, List.of());
        // 29 March 2026: 02:00 becomes 03:00; 25 October 2026: 03:00 becomes 02:00
        var spring = everyDay.lessonsOn(LocalDate.of(2026, 3, 29));
        assertThat(spring.get(1).start()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(Duration.between(spring.get(1).start(), spring.get(1).end())).isEqualTo(Duration.ofMinutes(45));
        assertThat(Duration.between(spring.get(0).start(), spring.get(0).end())).as("an hour shorter").isEqualTo(Duration.ofHours(1));
        var autumn = everyDay.lessonsOn(LocalDate.of(2026, 10, 25));
        assertThat(autumn.get(1).start()).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
        assertThat(Duration.between(autumn.get(0).start(), autumn.get(0).end())).as("an hour longer").isEqualTo(Duration.ofHours(3));
        assertThat(everyDay.schoolHours(LocalDate.of(2026, 3, 29)).orElseThrow().from()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    }

    @Test
    void schoolHoursWidenToTheLessonsAndAnUnknownStateIsRefused() {
        SchoolCalendar late = new SchoolCalendar(BERLIN, null, SchoolCalendar.WEEKDAYS,
                List.of(new Lesson("1", LocalTime.of(6, 45), LocalTime.of(7, 30)), new Lesson("9", LocalTime.of(17, 0), LocalTime.of(18, 30))),
                null, null, List.of(), null, List.of());
        assertThat(late.hoursFrom()).isEqualTo(LocalTime.of(6, 45));
        assertThat(late.hoursTo()).isEqualTo(LocalTime.of(18, 30));
        assertThatThrownBy(() -> SchoolCalendar.germanDefault().withState("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SchoolCalendar.germanDefault().withState("de-sh").state()).isEqualTo("SH");
    }
}
