package org.frischluft.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.report.LessonReport;
import org.frischluft.report.SchoolReport;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.ComfortLimits;
import org.frischluft.rooms.Floor;
import org.frischluft.rooms.Operator;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.Room;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;

/**
 * Term report benchmark (a plain {@code main}, not a test): the lesson report of {@code --rooms} rooms (2,500) over
 * a term of {@code --weeks} school weeks (8: 26 Oct – 18 Dec 2026) past raw retention, so every room's term comes
 * from its 5-minute rollups (one bucket every 5 minutes of the school hours 07:00–17:00, 120 a day), on H2 and on
 * PostgreSQL. In the same run, the baseline: the same rollup rows read with plain JDBC (one key-range query per
 * room, each value touched), nothing computed. Rounds alternate baseline and report; the best and the median of
 * {@code --rounds} (3) are printed.
 * Arguments: {@code --rooms N --weeks N --rounds N --dir DIR (target/report-bench) --pg JDBC_URL|none --reuse}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/frischluft_bench13?user=postgres}; the database must exist).
 */
public final class ReportBench {
    static final LocalDate FROM = LocalDate.of(2026, 10, 26);
    static final SchoolCalendar CAL = SchoolCalendar.germanDefault();
    static boolean reuse;

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rooms = 2_500;
        int weeks = 8;
        int rounds = 3;
        Path dir = Path.of("target/report-bench");
        String pg = "jdbc:postgresql://127.0.0.1:5432/frischluft_bench13?user=postgres";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reuse")) { // keep data a previous run wrote when it has the expected rows
                reuse = true;
                continue;
            }
            switch (args[i++]) {
                case "--rooms" -> rooms = Integer.parseInt(args[i]);
                case "--weeks" -> weeks = Integer.parseInt(args[i]);
                case "--rounds" -> rounds = Integer.parseInt(args[i]);
                case "--dir" -> dir = Path.of(args[i]);
                case "--pg" -> pg = args[i];
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        LocalDate to = FROM.plusWeeks(weeks).minusDays(3); // the last Friday
        SchoolModel school = school(rooms);
        System.out.printf(Locale.ROOT, "term report: %d rooms, %s..%s, JDK %s%n", rooms, FROM, to, System.getProperty("java.version"));
        Files.createDirectories(dir);
        String h2 = "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath();
        if (!reuse) Files.deleteIfExists(dir.resolve("bench.mv.db"));
        run("H2", h2, false, school, rooms, to, rounds);
        if (!pg.equals("none")) run("PostgreSQL", pg, true, school, rooms, to, rounds);
    }

    static SchoolModel school(int rooms) {
        List<Floor> floors = new ArrayList<>();
        List<Room> floor = new ArrayList<>();
        for (int r = 1; r <= rooms; r++) {
            floor.add(Room.of(RoomId.of("r-" + r), "R " + r, 180, 28, List.of()));
            if (floor.size() == 100 || r == rooms) {
                floors.add(new Floor("F" + floors.size(), floors.size(), floor));
                floor = new ArrayList<>();
            }
        }
        Site site = new Site(SiteId.of("city"), "City", CAL, null, null, ComfortLimits.DEFAULT,
                List.of(new Building("b", "B", floors)), List.of());
        return new SchoolModel(Operator.NONE, Profiles.UBA, List.of(), List.of(), List.of(site));
    }

    static void run(String name, String url, boolean postgres, SchoolModel school, int rooms, LocalDate to, int rounds)
            throws Exception {
        Clock clock = Clock.systemUTC();
        StoreOptions options = StoreOptions.of(url).withRawRetention(Duration.ZERO);
        try (Store store = Store.open(options, clock)) {
            // schema only; the data goes in with plain SQL below
        }
        long rows = -1;
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            long expected = (long) rooms * 120 * weekdays(to);
            if (reuse) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rollup_5m")) {
                    rs.next();
                    if (rs.getLong(1) == expected) rows = expected;
                }
            }
            if (rows >= 0) {
                System.out.printf(Locale.ROOT, "%s: %,d rollup rows kept from an earlier run%n", name, rows);
            } else {
                rows = fill(c, postgres, rooms, to);
                System.out.printf(Locale.ROOT, "%s: %,d rollup rows written in %.1f s%n", name, rows, (System.nanoTime() - t0) / 1e9);
            }
        }
        List<Double> base = new ArrayList<>();
        List<Double> report = new ArrayList<>();
        long[] checksum = new long[2];
        try (Store store = Store.open(options, clock)) {
            for (int round = 0; round <= rounds; round++) { // round 0 warms up, uncounted
                long b0 = System.nanoTime();
                try (Connection c = DriverManager.getConnection(url)) {
                    checksum[0] = baseline(c, rooms, to);
                }
                double b = (System.nanoTime() - b0) / 1e9;
                long r0 = System.nanoTime();
                long[] lessons = {0};
                SchoolReport.forEachRoom(school, store.reports()::co2, FROM, to, id -> true, (site, room) -> {
                    lessons[0] += room.lessons().size() + room.term().complete();
                });
                double r = (System.nanoTime() - r0) / 1e9;
                checksum[1] = lessons[0];
                System.out.printf(Locale.ROOT, "%s round %d%s: baseline %.2f s, report %.2f s (%.2f x)%n", name, round,
                        round == 0 ? " (warm-up)" : "", b, r, r / b);
                if (round > 0) {
                    base.add(b);
                    report.add(r);
                }
            }
        }
        base.sort(null);
        report.sort(null);
        System.out.printf(Locale.ROOT, "%s: baseline best %.2f s median %.2f s; report best %.2f s median %.2f s; "
                        + "report/baseline (medians) %.2f; %d rows read by the baseline, %d lessons + complete lessons%n",
                name, base.get(0), base.get(base.size() / 2), report.get(0), report.get(report.size() / 2),
                report.get(report.size() / 2) / base.get(base.size() / 2), checksum[0], checksum[1]);
    }

    static int weekdays(LocalDate to) {
        int n = 0;
        for (LocalDate d = FROM; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) n++;
        }
        return n;
    }

    /** Devices, placements and 5-minute rollups of the school hours of every school day; returns the rollup rows. */
    static long fill(Connection c, boolean postgres, int rooms, LocalDate to) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM rollup_5m");
            s.executeUpdate("DELETE FROM rollup_1h");
            s.executeUpdate("DELETE FROM reading");
            s.executeUpdate("DELETE FROM placement");
            s.executeUpdate("DELETE FROM device");
            c.commit();
            String range = postgres ? "generate_series(1, " + rooms + ") AS d(x)" : "SYSTEM_RANGE(1, " + rooms + ") d";
            s.executeUpdate("INSERT INTO device (id, name) SELECT d.x, 'bench-' || d.x FROM " + range);
            s.executeUpdate("INSERT INTO placement (device_id, room_id, valid_from, valid_to) SELECT d.x, 'r-' || d.x, 0, NULL FROM " + range);
            c.commit();
        }
        long rows = 0;
        String slots = postgres ? "generate_series(0, 119) AS s(x)" : "SYSTEM_RANGE(0, 119) s";
        String dev = postgres ? "generate_series(1, " + rooms + ") AS d(x)" : "SYSTEM_RANGE(1, " + rooms + ") d";
        // a sawtooth over each lesson hour, shifted per room: means between about 600 and 1700 ppm
        String v = "(600 + MOD(s.x, 12) * 80 + MOD(d.x, 7) * 40)";
        String sql = "INSERT INTO rollup_5m (k, co2_ppm_n, co2_ppm_sum, co2_ppm_min, co2_ppm_max) SELECT "
                + "CAST(d.x AS BIGINT) * 4398046511104 + ? + s.x * 300000, 5, 5 * " + v + ", " + v + " - 20, " + v + " + 20 FROM "
                + dev + ", " + slots;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (LocalDate d = FROM; !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
                ps.setLong(1, CAL.at(d, CAL.hoursFrom()).toEpochMilli());
                rows += ps.executeUpdate();
                c.commit();
            }
        }
        if (postgres) {
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE rollup_5m");
            }
        }
        return rows;
    }

    /** The same rows as the report reads, by plain JDBC: per room one key range of rollup_5m, every value touched. */
    static long baseline(Connection c, int rooms, LocalDate to) throws Exception {
        Instant[] range = LessonReport.range(CAL, FROM, to);
        long n = 0;
        double sum = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT k, co2_ppm_n, co2_ppm_sum, co2_ppm_max FROM rollup_5m WHERE k >= ? AND k < ? ORDER BY k")) {
            ps.setFetchSize(2_000);
            for (int d = 1; d <= rooms; d++) {
                ps.setLong(1, ((long) d << 42) | range[0].toEpochMilli());
                ps.setLong(2, ((long) d << 42) | range[1].toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum += rs.getLong(1) + rs.getInt(2) + rs.getDouble(3) + rs.getFloat(4);
                        n++;
                    }
                }
            }
        }
        if (sum == 42) System.out.print(""); // keep the reads
        return n;
    }

}
