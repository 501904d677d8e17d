package org.frischluft.rooms;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays of a German state (Bundesland), from jollyday's kept rules (Easter-dependent days,
 * Reformationstag, Buß- und Bettag, Fronleichnam per state ...). Years are computed once and cached;
 * thread-safe.
 */
public final class PublicHolidays {
    /** The 16 states by their ISO 3166-2 code without the "DE-" prefix, as jollyday names them. */
    public static final List<String> STATES = List.of("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP",
            "SL", "SN", "ST", "SH", "TH");

    private static final HolidayManager GERMANY = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));
    private static final Map<String, PublicHolidays> BY_STATE = new ConcurrentHashMap<>();

    private final String state;
    private final Map<Integer, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

    private PublicHolidays(String state) {
        this.state = state;
    }

    /** The holidays of {@code state} (e.g. {@code SH}, case-insensitive). */
    public static PublicHolidays of(String state) {
        String s = normalise(state);
        if (!STATES.contains(s)) throw new IllegalArgumentException("unknown German state '" + state + "'");
        return BY_STATE.computeIfAbsent(s, PublicHolidays::new);
    }

    /** {@code SH} for "sh", "DE-SH", " Sh "; null stays null. */
    public static String normalise(String state) {
        if (state == null) return null;
        String s = state.strip().toUpperCase(Locale.ROOT);
        return s.startsWith("DE-") ? s.substring(3) : s;
    }

    public String state() {
        return state;
    }

    /** The public holiday's German name on {@code day}, or null if it is none. */
    public String on(LocalDate day) {
        return year(day.getYear()).get(day);
    }

    private Map<LocalDate, String> year(int year) {
        return years.computeIfAbsent(year, y -> {
            Map<LocalDate, String> days = new HashMap<>();
            for (Holiday h : GERMANY.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, state.toLowerCase(Locale.ROOT))) {
                days.put(h.getActualDate(), h.getDescription(Locale.GERMAN));
            }
            return Map.copyOf(days);
        });
    }
}
