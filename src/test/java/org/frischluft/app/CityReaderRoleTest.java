package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;
import org.frischluft.model.RoomId;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.TestSchool;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.store.StoreState;
import org.frischluft.store.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The roles of {@code installer/postgres/roles.sql} on the PostgreSQL at 127.0.0.1:5432 (issue 15): a desktop of the
 * city opens the central history with a {@code frischluft_reader} login and writes nothing — no migration, no
 * sensor placement, no retention — while a {@code frischluft_writer} login records. Each run in its own schema with
 * its own two login roles (members of the script's roles), all dropped afterwards; the script's two group roles
 * stay, as the script is meant to be run again. Skipped, with the reason, when no server answers.
 */
class CityReaderRoleTest {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String ADMIN = "postgres";
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final DeviceId DEV = DeviceId.of("70b3d57ed0001a01");

    private String schema;
    private String reader;
    private String writer;

    @BeforeEach
    void schemaAndLogins() throws Exception {
        String unreachable = null;
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(SERVER + "?connectTimeout=3", ADMIN, null)) {
            if (!c.isValid(3)) unreachable = "connection not valid";
        } catch (SQLException e) {
            unreachable = e.getMessage();
        }
        String why = unreachable;
        assumeTrue(why == null, () -> "PostgreSQL at " + SERVER + " (user " + ADMIN + ") not reachable: " + why);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        schema = "fl_roles_" + id;
        reader = "fl_kiosk_" + id;
        writer = "fl_recorder_" + id;
        admin("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void drop() throws SQLException {
        if (schema == null) return;
        admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        for (String role : List.of(reader, writer)) {
            admin("DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
        }
    }

    @Test
    void aDesktopWithTheReaderRoleShowsHistoryAndWritesNothingWhileTheWriterRoleRecords() throws Exception {
        // the central database as the recorders left it: schema migrated, one sensor with a morning of readings
        Clock clock = Clock.fixed(T0.plus(Duration.ofDays(1)), java.time.ZoneOffset.UTC);
        try (Store first = Store.open(options(ADMIN), clock)) {
            for (int i = 0; i < 120; i++) first.writer().submit(Reading.of(DEV, T0.plusSeconds(60L * i), 500.0 + i, 21.0, 40.0));
            first.writer().flush(Duration.ofSeconds(20));
            first.assign(DEV, RoomId.of("r-101"), T0);
        }
        // as the administrator would: the script, then a login per host in each role
        try (Connection c = DriverManager.getConnection(url(), ADMIN, null); Statement s = c.createStatement()) {
            s.execute(Files.readString(Path.of("installer/postgres/roles.sql")));
            s.execute("CREATE ROLE " + reader + " LOGIN IN ROLE frischluft_reader");
            s.execute("ALTER ROLE " + reader + " SET default_transaction_read_only = on");
            s.execute("CREATE ROLE " + writer + " LOGIN IN ROLE frischluft_writer");
        }
        long migrations = count("SELECT COUNT(*) FROM flyway_schema_history");
        long placements = count("SELECT COUNT(*) FROM placement");

        // the reader role really cannot write, whatever the app did
        try (Connection c = DriverManager.getConnection(url(), reader, null); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM reading")).isInstanceOf(SQLException.class);
        }
        try (Connection c = DriverManager.getConnection(url(), reader, null); Statement s = c.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"); // past the session setting: privileges
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO device (name) VALUES ('x')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }

        // the city's desktop: a school file that places the sensor (a writer would store that placement)
        SchoolCatalog school = SchoolCatalog.of(TestSchool.site("s", "Schule").room("r-101", "R 101", "EG", 0)
                .sensor(DEV.value(), null, null).model(), "test", clock);
        Store store = Store.open(options(reader), clock);
        assertThat(store.writable()).isFalse();
        assertThat(store.state().kind()).isEqualTo(StoreState.Kind.READ_ONLY);
        long started = System.nanoTime();
        AppContext desktop = new AppContext(school, store, List.of(), clock); // owns and closes the store
        try {
            // started without waiting for placements it can never store (they would time out after 30 s)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(store.history().series(Subject.room(RoomId.of("r-101")), Metric.CO2, T0, T0.plusSeconds(7200), 400))
                    .hasSize(120);
            store.writer().flush(Duration.ofSeconds(5));
            assertThat(store.state().kind()).as("no write was tried").isEqualTo(StoreState.Kind.READ_ONLY);
            assertThat(store.state().detail()).doesNotContain("retrying");
        } finally {
            desktop.close();
        }
        assertThat(count("SELECT COUNT(*) FROM flyway_schema_history")).as("no migration ran").isEqualTo(migrations);
        assertThat(count("SELECT COUNT(*) FROM placement")).isEqualTo(placements);
        assertThat(count("SELECT COUNT(*) FROM reading")).isEqualTo(120);

        // a recorder with the writer role records into the same tables
        try (Store rec = Store.open(options(writer), clock)) {
            assertThat(rec.writable()).isTrue();
            rec.writer().submit(Reading.of(DEV, T0.plusSeconds(7200), 900.0, 21.0, 40.0));
            rec.writer().flush(Duration.ofSeconds(20));
            assertThat(rec.writer().committedRows()).isEqualTo(1);
            assertThat(rec.state().isOk()).isTrue();
        }
        assertThat(count("SELECT COUNT(*) FROM reading")).isEqualTo(121);
        assertThat(count("SELECT SUM(co2_ppm_n) FROM rollup_5m")).isEqualTo(121);
    }

    private String url() {
        return SERVER + "?currentSchema=" + schema;
    }

    private StoreOptions options(String user) {
        return StoreOptions.of(url()).withCredentials(user, null);
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, ADMIN, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), ADMIN, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
