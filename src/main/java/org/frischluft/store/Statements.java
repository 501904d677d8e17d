package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frischluft.store.Schema.Dialect;

/**
 * The writer's connection and the statements it keeps prepared on it ({@code store-writer} thread only), the
 * multi-row insert every batch goes through, and the commit with H2's periodic fsync.
 *
 * <p>Statements stay prepared because H2 re-parses SQL otherwise (its per-session cache holds only a few
 * statements), which for the 25-column rollup statements cost more than the writes.
 */
final class Statements {
    /** H2: fsync after a commit at most this often (bounds what a power cut can take). */
    static final Duration SYNC_EVERY = Duration.ofSeconds(5);
    private static final int ROWS_PER_INSERT = 100;

    /** Sets the parameters of one row, starting at parameter {@code col}. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, int col, T item) throws SQLException;
    }

    private final ConnectionPool connections;
    private final Dialect dialect;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, String[]> multiRowInserts = new HashMap<>();
    private Connection conn;
    private Connection statementsOf;
    private long lastSyncNanos = System.nanoTime();

    Statements(ConnectionPool connections, Dialect dialect) {
        this.connections = connections;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The writer's connection; a new one once the last was closed (after a failure, or by the server). */
    Connection connection() throws SQLException {
        if (conn == null || conn.isClosed()) {
            conn = connections.open();
        }
        return conn;
    }

    /** The statement for {@code sql}, prepared on {@code c} the first time it is asked for. */
    PreparedStatement prepared(Connection c, String sql) throws SQLException {
        if (statementsOf != c) {
            statements.clear();
            statementsOf = c;
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /**
     * Runs the single-row {@code INSERT}/{@code MERGE ... VALUES (?, ...)} for every item. On H2 the rows go
     * {@link #ROWS_PER_INSERT} (then 10) to a statement ({@code VALUES (...), (...), ...}): H2 executes each
     * statement of a JDBC batch on its own, and that per-statement work was about a third of a single-row insert
     * (raw inserts: ~0.7 M rows per CPU-s one per statement, ~1 M with 100 per statement). PostgreSQL keeps one
     * row per statement, because the writer needs to know which rows {@code ON CONFLICT DO NOTHING} skipped.
     *
     * @return the per-row update counts on PostgreSQL; null on H2 (every row inserted, or an exception)
     */
    <T> int[] insertAll(Connection c, String sql, List<T> items, Binder<T> binder) throws SQLException {
        int done = dialect == Dialect.H2 ? multiRows(c, sql, items, binder) : 0;
        if (done == items.size()) return null;
        int[] counts = singleRows(c, sql, items, done, binder);
        return dialect == Dialect.H2 ? null : counts;
    }

    /**
     * Runs an {@code INSERT ... VALUES (?, ...) ON CONFLICT ... DO UPDATE} (PostgreSQL) or {@code MERGE} for every
     * item, {@link #ROWS_PER_INSERT} rows to a statement on both databases (nobody needs per-row counts). The items'
     * keys must be distinct: PostgreSQL refuses to update one row twice in one statement.
     */
    <T> void upsertAll(Connection c, String sql, List<T> items, Binder<T> binder) throws SQLException {
        int done = multiRows(c, sql, items, binder);
        if (done < items.size()) singleRows(c, sql, items, done, binder);
    }

    /** @return how many items went into multi-row statements (the rest, fewer than 10, are left) */
    private <T> int multiRows(Connection c, String sql, List<T> items, Binder<T> binder) throws SQLException {
        int done = 0;
        int params = (int) sql.chars().filter(ch -> ch == '?').count();
        String[] multi = multiRowInserts.computeIfAbsent(sql, Statements::multiRow);
        for (int size = ROWS_PER_INSERT, tier = 0; size > 1; size /= 10, tier++) {
            if (items.size() - done < size) continue;
            PreparedStatement ps = prepared(c, multi[tier]);
            for (; done + size <= items.size(); done += size) {
                for (int j = 0; j < size; j++) binder.bind(ps, 1 + j * params, items.get(done + j));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return done;
    }

    private <T> int[] singleRows(Connection c, String sql, List<T> items, int from, Binder<T> binder) throws SQLException {
        PreparedStatement single = prepared(c, sql);
        for (int i = from; i < items.size(); i++) {
            binder.bind(single, 1, items.get(i));
            single.addBatch();
        }
        return single.executeBatch();
    }

    /**
     * The statement with {@link #ROWS_PER_INSERT} rows, then with a tenth of that, and so on down to 10. What
     * follows the row ({@code ON CONFLICT ...}) stays at the end.
     */
    private static String[] multiRow(String singleRow) {
        int values = singleRow.lastIndexOf(" VALUES (");
        int close = singleRow.indexOf(')', values);
        String tuple = singleRow.substring(values + " VALUES ".length(), close + 1);
        String rest = singleRow.substring(close + 1);
        List<String> out = new ArrayList<>();
        for (int size = ROWS_PER_INSERT; size > 1; size /= 10) {
            StringBuilder sb = new StringBuilder(singleRow.substring(0, values)).append(" VALUES ");
            for (int j = 0; j < size; j++) sb.append(j == 0 ? "" : ", ").append(tuple);
            out.add(sb.append(rest).toString());
        }
        return out.toArray(String[]::new);
    }

    /** Commits; on H2 then forces the file to disk if the last time was {@link #SYNC_EVERY} ago. */
    void commit(Connection c) throws SQLException {
        c.commit();
        String sql = dialect.periodicSync();
        if (sql == null || System.nanoTime() - lastSyncNanos < SYNC_EVERY.toNanos()) return;
        lastSyncNanos = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    void rollbackQuietly() {
        try {
            if (conn != null && !conn.isClosed()) conn.rollback();
        } catch (SQLException ignored) {
            // the connection is dropped on the next failure anyway
        }
    }

    /** After a failed transaction: the statements may hold half-added batches. */
    void closeAll() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // dropped anyway
            }
        }
        statements.clear();
    }

    /** The connection may be broken (server restarted): {@link #connection()} opens a new one next time. */
    void closeConnection() {
        Connection c = conn;
        conn = null;
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // broken anyway
        }
    }

    /** Used by close(), once the writer stopped: the connection, if still open, for H2's SHUTDOWN COMPACT. */
    Connection take() {
        Connection c = conn;
        conn = null;
        return c;
    }
}
