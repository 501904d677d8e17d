package org.frischluft.rooms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import org.frischluft.model.Light;

/**
 * A room's display policy, a pure function of (policy, light, now, the site's calendar) to a {@link Brightness}:
 * <ul>
 *   <li>{@code always}: full brightness;</li>
 *   <li>{@code quiet}: dimmed while the air is fine (green or blue), full when there is something to do
 *       (yellow, red) or something is wrong (grey);</li>
 *   <li>{@code schedule}: full inside school time as the site's calendar has it (school days that are no
 *       holiday, within its school hours, or within the policy's own hours), dimmed or blank outside it. A red
 *       room stays fully lit even then: CO2 above the red threshold means people are in the room.</li>
 * </ul>
 *
 * @param from    own start of the school hours, or null for the calendar's
 * @param to      own end, or null for the calendar's (both or neither)
 * @param outside brightness outside school time, {@code DIM} or {@code BLANK}
 */
public record DisplayPolicy(Mode mode, LocalTime from, LocalTime to, Brightness outside) {
    /** The three policies a room can choose. */
    public enum Mode { ALWAYS, QUIET, SCHEDULE }

    public DisplayPolicy {
        Objects.requireNonNull(mode, "mode");
        outside = outside == null ? Brightness.BLANK : outside;
        if (outside == Brightness.FULL) throw new IllegalArgumentException("outside school hours must be DIM or BLANK");
        if ((from == null) != (to == null)) throw new IllegalArgumentException("own school hours need a start and an end");
        if (from != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("school hours must start before they end: " + from + "–" + to);
        }
    }

    public static DisplayPolicy always() {
        return new DisplayPolicy(Mode.ALWAYS, null, null, Brightness.BLANK);
    }

    public static DisplayPolicy quiet() {
        return new DisplayPolicy(Mode.QUIET, null, null, Brightness.BLANK);
    }

    /** Lit in school time as the calendar has it. */
    public static DisplayPolicy schedule(Brightness outside) {
        return new DisplayPolicy(Mode.SCHEDULE, null, null, outside);
    }

    /** Lit on school days between {@code from} and {@code to}. */
    public static DisplayPolicy schedule(LocalTime from, LocalTime to, Brightness outside) {
        return new DisplayPolicy(Mode.SCHEDULE, from, to, outside);
    }

    /**
     * Parses a {@code display} setting: {@code always}, {@code quiet}, {@code schedule} (school time of the
     * calendar, blank outside), {@code schedule dim} or {@code schedule 07:30-16:00 dim}. Null or blank means
     * {@code always}.
     *
     * @throws IllegalArgumentException for anything else, naming the part that is wrong
     */
    public static DisplayPolicy parse(String setting) {
        if (setting == null || setting.isBlank()) return always();
        String[] parts = setting.strip().toLowerCase(Locale.ROOT).split("\\s+");
        switch (parts[0]) {
            case "always": if (parts.length == 1) return always(); break;
            case "quiet": if (parts.length == 1) return quiet(); break;
            case "schedule": break;
            default: throw new IllegalArgumentException("unknown display policy '" + setting + "' (always, quiet, schedule)");
        }
        if (!parts[0].equals("schedule")) {
            throw new IllegalArgumentException("'" + parts[0] + "' takes no further words in '" + setting + "'");
        }
        LocalTime from = null;
        LocalTime to = null;
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
                if (!from.isBefore(to)) {
                    throw new IllegalArgumentException("school hours '" + p + "' must start before they end");
                }
            } else {
                throw new IllegalArgumentException("unknown part '" + p + "' in display policy '" + setting + "'");
            }
        }
        return new DisplayPolicy(Mode.SCHEDULE, from, to, outside);
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }

    /** The setting that {@link #parse} reads back to this policy. */
    public String setting() {
        return switch (mode) {
            case ALWAYS -> "always";
            case QUIET -> "quiet";
            case SCHEDULE -> "schedule" + (from == null ? "" : " " + from + "-" + to) + (outside == Brightness.DIM ? " dim" : "");
        };
    }

    /** The brightness for {@code light} at {@code now}, with the site's {@code calendar}. */
    public Brightness brightness(Light light, Instant now, SchoolCalendar calendar) {
        return switch (mode) {
            case ALWAYS -> Brightness.FULL;
            case QUIET -> light == Light.GREEN || light == Light.BLUE ? Brightness.DIM : Brightness.FULL;
            case SCHEDULE -> light == Light.RED || isSchoolTime(now, calendar) ? Brightness.FULL : outside;
        };
    }

    /** School time for this policy: the calendar's, or its school days within the policy's own hours. */
    public boolean isSchoolTime(Instant now, SchoolCalendar calendar) {
        if (from == null) return calendar.isSchoolTime(now);
        ZonedDateTime local = now.atZone(calendar.zone());
        LocalTime t = local.toLocalTime();
        return calendar.isSchoolDay(local.toLocalDate()) && !t.isBefore(from) && t.isBefore(to);
    }
}
