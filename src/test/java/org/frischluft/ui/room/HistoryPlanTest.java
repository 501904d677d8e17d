package org.frischluft.ui.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.frischluft.rooms.SchoolCalendar;
import org.junit.jupiter.api.Test;

class HistoryPlanTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Tuesday 25 Nov 2025. */
    private static final LocalDate DAY = LocalDate.of(2025, 11, 25);

    private static Instant at(LocalDate d, int h, int m) {
        return d.atTime(LocalTime.of(h, m)).atZone(BERLIN).toInstant();
    }

    @Test
    void todayChartsTheSchoolDayFromSevenToFiveAndCountsOnlyHoursBegunSoFar() {
        HistoryPlan plan = HistoryPlan.of(Range.TODAY, at(DAY, 10, 42), SchoolCalendar.germanDefault());
        assertThat(plan.from()).isEqualTo(at(DAY, 7, 0));
        assertThat(plan.to()).isEqualTo(at(DAY, 17, 0));
        assertThat(plan.hours()).isEqualTo(10);
        assertThat(plan.periods()).hasSize(4);
        assertThat(plan.periods().get(3).start()).isEqualTo(at(DAY, 10, 0));
        assertThat(plan.periods().get(3).spans()).singleElement()
                .satisfies(s -> assertThat(s.to()).as("never past now").isEqualTo(at(DAY, 10, 42)));
    }

    @Test
    void beforeSchoolTodayShowsTheLastTenHoursInsteadOfAnEmptyChart() {
        HistoryPlan plan = HistoryPlan.of(Range.TODAY, at(DAY, 6, 30), SchoolCalendar.germanDefault());
        assertThat(plan.lastHours()).isTrue();
        assertThat(plan.from()).isEqualTo(at(DAY.minusDays(1), 21, 0));
        assertThat(plan.to()).isEqualTo(at(DAY, 6, 30));
        assertThat(plan.periods()).hasSize(10);
        assertThat(plan.periods().get(9).spans()).singleElement()
                .satisfies(s -> assertThat(s.to()).isEqualTo(at(DAY, 6, 30)));
    }

    @Test
    void inTheEveningTodayShowsTheAfternoonAndEveningUpToNow() {
        HistoryPlan plan = HistoryPlan.of(Range.TODAY, at(DAY, 20, 15), SchoolCalendar.germanDefault());
        assertThat(plan.lastHours()).isTrue();
        assertThat(plan.from()).isEqualTo(at(DAY, 11, 0));
        assertThat(plan.axisEnd()).isEqualTo(at(DAY, 20, 15));
        assertThat(plan.periods()).extracting(HistoryPlan.Period::start).startsWith(at(DAY, 11, 0)).endsWith(at(DAY, 20, 0));
    }

    @Test
    void duringSchoolHoursTodayIsTheSchoolDay() {
        assertThat(HistoryPlan.of(Range.TODAY, at(DAY, 16, 59), SchoolCalendar.germanDefault()).lastHours()).isFalse();
    }

    @Test
    void weekHasOneSchoolHoursSpanPerWeekdayAndSkipsTheWeekend() {
        HistoryPlan plan = HistoryPlan.of(Range.WEEK, at(DAY, 18, 0), SchoolCalendar.germanDefault());
        assertThat(plan.from()).isEqualTo(at(DAY.minusDays(6), 0, 0));
        assertThat(plan.to()).isEqualTo(at(DAY, 18, 0));
        // Wed 19, Thu 20, Fri 21, Mon 24, Tue 25
        assertThat(plan.periods()).extracting(p -> p.start().atZone(BERLIN).toLocalDate().getDayOfMonth())
                .containsExactly(19, 20, 21, 24, 25);
        assertThat(plan.periods()).allSatisfy(p -> {
            assertThat(p.spans()).singleElement().satisfies(s -> {
                assertThat(s.from().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(7, 0));
                assertThat(s.to().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
            });
        });
    }

    @Test
    void monthGroupsSchoolDaysIntoCalendarWeeks() {
        HistoryPlan plan = HistoryPlan.of(Range.MONTH, at(DAY, 9, 0), SchoolCalendar.germanDefault());
        assertThat(plan.from()).isEqualTo(at(DAY.minusDays(29), 0, 0)); // Mon 27 Oct
        // the weeks of 27 Oct, 3, 10, 17 and 24 Nov
        assertThat(plan.periods()).hasSize(5);
        assertThat(plan.periods().get(0).spans()).hasSize(5);
        HistoryPlan.Period last = plan.periods().get(4);
        assertThat(last.spans()).hasSize(2); // Monday and Tuesday morning so far
        assertThat(last.spans().get(1).to()).isEqualTo(at(DAY, 9, 0));
    }
}
