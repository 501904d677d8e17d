package org.frischluft.sim;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A German school day: lessons of 45 minutes from 08:00, 5-minute changes, a 20-minute and a 15-minute break,
 * a 45-minute lunch break (the Mensa is full), two afternoon lessons; Monday to Friday. Immutable.
 */
public final class Timetable {
    /** What happens in a slot. */
    public enum Kind { LESSON, BREAK, LUNCH, OFF }

    /**
     * A part of the day.
     *
     * @param period lesson number 1–8 for a lesson, the number of the preceding lesson for a break, 0 when off
     */
    public record Slot(Kind kind, int period, LocalTime start, LocalTime end) {
        public Slot {
            Objects.requireNonNull(kind, "kind");
        }

        /** Length in minutes (0 for the open-ended off slot). */
        public long minutes() {
            return start == null || end == null ? 0 : java.time.Duration.between(start, end).toMinutes();
        }
    }

    private static final Slot OFF = new Slot(Kind.OFF, 0, null, null);
    private final List<Slot> day;

    private Timetable(List<Slot> day) {
        this.day = List.copyOf(day);
    }

    /** The usual timetable of a German Gesamtschule (Ganztag until 15:40). */
    public static Timetable german() {
        List<Slot> s = new ArrayList<>();
        LocalTime t = LocalTime.of(8, 0);
        int[] breakAfter = {5, 20, 5, 15, 5, 45, 5, 0}; // minutes after lessons 1..8; 45 = lunch
        for (int period = 1; period <= 8; period++) {
            LocalTime end = t.plusMinutes(45);
            s.add(new Slot(Kind.LESSON, period, t, end));
            int pause = breakAfter[period - 1];
            if (pause > 0) {
                s.add(new Slot(pause == 45 ? Kind.LUNCH : Kind.BREAK, period, end, end.plusMinutes(pause)));
            }
            t = end.plusMinutes(pause);
        }
        return new Timetable(s);
    }

    /** The slots of a school day in order. */
    public List<Slot> day() {
        return day;
    }

    /** The slot at a local time; {@link Kind#OFF} before the first lesson, after the last, and at weekends. */
    public Slot at(LocalDateTime time) {
        DayOfWeek dow = time.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) return OFF;
        LocalTime t = time.toLocalTime();
        for (Slot slot : day) {
            if (!t.isBefore(slot.start()) && t.isBefore(slot.end())) return slot;
        }
        return OFF;
    }

    /** Start of the first lesson. */
    public LocalTime firstLesson() {
        return day.get(0).start();
    }

    /** End of the last lesson. */
    public LocalTime lastLesson() {
        return day.get(day.size() - 1).end();
    }
}
