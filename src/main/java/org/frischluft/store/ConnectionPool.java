package org.frischluft.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A few idle connections kept for query threads; more are opened when all are in use. */
final class ConnectionPool implements AutoCloseable {
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final String url;
    private final String user;
    private final String password;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    ConnectionPool(String url, String user, String password, int keepIdle) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.idle = new ArrayBlockingQueue<>(keepIdle);
    }

    Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        return c;
    }

    <T> T with(SqlWork<T> work) throws SQLException {
        if (closed) throw new SQLException("store is closed");
        Connection c = idle.poll();
        if (c == null || c.isClosed()) {
            c = open();
        }
        boolean ok = false;
        try {
            T result = work.run(c);
            c.rollback(); // queries only: end the read transaction
            ok = true;
            return result;
        } finally {
            if (ok && !closed && idle.offer(c)) {
                c = null;
            }
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already broken
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
