package org.frischluft.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.frischluft.model.Assessment;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Light;
import org.frischluft.model.Reading;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;

/**
 * Measures the two rules for completing a hold ({@link LightMachine.HoldRule}) at 1- to 10-minute uplinks: how
 * often the light changes on noisy days around 1000 ppm, and how soon it follows a rising room and an aired one.
 * The figures in {@code docs/assessment.md} come from {@link #main}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.frischluft.assess.HoldRuleMeasurement}.
 */
public final class HoldRuleMeasurement {
    static final Instant START = Instant.parse("2025-01-13T08:00:00Z");
    static final DeviceId DEVICE = DeviceId.of("a81758fffe0a0b0c");
    /** Screens ask every few seconds; this grid sees a change between readings as the screen would. */
    static final Duration ASKED_EVERY = Duration.ofSeconds(30);
    /** The rules before the two hold times: 3 minutes both ways. */
    static final Profile THREE_MINUTES = Profiles.UBA.withDamping(Profile.DEFAULT_HYSTERESIS, Duration.ofMinutes(3),
            Duration.ofMinutes(3), Profile.DEFAULT_JUMP);
    static final Profile BARE = Profiles.UBA.withDamping(0, Duration.ZERO, Duration.ZERO, 10);

    private HoldRuleMeasurement() {
    }

    /** Light changes per day and the share of the day a pending direction was shown. */
    record Flapping(double meanChanges, int maxChanges, double pendingShare) {
    }

    /** Minutes from the first reading past a threshold until the light follows, over simulated rooms. */
    record Delays(int rooms, double median, double p90, double max) {
    }

    static RoomAssessor assessor(Profile profile, LightMachine.HoldRule rule) {
        return new RoomAssessor(profile, ComfortLimits.DEFAULT, AssessorOptions.defaults(), rule);
    }

    /** Replays {@code readings} (in time order), asking every {@link #ASKED_EVERY}; the light at every ask. */
    static List<Assessment> replay(List<Reading> readings, Profile profile, LightMachine.HoldRule rule) {
        RoomAssessor a = assessor(profile, rule);
        List<Assessment> out = new ArrayList<>();
        int i = 0;
        Instant end = readings.get(readings.size() - 1).time();
        for (Instant t = readings.get(0).time(); !t.isAfter(end); t = t.plus(ASKED_EVERY)) {
            while (i < readings.size() && !readings.get(i).time().isAfter(t)) a.add(readings.get(i++));
            out.add(a.assess(t));
        }
        return out;
    }

