package org.frischluft.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.rooms.Holiday;
import org.frischluft.rooms.SchoolCalendar;

/**
 * A school term from a site's calendar: the days between two school holidays of at least 5 days (the file's and
 * the {@code .ics} holidays; single public holidays do not end a term). Where the calendar knows no such holidays
 * the school half-year stands in (1 August – 31 January, 1 February – 31 July) for that side.
 */
public final class Terms {
    static final int MIN_BREAK_DAYS = 5;
    /** Holidays further away than this do not bound a term (a calendar that lists only last year's). */
    static final int LOOK_DAYS = 200;

    private Terms() {
    }

    /** The term {@code day} lies in, as {first, last} (a day in holidays gets the term after them). */
    public static LocalDate[] around(SchoolCalendar cal, LocalDate day) {
        List<Holiday> breaks = new ArrayList<>();
        for (Holiday h : cal.holidays()) if (h.to().toEpochDay() - h.from().toEpochDay() + 1 >= MIN_BREAK_DAYS) breaks.add(h);
        for (Holiday h : cal.icsHolidays()) if (h.to().toEpochDay() - h.from().toEpochDay() + 1 >= MIN_BREAK_DAYS) breaks.add(h);
        LocalDate halfStart = day.getMonthValue() >= 8 ? LocalDate.of(day.getYear(), 8, 1)
                : day.getMonthValue() == 1 ? LocalDate.of(day.getYear() - 1, 8, 1) : LocalDate.of(day.getYear(), 2, 1);
        LocalDate halfEnd = halfStart.getMonthValue() == 8 ? LocalDate.of(halfStart.getYear() + 1, 1, 31)
                : LocalDate.of(halfStart.getYear(), 7, 31);
        LocalDate start = null;
        for (Holiday h : breaks) { // the latest break that ended before the day (or holds it): the term starts after it
            if (h.from().isAfter(day) || h.to().isBefore(day.minusDays(LOOK_DAYS))) continue;
            LocalDate after = h.to().plusDays(1);
            if (start == null || after.isAfter(start)) start = after;
        }
        if (start == null) start = halfStart;
        LocalDate to = null;
        for (Holiday h : breaks) { // the first break after the term's start ends it
            if (!h.from().isAfter(start) || h.from().isAfter(start.plusDays(LOOK_DAYS))) continue;
            LocalDate before = h.from().minusDays(1);
            if (to == null || before.isBefore(to)) to = before;
        }
        return new LocalDate[] {start, to == null ? halfEnd : to};
    }
}
