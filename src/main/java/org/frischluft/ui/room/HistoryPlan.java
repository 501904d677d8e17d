package org.frischluft.ui.room;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.frischluft.rooms.SchoolCalendar;

/**
 * What to ask the history for one {@link Range}: the chart's time span and the periods of the stats table,
 * each measured over the school hours of the site's {@link SchoolCalendar} only, so nights, weekends, holidays
 * and public holidays do not water down a mean.
 *
 * <ul>
 *   <li>{@link Range#TODAY}: the chart over today's school hours, one period per hour up to now; outside them
 *   (before 7, after 17 h, at the weekend) the last hours instead, as many as the school hours are long, so an
 *   evening look shows the afternoon and evening rather than an empty chart</li>
 *   <li>{@link Range#WEEK}: the chart over the last 7 days (from midnight six days ago), one period per school day</li>
 *   <li>{@link Range#MONTH}: the chart over the last 30 days, one period per calendar week (its school days)</li>
 * </ul>
 *
 * @param from    start of the chart
 * @param to      end of the chart's axis (for today 17:00, even before then)
 * @param periods the stats table's rows in time order
 * @param lastHours true when {@link Range#TODAY} shows the last hours up to now (outside school hours)
 */
public record HistoryPlan(Range range, Instant from, Instant to, ZoneId zone, List<Period> periods, boolean lastHours) {
    /** One half-open time span {@code [from, to)}. */
    public record Span(Instant from, Instant to) {
        public Span {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) throw new IllegalArgumentException("empty span");
        }

        public Duration length() {
            return Duration.between(from, to);
        }
    }

    /** One row of the stats table: its label time span and the school-hour spans it is measured over. */
    public record Period(Instant start, Instant end, List<Span> spans) {
        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            spans = List.copyOf(spans);
        }
    }

    public HistoryPlan {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        periods = List.copyOf(periods);
    }

    public HistoryPlan(Range range, Instant from, Instant to, ZoneId zone, List<Period> periods) {
        this(range, from, to, zone, periods, false);
    }

    /** The plan for {@code range} at {@code now} on the site's {@code calendar}; spans never reach past {@code now}. */
    public static HistoryPlan of(Range range, Instant now, SchoolCalendar calendar) {
        ZoneId zone = calendar.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (range) {
            case TODAY -> today(today, now, calendar);
            case WEEK -> days(today, now, calendar);
            case MONTH -> weeks(today, now, calendar);
        };
    }

    /** Today's school hours, hour by hour (also on a day without school: someone may look on a Saturday). */
    private static HistoryPlan today(LocalDate today, Instant now, SchoolCalendar calendar) {
        ZoneId zone = calendar.zone();
        Instant from = calendar.at(today, calendar.hoursFrom());
        Instant to = calendar.at(today, calendar.hoursTo());
        if (to.isAfter(from) && (now.isBefore(from) || !now.isBefore(to))) {
            return lastHours(now, zone, Duration.between(from, to));
        }
        List<Period> periods = new ArrayList<>();
        for (LocalTime h = calendar.hoursFrom(); h.isBefore(calendar.hoursTo()); h = h.plusHours(1)) {
            Instant s = calendar.at(today, h);
            LocalTime next = h.plusHours(1);
            Instant e = next.isAfter(calendar.hoursTo()) || next.isBefore(h) ? to : calendar.at(today, next);
            if (!s.isBefore(now)) break;
            if (e.isAfter(s)) periods.add(new Period(s, e, List.of(new Span(s, min(e, now)))));
            if (next.isBefore(h)) break; // past midnight
        }
        return new HistoryPlan(Range.TODAY, from, to, zone, periods);
    }

    /** The last hours up to {@code now}, whole hours from the first, one period per hour. */
    private static HistoryPlan lastHours(Instant now, ZoneId zone, Duration length) {
        long hours = Math.max(1, (length.toMinutes() + 59) / 60);
        Instant currentHour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        Instant from = currentHour.minus(Duration.ofHours(hours - 1));
        List<Period> periods = new ArrayList<>();
        for (Instant s = from; s.isBefore(now); s = s.plus(Duration.ofHours(1))) {
            Instant e = s.plus(Duration.ofHours(1));
            periods.add(new Period(s, e, List.of(new Span(s, min(e, now)))));
        }
        return new HistoryPlan(Range.TODAY, from, now, zone, periods, true);
    }

    private static HistoryPlan days(LocalDate today, Instant now, SchoolCalendar calendar) {
        ZoneId zone = calendar.zone();
        LocalDate first = today.minusDays(6);
        List<Period> periods = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            schoolHours(d, now, calendar).ifPresent(span -> periods.add(new Period(span.from(), span.to(), List.of(span))));
        }
        return new HistoryPlan(Range.WEEK, first.atStartOfDay(zone).toInstant(), now, zone, periods);
    }

    private static HistoryPlan weeks(LocalDate today, Instant now, SchoolCalendar calendar) {
        ZoneId zone = calendar.zone();
        LocalDate first = today.minusDays(29);
        List<Period> periods = new ArrayList<>();
        LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate w = monday; !w.isAfter(today); w = w.plusWeeks(1)) {
            List<Span> spans = new ArrayList<>();
            for (LocalDate d = w; d.isBefore(w.plusDays(7)); d = d.plusDays(1)) {
                if (d.isBefore(first) || d.isAfter(today)) continue;
                schoolHours(d, now, calendar).ifPresent(spans::add);
            }
            if (!spans.isEmpty()) {
                periods.add(new Period(spans.get(0).from(), spans.get(spans.size() - 1).to(), spans));
            }
        }
        return new HistoryPlan(Range.MONTH, first.atStartOfDay(zone).toInstant(), now, zone, periods);
    }

    /** The school hours of a school day up to {@code now}; empty for a day without school or still to come. */
    private static java.util.Optional<Span> schoolHours(LocalDate d, Instant now, SchoolCalendar calendar) {
        return calendar.schoolHours(d).flatMap(h -> {
            Instant e = min(h.to(), now);
            return e.isAfter(h.from()) ? java.util.Optional.of(new Span(h.from(), e)) : java.util.Optional.empty();
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** End of the chart's time axis: 17:00 for today, else the midnight after {@code to} (whole days). */
    public Instant axisEnd() {
        if (range == Range.TODAY) return to;
        return to.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Length of the chart's axis in hours. */
    public double hours() {
        return from.until(axisEnd(), ChronoUnit.SECONDS) / 3600.0;
    }
}
