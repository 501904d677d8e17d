package org.frischluft.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolCalendar.LessonTime;
import org.frischluft.store.Co2Series;

/**
 * A room with known air change over school days, as a single well-mixed zone solved exactly per 30 s step
 * ({@code dC/dt = G/V + λ(C_out − C)}): pupils in during lessons (λ {@code lessonPerH}: windows shut, or tilted), out in breaks with
 * windows open (λ aired; {@code pupilsInBreaks} stay), an empty room with windows shut at night. A sensor reads it every {@code intervalMin}
 * minutes with uniform noise ±(30 ppm + 3 %), whole ppm (as assess.SimulatedRoom).
 */
public record SimulatedWeek(double volumeM3, int pupils, double closedPerH, double airedPerH, int intervalMin, long seed,
                     double outdoor, int pupilsInBreaks, double lessonPerH) {
    public SimulatedWeek(double volumeM3, int pupils, double closedPerH, double airedPerH, int intervalMin, long seed) {
        this(volumeM3, pupils, closedPerH, airedPerH, intervalMin, seed, 420, 0, closedPerH);
    }

    public SimulatedWeek(double volumeM3, int pupils, double closedPerH, double airedPerH, int intervalMin, long seed,
                         double outdoor, int pupilsInBreaks) {
        this(volumeM3, pupils, closedPerH, airedPerH, intervalMin, seed, outdoor, pupilsInBreaks, closedPerH);
    }

    public Co2Series co2(SchoolCalendar cal, LocalDate from, LocalDate to) {
        Random random = new Random(seed);
        double g = pupils * AirChange.CO2_M3_PER_H_PER_PERSON / volumeM3 * 1e6; // ppm per hour
        Instant start = cal.at(from, cal.hoursFrom());
        Instant end = cal.at(to.plusDays(1), cal.hoursFrom());
        List<LessonTime> lessons = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) lessons.addAll(cal.lessonsOn(d));
        List<long[]> out = new ArrayList<>();
        double c = outdoor;
        long stepMs = 30_000;
        int li = 0;
        long nextReading = start.toEpochMilli();
        for (long t = start.toEpochMilli(); t < end.toEpochMilli(); t += stepMs) {
            while (li < lessons.size() && lessons.get(li).end().toEpochMilli() <= t) li++;
            boolean inLesson = li < lessons.size() && lessons.get(li).start().toEpochMilli() <= t;
            boolean inBreak = !inLesson && li > 0 && li < lessons.size()
                    && lessons.get(li - 1).date().equals(lessons.get(li).date());
            double lambda = inBreak ? airedPerH : inLesson ? lessonPerH : closedPerH;
            double gen = inLesson ? g : inBreak ? g * pupilsInBreaks / pupils : 0;
            if (t >= nextReading) {
                double v = Math.round(c + (2 * random.nextDouble() - 1) * (30 + 0.03 * c));
                out.add(new long[] {t, (long) v});
                nextReading += intervalMin * 60_000L;
            }
            double eq = outdoor + gen / lambda;
            c = eq + (c - eq) * Math.exp(-lambda * stepMs / 3_600_000.0);
        }
        long[] ms = new long[out.size()];
        float[] v = new float[out.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = out.get(i)[0];
            v[i] = out.get(i)[1];
        }
        return new Co2Series(ms, v, v, new int[ms.length]);
    }
}
