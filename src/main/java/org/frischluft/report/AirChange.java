package org.frischluft.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.Lesson;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolCalendar.LessonTime;
import org.frischluft.store.Co2Series;

/**
 * A room's air change per hour (λ) from its own CO2 decays, {@code C(t) = C_out + (C0 − C_out)·e^(−λt)}:
 * <ul>
 * <li><b>aired</b>: the breaks between lessons (pupils out, windows open, as UBA/KMK ask), from the reading at the
 *     bell to the lowest one before the next lesson;</li>
 * <li><b>closed</b>: the nights (from 15 minutes after the last lesson to the next school morning, at most 12 hours):
 *     an empty room with windows shut.</li>
 * </ul>
 * A decay is used when it starts at least {@value #MIN_RISE_AIRED} ppm (breaks) or {@value #MIN_RISE_CLOSED} ppm
 * (nights) above outdoor, falls by at least twice a typical sensor's noise ±(30 ppm + 3 %) and {@value #MIN_DROP} ppm, has at least 3 readings (nights: over 60 minutes)
 * and the fit explains at least {@value #MIN_R2} of the variance. The estimate is the median over the room's
 * events, the range their quartiles (min–max with fewer than 4). The assumption that windows are open in breaks
 * and shut at night is the method's, not a measurement: a room never aired in breaks shows a low "aired" rate.
 */
public final class AirChange {
    static final double MIN_RISE_AIRED = 150;
    static final double MIN_RISE_CLOSED = 200;
    static final double MIN_R2 = 0.8;
    static final double MIN_DROP = 100;
    static final long NIGHT_DELAY_MS = 15 * 60_000;
    static final long NIGHT_MAX_MS = 12 * 3_600_000L;
    static final long NIGHT_MIN_MS = 60 * 60_000;
    /** 18 L CO2 per hour per person sitting quietly (the simulator's value). */
    static final double CO2_M3_PER_H_PER_PERSON = 0.018;

    /** Where a decay was seen. */
    public enum Kind { AIRED, CLOSED }

    /** One fitted decay. */
    public record Decay(Kind kind, Instant start, Instant end, double lambdaPerH, double c0, double r2, int n) {
    }

    /**
     * A room's estimate. NaN where no event was usable.
     *
     * @param predictedMeanPpm the mean of a school day's lessons with 20-5-20 airing (windows open 5 minutes after
     *                         every 20 of a lesson and in every break), from both rates, the room's volume and seats
     * @param enough           whether that mean stays at or below 1000 ppm; false when unknown
     */
    public record Estimate(RoomId room, String name, double closedPerH, double closedLow, double closedHigh,
                           int closedEvents, double airedPerH, double airedLow, double airedHigh, int airedEvents,
                           double predictedMeanPpm, boolean enough) {
        public int events() {
            return closedEvents + airedEvents;
        }

        public boolean known() {
            return !Double.isNaN(predictedMeanPpm);
        }
    }

    private AirChange() {
    }

