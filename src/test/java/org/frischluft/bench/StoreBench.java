package org.frischluft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.store.SeriesPoint;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.store.Subject;

/**
 * History store benchmark (a plain {@code main}, not a test):
 * <ol>
 *   <li>write rate through {@code ReadingWriter} against raw JDBC batch inserts into the same kind of H2 file,
 *       same rows, same run (goal: writer ≥ 0.8 × raw);</li>
 *   <li>a 30-day chart query for one room (one reading a minute) from a database of {@code rooms × days}:
 *       time to the downsampled series, first and warm (goal ≤ 100 ms warm);</li>
 *   <li>bytes on disk per stored reading after {@code SHUTDOWN COMPACT} (goal ≤ 40).</li>
 * </ol>
 * Arguments (all optional): {@code --dir DIR} (default target/store-bench), {@code --rooms N} (50),
 * {@code --days N} (90), {@code --write-days N} (4, for part 1; or {@code --write-minutes N}), {@code --points N} (1000),
 * {@code --batch-rows N} (1000, the writer's batch size in part 1), {@code --backlog-rows N} (10000, its batch size
 * while readings are queued), {@code --rounds N} (3, of part 1),
 * {@code --chart false} (part 1 only).
 */
public final class StoreBench {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Instant END = Instant.parse("2026-06-01T00:00:00Z");

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get("target/store-bench");
        int rooms = 50;
        int days = 90;
        int writeMinutes = 4 * 1440;
        int points = 1000;
        int batchRows = 1000;
        boolean chart = true;
        int rounds = 3;
        int backlogRows = StoreOptions.of("jdbc:h2:mem:").backlogBatchRows();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Paths.get(args[i + 1]);
                case "--rooms" -> rooms = Integer.parseInt(args[i + 1]);
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--write-days" -> writeMinutes = Integer.parseInt(args[i + 1]) * 1440;
                case "--write-minutes" -> writeMinutes = Integer.parseInt(args[i + 1]);
                case "--points" -> points = Integer.parseInt(args[i + 1]);
                case "--batch-rows" -> batchRows = Integer.parseInt(args[i + 1]);
                case "--chart" -> chart = Boolean.parseBoolean(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--backlog-rows" -> backlogRows = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "StoreBench: %d rooms x %d days, write comparison over %,d minutes, %d px, JVM %s, %d cores%n",
                rooms, days, writeMinutes, points, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        writeRates(dir, rooms, writeMinutes, batchRows, backlogRows, rounds);
        if (chart) chartQueryAndSize(dir, rooms, days, points);
        deleteTree(dir); // several hundred MB

    }

    // ------------------------------------------------------------------------------------------------ part 1

    private static void writeRates(Path dir, int rooms, int minutes, int batchRows, int backlogRows, int rounds) throws Exception {
        long rows = (long) rooms * minutes;
        List<Reading> readings = readings(rooms, minutes); // built once, outside the timings: both sides store these
        int backlog = Math.max(batchRows, backlogRows);
        double[] wallRatios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        // warm-up, not counted: otherwise whoever runs first pays for compiling H2's insert and commit paths
        rawJdbc(dir.resolve("warmup-raw"), rooms, readings, 1_000);
        throughWriter(dir.resolve("warmup-writer"), readings, batchRows, backlog);
        for (int round = 0; round < rounds; round++) {
            double[] raw;
            double[] writer;
            if (round % 2 == 0) { // alternate who goes first: neither always gets the warmer JIT or the quieter CPU
                raw = rawJdbc(dir.resolve("raw" + round), rooms, readings, 1_000);
                writer = throughWriter(dir.resolve("writer" + round), readings, batchRows, backlog);
            } else {
                writer = throughWriter(dir.resolve("writer" + round), readings, batchRows, backlog);
                raw = rawJdbc(dir.resolve("raw" + round), rooms, readings, 1_000);
            }
            double[] rawBig = rawJdbc(dir.resolve("rawbig" + round), rooms, readings, backlog);
            wallRatios[round] = writer[0] / raw[0];
            cpuRatios[round] = writer[1] / raw[1];
            System.out.printf(Locale.ROOT, "(1) round %d, %,d rows: raw JDBC (1,000 rows per commit) %,.0f rows/s wall, %,.0f rows per CPU-s; "
                            + "ReadingWriter (batch %,d rows, up to %,d when behind; %,.0f rows per commit here) %,.0f rows/s wall, "
                            + "%,.0f rows per CPU-s; ratio wall %.2f, CPU %.2f%n",
                    round + 1, rows, raw[0], raw[1], batchRows, backlog, writer[2], writer[0], writer[1],
                    wallRatios[round], cpuRatios[round]);
            System.out.printf(Locale.ROOT, "    for reference, raw JDBC with %,d rows per commit: %,.0f rows/s wall, %,.0f rows per CPU-s "
                    + "(writer / this: wall %.2f, CPU %.2f)%n", backlog, rawBig[0], rawBig[1], writer[0] / rawBig[0], writer[1] / rawBig[1]);
        }
        Arrays.sort(wallRatios);
        Arrays.sort(cpuRatios);
        System.out.printf(Locale.ROOT, "(1) writer / raw JDBC (1,000 rows per commit), median of %d rounds: wall %.2f, CPU %.2f%n",
                rounds, wallRatios[rounds / 2], cpuRatios[rounds / 2]);
    }

