package org.frischluft.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.model.Metric;
import org.frischluft.model.RoomId;
import org.frischluft.store.Co2Series;
import org.frischluft.store.ExportCsv;

/**
 * A CSV in {@code export}'s format as a {@link Co2Source}: its CO2 readings grouped by the room column (rows
 * without a room or without CO2 are skipped). Read once into memory; immutable afterwards.
 */
public final class CsvSource implements Co2Source {
    private final Map<RoomId, Co2Series> rooms;
    private final List<String> problems;
    private final int rows;

    private CsvSource(Map<RoomId, Co2Series> rooms, List<String> problems, int rows) {
        this.rooms = Map.copyOf(rooms);
        this.problems = List.copyOf(problems);
        this.rows = rows;
    }

    /** Reads every line; bad lines are collected in {@link #problems()} (the first 20) and skipped. */
    public static CsvSource read(BufferedReader in) throws IOException {
        Map<RoomId, List<long[]>> byRoom = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int[] count = {0, 0};
        ExportCsv.read(in, new ExportCsv.Handler() {
            @Override
            public void row(ExportCsv.Row row) {
                count[0]++;
                var co2 = row.reading().get(Metric.CO2);
                if (row.room() == null || row.room().value().isBlank() || co2.isEmpty()) return;
                byRoom.computeIfAbsent(row.room(), r -> new ArrayList<>())
                        .add(new long[] {row.reading().time().toEpochMilli(), Float.floatToIntBits((float) co2.getAsDouble())});
            }

            @Override
            public void bad(int line, String problem) {
                if (count[1]++ < 20) problems.add("line " + line + ": " + problem);
            }
        });
        if (count[1] > 20) problems.add("… and " + (count[1] - 20) + " more bad lines");
        Map<RoomId, Co2Series> rooms = new HashMap<>();
        for (var e : byRoom.entrySet()) {
            List<long[]> rs = e.getValue();
            rs.sort(java.util.Comparator.comparingLong(r -> r[0]));
            int n = rs.size();
            long[] ms = new long[n];
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                ms[i] = rs.get(i)[0];
                v[i] = Float.intBitsToFloat((int) rs.get(i)[1]);
            }
            rooms.put(e.getKey(), new Co2Series(ms, v, v, new int[n]));
        }
        return new CsvSource(rooms, problems, count[0]);
    }

    /** Lines that could not be read. */
    public List<String> problems() {
        return problems;
    }

    public int rows() {
        return rows;
    }

    public java.util.Set<RoomId> rooms() {
        return rooms.keySet();
    }

    @Override
    public Co2Series co2(RoomId room, Instant from, Instant to) {
        Co2Series all = rooms.get(room);
        if (all == null) return Co2Series.EMPTY;
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        int i = 0;
        while (i < all.size() && all.ms(i) < a) i++;
        int j = i;
        while (j < all.size() && all.ms(j) < b) j++;
        int n = j - i;
        long[] ms = new long[n];
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            ms[k] = all.ms(i + k);
            v[k] = all.value(i + k);
        }
        return new Co2Series(ms, v, v, new int[n]);
    }
}
