package org.frischluft.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin's tables (Flyway {@code V4__admin.sql}): numbered school versions and one audit row per changed field, as
 * plain rows, so the store needs nothing of the {@code admin} feature. Written by the admin's own thread (a few rows
 * an hour at most, never the readings table, so not through the readings writer); a version and its audit rows are
 * committed together or not at all.
 */
public final class AdminRows {
    /** One stored school version; {@code json} is the whole school file. */
    public record Version(long number, Instant time, String actor, String summary, String json) {
        public Version {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(json, "json");
        }
    }

    /** One changed field: {@code what} is a path such as {@code site gym / room 1.12 / volume}. */
    public record Audit(long version, Instant time, String actor, String what, String old, String now) {
    }

    /** A change to write with a version (its version number and time are the version's). */
    public record Change(String what, String old, String now) {
    }

    static final int VALUE_MAX = 2000;

    private final ConnectionPool connections;

    AdminRows(ConnectionPool connections) {
        this.connections = connections;
    }

    /**
     * Stores the next version (the highest number + 1) with its changes in one transaction.
     *
     * @return its number
     */
    public long append(Instant time, String actor, String summary, String json, List<Change> changes) {
        try (Connection c = connections.open()) {
            try {
                long next;
                try (PreparedStatement s = c.prepareStatement("SELECT MAX(version_no) FROM school_version");
                     ResultSet r = s.executeQuery()) {
                    next = (r.next() ? r.getLong(1) : 0L) + 1;
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO school_version (version_no, saved_at, actor, summary, school_json) VALUES (?, ?, ?, ?, ?)")) {
                    s.setLong(1, next);
                    s.setLong(2, time.toEpochMilli());
                    s.setString(3, cut(actor, 128));
                    s.setString(4, cut(summary == null ? "" : summary, 1000));
                    s.setString(5, json);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO admin_audit (version_no, changed_at, actor, what, "
                        + "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (Change ch : changes) {
                        s.setLong(1, next);
                        s.setLong(2, time.toEpochMilli());
                        s.setString(3, cut(actor, 128));
                        s.setString(4, cut(ch.what(), 1000));
                        s.setString(5, cut(ch.old(), VALUE_MAX));
                        s.setString(6, cut(ch.now(), VALUE_MAX));
                        s.addBatch();
                    }
                    if (!changes.isEmpty()) s.executeBatch();
                }
                c.commit();
                return next;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the school version: " + Store.firstLine(e.getMessage()), e);
        }
    }

    /** Every version, oldest first. */
    public List<Version> versions() {
        return versions("SELECT version_no, saved_at, actor, summary, school_json FROM school_version ORDER BY version_no");
    }

    /** The newest version, if any. */
    public Optional<Version> latest() {
        List<Version> v = versions("SELECT version_no, saved_at, actor, summary, school_json FROM school_version "
                + "ORDER BY version_no DESC FETCH FIRST 1 ROWS ONLY");
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Every audit row, in version order, then in the order they were written. */
    public List<Audit> audit() {
        try {
            return connections.with(c -> {
                List<Audit> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT version_no, changed_at, actor, what, old_value, new_value "
                        + "FROM admin_audit ORDER BY version_no, id"); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Audit(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6)));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit: " + Store.firstLine(e.getMessage()), e);
        }
    }

    private List<Version> versions(String sql) {
        try {
            return connections.with(c -> {
                List<Version> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Version(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3), r.getString(4),
                                r.getString(5)));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read the school versions: " + Store.firstLine(e.getMessage()), e);
        }
    }

    private static String cut(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
