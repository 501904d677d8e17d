package org.frischluft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report reads on a real H2 file: raw readings where kept, 5-minute rollups where raw readings are gone. */
class ReportQueriesTest {
    static final Instant DAY1 = Instant.parse("2026-03-02T07:00:00Z");
    static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    static final DeviceId DEV = DeviceId.of("70b3d57ed0001a01");
    static final DeviceId OTHER = DeviceId.of("70b3d57ed0001a02");
    static final RoomId ROOM = RoomId.of("r-101");

    @TempDir
    Path dir;

    String url() {
        return "jdbc:h2:file:" + dir.resolve("history").toAbsolutePath();
    }

    @Test
    void pastRetentionTheFiveMinuteRollupsStandInForTheRawReadings() throws Exception {
        MutableClock clock = new MutableClock(DAY2.plus(Duration.ofDays(1)));
        StoreOptions options = StoreOptions.of(url()).withRawRetention(Duration.ZERO);
        try (Store store = Store.open(options, clock)) {
            store.assign(DEV, ROOM, DAY1.minus(Duration.ofDays(1)));
            store.assign(OTHER, RoomId.of("r-202"), DAY1.minus(Duration.ofDays(1)));
            List<Reading> rs = new ArrayList<>();
            for (int m = 0; m < 60; m++) { // one reading a minute, 1000 + 10·m, on both days
                rs.add(Reading.of(DEV, DAY1.plus(Duration.ofMinutes(m)), 1000.0 + 10 * m, null, null));
                rs.add(Reading.of(DEV, DAY2.plus(Duration.ofMinutes(m)), 1000.0 + 10 * m, null, null));
                rs.add(Reading.of(OTHER, DAY1.plus(Duration.ofMinutes(m)), 400.0, null, null));
            }
            store.writer().submitAll(rs);
            store.writer().flush(Duration.ofSeconds(20));
        }
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM reading WHERE MOD(k, 4398046511104) < " + DAY2.toEpochMilli()); // day 1's raw rows
        }
        try (Store store = Store.open(options, clock)) {
            Co2Series s = store.reports().co2(ROOM, DAY1.minus(Duration.ofHours(1)), DAY2.plus(Duration.ofHours(2)));
            assertThat(s.size()).isEqualTo(12 + 60);
            assertThat(s.buckets()).isEqualTo(12);
            assertThat(s.spanMs(0)).isEqualTo(300_000);
            assertThat(s.ms(0)).isEqualTo(DAY1.toEpochMilli());
            assertThat(s.value(0)).isCloseTo(1020f, within(1e-3f)); // mean of 1000..1040
            assertThat(s.peak(0)).isEqualTo(1040f);
            assertThat(s.ms(12)).isEqualTo(DAY2.toEpochMilli());
            assertThat(s.spanMs(12)).isZero();
            assertThat(s.value(71)).isEqualTo(1590f);
            assertThat(store.reports().co2(RoomId.of("r-999"), DAY1, DAY2).size()).isZero();
        }
    }

    @Test
    void rawReadingsAreUsedWhereTheyAreKeptAndNoBucketDoublesThem() throws Exception {
        MutableClock clock = new MutableClock(DAY2);
        try (Store store = Store.open(StoreOptions.of(url()).withRawRetention(Duration.ZERO), clock)) {
            store.assign(DEV, ROOM, DAY1.minus(Duration.ofDays(1)));
            List<Reading> rs = new ArrayList<>();
            for (int m = 0; m < 30; m++) rs.add(Reading.of(DEV, DAY1.plus(Duration.ofMinutes(m)), 800.0, null, null));
            store.writer().submitAll(rs);
            store.writer().flush(Duration.ofSeconds(20));
            Co2Series s = store.reports().co2(ROOM, DAY1.minus(Duration.ofHours(1)), DAY1.plus(Duration.ofHours(1)));
            assertThat(s.size()).isEqualTo(30);
            assertThat(s.buckets()).isZero();
        }
    }
}
