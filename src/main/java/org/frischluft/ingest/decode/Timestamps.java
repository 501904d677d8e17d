package org.frischluft.ingest.decode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Message times: ISO-8601 text through a fast parser for the one shape network servers send, else java.time;
 * epoch numbers without the exceptions {@link Instant} throws beyond its range. Never throws.
 */
final class Timestamps {
    private Timestamps() {
    }

    /** {@code iso} as an instant ({@code Z} or an offset), or {@code fallback} when absent or unparseable. */
    static Instant time(String iso, Instant fallback) {
        if (iso == null || iso.isBlank()) return fallback;
        Instant fast = utc(iso);
        if (fast != null) return fast;
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException e2) {
                return fallback;
            }
        }
    }

    /**
     * The one shape network servers send, {@code 2024-10-15T08:15:30.123456789Z} (0 to 9 fraction digits), parsed
     * without java.time's general parser (a third of a TTN uplink's decode time); null for anything else, which
     * then goes through {@link Instant#parse}. Same result as {@code Instant.parse} for what it accepts.
     */
    static Instant utc(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) return null;
            nanos = digits(s, 20, fraction);
            if (nanos < 0) return null;
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** Epoch milliseconds above 10^11 (after March 1973 as ms), else epoch seconds; {@code fallback} beyond Instant's range. */
    static Instant epoch(long v, Instant fallback) {
        if (v > 100_000_000_000L) return Instant.ofEpochMilli(v);
        Instant s = epochSecond(v);
        return s != null ? s : fallback;
    }

    /** {@link Instant#ofEpochSecond(long)}, or null where it would throw. */
    static Instant epochSecond(long v) {
        return v < Instant.MIN.getEpochSecond() || v > Instant.MAX.getEpochSecond() ? null : Instant.ofEpochSecond(v);
    }
}
