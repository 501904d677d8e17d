package org.frischluft.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.SchoolCalendar;
import org.junit.jupiter.api.Test;

class TermsTest {
    static final SchoolCalendar SH = SchoolCalendar.germanDefault().withHolidays(List.of(
            new Holiday("Herbstferien", LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 24)),
            new Holiday("Studientag", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)),
            new Holiday("Weihnachtsferien", LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 6))));

    @Test
    void aTermRunsFromTheEndOfOneHolidayToTheStartOfTheNextAndASingleDayDoesNotEndIt() {
        assertThat(Terms.around(SH, LocalDate.of(2026, 12, 2)))
                .containsExactly(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 12, 20));
    }

    @Test
    void aDayInTheHolidaysGetsTheTermAfterThem() {
        assertThat(Terms.around(SH, LocalDate.of(2026, 10, 15))[0]).isEqualTo(LocalDate.of(2026, 10, 25));
    }

    @Test
    void withoutHolidaysTheHalfYearStandsIn() {
        assertThat(Terms.around(SchoolCalendar.germanDefault(), LocalDate.of(2027, 1, 15)))
                .containsExactly(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 1, 31));
        assertThat(Terms.around(SH, LocalDate.of(2027, 1, 15)))
                .containsExactly(LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 31)); // the school half-year (Zeugnisse) ends it
    }
}
