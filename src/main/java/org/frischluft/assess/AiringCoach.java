package org.frischluft.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.frischluft.model.Advice;
import org.frischluft.model.Light;
import org.frischluft.rooms.Profile;

/**
 * The airing coach of one room: a fit of the single-zone mass balance ({@link MassBalanceFit}) over the last
 * 10–20 minutes gives "yellow (red) in about N minutes" while CO2 rises and "about N more minutes, then close
 * the windows" while the room is aired (earlier when the air cools fast). Silent unless the fit is good; never
 * changes the colour. Remembers the airing for which it said "close now", so a noisy refit cannot take that
 * back. While one airing goes on, "N more minutes" only counts down: a refit that sees the decay slowing (the
 * wind dropped, a window was half closed) cannot make it jump up (13 → 16 → 46 minutes was seen), a faster one
 * brings it down by at most a third a minute; and it never says more than {@link #MAX_AIRING}. Not thread-safe.
 */
final class AiringCoach {
    /** A decay at least this fast (air changes per hour) counts as airing. */
    static final double AIRING_LAMBDA_PER_H = 2;
    /** An airing must have lowered CO2 by at least this much (ppm) before the coach speaks of it. */
    static final double MIN_AIRING_DROP = 200;
    /** CLOSE_NOW is shown this long after the computed closing time, then the coach falls silent. */
    static final Duration CLOSE_NOW_FOR = Duration.ofMinutes(5);
    /** How far back the coach looks for a peak, and the longest window of a rising fit. */
    static final Duration AIRING_WINDOW = Duration.ofMinutes(20);

    /** The longest airing the coach asks for (UBA: 10–20 minutes in summer, 3–5 in winter). */
    static final Duration MAX_AIRING = Duration.ofMinutes(20);
    /** "N more minutes" said within this long belongs to the same airing, and its countdown goes on. */
    static final Duration SAME_AIRING = Duration.ofMinutes(5);

    private final Profile profile;
    private final AssessorOptions options;
    // the airing for which the coach said "close now", and since when
    private Instant closeNowPeak;
    private Instant closeNowFrom;
    // the last "N more minutes" of this airing: when, and N before rounding
    private Instant closeInAt;
    private double closeInMinutes;

    AiringCoach(Profile profile, AssessorOptions options) {
        this.profile = profile;
        this.options = options;
    }

    /**
     * The coach's line at {@code now} while the room shows {@code light}, from the room's CO2 and temperature
     * series; {@code interval} is the longest uplink interval of its devices. Null for none.
     */
    Advice advise(Instant now, Light light, NavigableMap<Instant, Double> co2,
                  NavigableMap<Instant, Double> temperature, Duration interval) {
        if (!options.coach()) return null;
        // airing: the last peak within 20 minutes, seen as a peak (readings before it), then at least 5 readings
        NavigableMap<Instant, Double> window = co2.subMap(now.minus(AIRING_WINDOW), true, now, true);
        int n = window.size();
        if (n < 5) return null;
        double[] y = new double[n];
        Instant[] at = new Instant[n];
        int i = 0;
        for (Map.Entry<Instant, Double> e : window.entrySet()) {
            at[i] = e.getKey();
            y[i] = e.getValue();
            i++;
        }
        int iMax = 0;
        for (int k = 0; k < n; k++) {
            if (y[k] >= y[iMax]) iMax = k;
        }
        if (iMax > 0 && n - iMax >= 5) {
            Advice a = airing(now, at, y, iMax, temperature);
            if (a != null) return a;
        }
        // rising: from the last trough within the fit window (10..20 minutes, six uplinks)
        long windowMs = Math.max(Duration.ofMinutes(10).toMillis(),
                Math.min(AIRING_WINDOW.toMillis(), 6 * interval.toMillis()));
        Instant from = now.minusMillis(windowMs);
        int iMin = -1;
        for (int k = 0; k < n; k++) {
            if (!at[k].isBefore(from) && (iMin < 0 || y[k] <= y[iMin])) iMin = k;
        }
        if (iMin >= 0 && n - iMin >= 5) {
            return rising(now, light, at, y, iMin);
        }
        return null;
    }

    /** The same readings fit the same: the room is assessed every second, a new reading comes every minute or so. */
    private static final class FitKey {
        final long[] times;
        final double[] values;
        final int hash;

        FitKey(Instant[] at, double[] y, int from) {
            times = new long[y.length - from];
            values = java.util.Arrays.copyOfRange(y, from, y.length);
            for (int k = 0; k < times.length; k++) times[k] = at[from + k].toEpochMilli();
            hash = 31 * java.util.Arrays.hashCode(times) + java.util.Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FitKey k && hash == k.hash && java.util.Arrays.equals(times, k.times)
                    && java.util.Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<FitKey, Optional<MassBalanceFit>> fits = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FitKey, Optional<MassBalanceFit>> eldest) {
            return size() > 4; // the airing's and the rising fit, each for the last two windows
        }
    };

    private MassBalanceFit fitFrom(Instant[] at, double[] y, int from) {
        FitKey key = new FitKey(at, y, from);
        Optional<MassBalanceFit> known = fits.get(key);
        if (known == null) {
            known = Optional.ofNullable(fitNow(at, y, from));
            fits.put(key, known);
        }
        return known.orElse(null);
    }

    private MassBalanceFit fitNow(Instant[] at, double[] y, int from) {
        int m = y.length - from;
        double[] tt = new double[m];
        double[] yy = new double[m];
        for (int k = 0; k < m; k++) {
            tt[k] = minutes(at[from], at[from + k]);
            yy[k] = y[from + k];
        }
        MassBalanceFit f = MassBalanceFit.fit(tt, yy);
        // R² adjusted for the three fitted parameters: four noisy points fit almost anything
        if (f == null || m < 5 || 1 - (1 - f.r2()) * (m - 1) / (m - 3) < options.minR2()) return null;
        double mean = 0;
        for (double v : yy) mean += v;
        mean /= m;
        return f.rmse() <= noise(mean) ? f : null;
    }

