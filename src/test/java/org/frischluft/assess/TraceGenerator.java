package org.frischluft.assess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the trace files in {@code src/test/resources/traces/} (export's CSV format) from the closed-form mass
 * balance with sensor noise, so they can be regenerated and reviewed. Run from the project root:
 * {@code java -cp target/classes:target/test-classes org.frischluft.assess.TraceGenerator src/test/resources/traces}.
 */
public final class TraceGenerator {
    static final String HEADER = "time,device,room,co2_ppm,temperature_c,humidity_pct";
    static final Instant START = Instant.parse("2025-01-13T08:00:00Z");

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/traces");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("noisy-1000.csv"), noisyAround1000(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("noisy-1000-5min.csv"), noisyAround1000Sparse(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("silent-sensor.csv"), silentSensor(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("airing-warm.csv"), airing(false), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("airing-cold.csv"), airing(true), StandardCharsets.UTF_8);
    }

    /** Two hours at 1-min uplinks, true CO2 swaying 1000 ± 30 ppm, read with noise ±(30 ppm + 3 %). */
    static String noisyAround1000() {
        Random random = new Random(1000);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int m = 0; m <= 120; m++) {
            double truth = 1000 + 30 * Math.sin(2 * Math.PI * m / 40.0);
            row(sb, START.plusSeconds(60L * m), "a81758fffe0a0b0c", "r-101", SimulatedRoom.measure(truth, random), 21.5, 45);
        }
        return sb.toString();
    }

    /**
     * A school day (8 hours) at 5-minute uplinks, as LoRaWAN sensors commonly send: the same true CO2 as
     * {@link #noisyAround1000()}, 1000 ± 30 ppm, read with noise ±(30 ppm + 3 %).
     */
    static String noisyAround1000Sparse() {
        Random random = new Random(5000);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int m = 0; m <= 8 * 60; m += 5) {
            double truth = 1000 + 30 * Math.sin(2 * Math.PI * m / 40.0);
            row(sb, START.plusSeconds(60L * m), "a81758fffe0a0b0e", "r-104", SimulatedRoom.measure(truth, random), 21.5, 45);
        }
        return sb.toString();
    }

    /** 2-min uplinks for 30 minutes, then 20 minutes of silence, then three more uplinks. */
    static String silentSensor() {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int m = 0; m <= 30; m += 2) {
            row(sb, START.plusSeconds(60L * m), "0004a30b001c1234", "r-102", SimulatedRoom.measure(700, random), 21, 40);
        }
        for (int m = 50; m <= 54; m += 2) {
            row(sb, START.plusSeconds(60L * m), "0004a30b001c1234", "r-102", SimulatedRoom.measure(720, random), 21, 40);
        }
        return sb.toString();
    }

    /**
     * A 180 m³ room with 25 pupils and closed windows (λ 0.5/h) from 600 ppm for 35 minutes, then windows wide
     * open (λ 15/h) for 20 minutes. In the cold trace the air temperature falls 0.6 K per minute while aired.
     */
    static String airing(boolean cold) {
        Random random = new Random(cold ? 11 : 10);
        SimulatedRoom closed = new SimulatedRoom(180, 0.5, 25, 600);
        double peak = closed.co2(35);
        SimulatedRoom open = new SimulatedRoom(180, 15, 25, peak);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int m = 0; m <= 55; m++) {
            double truth = m <= 35 ? closed.co2(m) : open.co2(m - 35);
            double temp = m <= 35 || !cold ? 22.0 : Math.max(14, 22.0 - 0.6 * (m - 35));
            row(sb, START.plusSeconds(60L * m), "a81758fffe0a0b0d", "r-103", SimulatedRoom.measure(truth, random), temp, 45);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Instant t, String device, String room, double co2, double temp, double hum) {
        sb.append(t).append(',').append(device).append(',').append(room).append(',')
                .append((long) co2).append(',').append(String.format(Locale.ROOT, "%.1f", temp)).append(',')
                .append(String.format(Locale.ROOT, "%.0f", hum)).append('\n');
    }
}
