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
    StoreOptions options() {
        return StoreOptions.of(SERVER + "?currentSchema=" + schema).withCredentials(USER, null);
    }
}
