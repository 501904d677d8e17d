package org.frischluft.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolCalendar.LessonTime;
import org.frischluft.store.Co2Series;

/**
 * Lesson statistics of one room from its site's calendar (bell schedule, school days, holidays, zone): per lesson
 * the time-weighted mean, the peak and the minutes above 1000 and 2000 ppm; per week (Monday to Sunday) and for
 * the whole period the share of lessons with a mean above 1000 ppm, Warnstufe-2 events and the flags. Pure
 * arithmetic over a {@link Co2Series}; thread-safe.
 */
public final class LessonReport {
    private LessonReport() {
    }

    /** The instants a room's data must cover for a report of days {@code from..to} (with a reading just before). */
    public static Instant[] range(SchoolCalendar cal, LocalDate from, LocalDate to) {
        Instant a = from.atStartOfDay(cal.zone()).toInstant().minusMillis(Samples.MAX_HOLD_MS);
        Instant b = to.plusDays(1).atStartOfDay(cal.zone()).toInstant();
        return new Instant[] {a, b};
    }

    /** Every lesson held on days {@code from..to} (included), in time order. */
    public static List<LessonStats> lessons(SchoolCalendar cal, RoomId room, Co2Series co2, LocalDate from, LocalDate to) {
        return lessons(cal, room, Samples.of(co2), from, to);
    }

    static List<LessonStats> lessons(SchoolCalendar cal, RoomId room, Samples s, LocalDate from, LocalDate to) {
        List<LessonStats> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (LessonTime l : cal.lessonsOn(d)) out.add(lesson(room, l, s));
        }
        return out;
    }

    static LessonStats lesson(RoomId room, LessonTime l, Samples s) {
        long a = l.start().toEpochMilli();
        long b = l.end().toEpochMilli();
        double covered = 0, sum = 0, above1 = 0, above2 = 0, peak = Double.NaN;
        for (int i = s.firstReaching(a); i < s.n && s.start[i] < b; i++) {
            long ov = Math.min(s.end[i], b) - Math.max(s.start[i], a);
            if (ov <= 0) continue;
            covered += ov;
            sum += s.value[i] * ov;
            if (s.value[i] > Thresholds.CONSPICUOUS) above1 += ov;
            if (s.value[i] > Thresholds.UNACCEPTABLE) above2 += ov;
            peak = Double.isNaN(peak) ? s.peak[i] : Math.max(peak, s.peak[i]);
        }
        double len = b - a;
        double mean = covered == 0 ? Double.NaN : sum / covered;
        return new LessonStats(room, l, mean, peak, Math.min(len, above1) / 60_000.0, Math.min(len, above2) / 60_000.0,
                Math.min(len, covered) / 60_000.0);
    }

    /**
     * Warnstufe-2 events on school days {@code from..to}: runs of data above 2000 ppm without a gap, inside the
     * school hours, longer than 30 minutes. A run is cut where the data stops (a gap is not "still above").
     */
    static List<Episode> warnstufe2(SchoolCalendar cal, RoomId room, Samples s, LocalDate from, LocalDate to) {
        List<Episode> out = new ArrayList<>();
        long minLen = Thresholds.WARNSTUFE_2.toMillis();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            var hours = cal.schoolHours(d);
            if (hours.isEmpty()) continue;
            long a = hours.get().from().toEpochMilli();
            long b = hours.get().to().toEpochMilli();
            long runStart = -1, runEnd = -1;
            double runPeak = Double.NaN;
            for (int i = s.firstReaching(a); i < s.n && s.start[i] < b; i++) {
                long st = Math.max(s.start[i], a);
                long en = Math.min(s.end[i], b);
                if (en <= st) continue;
                boolean high = s.value[i] > Thresholds.UNACCEPTABLE;
                if (high && runStart >= 0 && st <= runEnd) {
                    runEnd = Math.max(runEnd, en);
                    runPeak = Math.max(runPeak, s.peak[i]);
                    continue;
                }
                if (runStart >= 0 && runEnd - runStart > minLen) out.add(episode(room, runStart, runEnd, runPeak));
                runStart = high ? st : -1;
                runEnd = high ? en : -1;
                runPeak = high ? s.peak[i] : Double.NaN;
            }
            if (runStart >= 0 && runEnd - runStart > minLen) out.add(episode(room, runStart, runEnd, runPeak));
        }
        return out;
    }

    private static Episode episode(RoomId room, long a, long b, double peak) {
        return new Episode(room, Instant.ofEpochMilli(a), Instant.ofEpochMilli(b), peak);
    }

    /** The whole report of one room over days {@code from..to}. */
    public static RoomReport room(SchoolCalendar cal, RoomId room, String roomName, Co2Series co2, LocalDate from,
                                  LocalDate to) {
        Samples s = Samples.of(co2);
        List<LessonStats> lessons = lessons(cal, room, s, from, to);
        List<Episode> episodes = warnstufe2(cal, room, s, from, to);
        List<PeriodSummary> weeks = new ArrayList<>();
        LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate w = monday; !w.isAfter(to); w = w.plusWeeks(1)) {
            LocalDate wFrom = w.isBefore(from) ? from : w;
            LocalDate wTo = w.plusDays(6).isAfter(to) ? to : w.plusDays(6);
            weeks.add(summary(room, wFrom, wTo, lessons, episodes, List.of(), cal));
        }
        PeriodSummary term = summary(room, from, to, lessons, episodes, weeks, cal);
        return new RoomReport(room, roomName == null ? room.value() : roomName, lessons, weeks, term, episodes);
    }

    /**
     * Sums the lessons and events of days {@code from..to}. For a week ({@code weeks} empty) the plan flag is its
     * own share; for a longer period it counts the weeks that needed a plan.
     */
    static PeriodSummary summary(RoomId room, LocalDate from, LocalDate to, List<LessonStats> lessons,
                                 List<Episode> episodes, List<PeriodSummary> weeks, SchoolCalendar cal) {
        int held = 0, complete = 0, above = 0, band = 0;
        double sum = 0, minutes = 0, peak = Double.NaN;
        for (LessonStats l : lessons) {
            LocalDate d = l.lesson().date();
            if (d.isBefore(from) || d.isAfter(to)) continue;
            held++;
            if (l.hasData()) peak = Double.isNaN(peak) ? l.peakPpm() : Math.max(peak, l.peakPpm());
            if (!l.complete()) continue;
            complete++;
            sum += l.meanPpm() * l.minutesWithData();
            minutes += l.minutesWithData();
            if (l.meanPpm() > Thresholds.CONSPICUOUS) above++;
            if (l.meanPpm() > Thresholds.CONSPICUOUS && l.meanPpm() <= Thresholds.UNACCEPTABLE) band++;
        }
        int events = 0;
        for (Episode e : episodes) {
            LocalDate d = e.start().atZone(cal.zone()).toLocalDate();
            if (!d.isBefore(from) && !d.isAfter(to)) events++;
        }
        int nWeeks;
        int planWeeks;
        if (weeks.isEmpty()) {
            nWeeks = 1;
            planWeeks = complete > 0 && band >= Thresholds.VENTILATION_PLAN_SHARE * complete ? 1 : 0;
        } else {
            nWeeks = weeks.size();
            planWeeks = (int) weeks.stream().filter(PeriodSummary::ventilationPlanNeeded).count();
        }
        return new PeriodSummary(room, from, to, held, complete, above, band, events, nWeeks, planWeeks,
                minutes == 0 ? Double.NaN : sum / minutes, peak);
    }
}
