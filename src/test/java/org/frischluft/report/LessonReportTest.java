package org.frischluft.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.store.Co2Series;
import org.junit.jupiter.api.Test;

/**
 * Lesson statistics against fixtures computed by hand. The week of 2 November 2026 (CET, UTC+1): lesson 1 is
 * 08:00–08:45 local = 07:00–07:45Z, lesson 2 08:50–09:35 = 07:50–08:35Z; readings every 5 minutes, so a reading
 * holds until the next one, at most 15 minutes (three median gaps).
 */
class LessonReportTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final RoomId ROOM = RoomId.of("r-101");
    static final LocalDate MON = LocalDate.of(2026, 11, 2);
    static final LocalDate FRI = MON.plusDays(4);
    static final SchoolCalendar CAL = new SchoolCalendar(BERLIN, null, SchoolCalendar.WEEKDAYS,
            List.of(new Lesson("1", LocalTime.of(8, 0), LocalTime.of(8, 45)), new Lesson("2", LocalTime.of(8, 50), LocalTime.of(9, 35))),
            null, null, List.of(new Holiday("Studientag", MON.plusDays(2), MON.plusDays(2))), null, List.of());

    /** The week's readings; what each lesson should give is written next to its readings. */
    static Co2Series week() {
        return Series.raw()
                // Mon L1: 9 readings of 5 min each, 800..1600: mean 1200, peak 1600, 30 min above 1000 (1100..1600)
                .at("2026-11-02T07:00:00Z", 800).every(5, 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600)
                .every(5, 1700) // 07:45, at the bell: holds into the change, in no lesson
                // Mon L2 across a gap: 07:50 900 (5 min), 07:55 1500 (held 15 min to 08:10, then silent),
                // 08:30 600 (5 min to the end): 25 of 45 min, mean (4500 + 22500 + 3000) / 25 = 1200, peak 1500
                .at("2026-11-02T07:50:00Z", 900).every(5, 1500)
                .at("2026-11-02T08:30:00Z", 600)
                // Tue L1 partial: 07:30 1200, 07:35 1300, 07:40 1400 (held to the bell): 15 of 45 min, mean 1300;
                // the last reading's hold reaches 5 min into L2 (07:50–07:55, 1400)
                .at("2026-11-03T07:30:00Z", 1200).every(5, 1300, 1400)
                // Wed is a holiday: no lessons, no events, whatever the air
                .at("2026-11-04T07:00:00Z", 3000).every(5, 3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000)
                // Thu L1: 2100 for 45 min: a Warnstufe-2 event (> 30 min); 07:45 900 holds 15 min, 10 of them in L2
                .at("2026-11-05T07:00:00Z", 2100).every(5, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100)
                .every(5, 900)
                // Fri L1: 2500 for exactly 30 min (no event: not longer than 30), then 800 held 15 min:
                // mean (2500·30 + 800·15) / 45 = 1933.3, peak 2500
                .at("2026-11-06T07:00:00Z", 2500).every(5, 2500, 2500, 2500, 2500, 2500)
                .every(5, 800)
                .build();
    }

    static LessonStats find(List<LessonStats> all, LocalDate day, String lesson) {
        return all.stream().filter(l -> l.lesson().date().equals(day) && l.lesson().lesson().name().equals(lesson))
                .findFirst().orElseThrow();
    }

    @Test
    void aFullLessonHasItsTimeWeightedMeanPeakAndMinutesAbove() {
        LessonStats l = find(LessonReport.lessons(CAL, ROOM, week(), MON, FRI), MON, "1");
        assertThat(l.meanPpm()).isCloseTo(1200, within(1e-6));
        assertThat(l.peakPpm()).isEqualTo(1600);
        assertThat(l.minutesAbove1000()).isCloseTo(30, within(1e-9));
        assertThat(l.minutesAbove2000()).isZero();
        assertThat(l.coveragePct()).isCloseTo(100, within(1e-9));
        assertThat(l.complete()).isTrue();
    }

    @Test
    void aLessonAcrossADataGapIsAveragedOverTheMinutesWithDataOnly() {
        LessonStats l = find(LessonReport.lessons(CAL, ROOM, week(), MON, FRI), MON, "2");
        assertThat(l.minutesWithData()).isCloseTo(25, within(1e-9));
        assertThat(l.meanPpm()).isCloseTo(1200, within(1e-6));
        assertThat(l.peakPpm()).isEqualTo(1500);
        assertThat(l.minutesAbove1000()).isCloseTo(15, within(1e-9));
        assertThat(Math.round(l.coveragePct())).isEqualTo(56);
        assertThat(l.complete()).isTrue();
    }

    @Test
    void aLessonWithLessThanHalfItsMinutesOfDataIsMarkedIncomplete() {
        List<LessonStats> all = LessonReport.lessons(CAL, ROOM, week(), MON, FRI);
        LessonStats l1 = find(all, MON.plusDays(1), "1");
        assertThat(l1.minutesWithData()).isCloseTo(15, within(1e-9));
        assertThat(l1.meanPpm()).isCloseTo(1300, within(1e-6));
        assertThat(l1.complete()).isFalse();
        LessonStats l2 = find(all, MON.plusDays(1), "2");
        assertThat(l2.minutesWithData()).isCloseTo(5, within(1e-9));
        assertThat(l2.meanPpm()).isEqualTo(1400);
        assertThat(find(all, MON.plusDays(3), "2").minutesWithData()).isCloseTo(10, within(1e-9));
        LessonStats empty = find(all, FRI, "2");
        assertThat(empty.hasData()).isFalse();
        assertThat(empty.meanPpm()).isNaN();
    }

    @Test
    void aHolidayHasNoLessonsAndNoEvents() {
        RoomReport r = LessonReport.room(CAL, ROOM, "R 101", week(), MON, FRI);
        assertThat(r.lessons()).hasSize(8).noneMatch(l -> l.lesson().date().equals(MON.plusDays(2)));
        assertThat(r.episodes()).extracting(e -> e.start().toString()).containsExactly("2026-11-05T07:00:00Z");
        assertThat(r.episodes().get(0).length().toMinutes()).isEqualTo(45);
    }

    @Test
    void theWeekCountsOnlyCompleteLessonsAndRaisesBothFlags() {
        RoomReport r = LessonReport.room(CAL, ROOM, "R 101", week(), MON, FRI);
        assertThat(r.weeks()).hasSize(1);
        PeriodSummary w = r.weeks().get(0);
        // complete: Mon L1 1200, Mon L2 1200, Thu L1 2100, Fri L1 1933 -> all four above 1000, three in 1000–2000
        assertThat(w.lessons()).isEqualTo(8);
        assertThat(w.complete()).isEqualTo(4);
        assertThat(w.meanAbove1000()).isEqualTo(4);
        assertThat(w.meanIn1000To2000()).isEqualTo(3);
        assertThat(w.pctMeanAbove1000()).isEqualTo(100);
        assertThat(w.warnstufe2()).isEqualTo(1);
        assertThat(w.ventilationPlanNeeded()).isTrue();
        assertThat(w.warnstufe2Flag()).isTrue();
        assertThat(w.peakPpm()).isEqualTo(2500);
        // time-weighted over complete lessons: (1200·45 + 1200·25 + 2100·45 + 1933.3·45) / 160
        assertThat(w.meanPpm()).isCloseTo((1200 * 45 + 1200 * 25 + 2100 * 45 + (75000 + 12000) / 45.0 * 45) / 160, within(1e-3));
        LessonStats fri = find(r.lessons(), FRI, "1");
        assertThat(fri.meanPpm()).isCloseTo(1933.333, within(1e-3));
        assertThat(fri.minutesAbove2000()).isCloseTo(30, within(1e-9));
    }

    @Test
    void aRoomInGoodAirNeedsNoPlanAndAThirtyMinuteRunIsNoEvent() {
        Co2Series s = Series.raw().at("2026-11-02T07:00:00Z", 2500).every(5, 2500, 2500, 2500, 2500, 2500)
                .every(5, 700, 700, 700).at("2026-11-02T07:50:00Z", 700).every(5, 700, 700, 700, 700, 700, 700, 700, 700)
                .build();
        RoomReport r = LessonReport.room(CAL, ROOM, null, s, MON, MON);
        assertThat(r.episodes()).isEmpty();
        // L1: (2500·30 + 700·15)/45 = 1900 -> in band; L2 700: 1 of 2 = 50 % -> plan
        assertThat(r.term().meanIn1000To2000()).isEqualTo(1);
        assertThat(r.term().ventilationPlanNeeded()).isTrue();
        Co2Series good = Series.raw().at("2026-11-02T07:00:00Z", 700).every(5, 700, 700, 700, 700, 700, 700, 700, 700, 700,
                700, 700, 700, 700, 700, 700, 700, 700, 700, 700).build();
        PeriodSummary t = LessonReport.room(CAL, ROOM, null, good, MON, MON).term();
        assertThat(t.ventilationPlanNeeded()).isFalse();
        assertThat(t.warnstufe2Flag()).isFalse();
        assertThat(t.pctMeanAbove1000()).isZero();
    }

    @Test
    void aTermOfSeveralWeeksCountsTheWeeksThatNeedAPlan() {
        RoomReport r = LessonReport.room(CAL, ROOM, null, week(), MON.minusWeeks(1), FRI.plusWeeks(1));
        assertThat(r.weeks()).hasSize(3);
        assertThat(r.term().weeks()).isEqualTo(3);
        assertThat(r.term().weeksNeedingPlan()).isEqualTo(1);
        assertThat(r.term().ventilationPlanNeeded()).isTrue();
        assertThat(r.term().lessons()).isEqualTo(8 + 10 + 10);
        assertThat(r.term().complete()).isEqualTo(4);
    }

    @Test
    void lessonsFollowTheLocalClockAcrossTheAutumnDstChange() {
        // Fri 23 Oct 2026 is CEST (lesson 1 at 06:00Z), Mon 26 Oct CET (07:00Z); each day 1500 at 06:xxZ, 500 at 07:xxZ
        LocalDate fri = LocalDate.of(2026, 10, 23);
        LocalDate mon = LocalDate.of(2026, 10, 26);
        Co2Series s = Series.raw()
                .at("2026-10-23T06:00:00Z", 1500).every(5, 1500, 1500, 1500, 1500, 1500, 1500, 1500, 1500)
                .every(5, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500)
                .at("2026-10-26T06:00:00Z", 1500).every(5, 1500, 1500, 1500, 1500, 1500, 1500, 1500, 1500)
                .every(5, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500)
                .build();
        List<LessonStats> all = LessonReport.lessons(CAL, ROOM, s, fri, mon);
        assertThat(find(all, fri, "1").meanPpm()).isEqualTo(1500);
        assertThat(find(all, mon, "1").meanPpm()).isEqualTo(500);
        assertThat(find(all, mon, "1").lesson().start().toString()).isEqualTo("2026-10-26T07:00:00Z");
    }

    @Test
    void aLessonAcrossTheNightTheClocksChangeLastsItsRealMinutes() {
        // a Sunday "lesson" from 01:30 to 04:00 local: 25 Oct 2026 has 3.5 real hours then, 29 Mar 2026 1.5 hours
        Set<DayOfWeek> all = EnumSet.allOf(DayOfWeek.class);
        SchoolCalendar night = new SchoolCalendar(BERLIN, null, all, List.of(new Lesson("N", LocalTime.of(1, 30), LocalTime.of(4, 0))),
                LocalTime.of(0, 0), LocalTime.of(5, 0), List.of(), null, List.of());
        Series autumn = Series.raw().at("2026-10-24T23:30:00Z", 1000);
        for (int i = 0; i < 42; i++) autumn.every(5, 1000);
        LessonStats a = LessonReport.lessons(night, ROOM, autumn.build(), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25)).get(0);
        assertThat(a.lessonMinutes()).isEqualTo(210);
        assertThat(a.minutesWithData()).isCloseTo(210, within(1e-9));
        Series spring = Series.raw().at("2026-03-29T00:30:00Z", 1000);
        for (int i = 0; i < 18; i++) spring.every(5, 1000);
        LessonStats b = LessonReport.lessons(night, ROOM, spring.build(), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29)).get(0);
        assertThat(b.lessonMinutes()).isEqualTo(90);
        assertThat(b.coveragePct()).isCloseTo(100, within(1e-9));
    }

    @Test
    void rollupBucketsStandForTheirFiveMinutesWithTheirMaximumAsPeak() {
        Co2Series s = Series.raw().bucket("2026-11-02T07:00:00Z", 900, 1300).bucket("2026-11-02T07:05:00Z", 1100, 1150)
                .bucket("2026-11-02T07:10:00Z", 2100, 2400).build();
        LessonStats l = LessonReport.lessons(CAL, ROOM, s, MON, MON).get(0);
        assertThat(l.minutesWithData()).isCloseTo(15, within(1e-9));
        assertThat(l.meanPpm()).isCloseTo((900 + 1100 + 2100) / 3.0, within(1e-3));
        assertThat(l.peakPpm()).isEqualTo(2400);
        assertThat(l.minutesAbove1000()).isCloseTo(10, within(1e-9));
        assertThat(l.complete()).isFalse();
    }

    @Test
    void theCsvHasTheContractHeaderAndLocalTimes() throws Exception {
        StringBuilder out = new StringBuilder();
        LessonCsv.header(out);
        for (LessonStats l : LessonReport.lessons(CAL, ROOM, week(), MON, MON)) LessonCsv.row(l, BERLIN, out);
        assertThat(out.toString()).isEqualTo("""
                room,date,lesson,start,end,mean_co2_ppm,peak_co2_ppm,minutes_above_1000,minutes_above_2000,coverage_pct
                r-101,2026-11-02,1,08:00,08:45,1200,1600,30,0,100
                r-101,2026-11-02,2,08:50,09:35,1200,1500,15,0,56
                """);
    }
}
