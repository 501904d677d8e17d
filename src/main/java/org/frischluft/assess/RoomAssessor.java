package org.frischluft.assess;

import org.frischluft.rooms.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.frischluft.model.Advice;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.Sign;

/**
 * The light of one room from its readings, as a pure function of the readings added so far, the profile and
 * the instant asked about.
 *
 * <ul>
 *   <li>Colour: the profile's thresholds with hysteresis and a minimum duration both ways; a reading far past a
 *   threshold changes the light at once (see {@link Profile}).</li>
 *   <li>Staleness: each device's uplink interval is learnt as the median of its recent gaps (bounded by the
 *   options); after about three missed uplinks the light is GREY, from the instant it would have turned grey.</li>
 *   <li>Signs: temperature (ASR A3.5), humidity and battery; they never change the colour.</li>
 *   <li>Airing coach: a fit of the single-zone mass balance over the last 10–20 minutes gives "yellow (red) in
 *   about N minutes" while CO2 rises and "about N more minutes, then close the windows" while the room is aired
 *   (earlier when the temperature falls fast); silent unless the fit is good, never changing the colour.</li>
 * </ul>
 * Readings may arrive in any order and twice; a reading older than one already used for the colour still feeds
 * the fit and the interval, but does not rewrite the colour's history. Not thread-safe: one instance per room,
 * owned by one thread.
 */
public final class RoomAssessor {
    static final double TOO_COLD_BELOW = 20;
    static final double TOO_WARM_ABOVE = 26;
    static final double TOO_DRY_BELOW = 30;
    static final double TOO_HUMID_ABOVE = 65;
    static final double LOW_BATTERY_PCT = 20;
    /** A decay at least this fast (air changes per hour) counts as airing. */
    static final double AIRING_LAMBDA_PER_H = 2;
    /** An airing must have lowered CO2 by at least this much (ppm) before the coach speaks of it. */
    static final double MIN_AIRING_DROP = 200;
    /** CLOSE_NOW is shown this long after the computed closing time, then the coach falls silent. */
    static final Duration CLOSE_NOW_FOR = Duration.ofMinutes(5);
    private static final Duration KEEP = Duration.ofMinutes(40);
    private static final Duration AIRING_WINDOW = Duration.ofMinutes(20);
    private static final int GAPS = 10;

    private final Profile profile;
    private final AssessorOptions options;
    private final double[] enter;

    private final NavigableMap<Instant, Double> co2 = new TreeMap<>();
    private final NavigableMap<Instant, Double> temperature = new TreeMap<>();
    private final Map<DeviceId, TreeSet<Instant>> uplinks = new HashMap<>();
    private final Map<DeviceId, Instant> lastCo2 = new HashMap<>();
    private Instant humidityTime;
    private double humidity;
    private Instant batteryTime;
    private double battery;

    // colour state machine over CO2 readings in time order
    private int level = -1;
    private Instant levelSince;
    private Instant processed;
    private int candidateDir;
    private Instant candidateSince;
    private Instant firstAsked;
    // the airing for which the coach said "close now", and since when
    private Instant closeNowPeak;
    private Instant closeNowFrom;

    public RoomAssessor(Profile profile) {
        this(profile, AssessorOptions.defaults());
    }