    static int changes(List<Assessment> steps) {
        int n = 0;
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).light() != steps.get(i - 1).light()) n++;
        }
        return n;
    }

    /**
     * An 8-hour day at {@code interval} uplinks of true CO2 1000 ± 30 ppm (a 40-minute sway from a random
     * phase), read with noise ±(30 ppm + 3 %).
     */
    static List<Reading> noisyDay(long seed, Duration interval) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L);
        double phase = 2 * Math.PI * random.nextDouble();
        List<Reading> out = new ArrayList<>();
        for (long s = 0; s <= Duration.ofHours(8).toSeconds(); s += interval.toSeconds()) {
            double truth = 1000 + 30 * Math.sin(2 * Math.PI * s / 2400.0 + phase);
            out.add(Reading.of(DEVICE, START.plusSeconds(s), SimulatedRoom.measure(truth, random), 21.5, 45.0));
        }
        return out;
    }

    static Flapping flapping(Duration interval, Profile profile, LightMachine.HoldRule rule, int days) {
        int sum = 0;
        int max = 0;
        long pending = 0;
        long asked = 0;
        for (int d = 0; d < days; d++) {
            List<Assessment> steps = replay(noisyDay(d, interval), profile, rule);
            int c = changes(steps);
            sum += c;
            max = Math.max(max, c);
            pending += steps.stream().filter(s -> s.pending() != null).count();
            asked += steps.size();
        }
        return new Flapping((double) sum / days, max, (double) pending / asked);
    }

    /**
     * The simulated lessons of {@link ForecastAccuracy} (closed windows, 90 minutes and more): minutes from the
     * first reading at or above {@code threshold} to the light showing at least {@code light}.
     */
    static Delays rising(Duration interval, Profile profile, LightMachine.HoldRule rule, double threshold, Light light,
                         int seeds) {
        List<Double> delays = new ArrayList<>();
        for (double v : ForecastAccuracy.VOLUMES) {
            for (double lambda : ForecastAccuracy.LAMBDAS) {
                for (int pupils : ForecastAccuracy.PUPILS) {
                    for (int seed = 0; seed < seeds; seed++) {
                        Random random = new Random(seed * 7919L + (long) (v * 31 + lambda * 1000 + pupils));
                        SimulatedRoom room = new SimulatedRoom(v, lambda, pupils, 450 + 100 * random.nextDouble());
                        Double d = delay(room, 0, Duration.ofMinutes(150), interval, profile, rule, random,
                                r -> r >= threshold, l -> !worse(light, l));
                        if (d != null) delays.add(d);
                    }
                }
            }
        }
        return delays(delays);
    }

    /**
     * Aired rooms: 10 minutes at a yellow peak (1200, 1500, 1900 ppm), then windows open (3 to 15 air changes
     * an hour) for 30 minutes; minutes from the first reading below {@code below} to a green (or blue) light.
     */
    static Delays airing(Duration interval, Profile profile, LightMachine.HoldRule rule, double below, int seeds) {
        List<Double> delays = new ArrayList<>();
        for (double peak : new double[] {1200, 1500, 1900}) {
            for (double lambda : new double[] {3, 6, 10, 15}) {
                for (double v : new double[] {150, 200}) {
                    for (int seed = 0; seed < seeds; seed++) {
                        Random random = new Random(seed * 104729L + (long) (peak * 7 + lambda * 100 + v));
                        SimulatedRoom open = new SimulatedRoom(v, lambda, 25, peak);
                        Double d = delay(open, 10, Duration.ofMinutes(40), interval, profile, rule, random,
                                r -> r < below, l -> l == Light.GREEN || l == Light.BLUE);
                        if (d != null) delays.add(d);
                    }
                }
            }
        }
        return delays(delays);
    }

    private static boolean worse(Light a, Light b) {
        return a == Light.RED ? b != Light.RED : a == Light.YELLOW && (b == Light.GREEN || b == Light.BLUE);
    }

    /**
     * Feeds {@code room} ({@code flatMinutes} at its start value first) at {@code interval}, asking every
     * {@link #ASKED_EVERY}; minutes from the first reading that {@code past} to the first light that
     * {@code reached}, or null when either never happens.
     */
    private static Double delay(SimulatedRoom room, int flatMinutes, Duration length, Duration interval, Profile profile,
                                LightMachine.HoldRule rule, Random random,
                                java.util.function.DoublePredicate past, java.util.function.Predicate<Light> reached) {
        RoomAssessor a = assessor(profile, rule);
        Double first = null;
        long next = 0;
        for (long s = 0; s <= length.toSeconds(); s += ASKED_EVERY.toSeconds()) {
            Instant t = START.plusSeconds(s);
            if (s >= next) {
                double minutes = s / 60.0 - flatMinutes;
                double co2 = SimulatedRoom.measure(room.co2(Math.max(0, minutes)), random);
                a.add(Reading.of(DEVICE, t, co2, 21.0, 45.0));
                if (first == null && minutes >= 0 && past.test(co2)) first = s / 60.0;
                next += interval.toSeconds();
            }
            Light l = a.assess(t).light();
            if (first != null && reached.test(l)) return s / 60.0 - first;
        }
        return null;
    }

    private static Delays delays(List<Double> d) {
        d.sort(null);
        return new Delays(d.size(), ForecastAccuracy.quantile(d, 0.5), ForecastAccuracy.quantile(d, 0.9),
                d.isEmpty() ? Double.NaN : d.get(d.size() - 1));
    }

    public static void main(String[] args) {
        int[] minutes = {1, 2, 5, 10};
        System.out.println("light changes per 8-hour day at 1000 ± 30 ppm (50 days): mean (max), share of time pending");
        for (int m : minutes) {
            Duration iv = Duration.ofMinutes(m);
            System.out.printf(Locale.ROOT, "%2d min: next reading %s | silence %s | 3-minute hold %s | bare %s%n", m,
                    fmt(flapping(iv, Profiles.UBA, LightMachine.HoldRule.NEXT_READING, 50)),
                    fmt(flapping(iv, Profiles.UBA, LightMachine.HoldRule.SILENCE, 50)),
                    fmt(flapping(iv, THREE_MINUTES, LightMachine.HoldRule.NEXT_READING, 50)),
                    fmt(flapping(iv, BARE, LightMachine.HoldRule.NEXT_READING, 50)));
        }
        System.out.println("minutes from the first reading >= 1000 to yellow | >= 2000 to red | < 900 to green: median / p90 / max (rooms)");
        for (int m : minutes) {
            Duration iv = Duration.ofMinutes(m);
            for (LightMachine.HoldRule rule : LightMachine.HoldRule.values()) {
                print(m, rule.name(), iv, Profiles.UBA, rule);
            }
            print(m, "3-minute hold", iv, THREE_MINUTES, LightMachine.HoldRule.NEXT_READING);
        }
    }

    private static void print(int m, String name, Duration iv, Profile p, LightMachine.HoldRule rule) {
        System.out.printf(Locale.ROOT, "%2d min %-13s yellow %s | red %s | green %s%n", m, name,
                fmt(rising(iv, p, rule, p.yellowFrom(), Light.YELLOW, 5)), fmt(rising(iv, p, rule, p.redFrom(), Light.RED, 5)),
                fmt(airing(iv, p, rule, 900, 10)));
    }

    private static String fmt(Flapping f) {
        return String.format(Locale.ROOT, "%.2f (%d), %.0f %%", f.meanChanges(), f.maxChanges(), 100 * f.pendingShare());
    }

    private static String fmt(Delays d) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f (%d)", d.median(), d.p90(), d.max(), d.rooms());
    }
}