    /** Every usable decay of days {@code from..to} (the nights after them included). */
    public static List<Decay> decays(SchoolCalendar cal, Co2Series co2, LocalDate from, LocalDate to, double outdoor) {
        Samples s = Samples.of(co2);
        List<Decay> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            List<LessonTime> lessons = cal.lessonsOn(d);
            for (int i = 0; i + 1 < lessons.size(); i++) {
                Decay k = fit(s, Kind.AIRED, lessons.get(i).end().toEpochMilli(), lessons.get(i + 1).start().toEpochMilli(), outdoor);
                if (k != null) out.add(k);
            }
            if (!lessons.isEmpty()) {
                long a = lessons.get(lessons.size() - 1).end().toEpochMilli() + NIGHT_DELAY_MS;
                LocalDate next = cal.schoolDayOnOrAfter(d.plusDays(1));
                long b = Math.min(a + NIGHT_MAX_MS, cal.at(next, cal.hoursFrom()).toEpochMilli());
                if (b - a >= NIGHT_MIN_MS) {
                    Decay k = fit(s, Kind.CLOSED, a, b, outdoor);
                    if (k != null) out.add(k);
                }
            }
        }
        return out;
    }

    /** Fits the decay in {@code [a, b]}: from the highest reading near its start to the lowest after it. */
    static Decay fit(Samples s, Kind kind, long a, long b, double outdoor) {
        int i0 = s.firstReaching(a);
        while (i0 < s.n && s.start[i0] < a) i0++;
        if (i0 >= s.n || s.start[i0] > b) return null;
        int j = i0;
        while (j < s.n && s.start[j] <= b) j++;
        int end = j; // exclusive
        // start: the highest reading in the first third of the window
        long startLimit = a + (b - a) / 3;
        int top = i0;
        for (int i = i0; i < end && s.start[i] <= startLimit; i++) if (s.value[i] > s.value[top]) top = i;
        int low = top;
        for (int i = top; i < end; i++) if (s.value[i] < s.value[low]) low = i;
        int n = low - top + 1;
        double rise = s.value[top] - outdoor;
        double minRise = kind == Kind.AIRED ? MIN_RISE_AIRED : MIN_RISE_CLOSED;
        // the drop must stand out of a typical NDIR sensor's noise, ±(30 ppm + 3 %), twice over
        double noise = 30 + 0.03 * s.value[top];
        if (n < 3 || rise < minRise || s.value[top] - s.value[low] < Math.max(MIN_DROP, 2 * noise)) return null;
        if (kind == Kind.CLOSED && s.start[low] - s.start[top] < NIGHT_MIN_MS) return null;
        // a gap in the data inside the decay: the readings do not stand for it
        for (int i = top; i < low; i++) if (s.end[i] < s.start[i + 1]) return null;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (s.start[top + i] - s.start[top]) / 3_600_000.0;
            y[i] = s.value[top + i];
        }
        DecayFit f = DecayFit.fit(t, y, outdoor);
        if (f == null || f.r2() < MIN_R2) return null;
        return new Decay(kind, Instant.ofEpochMilli(s.start[top]), Instant.ofEpochMilli(s.start[low]), f.lambdaPerH(),
                f.c0(), f.r2(), n);
    }

    /** The room's estimate from its decays over days {@code from..to}. */
    public static Estimate estimate(SchoolCalendar cal, Room room, Co2Series co2, LocalDate from, LocalDate to,
                                    double outdoor) {
        List<Decay> ds = decays(cal, co2, from, to, outdoor);
        double[] closed = ds.stream().filter(d -> d.kind() == Kind.CLOSED).mapToDouble(Decay::lambdaPerH).sorted().toArray();
        double[] aired = ds.stream().filter(d -> d.kind() == Kind.AIRED).mapToDouble(Decay::lambdaPerH).sorted().toArray();
        double c = median(closed);
        double o = median(aired);
        double mean = Double.isNaN(c) || Double.isNaN(o) ? Double.NaN : predictedLessonMean(cal, room, c, o, outdoor);
        return new Estimate(room.id(), room.name(), c, low(closed), high(closed), closed.length, o, low(aired), high(aired),
                aired.length, mean, !Double.isNaN(mean) && mean <= Thresholds.CONSPICUOUS);
    }

    /**
     * The mean CO2 over a school day's lessons with 20-5-20 airing: from outdoor air at the first lesson, the
     * room's seats breathing during lessons, windows open (λ aired) for minutes 20–25 of each lesson (20-5-20 in 45 minutes) and
     * in every break (room empty), shut otherwise (λ closed). Exact per minute (the balance is linear).
     */
    public static double predictedLessonMean(SchoolCalendar cal, Room room, double closedPerH, double airedPerH, double outdoor) {
        if (room.volumeM3() <= 0 || room.seats() <= 0) return Double.NaN;
        double gPpmPerH = room.seats() * CO2_M3_PER_H_PER_PERSON / room.volumeM3() * 1e6;
        double c = outdoor;
        double sum = 0;
        int minutes = 0;
        List<Lesson> lessons = cal.lessons();
        for (int i = 0; i < lessons.size(); i++) {
            Lesson l = lessons.get(i);
            int len = (int) l.length().toMinutes();
            for (int m = 0; m < len; m++) {
                boolean open = m % 25 >= 20; // 20 shut, 5 open
                double lambda = open ? airedPerH : closedPerH;
                double eq = outdoor + gPpmPerH / lambda;
                double next = eq + (c - eq) * Math.exp(-lambda / 60);
                sum += (c + next) / 2;
                minutes++;
                c = next;
            }
            if (i + 1 < lessons.size()) {
                long gap = java.time.Duration.between(l.end(), lessons.get(i + 1).start()).toMinutes();
                c = outdoor + (c - outdoor) * Math.exp(-airedPerH * gap / 60.0);
            }
        }
        return minutes == 0 ? Double.NaN : sum / minutes;
    }

    /** Worst first: the highest predicted mean; rooms without an estimate last. */
    public static List<Estimate> ranked(List<Estimate> all) {
        List<Estimate> out = new ArrayList<>(all);
        out.sort((x, y) -> {
            if (x.known() != y.known()) return x.known() ? -1 : 1;
            if (!x.known()) return x.room().compareTo(y.room());
            return Double.compare(y.predictedMeanPpm(), x.predictedMeanPpm());
        });
        return out;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double low(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted.length < 4 ? sorted[0] : quantile(sorted, 0.25);
    }

    static double high(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted.length < 4 ? sorted[sorted.length - 1] : quantile(sorted, 0.75);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        double f = pos - i;
        return i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
    }

    /** CSV {@value #HEADER}, two decimals, empty where unknown; rows in {@link #ranked} order. */
    public static final String HEADER = "room,ach_closed_per_h,ach_closed_low,ach_closed_high,ach_aired_per_h,events";

    public static void csvRow(Estimate e, Appendable out) throws java.io.IOException {
        out.append(LessonCsv.Csv.cell(e.room().value())).append(',')
                .append(LessonCsv.Csv.two(e.closedPerH())).append(',')
                .append(LessonCsv.Csv.two(e.closedLow())).append(',')
                .append(LessonCsv.Csv.two(e.closedHigh())).append(',')
                .append(LessonCsv.Csv.two(e.airedPerH())).append(',')
                .append(Integer.toString(e.events())).append('\n');
    }
}
