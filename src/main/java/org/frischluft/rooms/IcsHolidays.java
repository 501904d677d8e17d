package org.frischluft.rooms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * School holidays from an iCalendar file, as the education ministries and schulferien.org publish them: one
 * all-day {@code VEVENT} per holiday ({@code DTSTART;VALUE=DATE:20261221}, {@code DTEND} the day after the
 * last, as RFC 5545 says), its {@code SUMMARY} the name. Timed events count from the day they start to the
 * day they end.
 */
public final class IcsHolidays {
    static {
        // the ministries' files are not always strict RFC 5545 (folding, missing PRODID ...)
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
    }

    private IcsHolidays() {
    }

    /** Reads the holidays of {@code file}; dates of timed events in {@code zone}. */
    public static List<Holiday> read(Path file, ZoneId zone) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), zone);
        }
    }

    /**
     * @throws IOException also when the text is no iCalendar (the message says where)
     */
    public static List<Holiday> read(Reader in, ZoneId zone) throws IOException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(in);
        } catch (ParserException e) {
            throw new IOException("not an iCalendar file (line " + e.getLineNo() + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("not an iCalendar file: " + e.getMessage(), e);
        }
        List<Holiday> out = new ArrayList<>();
        for (CalendarComponent c : calendar.<CalendarComponent>getComponents()) {
            if (!(c instanceof VEvent event)) continue;
            Optional<Temporal> start = event.getStartDate().map(d -> (Temporal) d.getDate());
            if (start.isEmpty()) continue;
            LocalDate from = day(start.get(), zone, false);
            LocalDate to = event.getEndDate().map(d -> day((Temporal) d.getDate(), zone, true)).orElse(from);
            if (to.isBefore(from)) to = from;
            String name = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("").strip();
            out.add(new Holiday(name, from, to));
        }
        out.sort(Comparator.comparing(Holiday::from));
        return List.copyOf(out);
    }

    /** The calendar day of a DTSTART / DTEND value; an end is exclusive (a date end is the day after the last). */
    private static LocalDate day(Temporal t, ZoneId zone, boolean end) {
        if (t instanceof LocalDate d) return end ? d.minusDays(1) : d;
        Instant instant;
        if (t instanceof ZonedDateTime z) instant = z.toInstant();
        else if (t instanceof OffsetDateTime o) instant = o.toInstant();
        else if (t instanceof Instant i) instant = i;
        else if (t instanceof LocalDateTime l) instant = l.atZone(zone).toInstant();
        else throw new IllegalArgumentException("unsupported date " + t);
        return (end ? instant.minusNanos(1) : instant).atZone(zone).toLocalDate();
    }
}
