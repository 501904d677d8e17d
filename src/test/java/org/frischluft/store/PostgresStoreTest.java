package org.frischluft.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract on the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), each
 * test in its own schema, dropped afterwards. Skipped, with the reason, when no server answers.
 */
class PostgresStoreTest extends StoreContract {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    private static String unreachable;

    private String schema;

    @BeforeAll
    static void probe() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(SERVER + "?connectTimeout=3", USER, null)) {
            unreachable = c.isValid(3) ? null : "connection not valid";
        } catch (SQLException e) {
            unreachable = e.getMessage();
        }
    }

    @BeforeEach
    void createSchema() throws SQLException {
        assumeTrue(unreachable == null, () -> "PostgreSQL at " + SERVER + " (user " + USER + ") not reachable: " + unreachable);
        schema = "fl_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER, USER, null); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema == null) return;
        closeStores();
        try (Connection c = DriverManager.getConnection(SERVER, USER, null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    boolean newestHourInHourlyTable() {
        return true;
    }

    /**
     * Two writers on one database, as two {@code record} instances sharing a subscription (issue 15): the same
     * devices, interleaved, a fifth of the readings given to both (a redelivery), late and shuffled data, small
     * batches so their transactions overlap. Every reading is stored once and every rollup equals the raw rows.
     */
    @org.junit.jupiter.api.Test
    void twoWritersOnOneDatabaseStoreEachReadingOnceAndTheRollupsStayExact() throws Exception {
        java.util.Random rnd = new java.util.Random(7);
        java.util.List<org.frischluft.model.Reading> all = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * 60; i++) { // three hours, one reading a minute, 30 devices
            for (int d = 0; d < 30; d++) {
                all.add(org.frischluft.model.Reading.of(org.frischluft.model.DeviceId.of(String.format("70b3d57ed00f%04x", d)),
                        T0.plusSeconds(60L * i + d), 400.0 + rnd.nextInt(1500), 18 + rnd.nextInt(80) / 10.0,
                        i % 4 == 0 ? null : 30 + rnd.nextInt(400) / 10.0));
            }
        }
        java.util.List<org.frischluft.model.Reading> toA = new java.util.ArrayList<>();
        java.util.List<org.frischluft.model.Reading> toB = new java.util.ArrayList<>();
        int both = 0;
        for (int i = 0; i < all.size(); i++) {
            boolean a = rnd.nextBoolean();
            (a ? toA : toB).add(all.get(i));
            if (rnd.nextInt(5) == 0) {
                (a ? toB : toA).add(all.get(i));
                both++;
            }
        }
        for (java.util.List<org.frischluft.model.Reading> l : java.util.List.of(toA, toB)) { // late data: local shuffles
            for (int i = 0; i + 200 <= l.size(); i += 200) java.util.Collections.shuffle(l.subList(i, i + 200), rnd);
        }
        StoreOptions small = options().withBatch(40, java.time.Duration.ofMillis(10)).withBacklogBatchRows(80);
        Store a = open(small);
        Store b = open(small);
        java.util.List<StoreState> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (Store s : java.util.List.of(a, b)) s.onStateChange(st -> {
            if (!st.isOk()) failures.add(st);
        });
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2); // at once
        try {
            java.util.concurrent.Future<?> fa = two.submit(() -> feed(a, toA));
            java.util.concurrent.Future<?> fb = two.submit(() -> feed(b, toB));
            fa.get(120, java.util.concurrent.TimeUnit.SECONDS);
            fb.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }

        org.assertj.core.api.Assertions.assertThat(count("SELECT COUNT(*) FROM reading")).isEqualTo(all.size());
        org.assertj.core.api.Assertions.assertThat(a.writer().committedRows() + b.writer().committedRows())
                .isEqualTo(all.size());
        org.assertj.core.api.Assertions.assertThat(a.writer().duplicateRows() + b.writer().duplicateRows()).isEqualTo(both);
        org.assertj.core.api.Assertions.assertThat(count("SELECT COUNT(*) FROM device")).isEqualTo(30);
        // no batch failed on the other writer's rows (a rollback and retry would hide a wrong cache only by luck)
        org.assertj.core.api.Assertions.assertThat(failures).isEmpty();
        assertRollupsMatchRawReadings();
    }

    private static void feed(Store s, java.util.List<org.frischluft.model.Reading> rs) {
        for (int i = 0; i < rs.size(); i += 25) {
            s.writer().submitAll(rs.subList(i, Math.min(rs.size(), i + 25)));
            if (i % 500 == 0) s.writer().flush(FLUSH); // both writers stay in the same hours
        }
        s.writer().flush(FLUSH);
    }

    @Override
    StoreOptions options() {
        return StoreOptions.of(SERVER + "?currentSchema=" + schema).withCredentials(USER, null);
    }
}
