package org.frischluft.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.store.SeriesPoint;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.store.Subject;
import org.postgresql.PGConnection;

/**
 * A city on PostgreSQL (issue 15), a plain {@code main} (run by {@code bench/postgres.sh}):
 * <ol>
 *   <li>insert rate of the same readings (rooms × minutes, in arrival order: every room's reading of minute 1, then
 *       of minute 2 …) through {@code ReadingWriter} (duplicate check, 5-minute and hourly rollups as database
 *       upserts), through two writers at once (two recorders sharing a subscription), and the baselines raw JDBC
 *       batch inserts (1,000 rows per commit, no rollups) and {@code COPY} — each into an empty schema of its own,
 *       all in the same run;</li>
 *   <li>a 30-day CO2 chart of one room (1,000 px), first and warm, from a schema filled with {@code rooms × days}
 *       readings at one a minute (generated in the server, rollups computed from them, as the writer would have).</li>
 * </ol>
 * Arguments: {@code --url jdbc:postgresql://127.0.0.1:5432/frischluft_bench} {@code --user postgres}
 * {@code --rooms 2500} {@code --days 30} {@code --write-minutes 60} {@code --chart-rounds 20} {@code --keep} (leave
 * the schemas). Prints the figures, the machine's load and the database size.
 */
public final class PostgresBench {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Instant END = Instant.parse("2026-06-01T00:00:00Z");