    /**
     * Plain INSERTs of the same readings into the {@code reading} table the store's migration creates (no rollups,
     * no duplicate check, device ids from the readings' order instead of a look-up), {@code perCommit} per batch
     * and commit, same URL settings.
     *
     * @return rows per wall-clock second, rows per CPU second (of the inserting thread)
     */
    private static double[] rawJdbc(Path file, int rooms, List<Reading> readings, int perCommit) throws Exception {
        String url = "jdbc:h2:file:" + file.toAbsolutePath();
        Store.open(StoreOptions.of(url), Clock.systemUTC()).close(); // same schema
        try (Connection c = DriverManager.getConnection(url + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reading (k, co2_ppm, temperature_c, humidity_pct, "
                    + "pressure_hpa, battery_v, battery_pct) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Reading r : readings) {
                    ps.setLong(1, ((long) (n % rooms + 1) << 42) | r.time().toEpochMilli());
                    ps.setFloat(2, r.co2().floatValue());
                    ps.setFloat(3, r.temperature().floatValue());
                    ps.setFloat(4, r.humidity().floatValue());
                    ps.setNull(5, Types.REAL);
                    ps.setNull(6, Types.REAL);
                    ps.setNull(7, Types.REAL);
                    ps.addBatch();
                    if (++n % perCommit == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double n = readings.size();
            return new double[] {n / ((System.nanoTime() - t) / 1e9), n / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9)};
        }
    }

    /**
     * Submit and flush; the time includes rollups, duplicate checks and the periodic CHECKPOINT SYNC.
     *
     * @return rows per wall-clock second, rows per CPU second (submitting thread + store-writer), rows per commit
     */
    private static double[] throughWriter(Path file, List<Reading> readings, int batchRows, int backlogRows) throws Exception {
        String url = "jdbc:h2:file:" + file.toAbsolutePath();
        try (Store store = Store.open(StoreOptions.of(url).withRawRetention(Duration.ofDays(3650))
                .withBatch(batchRows, Duration.ofMillis(250)).withBacklogBatchRows(backlogRows),
                Clock.fixed(END, ZoneOffset.UTC))) {
            long writerThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> th.getName().equals("store-writer")).findFirst().orElseThrow().getId();
            long t = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime() + THREADS.getThreadCpuTime(writerThread);
            store.writer().submitAll(readings);
            store.writer().flush(Duration.ofMinutes(10));
            double n = store.writer().committedRows();
            long cpuUsed = THREADS.getCurrentThreadCpuTime() + THREADS.getThreadCpuTime(writerThread) - cpu;
            return new double[] {n / ((System.nanoTime() - t) / 1e9), n / (cpuUsed / 1e9), n / store.writer().committedBatches()};
        }
    }

    /** One reading a minute per room, minute by minute (rooms in turn), ending at {@link #END}. */
    private static List<Reading> readings(int rooms, int minutes) {
        Instant start = END.minus(Duration.ofMinutes(minutes));
        DeviceId[] devices = new DeviceId[rooms];
        for (int r = 0; r < rooms; r++) devices[r] = DeviceId.of(String.format(Locale.ROOT, "70b3d57ed00%05x", r));
        List<Reading> out = new ArrayList<>(rooms * minutes);
        for (int m = 0; m < minutes; m++) {
            Instant time = start.plus(Duration.ofMinutes(m));
            for (int r = 0; r < rooms; r++) {
                out.add(Reading.of(devices[r], time, co2(r, m), temperature(r, m), humidity(r, m)));
            }
        }
        return out;
    }

    private static void fill(Store store, int rooms, int minutes) {
        Instant start = END.minus(Duration.ofMinutes(minutes));
        DeviceId[] devices = new DeviceId[rooms];
        for (int r = 0; r < rooms; r++) devices[r] = DeviceId.of(String.format(Locale.ROOT, "70b3d57ed00%05x", r));
        List<Reading> chunk = new ArrayList<>(rooms);
        for (int m = 0; m < minutes; m++) {
            Instant time = start.plus(Duration.ofMinutes(m));
            chunk.clear();
            for (int r = 0; r < rooms; r++) {
                chunk.add(Reading.of(devices[r], time, co2(r, m), temperature(r, m), humidity(r, m)));
            }
            store.writer().submitAll(chunk);
        }
    }

    // ------------------------------------------------------------------------------------------- parts 2, 3

    private static void chartQueryAndSize(Path dir, int rooms, int days, int points) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
        int minutes = days * 1440;
        Instant start = END.minus(Duration.ofMinutes(minutes));
        StoreOptions options = StoreOptions.of(url).withRawRetention(Duration.ofDays(3650)).withCompactOnClose(true);
        long t = System.nanoTime();
        long rows;
        try (Store store = Store.open(options, Clock.fixed(END, ZoneOffset.UTC))) {
            for (int r = 0; r < rooms; r++) {
                store.assign(DeviceId.of(String.format(Locale.ROOT, "70b3d57ed00%05x", r)),
                        RoomId.of(String.format(Locale.ROOT, "r-%03d", r)), start);
            }
            fill(store, rooms, minutes);
            store.writer().flush(Duration.ofMinutes(30));
            rows = store.writer().committedRows();
        }
        double fillS = (System.nanoTime() - t) / 1e9;
        long bytes = Files.size(dir.resolve("history.mv.db"));
        System.out.printf(Locale.ROOT, "    filled %,d readings through the writer (with rollups) and closed with SHUTDOWN COMPACT in %.1f s%n",
                rows, fillS);
        long rawOnly = rawRowsOnlySize(dir, url);
        System.out.printf(Locale.ROOT, "(3) file after SHUTDOWN COMPACT: %,d bytes = %.1f bytes per stored reading "
                + "(including 5-min and hourly rollups); raw readings alone: %.1f bytes per reading%n",
                bytes, (double) bytes / rows, (double) rawOnly / rows);

        try (Store store = Store.open(options.withCompactOnClose(false), Clock.fixed(END, ZoneOffset.UTC))) {
            Subject room = Subject.room(RoomId.of(String.format(Locale.ROOT, "r-%03d", rooms / 2)));
            Instant from = END.minus(Duration.ofDays(30));
            long[] ns = new long[21];
            int size = 0;
            for (int i = 0; i < ns.length; i++) {
                long q = System.nanoTime();
                List<SeriesPoint> series = store.history().series(room, Metric.CO2, from, END, points);
                ns[i] = System.nanoTime() - q;
                size = series.size();
            }
            long first = ns[0];
            long[] warm = Arrays.copyOfRange(ns, 1, ns.length);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "(2) 30-day CO2 chart of one room, %d px -> %d points: first %.1f ms, warm median %.1f ms, "
                    + "warm max %.1f ms (20 runs)%n", points, size, first / 1e6, warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6);
            long q = System.nanoTime();
            int rawPoints = store.history().series(room, Metric.CO2, END.minus(Duration.ofDays(1)), END, points).size();
            System.out.printf(Locale.ROOT, "    1-day chart (raw readings, 1440 -> %d points): %.1f ms%n", rawPoints, (System.nanoTime() - q) / 1e6);
        }
    }

    /** Copies only the raw table into a fresh file and compacts it: the raw readings' share of the bytes. */
    private static long rawRowsOnlySize(Path dir, String url) throws Exception {
        Path copy = dir.resolve("rawonly");
        String copyUrl = "jdbc:h2:file:" + copy.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(copyUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE reading (k BIGINT NOT NULL PRIMARY KEY, co2_ppm REAL, temperature_c REAL, "
                    + "humidity_pct REAL, pressure_hpa REAL, battery_v REAL, battery_pct REAL)");
            s.execute("CREATE LINKED TABLE src('org.h2.Driver', '" + url + "', '', '', 'READING') READONLY");
            s.execute("INSERT INTO reading SELECT * FROM src ORDER BY k");
            s.execute("DROP TABLE src");
            s.execute("SHUTDOWN COMPACT");
        }
        return Files.size(dir.resolve("rawonly.mv.db"));
    }

    // ------------------------------------------------------------------------------------------------- data

    /** A school-day CO2 curve: rising during lessons, falling in breaks and at night. */
    static double co2(int room, int minute) {
        int minuteOfDay = minute % 1440;
        boolean lesson = minuteOfDay >= 8 * 60 && minuteOfDay < 15 * 60 && (minuteOfDay % 90) < 75;
        double base = 420 + 15 * Math.sin(minute / 700.0 + room);
        return Math.round(lesson ? base + 18 * (minuteOfDay % 90) + room * 3 : base + 20 * Math.cos(minute / 37.0));
    }

    static double temperature(int room, int minute) {
        return Math.round((20.5 + 1.5 * Math.sin(minute / 300.0 + room)) * 10) / 10.0;
    }

    static double humidity(int room, int minute) {
        return Math.round(40 + 8 * Math.sin(minute / 500.0 + room * 0.3));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
