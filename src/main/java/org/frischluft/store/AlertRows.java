package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code alert} table (Flyway {@code V2__alerts.sql}): alerts as plain rows, so the store needs nothing of the
 * {@code alert} feature. Written by the alert feature's own output thread (a few rows a day, never the readings
 * table, so it does not go through the readings writer); read once at start. Same SQL on H2 and PostgreSQL: an
 * upsert is an UPDATE and, where it found no row, an INSERT.
 */
public final class AlertRows {
    /**
     * One alert as stored. {@code room} is null for a site-wide alert; the times after {@code opened} are null until
     * they happened.
     */
    public record Row(long id, String rule, String site, String room, String state, Instant opened, Instant since,
                      Instant escalated,
                      Instant acknowledged, String acknowledgedBy, String comment, Instant resolved, Double value,
                      Instant reminded) {
        public Row {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(opened, "opened");
            since = since == null ? opened : since;
        }
    }

    private static final String COLUMNS = "id, rule, site_id, room_id, state, opened_at, since_at, escalated_at, acked_at, acked_by, "
            + "ack_comment, resolved_at, value_num, reminded_at";

    private final ConnectionPool connections;

    AlertRows(ConnectionPool connections) {
        this.connections = connections;
    }

    /** Every alert not yet resolved, oldest first. */
    public List<Row> unresolved() {
        return query("SELECT " + COLUMNS + " FROM alert WHERE resolved_at IS NULL ORDER BY id");
    }

    /** The newest {@code limit} alerts, resolved or not, newest first. */
    public List<Row> recent(int limit) {
        return query("SELECT " + COLUMNS + " FROM alert ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
    }

    /** The highest id ever stored, 0 for none: new alerts continue after it. */
    public long maxId() {
        try {
            return connections.with(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT MAX(id) FROM alert"); ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read alerts: " + Store.firstLine(e.getMessage()), e);
        }
    }

    /** Inserts or updates these rows in one transaction. */
    public void save(List<Row> rows) {
        if (rows.isEmpty()) return;
        try (Connection c = connections.open()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE alert SET rule = ?, site_id = ?, room_id = ?, "
                    + "state = ?, opened_at = ?, since_at = ?, escalated_at = ?, acked_at = ?, acked_by = ?, ack_comment = ?, "
                    + "resolved_at = ?, value_num = ?, reminded_at = ? WHERE id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO alert (rule, site_id, room_id, state, "
                         + "opened_at, since_at, escalated_at, acked_at, acked_by, ack_comment, resolved_at, value_num, reminded_at, id) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Row row : rows) {
                    bind(update, row);
                    if (update.executeUpdate() == 0) {
                        bind(insert, row);
                        insert.executeUpdate();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot store alerts: " + Store.firstLine(e.getMessage()), e);
        }
    }

    private static void bind(PreparedStatement s, Row r) throws SQLException {
        s.setString(1, r.rule());
        s.setString(2, r.site());
        s.setString(3, r.room());
        s.setString(4, r.state());
        s.setLong(5, r.opened().toEpochMilli());
        s.setLong(6, r.since().toEpochMilli());
        millis(s, 7, r.escalated());
        millis(s, 8, r.acknowledged());
        s.setString(9, r.acknowledgedBy());
        s.setString(10, r.comment());
        millis(s, 11, r.resolved());
        if (r.value() == null) s.setNull(12, Types.DOUBLE);
        else s.setDouble(12, r.value());
        millis(s, 13, r.reminded());
        s.setLong(14, r.id());
    }

    private static void millis(PreparedStatement s, int i, Instant t) throws SQLException {
        if (t == null) s.setNull(i, Types.BIGINT);
        else s.setLong(i, t.toEpochMilli());
    }

    private List<Row> query(String sql) {
        try {
            return connections.with(c -> {
                List<Row> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        double v = r.getDouble(13);
                        Double value = r.wasNull() ? null : v;
                        out.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                instant(r, 6), instant(r, 7), instant(r, 8), instant(r, 9), r.getString(10),
                                r.getString(11), instant(r, 12), value, instant(r, 14)));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read alerts: " + Store.firstLine(e.getMessage()), e);
        }
    }

    private static Instant instant(ResultSet r, int i) throws SQLException {
        long v = r.getLong(i);
        return r.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