    private PostgresBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/frischluft_bench";
        String user = "postgres";
        int rooms = 2500;
        int days = 30;
        int writeMinutes = 60;
        int chartRounds = 20;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--rooms" -> rooms = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--write-minutes" -> writeMinutes = Integer.parseInt(args[++i]);
                case "--chart-rounds" -> chartRounds = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        System.out.printf(Locale.ROOT, "PostgresBench: %d rooms, insert %d minutes (%,d readings), chart from %d days "
                + "(%,d readings); %s; load average %s%n", rooms, writeMinutes, (long) rooms * writeMinutes, days,
                (long) rooms * days * 1440, server(url, user), load());
        List<String> schemas = new ArrayList<>();
        try {
            List<Reading> readings = readings(rooms, writeMinutes);
            // 1. insert rates, each side into an empty schema, same readings, same run
            String s = schema(url, user, "fl_bench_writer_" + tag, schemas);
            double writer = viaWriter(url, user, s, List.of(readings));
            s = schema(url, user, "fl_bench_two_" + tag, schemas);
            List<Reading> even = new ArrayList<>();
            List<Reading> odd = new ArrayList<>();
            for (int i = 0; i < readings.size(); i++) (i % 2 == 0 ? even : odd).add(readings.get(i));
            double two = viaWriter(url, user, s, List.of(even, odd));
            s = schema(url, user, "fl_bench_raw_" + tag, schemas);
            double raw = viaJdbcBatch(url, user, s, readings);
            s = schema(url, user, "fl_bench_copy_" + tag, schemas);
            double copy = viaCopy(url, user, s, readings);
            System.out.printf(Locale.ROOT, "insert %,d readings (%d devices): writer %,.0f rows/s | two writers %,.0f | "
                    + "raw JDBC batch %,.0f | COPY %,.0f | writer / raw %.2f, writer / COPY %.2f, two / one %.2f; "
                    + "load average %s%n", readings.size(), rooms, writer, two, raw, copy, writer / raw, writer / copy,
                    two / writer, load());
            readings = null;

            // 2. the 30-day chart from a realistic volume
            if (days > 0) {
                s = schema(url, user, "fl_bench_city_" + tag, schemas);
                chart(url, user, s, rooms, days, chartRounds);
            }
        } finally {
            if (!keep) {
                for (String schema : schemas) admin(url, user, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** Readings in arrival order: minute by minute, every room once a minute (second = room % 60). */
    static List<Reading> readings(int rooms, int minutes) {
        List<Reading> out = new ArrayList<>(rooms * minutes);
        Instant start = END.minus(Duration.ofMinutes(minutes));
        for (int m = 0; m < minutes; m++) {
            for (int r = 0; r < rooms; r++) {
                out.add(Reading.of(device(r), start.plusSeconds(60L * m + r % 60), 400.0 + (r * 7919 + m * 31) % 1400,
                        19 + (m % 40) / 10.0, 35.0 + r % 25));
            }
        }
        return out;
    }

    static DeviceId device(int room) {
        return DeviceId.of(String.format("70b3d57ed0%06x", room));
    }

    /** @return rows per second, wall clock, until every reading is committed */
    private static double viaWriter(String url, String user, String schema, List<List<Reading>> parts) throws Exception {
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            stores.add(Store.open(StoreOptions.of(url + "?currentSchema=" + schema).withCredentials(user, null)
                    .withRawRetention(Duration.ZERO), Clock.fixed(END, ZoneOffset.UTC)));
        }
        try {
            long rows = parts.stream().mapToLong(List::size).sum();
            long t0 = System.nanoTime();
            List<Thread> feeders = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Store st = stores.get(i);
                List<Reading> part = parts.get(i);
                Thread t = new Thread(() -> {
                    for (int j = 0; j < part.size(); j += 1_000) {
                        st.writer().submitAll(part.subList(j, Math.min(part.size(), j + 1_000)));
                    }
                    st.writer().flush(Duration.ofMinutes(30));
                }, "feeder-" + i);
                feeders.add(t);
                t.start();
            }
            for (Thread t : feeders) t.join();
            double s = (System.nanoTime() - t0) / 1e9;
            long committed = stores.stream().mapToLong(st -> st.writer().committedRows()).sum();
            if (committed != rows) throw new IllegalStateException("committed " + committed + " of " + rows);
            long n5 = count(url, user, schema, "SELECT SUM(co2_ppm_n) FROM rollup_5m");
            if (n5 != rows) throw new IllegalStateException("rollup_5m counts " + n5 + " of " + rows);
            return rows / s;
        } finally {
            stores.forEach(Store::close);
        }
    }

    private static double viaJdbcBatch(String url, String user, String schema, List<Reading> readings) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + "?currentSchema=" + schema, user, null)) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reading (k, co2_ppm, temperature_c, humidity_pct, "
                    + "pressure_hpa, battery_v, battery_pct) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < readings.size(); i++) {
                    Reading r = readings.get(i);
                    ps.setLong(1, key(r));
                    ps.setFloat(2, r.co2().floatValue());
                    ps.setFloat(3, r.temperature().floatValue());
                    ps.setFloat(4, r.humidity().floatValue());
                    ps.setNull(5, Types.REAL);
                    ps.setNull(6, Types.REAL);
                    ps.setNull(7, Types.REAL);
                    ps.addBatch();
                    if (i % 1_000 == 999 || i == readings.size() - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return readings.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double viaCopy(String url, String user, String schema, List<Reading> readings) throws Exception {
        try (Connection c = DriverManager.getConnection(url + "?currentSchema=" + schema, user, null)) {
            long t0 = System.nanoTime();
            StringBuilder sb = new StringBuilder(readings.size() * 40);
            for (Reading r : readings) {
                sb.append(key(r)).append('\t').append(r.co2().floatValue()).append('\t').append(r.temperature().floatValue())
                        .append('\t').append(r.humidity().floatValue()).append("\t\\N\t\\N\t\\N\n");
            }
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn("COPY reading (k, co2_ppm, temperature_c, "
                    + "humidity_pct, pressure_hpa, battery_v, battery_pct) FROM STDIN", new StringReader(sb.toString()));
            return readings.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** Device ids as the writer gives them in an empty schema: the first device seen gets 1. */
    private static long key(Reading r) {
        int room = Integer.parseInt(r.device().value().substring(10), 16);
        return ((long) (room + 1) << 42) | r.time().toEpochMilli();
    }

    private static void chart(String url, String user, String schema, int rooms, int days, int rounds) throws Exception {
        String su = url + "?currentSchema=" + schema;
        long start = END.minus(Duration.ofDays(days)).toEpochMilli();
        long minutes = days * 1440L;
        try (Store st = Store.open(StoreOptions.of(su).withCredentials(user, null).withRawRetention(Duration.ZERO),
                Clock.fixed(END, ZoneOffset.UTC))) {
            for (int r = 0; r < rooms; r++) st.writer().submit(Reading.of(device(r), Instant.ofEpochMilli(start - 60_000), 400.0, null, null));
            st.writer().flush(Duration.ofMinutes(5)); // the device rows, ids 1..rooms, and one reading each before the range
        }
        long t0 = System.nanoTime();
        String room = "(d::bigint << 42)";
        String ms = "(" + start + " + m * 60000 + (d % 60) * 1000)";
        try (Connection c = DriverManager.getConnection(su, user, null); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("SET work_mem = '256MB'");
            // device by device (one contiguous key range each), as the B-tree will hold them
            s.execute("INSERT INTO reading (k, co2_ppm, temperature_c, humidity_pct) SELECT " + room + " | " + ms
                    + ", 400 + (d * 7919 + m * 31) % 1400, 19 + (m % 40) / 10.0, 35 + d % 25 "
                    + "FROM generate_series(1, " + rooms + ") d, generate_series(0::bigint, " + (minutes - 1) + ") m"); // d outer: key order
            double fill = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            for (String[] r : new String[][] {{"rollup_5m", "300000"}, {"rollup_1h", "3600000"}}) {
                StringBuilder cols = new StringBuilder();
                StringBuilder fromRaw = new StringBuilder();
                StringBuilder fromFive = new StringBuilder();
                for (String m : List.of("co2_ppm", "temperature_c", "humidity_pct")) {
                    cols.append(", ").append(m).append("_n, ").append(m).append("_sum, ").append(m).append("_min, ")
                            .append(m).append("_max");
                    fromRaw.append(", COUNT(").append(m).append("), SUM(").append(m).append("), MIN(").append(m)
                            .append("), MAX(").append(m).append(")");
                    fromFive.append(", SUM(").append(m).append("_n), SUM(").append(m).append("_sum), MIN(").append(m)
                            .append("_min), MAX(").append(m).append("_max)");
                }
                boolean five = r[0].equals("rollup_5m"); // hours from their twelve 5-minute rows
                s.execute("DELETE FROM " + r[0]);
                s.execute("INSERT INTO " + r[0] + " (k" + cols + ") SELECT k - ((k & 4398046511103) % " + r[1] + ")"
                        + (five ? fromRaw + " FROM reading" : fromFive + " FROM rollup_5m") + " GROUP BY 1");
            }
            s.execute("INSERT INTO placement (device_id, room_id, valid_from, valid_to) SELECT id, 'r-' || id, 0, NULL FROM device");
            s.execute("ANALYZE");
            double roll = (System.nanoTime() - t1) / 1e9;
            long rows = count(url, user, schema, "SELECT COUNT(*) FROM reading");
            long size;
            try (ResultSet rs = s.executeQuery("SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN "
                    + "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relkind = 'r'")) {
                rs.next();
                size = rs.getLong(1);
            }
            System.out.printf(Locale.ROOT, "filled %,d readings in %.0f s (server-side INSERT ... SELECT), rollups in %.0f s; "
                    + "schema %.1f GB (%.0f B per reading incl. rollups and indexes); load average %s%n", rows, fill, roll,
                    size / 1e9, (double) size / rows, load());
        }
        try (Store st = Store.open(StoreOptions.of(su).withCredentials(user, null).withRawRetention(Duration.ZERO),
                Clock.fixed(END, ZoneOffset.UTC))) {
            double[] ms2 = new double[rounds];
            int points = 0;
            java.util.Random rnd = new java.util.Random(1);
            for (int i = 0; i < rounds; i++) {
                // a different room each time after the first: what a person clicking through rooms would see
                int id = i == 0 ? 1 : 1 + rnd.nextInt(rooms);
                long a = System.nanoTime();
                List<SeriesPoint> p = st.history().series(Subject.room(RoomId.of("r-" + id)), Metric.CO2, END.minus(Duration.ofDays(30)),
                        END, 1000);
                ms2[i] = (System.nanoTime() - a) / 1e6;
                points = p.size();
                if (points < Math.min(500, days * 1000 / 30)) {
                    throw new IllegalStateException("chart of r-" + id + " has " + points + " points");
                }
            }
            long a = System.nanoTime();
            st.history().series(Subject.room(RoomId.of("r-1")), Metric.CO2, END.minus(Duration.ofDays(30)), END, 1000);
            double same = (System.nanoTime() - a) / 1e6;
            double[] other = Arrays.copyOfRange(ms2, 1, ms2.length);
            Arrays.sort(other);
            System.out.printf(Locale.ROOT, "30-day CO2 chart of one room, 1000 px (%d points, 5-minute rollups): first %.1f ms; "
                    + "%d other rooms median %.1f ms, max %.1f ms; the first room again %.1f ms; load average %s%n", points,
                    ms2[0], other.length, other.length == 0 ? 0 : other[other.length / 2],
                    other.length == 0 ? 0 : other[other.length - 1], same, load());
        }
    }

    private static String schema(String url, String user, String name, List<String> created) throws SQLException {
        admin(url, user, "CREATE SCHEMA " + name);
        created.add(name);
        // the schema as the store makes it (Flyway), then empty again
        try (Store st = Store.open(StoreOptions.of(url + "?currentSchema=" + name).withCredentials(user, null),
                Clock.fixed(END, ZoneOffset.UTC))) {
            st.state();
        }
        return name;
    }

    private static void admin(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String url, String user, String schema, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + "?currentSchema=" + schema, user, null);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String server(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), current_setting('shared_buffers'), "
                     + "current_setting('synchronous_commit')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + ", shared_buffers " + rs.getString(2) + ", synchronous_commit "
                    + rs.getString(3);
        }
    }

    private static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
