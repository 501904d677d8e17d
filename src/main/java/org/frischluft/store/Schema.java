package org.frischluft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.frischluft.model.Metric;

/**
 * Key packing, column names and the one place where H2 and PostgreSQL differ.
 *
 * <p>Keys are {@code deviceId << 42 | epochMillis}: 42 bits of milliseconds reach the year 2109, 21 bits of
 * device id allow two million sensors, and the key stays positive.
 */
final class Schema {
    static final int TIME_BITS = 42;
    static final long TIME_MASK = (1L << TIME_BITS) - 1;
    static final long DEVICE_MAX = (1L << (63 - TIME_BITS)) - 1;

    /** Metrics with a column in {@code reading} and in the rollups, in column order. */
    static final List<Metric> STORED = List.of(Metric.CO2, Metric.TEMPERATURE, Metric.HUMIDITY, Metric.PRESSURE,
            Metric.BATTERY_V, Metric.BATTERY_PCT);

    /** A rollup table and its bucket width. */
    enum Rollup {
        FIVE_MINUTES("rollup_5m", Duration.ofMinutes(5)), HOUR("rollup_1h", Duration.ofHours(1));

        final String table;
        final long widthMs;

        Rollup(String table, Duration width) {
            this.table = table;
            this.widthMs = width.toMillis();
        }

        long bucket(long epochMs) {
            return epochMs - Math.floorMod(epochMs, widthMs);
        }
    }

    private Schema() {
    }

    static long key(int device, long epochMs) {
        return ((long) device << TIME_BITS) | epochMs;
    }

    static int device(long key) {
        return (int) (key >>> TIME_BITS);
    }

    static long millis(long key) {
        return key & TIME_MASK;
    }

    /** Clamps an instant into the key's time range, so range bounds never overflow into a neighbour device. */
    static long clampMillis(Instant t) {
        if (t == null) return 0;
        long ms;
        try {
            ms = t.toEpochMilli();
        } catch (ArithmeticException e) {
            return t.isBefore(Instant.EPOCH) ? 0 : TIME_MASK;
        }
        return Math.max(0, Math.min(TIME_MASK, ms));
    }

    static boolean storable(Instant t) {
        long s = t.getEpochSecond(); // no Instant allocated: called for every reading
        if (s < 0) return false;
        if (s != TIME_MASK / 1000) return s < TIME_MASK / 1000;
        return t.getNano() / 1_000_000 < TIME_MASK % 1000;
    }

    static int index(Metric m) {
        return STORED.indexOf(m);
    }

    static String readingColumns() {
        return STORED.stream().map(Metric::key).collect(Collectors.joining(", "));
    }

    static String rollupColumns() {
        return STORED.stream().map(m -> m.key() + "_n, " + m.key() + "_sum, " + m.key() + "_min, " + m.key() + "_max")
                .collect(Collectors.joining(", "));
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Database flavour: the only SQL that differs. */
    enum Dialect {
        H2, POSTGRESQL;

        static Dialect of(String jdbcUrl) {
            return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
        }

        /**
         * Insert that never fails the batch on a key that is already there. H2 needs nothing extra: the writer is
         * the only one writing to an embedded file and checks keys first. PostgreSQL may have several writers
         * (one {@code record} per school on a city server), so the database decides.
         */
        String insertReading() {
            String sql = "INSERT INTO reading (k, " + readingColumns() + ") VALUES (" + placeholders(1 + STORED.size()) + ")";
            return this == POSTGRESQL ? sql + " ON CONFLICT (k) DO NOTHING" : sql;
        }

        /**
         * Run by the writer after a commit at most every {@link Statements#SYNC_EVERY}: fsync, so a power cut
         * loses at most that much. (A SIGKILL loses nothing once committed: {@code WRITE_DELAY=0} below makes H2
         * write each commit to the file before the commit returns; with H2's default 500 ms a killed process
         * lost up to the last half second of reported commits in this project's crash test.) PostgreSQL's commit
         * is already durable.
         */
        String periodicSync() {
            return this == H2 ? "CHECKPOINT SYNC" : null;
        }

        /**
         * H2 settings the store relies on, unless the URL sets them: {@code DB_CLOSE_ON_EXIT=FALSE} keeps the
         * database open until {@link Store#close()} flushed the writer (H2's own shutdown hook would otherwise
         * close it under the writer on SIGTERM); {@code WRITE_DELAY=0} writes each commit to the file at once
         * (the default 500 ms delay loses committed batches on SIGKILL). (H2's AUTO_SERVER cannot be combined with
         * the first, so readers beside the recorder go through {@link SharedFile}.)
         */
        String effectiveUrl(String url) {
            if (this != H2) return url;
            String upper = url.toUpperCase(Locale.ROOT);
            StringBuilder sb = new StringBuilder(url);
            if (!upper.contains("DB_CLOSE_ON_EXIT")) sb.append(";DB_CLOSE_ON_EXIT=FALSE");
            if (!upper.contains("WRITE_DELAY")) sb.append(";WRITE_DELAY=0");
            return sb.toString();
        }
    }
}
