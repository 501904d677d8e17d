package org.frischluft.assess;

import org.frischluft.rooms.Profile;
import org.frischluft.rooms.Profiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.frischluft.model.Advice;
import org.frischluft.model.Assessment;

/**
 * Measures the coach's forecast error on simulated rooms with known air-change rate and occupancy: every
 * "yellow (red) in about N minutes" shown is compared with the minutes until the true, noise-free CO2 reaches
 * the threshold. Run: {@code mvn -B -o -q test-compile exec:java -Dexec.mainClass=org.frischluft.assess.ForecastAccuracy}.
 */
public final class ForecastAccuracy {
    static final double[] VOLUMES = {60, 100, 150, 200};
    static final double[] LAMBDAS = {0.3, 0.5, 1, 2, 3, 6};
    static final int[] PUPILS = {20, 25, 30};

    /** Result over all simulated lessons. */
    record Stats(int forecasts, int falseAlarms, double median, double p90, double max, int lessons, int lessonsWithForecast,
                 int reachable) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "forecasts=%d median=%.2f min p90=%.2f min max=%.2f min falseAlarms=%d"
                    + " lessons=%d (threshold reached in %d, forecast shown in %d)", forecasts, median, p90, max,
                    falseAlarms, lessons, reachable, lessonsWithForecast);
        }
    }

    static Stats measure(Profile profile, int intervalSeconds, int seeds) {
        List<Double> errors = new ArrayList<>();
        int falseAlarms = 0;
        int lessons = 0;
        int shown = 0;
        int reachable = 0;
        Instant start = Instant.parse("2025-01-13T08:00:00Z");
        for (double v : VOLUMES) {
            for (double lambda : LAMBDAS) {
                for (int pupils : PUPILS) {
                    for (int seed = 0; seed < seeds; seed++) {
                        Random random = new Random(seed * 7919L + (long) (v * 31 + lambda * 1000 + pupils));
                        SimulatedRoom room = new SimulatedRoom(v, lambda, pupils, 450 + 100 * random.nextDouble());
                        RoomAssessor assessor = new RoomAssessor(profile);
                        lessons++;
                        boolean any = false;
                        if (!Double.isNaN(room.minutesTo(profile.yellowFrom()))) reachable++;
                        for (double m = 0; m <= 90; m += intervalSeconds / 60.0) {
                            assessor.add(room.reading(start, m, random, 21.0));
                            Assessment a = assessor.assess(start.plusMillis(Math.round(m * 60_000)));
                            Advice advice = a.advice();
                            if (advice == null) continue;
                            double level;
                            if (advice.kind() == Advice.Kind.YELLOW_SOON) level = profile.yellowFrom();
                            else if (advice.kind() == Advice.Kind.RED_SOON) level = profile.redFrom();
                            else continue;
                            any = true;
                            double actual = room.minutesTo(level) - m;
                            if (Double.isNaN(actual) || actual < -1) {
                                falseAlarms++;
                            } else {
                                errors.add(Math.abs(advice.minutes() - actual));
                            }
                        }
                        if (any) shown++;
                    }
                }
            }
        }
        errors.sort(null);
        return new Stats(errors.size(), falseAlarms, quantile(errors, 0.5), quantile(errors, 0.9),
                errors.isEmpty() ? Double.NaN : errors.get(errors.size() - 1), lessons, shown, reachable);
    }

    static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    public static void main(String[] args) {
        for (Profile p : List.of(Profiles.UBA, Profiles.KOMFORT)) {
            for (int interval : new int[] {60, 120, 300}) {
                System.out.println(p.id() + " interval " + interval + " s: " + measure(p, interval, 5));
            }
        }
    }
}
