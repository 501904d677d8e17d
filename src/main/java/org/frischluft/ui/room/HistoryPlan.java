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

/**
 * What to ask the history for one {@link Range}: the chart's time span and the periods of the stats table,
 * each measured over school hours only (07:00–17:00 in the school's zone), so nights and weekends do not
 * water down a mean.
 *
 * <ul>
 *   <li>{@link Range#TODAY}: the chart from 07:00 to 17:00 today, one period per hour up to now</li>
 *   <li>{@link Range#WEEK}: the chart over the last 7 days (from midnight six days ago), one period per weekday</li>
 *   <li>{@link Range#MONTH}: the chart over the last 30 days, one period per calendar week (its weekdays)</li>
 * </ul>
 *
 * @param from    start of the chart
 * @param to      end of the chart's axis (for today 17:00, even before then)
 * @param periods the stats table's rows in time order
 */
public record HistoryPlan(Range range, Instant from, Instant to, ZoneId zone, List<Period> periods) {
    /** School hours over which a period is measured. */
    public static final LocalTime SCHOOL_START = LocalTime.of(7, 0);
    public static final LocalTime SCHOOL_END = LocalTime.of(17, 0);

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

    /** The plan for {@code range} at {@code now}; spans never reach past {@code now}. */
    public static HistoryPlan of(Range range, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (range) {
            case TODAY -> today(today, now, zone);
            case WEEK -> days(today, now, zone);
            case MONTH -> weeks(today, now, zone);
        };
    }

    private static HistoryPlan today(LocalDate today, Instant now, ZoneId zone) {
        Instant from = today.atTime(SCHOOL_START).atZone(zone).toInstant();
        Instant to = today.atTime(SCHOOL_END).atZone(zone).toInstant();
        List<Period> periods = new ArrayList<>();
        for (LocalTime h = SCHOOL_START; h.isBefore(SCHOOL_END); h = h.plusHours(1)) {
            Instant s = today.atTime(h).atZone(zone).toInstant();
            Instant e = today.atTime(h.plusHours(1)).atZone(zone).toInstant();
            if (!s.isBefore(now)) break;
            periods.add(new Period(s, e, List.of(new Span(s, min(e, now)))));
        }
        return new HistoryPlan(Range.TODAY, from, to, zone, periods);
    }

    private static HistoryPlan days(LocalDate today, Instant now, ZoneId zone) {
        LocalDate first = today.minusDays(6);
        List<Period> periods = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            if (weekend(d)) continue;
            schoolHours(d, now, zone).ifPresent(span -> periods.add(new Period(span.from(), span.to(), List.of(span))));
        }
        return new HistoryPlan(Range.WEEK, first.atStartOfDay(zone).toInstant(), now, zone, periods);
    }

    private static HistoryPlan weeks(LocalDate today, Instant now, ZoneId zone) {
        LocalDate first = today.minusDays(29);
        List<Period> periods = new ArrayList<>();
        LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate w = monday; !w.isAfter(today); w = w.plusWeeks(1)) {
            List<Span> spans = new ArrayList<>();
            for (LocalDate d = w; d.isBefore(w.plusDays(5)); d = d.plusDays(1)) {
                if (d.isBefore(first) || d.isAfter(today)) continue;
                schoolHours(d, now, zone).ifPresent(spans::add);
            }
            if (!spans.isEmpty()) {
                periods.add(new Period(spans.get(0).from(), spans.get(spans.size() - 1).to(), spans));
            }
        }
        return new HistoryPlan(Range.MONTH, first.atStartOfDay(zone).toInstant(), now, zone, periods);
    }

    private static java.util.Optional<Span> schoolHours(LocalDate d, Instant now, ZoneId zone) {
        Instant s = d.atTime(SCHOOL_START).atZone(zone).toInstant();
        Instant e = min(d.atTime(SCHOOL_END).atZone(zone).toInstant(), now);
        return e.isAfter(s) ? java.util.Optional.of(new Span(s, e)) : java.util.Optional.empty();
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
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
