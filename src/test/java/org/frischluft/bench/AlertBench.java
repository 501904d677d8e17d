package org.frischluft.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frischluft.alert.AlertConfig;
import org.frischluft.alert.AlertEngine;
import org.frischluft.ingest.decode.DecodePaths;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;

/**
 * Not a test: what the alert rules cost the {@code ingest-worker} per reading, against the decode of a TTN v3 uplink
 * (the worker's main cost, see DecodeBench) measured interleaved in the same JVM. The readings: the demo school's
 * 27 rooms, one a minute each through school days and nights, CO2 rising through each lesson to 800–2600 ppm and
 * falling in the breaks, so red-in-lesson opens and resolves, the light's assessor runs and drift and
 * window-open keep their series; a tick a second as on the worker. Run:
 * {@code java -cp <test classpath> org.frischluft.bench.AlertBench [N]} (see bench/ingest.sh for the classpath).
 */
public final class AlertBench {
    private AlertBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 500_000;
        SchoolModel school = DemoSchool.model();
        List<RoomLocation> rooms = school.roomLocations();
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Instant start = LocalDateTime.of(2026, 11, 2, 0, 0).atZone(zone).toInstant();
        // n readings: minute m of the trace, room m % rooms
        List<RoomId> roomOf = new ArrayList<>();
        List<Reading> readings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RoomLocation l = rooms.get(i % rooms.size());
            long minute = i / rooms.size();
            Instant t = start.plus(Duration.ofMinutes(minute));
            int local = (int) (minute % (24 * 60));
            int inLesson = (local - 8 * 60) % 50;
            boolean lesson = local >= 8 * 60 && local < 14 * 60;
            double peak = 800 + (i % rooms.size()) * 70;
            double co2 = lesson ? (inLesson < 45 ? 600 + (peak - 600) * inLesson / 45.0 : 700) : 430 + (i % 7);
            double temp = lesson ? 22 : 20 - (local > 20 * 60 && i % 5 == 0 ? 0.2 * (local % 30) : 0);
            DeviceId device = l.room().sensors().isEmpty() ? DeviceId.of("d" + i % rooms.size()) : l.room().sensors().get(0).device();
            readings.add(Reading.of(device, t, co2, temp, 40.0));
            roomOf.add(l.room().id());
        }
        TtnUplinks uplinks = new TtnUplinks("frischluft-load");
        byte[][] bench = new byte[64][];
        String topic = null;
        for (int i = 0; i < bench.length; i++) {
            DeviceId d = DeviceId.of(String.format("a81758fffe%06x", i));
            SensorReading r = new SensorReading(Instant.parse("2026-01-12T08:00:00Z").plus(Duration.ofMinutes(i)),
                    600 + i * 13, 21.5, 45, 300, 0, 3600, 1000, 0);
            TtnUplinks.Uplink up = uplinks.uplink(d, DemoSchool.ELSYS_ERS_CO2, r, i + 1);
            bench[i] = up.payload();
            topic = up.topic();
        }
        PayloadDecoder decoder = DecodePaths.streaming(DecoderSettings.defaults(), Clock.systemUTC());
        Instant now = Instant.now();
        System.out.printf(Locale.ROOT, "%,d readings per round (%d rooms, %,d minutes of school time and nights)%n", n,
                rooms.size(), n / rooms.size());
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            long decoded = 0;
            for (int i = 0; i < n; i++) {
                if (decoder.decode(topic, bench[i & 63], now) instanceof DecodeResult.Decoded d) decoded += d.readings().size();
            }
            long decodeNs = System.nanoTime() - t0;
            if (decoded != n) throw new IllegalStateException("expected one reading per uplink");
            long[] events = {0};
            java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
            AlertEngine engine = new AlertEngine(AlertConfig.standard(), school, List.of(), 0, e -> {
                events[0]++;
                kinds.merge(e.alert().rule().id() + " " + e.kind().id(), 1, Integer::sum);
            });
            t0 = System.nanoTime();
            Instant nextTick = start;
            for (int i = 0; i < n; i++) {
                Reading r = readings.get(i);
                while (nextTick.isBefore(r.time())) { // the worker ticks once a second
                    engine.tick(nextTick);
                    nextTick = nextTick.plusSeconds(1);
                }
                engine.onReading(roomOf.get(i), r);
            }
            long alertNs = System.nanoTime() - t0;
            System.out.printf(Locale.ROOT, "round %d  decode %6.2f µs/uplink   alert rules %6.2f µs/reading (ticks included)   "
                            + "ratio %.2f   %,d alert events%n", round, decodeNs / 1e3 / n, alertNs / 1e3 / n,
                    (double) alertNs / decodeNs, events[0]);
            if (round == 0) System.out.println("events: " + kinds);
        }
    }
}