    public RoomAssessor(Profile profile, AssessorOptions options) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.options = Objects.requireNonNull(options, "options");
        // enter[k] = threshold to enter level k from below; level 0 BLUE, 1 GREEN, 2 YELLOW, 3 RED
        this.enter = new double[] {Double.NEGATIVE_INFINITY,
                profile.blueBelow() == null ? Double.NEGATIVE_INFINITY : profile.blueBelow(),
                profile.yellowFrom(), profile.redFrom()};
    }

    public Profile profile() {
        return profile;
    }

    /** Adds a reading of a device in this room; uses CO2, temperature, humidity and battery. */
    public void add(Reading reading) {
        Instant t = reading.time();
        TreeSet<Instant> times = uplinks.computeIfAbsent(reading.device(), d -> new TreeSet<>());
        times.add(t);
        while (times.size() > GAPS + 1) times.pollFirst();
        Double c = reading.co2();
        if (c != null && Metric.CO2.isPlausible(c)) {
            co2.put(t, c);
            lastCo2.merge(reading.device(), t, (a, b) -> a.isAfter(b) ? a : b);
        }
        Double temp = reading.temperature();
        if (temp != null && Metric.TEMPERATURE.isPlausible(temp)) temperature.put(t, temp);
        Double h = reading.humidity();
        if (h != null && Metric.HUMIDITY.isPlausible(h) && (humidityTime == null || !t.isBefore(humidityTime))) {
            humidityTime = t;
            humidity = h;
        }
        Double b = reading.values().get(Metric.BATTERY_PCT);
        if (b != null && Metric.BATTERY_PCT.isPlausible(b) && (batteryTime == null || !t.isBefore(batteryTime))) {
            batteryTime = t;
            battery = b;
        }
        Instant newest = co2.isEmpty() ? t : co2.lastKey();
        Instant cut = newest.minus(KEEP);
        trim(co2, cut);
        trim(temperature, cut);
    }

    private static void trim(NavigableMap<Instant, Double> series, Instant cut) {
        while (series.size() > 2 && series.firstKey().isBefore(cut)) series.pollFirstEntry();
    }

    /** What the room's light shows at {@code now}. */
    public Assessment assess(Instant now) {
        if (firstAsked == null) firstAsked = now;
        advanceColour(now);
        Instant greyAt = greyAt();
        Duration interval = expectedInterval();
        if (level < 0 || greyAt == null || !now.isBefore(greyAt)) {
            Instant since = level < 0 || greyAt == null ? firstAsked : greyAt;
            Set<Sign> signs = batterySign();
            return new Assessment(Light.GREY, since, null, signs, interval);
        }
        Light light = Light.values()[level];
        return new Assessment(light, levelSince, coach(now, light), signs(now), interval);
    }

    /**
     * The instant the light turns grey if no further CO2 reading comes, or null before any CO2 reading: the
     * latest CO2 reading of any device in the room plus its staleness allowance.
     */
    public Instant greyAt() {
        Instant out = null;
        for (Map.Entry<DeviceId, Instant> e : lastCo2.entrySet()) {
            Instant at = e.getValue().plus(staleAfter(intervalOf(e.getKey())));
            if (out == null || at.isAfter(out)) out = at;
        }
        return out;
    }

    /** The learnt uplink interval of the room's most recent CO2 device, or null while none is learnt. */
    public Duration expectedInterval() {
        DeviceId latest = null;
        Instant t = null;
        for (Map.Entry<DeviceId, Instant> e : lastCo2.entrySet()) {
            if (t == null || e.getValue().isAfter(t)) {
                t = e.getValue();
                latest = e.getKey();
            }
        }
        return latest == null ? null : learnt(latest);
    }

    private Duration staleAfter(Duration interval) {
        return Duration.ofMillis(Math.round(interval.toMillis() * options.missedUplinks()));
    }

    private Duration intervalOf(DeviceId device) {
        Duration d = learnt(device);
        return d == null ? options.defaultInterval() : d;
    }

    /** Median of the device's recent gaps, bounded; null with fewer than three gaps. */
    private Duration learnt(DeviceId device) {
        TreeSet<Instant> times = uplinks.get(device);
        if (times == null || times.size() < 4) return null;
        List<Long> gaps = new ArrayList<>();
        Instant prev = null;
        for (Instant t : times) {
            if (prev != null) gaps.add(Duration.between(prev, t).toMillis());
            prev = t;
        }
        gaps.sort(null);
        int n = gaps.size();
        long median = n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
        long ms = Math.max(options.minInterval().toMillis(), Math.min(options.maxInterval().toMillis(), median));
        return Duration.ofMillis(ms);
    }

    // ---- colour ----------------------------------------------------------------------------------------

    private void advanceColour(Instant now) {
        NavigableMap<Instant, Double> todo = processed == null ? co2.headMap(now, true)
                : co2.subMap(processed, false, now, true);
        for (Map.Entry<Instant, Double> e : todo.entrySet()) {
            step(e.getKey(), e.getValue());
        }
    }

    private void step(Instant t, double v) {
        // after a grey gap the first reading sets the colour afresh: nothing older is worth holding on to
        boolean gap = processed != null && !t.isBefore(processed.plus(staleAfter(maxLearnt())));
        processed = t;
        if (level < 0 || gap) {
            level = rawLevel(v, 0);
            levelSince = t;
            candidateDir = 0;
            return;
        }
        int up = rawLevel(v, 0);
        int down = rawLevel(v, -profile.hysteresis());
        int target = up > level ? up : (down < level ? down : level);
        if (target == level) {
            candidateDir = 0;
            return;
        }
        int dir = Integer.signum(target - level);
        int jumped = dir > 0 ? rawLevel(v, profile.jump()) : rawLevel(v, -profile.hysteresis() - profile.jump());
        if (dir > 0 ? jumped > level : jumped < level) {
            change(jumped, t);
            return;
        }
        if (candidateDir != dir) {
            candidateDir = dir;
            candidateSince = t;
        }
        if (Duration.between(candidateSince, t).compareTo(profile.minDuration()) >= 0) {
            change(target, t);
        }
    }

    /** Largest learnt interval of any device (the default before any is learnt). */
    private Duration maxLearnt() {
        Duration max = null;
        for (DeviceId d : lastCo2.keySet()) {
            Duration i = intervalOf(d);
            if (max == null || i.compareTo(max) > 0) max = i;
        }
        return max == null ? options.defaultInterval() : max;
    }

    private void change(int to, Instant t) {
        if (to != level) {
            level = to;
            levelSince = t;
        }
        candidateDir = 0;
    }

    /** The level of a value with every threshold shifted by {@code shift} (a fraction of it). */
    private int rawLevel(double v, double shift) {
        int l = profile.blueBelow() == null ? 1 : 0;
        for (int k = 1; k < enter.length; k++) {
            if (Double.isFinite(enter[k]) && v >= enter[k] * (1 + shift)) l = k;
        }
        return l;
    }

    // ---- signs -----------------------------------------------------------------------------------------

    private Set<Sign> signs(Instant now) {
        Set<Sign> out = EnumSet.noneOf(Sign.class);
        Instant fresh = now.minus(staleAfter(maxLearnt()));
        Map.Entry<Instant, Double> temp = temperature.lastEntry();
        if (temp != null && temp.getKey().isAfter(fresh)) {
            if (temp.getValue() < TOO_COLD_BELOW) out.add(Sign.TOO_COLD);
            if (temp.getValue() > TOO_WARM_ABOVE) out.add(Sign.TOO_WARM);
        }
        if (humidityTime != null && humidityTime.isAfter(fresh)) {
            if (humidity < TOO_DRY_BELOW) out.add(Sign.TOO_DRY);
            if (humidity > TOO_HUMID_ABOVE) out.add(Sign.TOO_HUMID);
        }
        out.addAll(batterySign());
        return out;
    }

    /** Kept while grey: a flat battery explains a silent sensor. */
    private Set<Sign> batterySign() {
        return batteryTime != null && battery < LOW_BATTERY_PCT ? EnumSet.of(Sign.LOW_BATTERY) : Set.of();
    }

    // ---- airing coach ----------------------------------------------------------------------------------

    private Advice coach(Instant now, Light light) {
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
            Advice a = airing(now, at, y, iMax);
            if (a != null) return a;
        }
        // rising: from the last trough within the fit window (10..20 minutes, six uplinks)
        long windowMs = Math.max(Duration.ofMinutes(10).toMillis(),
                Math.min(AIRING_WINDOW.toMillis(), 6 * maxLearnt().toMillis()));
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

    private MassBalanceFit fitFrom(Instant[] at, double[] y, int from) {
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

    private Advice airing(Instant now, Instant[] at, double[] y, int peak) {
        MassBalanceFit f = fitFrom(at, y, peak);
        if (f == null || !(f.css() < f.c0()) || f.lambdaPerHour() < AIRING_LAMBDA_PER_H) return null;
        int last = y.length - 1;
        double min = Double.POSITIVE_INFINITY;
        for (int k = peak; k <= last; k++) min = Math.min(min, y[k]);
        if (y[last] > min + 2 * noise(min)) { // rising again: the windows are closed
            closeNowPeak = null;
            return null;
        }
        double tNow = minutes(at[peak], now);
        if (y[peak] - f.at(tNow) < Math.max(MIN_AIRING_DROP, 3 * noise(f.at(tNow)))) return null;
        double level = profile.blueBelow() != null ? profile.blueBelow() : options.closeAtPpm();
        double target = Math.max(Math.max(level, options.outdoorPpm()), f.css() + 0.1 * (f.c0() - f.css()));
        double byCo2 = f.at(tNow) <= target ? 0 : f.timeTo(target) - tNow;
        if (Double.isNaN(byCo2)) return null;
        double remaining = byCo2;
        Double maxAiring = coldLimitMinutes(at[peak], now);
        if (maxAiring != null) remaining = Math.min(remaining, maxAiring - tNow);
        // once "close now" was said for an airing it stays said (a noisy refit must not take it back), for a while
        boolean sameAiring = closeNowPeak != null && !at[peak].isBefore(closeNowPeak)
                && Duration.between(closeNowFrom, now).compareTo(CLOSE_NOW_FOR.multipliedBy(5)) <= 0;
        if (sameAiring) {
            return Duration.between(closeNowFrom, now).compareTo(CLOSE_NOW_FOR) <= 0
                    ? new Advice(Advice.Kind.CLOSE_NOW, 0) : null;
        }
        if (remaining < 0.5) {
            closeNowPeak = at[peak];
            closeNowFrom = now;
            return new Advice(Advice.Kind.CLOSE_NOW, 0);
        }
        return new Advice(Advice.Kind.CLOSE_IN, (int) Math.max(1, Math.round(remaining)));
    }

    /**
     * Longest airing in minutes when the air cools fast (UBA/KMK: 3–5 minutes in winter), or null in the warm.
     * Measured as the temperature fall since the airing began.
     */
    private Double coldLimitMinutes(Instant start, Instant now) {
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