    /** The sensors' stated accuracy at a level: ±(30 ppm + 3 %). */
    static double noise(double ppm) {
        return 30 + 0.03 * ppm;
    }

    private Advice rising(Instant now, Light light, Instant[] at, double[] y, int from) {
        double threshold;
        Advice.Kind kind;
        switch (light) {
            case BLUE, GREEN -> {
                threshold = profile.yellowFrom();
                kind = Advice.Kind.YELLOW_SOON;
            }
            case YELLOW -> {
                threshold = profile.redFrom();
                kind = Advice.Kind.RED_SOON;
            }
            default -> {
                return null;
            }
        }
        if (minutes(at[from], at[y.length - 1]) < 5) return null;
        MassBalanceFit f = fitFrom(at, y, from);
        if (f == null || !(f.css() > f.c0())) return null;
        double tNow = minutes(at[from], now);
        double fittedNow = f.at(tNow);
        if (fittedNow - f.c0() < 2 * noise(fittedNow)) return null;
        double cross = f.timeTo(threshold);
        if (Double.isNaN(cross)) return null;
        double ahead = cross - tNow;
        // no further ahead than the fitted data reaches back: beyond that the curvature is guesswork
        double span = minutes(at[from], at[y.length - 1]);
        if (ahead <= 0 || ahead > options.horizon().toSeconds() / 60.0 || ahead > span) return null;
        return new Advice(kind, (int) Math.max(1, Math.round(ahead)));
    }

    private Advice airing(Instant now, Instant[] at, double[] y, int peak, NavigableMap<Instant, Double> temperature) {
        MassBalanceFit f = fitFrom(at, y, peak);
        if (f == null || !(f.css() < f.c0()) || f.lambdaPerHour() < AIRING_LAMBDA_PER_H) return null;
        int last = y.length - 1;
        double min = Double.POSITIVE_INFINITY;
        for (int k = peak; k <= last; k++) min = Math.min(min, y[k]);
        if (y[last] > min + 2 * noise(min)) { // rising again: the windows are closed
            closeNowPeak = null;
            closeInAt = null;
            return null;
        }
        double tNow = minutes(at[peak], now);
        if (y[peak] - f.at(tNow) < Math.max(MIN_AIRING_DROP, 3 * noise(f.at(tNow)))) return null;
        double level = profile.blueBelow() != null ? profile.blueBelow() : options.closeAtPpm();
        double target = Math.max(Math.max(level, options.outdoorPpm()), f.css() + 0.1 * (f.c0() - f.css()));
        double byCo2 = f.at(tNow) <= target ? 0 : f.timeTo(target) - tNow;
        if (Double.isNaN(byCo2)) return null;
        double remaining = byCo2;
        Double maxAiring = coldLimitMinutes(temperature, at[peak], now);
        if (maxAiring != null) remaining = Math.min(remaining, maxAiring - tNow);
        // once "close now" was said for an airing it stays said (a noisy refit must not take it back), for a while
        boolean sameAiring = closeNowPeak != null && !at[peak].isBefore(closeNowPeak)
                && Duration.between(closeNowFrom, now).compareTo(CLOSE_NOW_FOR.multipliedBy(5)) <= 0;
        if (sameAiring) {
            return Duration.between(closeNowFrom, now).compareTo(CLOSE_NOW_FOR) <= 0
                    ? new Advice(Advice.Kind.CLOSE_NOW, 0) : null;
        }
        remaining = countdown(now, remaining);
        if (remaining < 0.5) {
            closeNowPeak = at[peak];
            closeNowFrom = now;
            closeInAt = null;
            return new Advice(Advice.Kind.CLOSE_NOW, 0);
        }
        return new Advice(Advice.Kind.CLOSE_IN, (int) Math.max(1, Math.round(remaining)));
    }

    /**
     * Bounds a fresh estimate of the minutes left by what this airing was told before: never above the last one
     * (so it counts down or stands still), at most a third lower per minute passed, never above {@link #MAX_AIRING}.
     */
    double countdown(Instant now, double estimate) {
        double bounded = Math.min(estimate, MAX_AIRING.toSeconds() / 60.0);
        if (closeInAt != null && !now.isBefore(closeInAt) && Duration.between(closeInAt, now).compareTo(SAME_AIRING) <= 0) {
            double passed = minutes(closeInAt, now);
            double expected = closeInMinutes - passed;
            double lowest = expected - Math.max(1, expected / 3) * Math.min(1, passed);
            bounded = Math.max(Math.min(bounded, closeInMinutes), lowest);
        }
        closeInAt = now;
        closeInMinutes = bounded;
        return bounded;
    }

    /**
     * Longest airing in minutes when the air cools fast (UBA/KMK: 3–5 minutes in winter), or null in the warm.
     * Measured as the temperature fall since the airing began.
     */
    private static Double coldLimitMinutes(NavigableMap<Instant, Double> temperature, Instant start, Instant now) {
        Map.Entry<Instant, Double> before = temperature.floorEntry(start);
        if (before == null) before = temperature.ceilingEntry(start);
        Map.Entry<Instant, Double> latest = temperature.floorEntry(now);
        if (before == null || latest == null || !latest.getKey().isAfter(before.getKey())) return null;
        double fall = before.getValue() - latest.getValue();
        double rate = fall / minutes(before.getKey(), latest.getKey());
        if (fall >= 0.5 && rate >= 0.3) return 3.0;
        if (fall >= 0.3 && rate >= 0.1) return 5.0;
        return null;
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }
}
