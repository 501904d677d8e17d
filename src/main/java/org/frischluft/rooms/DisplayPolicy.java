package org.frischluft.rooms;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.frischluft.model.Light;

/**
 * A room's display policy, a pure function of (policy, light, now) to a {@link Brightness}:
 * <ul>
 *   <li>{@code always}: full brightness;</li>
 *   <li>{@code quiet}: dimmed while the air is fine (green or blue), full when there is something to do
 *       (yellow, red) or something is wrong (grey);</li>
 *   <li>{@code schedule}: full inside school hours (by default Mon–Fri 07:00–17:00), dimmed or blank
 *       outside them. A red room stays fully lit even then: CO2 above the red threshold means people are
 *       in the room.</li>
 * </ul>
 *
 * @param days    school days (schedule only)
 * @param from    start of school hours, inclusive
 * @param to      end of school hours, exclusive
 * @param outside brightness outside school hours, {@code DIM} or {@code BLANK}
 */
public record DisplayPolicy(Mode mode, Set<DayOfWeek> days, LocalTime from, LocalTime to, Brightness outside) {
    /** The three policies a room can choose. */
    public enum Mode { ALWAYS, QUIET, SCHEDULE }

    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    public static final LocalTime DEFAULT_FROM = LocalTime.of(7, 0);
    public static final LocalTime DEFAULT_TO = LocalTime.of(17, 0);

    public DisplayPolicy {
        Objects.requireNonNull(mode, "mode");
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        from = from == null ? DEFAULT_FROM : from;
        to = to == null ? DEFAULT_TO : to;
        outside = outside == null ? Brightness.BLANK : outside;
        if (outside == Brightness.FULL) throw new IllegalArgumentException("outside school hours must be DIM or BLANK");
        if (!from.isBefore(to)) throw new IllegalArgumentException("school hours must start before they end: " + from + "–" + to);
    }

    public static DisplayPolicy always() {
        return new DisplayPolicy(Mode.ALWAYS, WEEKDAYS, DEFAULT_FROM, DEFAULT_TO, Brightness.BLANK);
    }

    public static DisplayPolicy quiet() {
        return new DisplayPolicy(Mode.QUIET, WEEKDAYS, DEFAULT_FROM, DEFAULT_TO, Brightness.BLANK);
    }

    public static DisplayPolicy schedule(Set<DayOfWeek> days, LocalTime from, LocalTime to, Brightness outside) {
        return new DisplayPolicy(Mode.SCHEDULE, days, from, to, outside);
    }

    /**
     * Parses a room's {@code display} setting: {@code always}, {@code quiet}, {@code schedule} (Mon–Fri
     * 07:00–17:00, blank outside) or {@code schedule 07:30-16:00 dim}. Null or blank means {@code always};
     * an unknown setting is rejected with a clear message.
     */
    public static DisplayPolicy parse(String setting) {
        if (setting == null || setting.isBlank()) return always();
        String[] parts = setting.strip().toLowerCase(Locale.ROOT).split("\\s+");
        switch (parts[0]) {
            case "always": return always();
            case "quiet": return quiet();
            case "schedule": break;
            default: throw new IllegalArgumentException("unknown display policy '" + setting + "' (always, quiet, schedule)");
        }
        LocalTime from = DEFAULT_FROM;
        LocalTime to = DEFAULT_TO;
        Brightness outside = Brightness.BLANK;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("dim")) outside = Brightness.DIM;
            else if (p.equals("blank")) outside = Brightness.BLANK;
            else if (p.matches("\\d{1,2}:\\d{2}-\\d{1,2}:\\d{2}")) {
                String[] t = p.split("-");
                try {
                    from = LocalTime.parse(pad(t[0]));
                    to = LocalTime.parse(pad(t[1]));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("bad school hours '" + p + "' in display policy '" + setting + "'");
                }
            } else {
                throw new IllegalArgumentException("unknown part '" + p + "' in display policy '" + setting + "'");
            }
        }
        return schedule(WEEKDAYS, from, to, outside);
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }

    /** The brightness for {@code light} at {@code now} (local time of the school). */
    public Brightness brightness(Light light, ZonedDateTime now) {
        return switch (mode) {
            case ALWAYS -> Brightness.FULL;
            case QUIET -> light == Light.GREEN || light == Light.BLUE ? Brightness.DIM : Brightness.FULL;
            case SCHEDULE -> light == Light.RED || isSchoolTime(now) ? Brightness.FULL : outside;
        };
    }

    /** True inside school hours on a school day. */
    public boolean isSchoolTime(ZonedDateTime now) {
        LocalTime t = now.toLocalTime();
        return days.contains(now.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
    }
}
