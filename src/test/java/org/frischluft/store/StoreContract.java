package org.frischluft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behaviour every database behind the store must show; subclasses supply H2 or PostgreSQL. */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final DeviceId DEV_A = DeviceId.of("70b3d57ed0001a01");
    static final DeviceId DEV_B = DeviceId.of("70b3d57ed0001a02");
    static final RoomId R101 = RoomId.of("r-101");
    static final RoomId R202 = RoomId.of("r-202");
    static final Duration FLUSH = Duration.ofSeconds(20);

    /** Closed hours whose hourly count differs from the sum of their 5-minute buckets (should be none). */
    static final String HOURS_CONSISTENT = "SELECT COUNT(*) FROM rollup_1h h WHERE h.co2_ppm_n <> (SELECT SUM(f.co2_ppm_n) "
            + "FROM rollup_5m f WHERE f.k >= h.k AND f.k < h.k + 3600000)";

    final MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(3)));
    private final List<Store> opened = new ArrayList<>();

    /** Options for a fresh, empty database of this kind; the same value on every call within one test. */
    abstract StoreOptions options();

    /**
     * False where a device's newest hour stays open in memory and out of {@code rollup_1h} (H2, one writer); true
     * where every batch adds to the hourly row in the database (PostgreSQL, several writers).
     */
    boolean newestHourInHourlyTable() {
        return false;
    }

    Store open() {
        return open(options());
    }

    Store open(StoreOptions o) {
        Store s = Store.open(o, clock);
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Store::close);
    }

    static Reading co2(DeviceId d, Instant t, double ppm) {
        return Reading.of(d, t, ppm, 21.5, 40.0);
    }

    long count(String sql, long... args) throws SQLException {
        StoreOptions o = options();
        try (Connection c = DriverManager.getConnection(o.jdbcUrl(), o.user(), o.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setLong(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String export(Store store, ExportQuery q) throws IOException {
        StringBuilder sb = new StringBuilder();
        store.history().exportCsv(q, sb);
        return sb.toString();
    }

    @Test
    void writerCommitsEverySubmittedReadingAcrossSeveralBatches() throws Exception {
        Store store = open();
        List<Reading> rs = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rs.add(co2(i % 2 == 0 ? DEV_A : DEV_B, T0.plusSeconds(60L * i), 400 + i % 700));
        }
        store.writer().submitAll(rs);
        store.writer().flush(FLUSH);

        assertThat(store.writer().committedRows()).isEqualTo(2_500);
        assertThat(count("SELECT COUNT(*) FROM reading")).isEqualTo(2_500);
        assertThat(count("SELECT COUNT(*) FROM device")).isEqualTo(2);
        assertThat(store.state().kind()).isEqualTo(StoreState.Kind.OK);
    }

    @Test
    void duplicateReadingsAreStoredOnceWithoutFailingTheBatch() throws Exception {
        Store store = open();
        Reading up = co2(DEV_A, T0, 812);
        Reading normalizedTwin = co2(DEV_A, T0, 812);
        store.writer().submitAll(List.of(up, normalizedTwin, co2(DEV_A, T0.plusSeconds(60), 830)));
        store.writer().flush(FLUSH);
        // QoS-1 redelivery in a later batch, next to a new reading
        store.writer().submitAll(List.of(up, co2(DEV_A, T0.plusSeconds(120), 850)));
        store.writer().flush(FLUSH);

        assertThat(store.writer().committedRows()).isEqualTo(3);
        assertThat(store.writer().duplicateRows()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM reading")).isEqualTo(3);
        assertThat(count("SELECT SUM(co2_ppm_n) FROM rollup_5m")).isEqualTo(3);
        assertThat(store.state().isOk()).isTrue();
    }

    @Test
    void reingestAfterReopenAddsNothingAndRollupsStayExact() throws Exception {
        List<Reading> rs = new ArrayList<>();
        for (int i = 0; i < 300; i++) rs.add(co2(DEV_A, T0.plusSeconds(30L * i), 500 + i));
        try (Store first = Store.open(options(), clock)) {
            first.writer().submitAll(rs.subList(0, 200));
            first.writer().flush(FLUSH);
        }
        Store second = open();
        second.writer().submitAll(rs); // restart re-ingests everything
        second.writer().flush(FLUSH);

        assertThat(second.writer().committedRows()).isEqualTo(100);
        assertThat(second.writer().duplicateRows()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM reading")).isEqualTo(300);
        assertThat(count("SELECT SUM(co2_ppm_n) FROM rollup_5m")).isEqualTo(300);
        assertThat(count(HOURS_CONSISTENT)).isZero();
        assertThat(count("SELECT COUNT(*) FROM rollup_1h")).as("hours").isEqualTo(newestHourInHourlyTable() ? 3 : 2);
    }

    @Test
    void rollupsHoldMinMeanMaxAndCountPerFiveMinutesAndHour() throws Exception {
        Store store = open();
        // 08:00..08:04 one bucket, values 400..800; a second batch adds 08:04:30 = 1000 to the same bucket
        for (int i = 0; i < 5; i++) store.writer().submit(co2(DEV_A, T0.plusSeconds(60L * i), 400 + 100 * i));
        store.writer().flush(FLUSH);
        store.writer().submit(co2(DEV_A, T0.plusSeconds(270), 1000));
        store.writer().submit(Reading.of(DEV_A, T0.plusSeconds(300), null, 19.0, null)); // next bucket, no CO2
        store.writer().flush(FLUSH);
        assertThat(count("SELECT COUNT(*) FROM rollup_1h")).as("the newest hour is still open")
                .isEqualTo(newestHourInHourlyTable() ? 1 : 0);
        store.writer().submit(Reading.of(DEV_A, T0.plus(Duration.ofHours(1)), null, null, 50.0)); // closes 08:00
        store.writer().flush(FLUSH);

        long k = Schema.key(1, T0.toEpochMilli());
        assertThat(count("SELECT co2_ppm_n FROM rollup_5m WHERE k = ?", k)).isEqualTo(6);
        assertThat(count("SELECT CAST(co2_ppm_min AS BIGINT) FROM rollup_5m WHERE k = ?", k)).isEqualTo(400);
        assertThat(count("SELECT CAST(co2_ppm_max AS BIGINT) FROM rollup_5m WHERE k = ?", k)).isEqualTo(1000);
        assertThat(count("SELECT CAST(co2_ppm_sum AS BIGINT) FROM rollup_5m WHERE k = ?", k)).isEqualTo(4000);
        long next = Schema.key(1, T0.plusSeconds(300).toEpochMilli());
        assertThat(count("SELECT COUNT(*) FROM rollup_5m WHERE k = ? AND co2_ppm_n IS NULL AND temperature_c_n = 1", next))
                .isEqualTo(1);
        assertThat(count("SELECT co2_ppm_n FROM rollup_1h WHERE k = ?", k)).isEqualTo(6);
        assertThat(count("SELECT temperature_c_n FROM rollup_1h WHERE k = ?", k)).isEqualTo(7);
    }

    @Test
    void rollupsEqualTheRawReadingsAfterShuffledBatchesWithRepeatsLateDataAndARestart() throws Exception {
        java.util.Random rnd = new java.util.Random(42);
        List<Reading> hours = new ArrayList<>(); // three hours, every 20 s, two devices, some values absent
        for (int i = 0; i < 3 * 180; i++) {
            for (DeviceId d : List.of(DEV_A, DEV_B)) {
                hours.add(Reading.of(d, T0.plusSeconds(20L * i), i % 7 == 3 ? null : 400.0 + rnd.nextInt(1200),
                        18 + rnd.nextInt(80) / 10.0, i % 3 == 0 ? null : 30 + rnd.nextInt(400) / 10.0));
            }
        }
        List<Reading> first = new ArrayList<>(hours.subList(0, 720)); // hours 1 and 2, shuffled, some twice
        for (int i = 0; i < 720; i += 10) first.add(hours.get(i));
        java.util.Collections.shuffle(first, rnd);
        List<Reading> second = new ArrayList<>(hours.subList(720, 1020)); // most of hour 3 ...
        for (int i = 0; i < 60; i++) { // ... late readings for the closed hour 1, repeats of the first batch
            second.add(Reading.of(i % 2 == 0 ? DEV_A : DEV_B, T0.plusSeconds(20L * i + 10), 3000.0 + i, null, null));
            second.add(first.get(i));
        }
        java.util.Collections.shuffle(second, rnd);
        try (Store store = Store.open(options(), clock)) {
            store.writer().submitAll(first);
            store.writer().flush(FLUSH);
            store.writer().submitAll(second);
            store.writer().flush(FLUSH);
        }
        List<Reading> third = new ArrayList<>(hours.subList(1020, hours.size())); // after a restart: end of hour 3,
        for (int i = 0; i < 40; i++) { // hour 4, and a late reading for hour 2
            third.add(co2(i % 2 == 0 ? DEV_A : DEV_B, T0.plus(Duration.ofHours(3)).plusSeconds(30L * i), 500 + i));
        }
        third.add(co2(DEV_B, T0.plus(Duration.ofHours(1)).plusSeconds(5), 4321));
        Store store = open();
        store.writer().submitAll(third);
        store.writer().flush(FLUSH);

        assertThat(count("SELECT COUNT(*) FROM reading")).isEqualTo(1080 + 60 + 40 + 1);
        assertRollupsMatchRawReadings();
    }

    /** Every 5-minute row and every closed hour equals count, sum, min and max recomputed from the raw readings. */
    void assertRollupsMatchRawReadings() throws SQLException {
        String[] metrics = {"co2_ppm", "temperature_c", "humidity_pct"};
        java.util.Map<Long, double[]> five = new java.util.TreeMap<>(); // per metric: n, sum, min, max
        java.util.Map<Long, double[]> hour = new java.util.TreeMap<>();
        java.util.Map<Integer, Long> newestHour = new java.util.HashMap<>();
        StoreOptions o = options();
        try (Connection c = DriverManager.getConnection(o.jdbcUrl(), o.user(), o.password())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT k, " + String.join(", ", metrics) + " FROM reading");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long k = rs.getLong(1);
                    int dev = Schema.device(k);
                    long ms = Schema.millis(k);
                    long h = Schema.Rollup.HOUR.bucket(ms);
                    newestHour.merge(dev, h, Math::max);
                    double[] f = five.computeIfAbsent(Schema.key(dev, Schema.Rollup.FIVE_MINUTES.bucket(ms)), x -> new double[12]);
                    double[] a = hour.computeIfAbsent(Schema.key(dev, h), x -> new double[12]);
                    for (int m = 0; m < metrics.length; m++) {
                        float v = rs.getFloat(2 + m);
                        if (rs.wasNull()) continue;
                        for (double[] agg : List.of(f, a)) {
                            agg[4 * m + 2] = agg[4 * m] == 0 ? v : Math.min(agg[4 * m + 2], v);
                            agg[4 * m + 3] = agg[4 * m] == 0 ? v : Math.max(agg[4 * m + 3], v);
                            agg[4 * m]++;
                            agg[4 * m + 1] += v;
                        }
                    }
                }
            }
            if (!newestHourInHourlyTable()) newestHour.forEach((dev, h) -> hour.remove(Schema.key(dev, h))); // still open
            for (String table : List.of("rollup_5m", "rollup_1h")) {
                java.util.Map<Long, double[]> expected = table.equals("rollup_5m") ? five : hour;
                java.util.Set<Long> seen = new java.util.TreeSet<>();
                StringBuilder cols = new StringBuilder("k");
                for (String m : metrics) cols.append(", ").append(m).append("_n, ").append(m).append("_sum, ")
                        .append(m).append("_min, ").append(m).append("_max");
                try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + table);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long k = rs.getLong(1);
                        seen.add(k);
                        double[] e = expected.get(k);
                        assertThat(e).as("%s row %d has raw readings", table, k).isNotNull();
                        for (int m = 0; m < metrics.length; m++) {
                            String what = table + " " + metrics[m] + " at " + Instant.ofEpochMilli(Schema.millis(k));
                            assertThat(rs.getInt(2 + 4 * m)).as(what + " n").isEqualTo((int) e[4 * m]);
                            if (e[4 * m] == 0) continue;
                            assertThat(rs.getDouble(3 + 4 * m)).as(what + " sum").isCloseTo(e[4 * m + 1], within(1e-6));
                            assertThat(rs.getFloat(4 + 4 * m)).as(what + " min").isEqualTo((float) e[4 * m + 2]);
                            assertThat(rs.getFloat(5 + 4 * m)).as(what + " max").isEqualTo((float) e[4 * m + 3]);
                        }
                    }
                }
                assertThat(seen).as(table + " keys").isEqualTo(expected.keySet());
            }
        }
    }

    @Test
    void seriesStaysWithinPointBudgetAndKeepsPeakAndTrough() throws Exception {
        Store store = open();
        store.assign(DEV_A, R101, T0.minus(Duration.ofDays(1)));
        List<Reading> rs = new ArrayList<>();
        for (int i = 0; i < 3 * 1440; i++) {
            double v = 600 + 300 * Math.sin(i / 50.0);
            if (i == 1234) v = 2950; // a short peak
            if (i == 3210) v = 410; // a trough
            rs.add(co2(DEV_A, T0.plusSeconds(60L * i), v));
        }
        store.writer().submitAll(rs);
        store.writer().flush(FLUSH);

        // one day at 1000 px: raw readings (1440 > 1000, thinned)
        List<SeriesPoint> day = store.history().series(Subject.room(R101), Metric.CO2, T0, T0.plus(Duration.ofDays(1)), 1000);
        assertThat(day).hasSizeBetween(500, 1000);
        assertThat(day).extracting(SeriesPoint::value).contains(2950.0);
        assertThat(day).isSortedAccordingTo(java.util.Comparator.comparing(SeriesPoint::time));
        // three days at 200 px: rollups, still with the extremes
        List<SeriesPoint> three = store.history().series(Subject.device(DEV_A), Metric.CO2, T0, T0.plus(Duration.ofDays(3)), 200);
        assertThat(three).hasSizeBetween(100, 200);
        assertThat(three).extracting(SeriesPoint::value).contains(2950.0, 410.0);
        // a short range fits: every raw reading comes back unchanged
        List<SeriesPoint> hour = store.history().series(Subject.room(R101), Metric.CO2, T0, T0.plus(Duration.ofHours(1)), 800);
        assertThat(hour).hasSize(60);
        assertThat(hour.get(0)).isEqualTo(new SeriesPoint(T0, 600.0));
    }

    @Test
    void longRangeChartUsesHourlyRollupsAndStillShowsTheOpenHour() throws Exception {
        Store store = open();
        List<Reading> rs = new ArrayList<>();
        int minutes = 10 * 1440;
        for (int i = 0; i < minutes; i += 5) {
            double v = i == 4000 ? 2500 : i == minutes - 10 ? 3100 : 500 + (i % 600); // 3100 falls in the newest hour
            rs.add(co2(DEV_A, T0.plusSeconds(60L * i), v));
        }
        store.writer().submitAll(rs);
        store.writer().flush(FLUSH);
        assertThat(count(HOURS_CONSISTENT)).isZero();
        assertThat(count("SELECT COUNT(*) FROM rollup_1h")).isEqualTo(10 * 24 - (newestHourInHourlyTable() ? 0 : 1));

        List<SeriesPoint> s = store.history().series(Subject.device(DEV_A), Metric.CO2, T0, T0.plus(Duration.ofDays(10)), 100);
        assertThat(s).hasSizeBetween(50, 100);
        assertThat(s).extracting(SeriesPoint::value).contains(2500.0, 3100.0, 500.0);
        assertThat(s).isSortedAccordingTo(java.util.Comparator.comparing(SeriesPoint::time));
    }

    @Test
    void statsCountMinutesAboveThresholdPerLesson() throws Exception {
        Store store = open();
        store.assign(DEV_A, R101, T0);
        // lesson 1: 20 minutes at 900 ppm, then 25 at 1200; lesson 2: 45 minutes at 800
        for (int m = 0; m < 90; m++) {
            double v = m < 20 ? 900 : m < 45 ? 1200 : 800;
            store.writer().submit(co2(DEV_A, T0.plus(Duration.ofMinutes(m)), v));
        }
        store.writer().flush(FLUSH);

        List<IntervalStats> lessons = store.history().stats(Subject.room(R101), Metric.CO2, T0,
                T0.plus(Duration.ofMinutes(90)), Duration.ofMinutes(45), 1000);

        assertThat(lessons).hasSize(2);
        IntervalStats first = lessons.get(0);
        assertThat(first.count()).isEqualTo(45);
        assertThat(first.min()).isEqualTo(900);
        assertThat(first.max()).isEqualTo(1200);
        assertThat(first.mean()).isCloseTo((20 * 900 + 25 * 1200) / 45.0, within(1e-6));
        assertThat(first.minutesAbove()).isCloseTo(25.0, within(1e-9));
        assertThat(lessons.get(1).minutesAbove()).isZero();
        assertThat(lessons.get(1).end()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    }

    @Test
    void aSensorMovedToAnotherRoomLeavesItsHistoryWithTheOldRoom() throws Exception {
        Store store = open();
        Instant moved = T0.plus(Duration.ofHours(1));
        store.assign(DEV_A, R101, T0);
        for (int m = 0; m < 60; m++) store.writer().submit(co2(DEV_A, T0.plus(Duration.ofMinutes(m)), 700));
        store.writer().flush(FLUSH);
        store.assign(DEV_A, R202, moved);
        store.assign(DEV_A, R202, moved.plusSeconds(600)); // a config reload: no new placement
        for (int m = 60; m < 120; m++) store.writer().submit(co2(DEV_A, T0.plus(Duration.ofMinutes(m)), 1500));
        store.writer().flush(FLUSH);

        Instant to = T0.plus(Duration.ofHours(2));
        assertThat(store.history().series(Subject.room(R101), Metric.CO2, T0, to, 500))
                .hasSize(60).allMatch(p -> p.value() == 700 && p.time().isBefore(moved));
        assertThat(store.history().series(Subject.room(R202), Metric.CO2, T0, to, 500))
                .hasSize(60).allMatch(p -> p.value() == 1500 && !p.time().isBefore(moved));
        assertThat(store.history().series(Subject.device(DEV_A), Metric.CO2, T0, to, 500)).hasSize(120);
        assertThat(count("SELECT COUNT(*) FROM placement")).isEqualTo(2);
        String csv = export(store, new ExportQuery(moved.minusSeconds(60), moved.plusSeconds(61), DEV_A, null));
        assertThat(csv.lines().skip(1)).containsExactly(
                "2026-03-02T08:59:00Z,70b3d57ed0001a01,r-101,700,21.5,40",
                "2026-03-02T09:00:00Z,70b3d57ed0001a01,r-202,1500,21.5,40",
                "2026-03-02T09:01:00Z,70b3d57ed0001a01,r-202,1500,21.5,40");
    }

    @Test
    void placingAnUnassignedSensorClaimsItsEarlierReadingsButAMoveStartsNow() throws Exception {
        Store store = open();
        for (int m = 0; m < 30; m++) store.writer().submit(co2(DEV_A, T0.plus(Duration.ofMinutes(m)), 800));
        store.writer().flush(FLUSH);
        Instant configLoaded = T0.plus(Duration.ofHours(1));
        store.place(DEV_A, R101, configLoaded); // the admin assigns the sensor that has been sending all along
        store.place(DEV_A, R101, configLoaded.plusSeconds(60)); // reload: nothing changes
        Instant movedAt = T0.plus(Duration.ofHours(2));
        store.place(DEV_A, R202, movedAt); // moved without a date: from now on
        for (int m = 130; m < 140; m++) store.writer().submit(co2(DEV_A, T0.plus(Duration.ofMinutes(m)), 1200));
        store.writer().flush(FLUSH);

        Instant to = T0.plus(Duration.ofHours(3));
        assertThat(store.history().series(Subject.room(R101), Metric.CO2, T0, to, 500))
                .hasSize(30).allMatch(p -> p.value() == 800);
        assertThat(store.history().series(Subject.room(R202), Metric.CO2, T0, to, 500))
                .hasSize(10).allMatch(p -> p.value() == 1200);
        assertThat(count("SELECT COUNT(*) FROM placement")).isEqualTo(2);
    }

    @Test
    void exportWritesHeaderIsoUtcTimesAndEmptyCellsForAbsentValues() throws Exception {
        Store store = open();
        store.assign(DEV_A, R101, T0);
        store.writer().submit(Reading.of(DEV_A, T0, 1234.0, 21.37, null));
        store.writer().submit(Reading.of(DEV_A, T0.plusMillis(60_500), null, null, 45.5));
        store.writer().submit(co2(DEV_B, T0.plusSeconds(30), 450)); // never assigned: stored, room empty
        store.writer().flush(FLUSH);

        assertThat(export(store, ExportQuery.all())).isEqualTo("""
                time,device,room,co2_ppm,temperature_c,humidity_pct
                2026-03-02T08:00:00Z,70b3d57ed0001a01,r-101,1234,21.37,
                2026-03-02T08:01:00.500Z,70b3d57ed0001a01,r-101,,,45.5
                2026-03-02T08:00:30Z,70b3d57ed0001a02,,450,21.5,40
                """);
        assertThat(export(store, new ExportQuery(null, null, null, R101)).lines()).hasSize(3);
        assertThat(export(store, new ExportQuery(T0.plusSeconds(1), null, null, null)).lines()).hasSize(3);
        assertThat(export(store, new ExportQuery(null, null, DeviceId.of("unknown"), null)).lines()).hasSize(1);
    }

    @Test
    void retentionDeletesOldRawReadingsButKeepsRollups() throws Exception {
        Store store = open(options().withRawRetention(Duration.ofDays(90)));
        Instant now = clock.instant();
        Instant old = now.minus(Duration.ofDays(100));
        for (int m = 0; m < 3 * 1440; m += 10) store.writer().submit(co2(DEV_A, old.plus(Duration.ofMinutes(m)), 900));
        for (int m = 0; m < 60; m++) store.writer().submit(co2(DEV_A, now.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(m)), 600));
        store.writer().flush(FLUSH);
        assertThat(store.writer().committedRows()).isEqualTo(432 + 60);

        store.writer().runRetentionSoon(); // the writer may already have started on its own
        await().atMost(Duration.ofSeconds(20)).until(() -> store.writer().retentionDeletedRows() == 432);

        assertThat(count("SELECT COUNT(*) FROM reading")).isEqualTo(60);
        assertThat(count("SELECT SUM(co2_ppm_n) FROM rollup_5m")).isEqualTo(492);
        assertThat(count(HOURS_CONSISTENT)).isZero();
        // an old hour in a chart now comes from the 5-minute rollups
        assertThat(store.history().series(Subject.device(DEV_A), Metric.CO2, old, old.plus(Duration.ofHours(1)), 100))
                .hasSize(6).allMatch(p -> p.value() == 900);
        assertThat(export(store, new ExportQuery(old, old.plus(Duration.ofDays(3)), null, null)).lines()).hasSize(1);
    }

    @Test
    void zeroRetentionKeepsOldReadingsWhereNinetyDaysDeletesThem() throws Exception {
        Instant old = clock.instant().minus(Duration.ofDays(200));
        for (Duration retention : List.of(Duration.ZERO, Duration.ofDays(90))) {
            try (Store store = Store.open(options().withRawRetention(retention), clock)) {
                store.writer().submit(co2(DEV_A, old, 700));
                store.writer().flush(FLUSH);
                store.writer().runRetentionSoon();
                // single writer thread: the retention steps after one batch run before the next batch is written,
                // so once the second flush returns the steps triggered above have run
                store.writer().submit(co2(DEV_B, clock.instant(), 500));
                store.writer().flush(FLUSH);
                store.writer().submit(co2(DEV_B, clock.instant().plusSeconds(60), 500));
                store.writer().flush(FLUSH);
                assertThat(store.writer().retentionDeletedRows()).as("deleted with retention " + retention)
                        .isEqualTo(retention.isZero() ? 0 : 1);
            }
        }
    }

    @Test
    void readingsWithoutStoredMetricsOrBeforeNineteenSeventyAreRejectedAndCounted() throws Exception {
        Store store = open();
        store.writer().submit(new Reading(DEV_A, T0, java.util.Map.of(Metric.TVOC, 120.0)));
        store.writer().submit(co2(DEV_A, Instant.parse("1969-12-31T23:59:00Z"), 500));
        store.writer().submit(null);
        store.writer().submit(co2(DEV_A, T0, 500));
        store.writer().flush(FLUSH);

        assertThat(store.writer().rejectedRows()).isEqualTo(3);
        assertThat(store.writer().committedRows()).isEqualTo(1);
    }
}
